package briefing

import (
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// TestMastheadDateIsBeijing: without a date in briefing.toml, the masthead
// gives the Beijing date of the packet time: SOURCE_DATE_EPOCH 1558022400
// is 16 May 2019 16:00 UTC, which is 17 May in Beijing.
func TestMastheadDateIsBeijing(t *testing.T) {
	cases := []struct {
		created  time.Time
		meta     string
		lang     vocab.Lang
		want     string
		wantLast string
	}{
		{time.Unix(1558022400, 0), "", vocab.Zh, "2019年5月17日", "2019年5月17日印发"},
		{time.Unix(1558022400-1, 0), "", vocab.Zh, "2019年5月16日", "2019年5月16日印发"},
		{time.Unix(1558022400, 0), "", vocab.En, "17 May 2019", "Issued 17 May 2019"},
		{time.Unix(1558022400, 0), "2019-06-01", vocab.Zh, "2019年6月1日", "2019年6月1日印发"},
	}
	for _, c := range cases {
		d := westernDataset()
		d.Meta.Date = c.meta
		opts := Options{Created: c.created, Lang: c.lang}
		doc, err := Build(mustCompare(t, d), opts)
		if err != nil {
			t.Fatal(err)
		}
		if doc.Masthead.Date != c.want || doc.Colophon.Issued != c.wantLast {
			t.Errorf("created %v, date %q: masthead %q, 版记 %q; want %q, %q", c.created.UTC(), c.meta, doc.Masthead.Date, doc.Colophon.Issued, c.want, c.wantLast)
		}
	}
}
