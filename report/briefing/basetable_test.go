package briefing

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/report/document"
)

// TestBaseTableAtScale: at 3,000 units the briefing keeps a base table (it
// dropped it for a sentence before, and earlier listed twelve bases all in
// 北京): the bases of the cities with the most members, at most two a
// city, then how many more there are and where they are listed.
func TestBaseTableAtScale(t *testing.T) {
	c := scaled(t, 3000, 9000)
	doc, err := Build(c, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	var tb *document.Table
	for _, b := range doc.Blocks {
		if v, ok := b.(document.Table); ok && len(v.Header) > 1 && v.Header[1] == "名称" {
			tb = &v
		}
	}
	if tb == nil {
		t.Fatal("no base table at 3,000 units")
	}
	if len(tb.Rows) != baseRows+2 {
		t.Fatalf("%d rows, want %d bases, 其余 and 合计", len(tb.Rows), baseRows)
	}
	rank := map[string]int{}
	for i, ct := range c.InReadingOrder().Cities {
		if _, ok := rank[ct.City]; !ok {
			rank[ct.City] = i
		}
	}
	// The caption says 重点项目在前: every key project (a batch) before
	// the other bases, each group in the cities' order. Before, the
	// cities' order came first: the largest city's bases without a batch
	// headed the table (m50: two 兰州 bases, then 哈尔滨 第八批).
	if !strings.Contains(tb.Caption, "重点项目在前") {
		t.Errorf("caption %q does not say key projects first", tb.Caption)
	}
	perCity, last, keys := map[string]int{}, -1, true
	for _, r := range tb.Rows[:baseRows] {
		city, key := r[2], r[4] != "—"
		if key && !keys {
			t.Errorf("key project %s (%s) listed after a base without a batch", r[1], r[4])
		}
		if keys != key {
			keys, last = key, -1
		}
		perCity[city]++
		if perCity[city] > 2 {
			t.Errorf("%s has %d bases listed, want at most 2", city, perCity[city])
		}
		if rank[city] < last {
			t.Errorf("%s (rank %d) listed after a city of rank %d", city, rank[city], last)
		}
		last = rank[city]
	}
	if len(perCity) < baseRows/2 {
		t.Errorf("%d cities among %d bases", len(perCity), baseRows)
	}
	if rest := tb.Rows[baseRows][1]; !strings.HasPrefix(rest, "其余8988个") {
		t.Errorf("rest row %q", rest)
	}
	if len(tb.Notes) == 0 || !strings.Contains(tb.Notes[len(tb.Notes)-1], "工作簿") {
		t.Errorf("notes %q do not say where every base is", tb.Notes)
	}
}
