package briefing

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// tableWith is the document's table whose caption starts with prefix.
func tableWith(tb testing.TB, doc *document.Document, prefix string) document.Table {
	tb.Helper()
	for _, b := range doc.Blocks {
		if t, ok := b.(document.Table); ok && strings.HasPrefix(t.Caption, prefix) {
			return t
		}
	}
	tb.Fatalf("no table %q", prefix)
	return document.Table{}
}

func column(t document.Table, name string) int {
	for i, h := range t.Header {
		if h == name {
			return i
		}
	}
	return -1
}

// The city table is ranked: 北京 1,053,303 and 海口 1,052,534 printed
// 105.3万 both at ranks 10 and 11 of the national briefing, read as tied.
// They are told apart, in the document both files draw; a true tie stays
// alike. In English a members column is in one form: it mixed 1.05m with
// 970,231.
func TestRankedNeighboursToldApart(t *testing.T) {
	d := small([][2]string{{"成都", "四川"}, {"北京", "北京"}, {"海口", "海南"}, {"重庆", "重庆"}, {"贵阳", "贵州"}},
		map[analysis.Period][]int64{month(2019, 5): {1053303, 1052534, 970231, 970231, 1400000}})
	c := mustCompare(t, d)
	for _, tc := range []struct {
		lang    vocab.Lang
		caption string
		want    []string // members cells, rows in rank order, then the total
	}{
		{vocab.Zh, "各城市", []string{"140万", "105.33万", "105.25万", "97万", "97万", "544.6万"}},
		{vocab.En, "New social strata members and innovation bases by city", []string{"1.40m", "1.0533m", "1.0525m", "0.97m", "0.97m", "5.45m"}},
	} {
		doc, err := Build(c, Options{Lang: tc.lang})
		if err != nil {
			t.Fatal(err)
		}
		tbl := tableWith(t, doc, tc.caption)
		col := column(tbl, vocab.For(tc.lang).T("人数", "Members"))
		var got []string
		for _, row := range tbl.Rows {
			got = append(got, row[col])
		}
		if strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("%s: members column %q, want %q", tc.lang, got, tc.want)
		}
	}
}
