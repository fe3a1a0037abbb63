package chart

import (
	"slices"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
)

// TestOneBarSkipped: a city chart with one bar compares nothing, so it is
// skipped with a note naming the city, as the workbook leaves out a chart
// of fewer than two cities. The default data's 四川 slice has one reporting
// city of two; the monthly fixture cut to one city's figures has one city
// with a change and a year-on-year change.
func TestOneBarSkipped(t *testing.T) {
	oneCity := func() *analysis.Comparison {
		d := monthly()
		city := d.Figures[0].City
		d.Figures = slices.DeleteFunc(d.Figures, func(f analysis.Figure) bool { return f.City != city })
		return mustCompare(t, d)
	}
	tests := []struct {
		name    string
		c       func() *analysis.Comparison
		absent  []string
		notes   []string // substrings of some note each
		present []string
	}{
		{"default 四川 slice", func() *analysis.Comparison { return sliceOf(t, western(), "四川") },
			[]string{"members_by_city"},
			[]string{"members_by_city skipped: only 成都 has a member figure for 2019"}, nil},
		{"one city over 26 months", oneCity,
			[]string{"members_by_city", "change_by_city", "yoy_by_city"},
			[]string{"members_by_city skipped: only ", "change_by_city skipped: only ", "yoy_by_city skipped: only ", "one bar compares nothing"}, nil},
		{"default data, two cities", func() *analysis.Comparison { return mustCompare(t, western()) },
			nil, nil, []string{"members_by_city"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			charts, notes, err := Render(tt.c(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			names := chartNames(charts)
			for _, n := range tt.absent {
				if slices.Contains(names, n) {
					t.Errorf("%s drawn (%v), want it skipped", n, names)
				}
			}
			for _, n := range tt.present {
				if !slices.Contains(names, n) {
					t.Errorf("%s not drawn (%v)", n, names)
				}
			}
			all := strings.Join(notes, "\n")
			for _, s := range tt.notes {
				if !strings.Contains(all, s) {
					t.Errorf("no note says %q; notes:\n%s", s, all)
				}
			}
		})
	}
}
