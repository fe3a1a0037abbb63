package analysis

import (
	"fmt"
	"testing"
)

// PeriodFigures stores counts as uint32 with larger ones aside, and one
// source per period until two differ: At and Figure give back what went in.
func TestPeriodFiguresRoundTrip(t *testing.T) {
	h := History{Places: []Place{{"省", "甲"}, {"省", ""}}, Sources: []string{"", "月报", "年报"}}
	pf := PeriodFigures{Period: y2019}
	rows := []struct {
		place  int
		seg    Segment
		n      int64
		line   int32
		source uint16
	}{
		{0, SegmentAll, 1400000, 2, 1},
		{0, SegmentNewMedia, 1<<32 - 1, 3, 1}, // the mark itself: stored aside
		{1, SegmentAll, 5_000_000_000, 4, 1},  // past uint32
		{0, SegmentFreelance, 0, 5, 2},        // a second source
		{1, SegmentEnterprise, 7, 6, 0},
	}
	for i, r := range rows {
		pf.AddRow(r.place, r.seg, r.n, r.line, r.source)
		if i == 2 && pf.sources != nil {
			t.Fatalf("per-figure sources made while every source is the same")
		}
	}
	h.Periods = []PeriodFigures{pf}
	for i, r := range rows {
		f := h.Figure(0, i)
		want := fmt.Sprintf("%s%s/%d %d line %d %s", h.Places[r.place].Province, h.Places[r.place].City, r.seg, r.n, r.line, h.Sources[r.source])
		if got := fmt.Sprintf("%s%s/%d %d line %d %s", f.Province, f.City, f.Segment, f.Members, f.Line, f.Source); got != want {
			t.Errorf("figure %d = %s, want %s", i, got, want)
		}
	}
	if pf.Len() != 5 || len(pf.big) != 2 {
		t.Errorf("len %d, %d counts aside", pf.Len(), len(pf.big))
	}
}
