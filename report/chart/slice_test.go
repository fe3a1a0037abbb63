package chart

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// A province slice's charts say what they show: its one region row holds
// the province alone, so every subtitle named the region (华北) over the
// province's own cities. Its charts by province are not drawn: each was
// one bar (the province) under a title such as 各省区市实践创新基地数量,
// comparing nothing; the log says so once for the three.
func TestProvinceSliceChartsSayTheProvince(t *testing.T) {
	d := national()
	full := mustCompare(t, d)
	var p analysis.ProvinceRow
	for _, q := range full.Provinces {
		if q.Members != nil && q.RankInRegion != nil && *q.RankInRegion > 1 && q.Bases > 0 {
			p = q
			break
		}
	}
	if p.Province == "" {
		t.Fatal("fixture: no province with bases ranked below first in its region")
	}
	c, err := analysis.CompareSlice(d, full, analysis.SliceProvince, p.Province)
	if err != nil {
		t.Fatal(err)
	}
	words := renderWords(t, c, vocab.Zh)
	for _, name := range byProvince {
		if w, drawn := words[name]; drawn {
			t.Errorf("%s slice: %s drawn with one bar:\n%s", p.Province, name, w)
		}
	}
	if len(words) < 2 {
		t.Errorf("%s slice: charts %v, want its cities' charts still drawn", p.Province, slices.Sorted(maps.Keys(words)))
	}
	for name, w := range words {
		sub := strings.SplitN(strings.SplitN(w, "subtitle: ", 2)[1], "\n", 2)[0]
		if strings.Contains(sub, " · "+p.Region+" · ") || !strings.Contains(sub, p.Province) {
			t.Errorf("%s slice: %s subtitle %q names the region, not the province", p.Province, name, sub)
		}
	}
	_, notes, err := Render(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "charts members_by_province, bases_by_province, coverage_by_province skipped: a province slice holds one province, so a chart by province compares nothing"
	if !slices.Contains(notes, want) {
		t.Errorf("%s slice: notes %q, want one saying %q", p.Province, notes, want)
	}
}

// byProvince are the charts with a bar per province.
var byProvince = []string{"members_by_province", "bases_by_province", "coverage_by_province"}

// TestSliceChartsByProvince: a province slice has no chart by province
// (each was one bar, comparing nothing); a region slice keeps them, a bar
// for each of its provinces.
func TestSliceChartsByProvince(t *testing.T) {
	d := national()
	full := mustCompare(t, d)
	r := full.Regions[0]
	if r.Provinces < 2 {
		t.Fatalf("fixture: region %s has %d provinces, want several", r.Region, r.Provinces)
	}
	var p analysis.ProvinceRow
	for _, q := range full.Provinces {
		if q.Region == r.Region && q.Bases > 0 && q.Members != nil {
			p = q
			break
		}
	}
	for _, tt := range []struct {
		kind, name string
		bars       int // rows of each chart by province; 0: not drawn
	}{
		{analysis.SliceProvince, p.Province, 0},
		{analysis.SliceRegion, r.Region, r.Provinces},
	} {
		t.Run(tt.kind, func(t *testing.T) {
			c, err := analysis.CompareSlice(d, full, tt.kind, tt.name)
			if err != nil {
				t.Fatal(err)
			}
			words := renderWords(t, c, vocab.Zh)
			for _, name := range byProvince {
				w, drawn := words[name]
				if got := strings.Count(w, "row: "); drawn != (tt.bars > 0) || got < tt.bars {
					t.Errorf("%s slice %s: %s drawn %v with %d rows, want %d bars (none: not drawn):\n%s", tt.kind, tt.name, name, drawn, got, tt.bars, w)
				}
			}
		})
	}
}

// Data of one province (an office's own 市州, not a slice) have the same
// one bar: those charts are skipped too, the note naming the province.
func TestOneProvinceDataSkipsProvinceCharts(t *testing.T) {
	d := national()
	prov := d.Cities[0].Province
	d.Cities = slices.DeleteFunc(d.Cities, func(c analysis.City) bool { return c.Province != prov })
	d.Bases = slices.DeleteFunc(d.Bases, func(b analysis.Base) bool { return b.Province != prov })
	d.Figures = slices.DeleteFunc(d.Figures, func(f analysis.Figure) bool { return f.Province != prov })
	c := mustCompare(t, d)
	if len(c.Provinces) != 1 {
		t.Fatalf("fixture: %d provinces, want 1", len(c.Provinces))
	}
	words := renderWords(t, c, vocab.Zh)
	for _, name := range byProvince {
		if _, drawn := words[name]; drawn {
			t.Errorf("%s alone: %s drawn with one bar", prov, name)
		}
	}
	if _, drawn := words["members_by_city"]; !drawn {
		t.Errorf("%s alone: members_by_city not drawn", prov)
	}
	_, notes, err := Render(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "charts members_by_province, bases_by_province, coverage_by_province skipped: the data hold one province (" + prov + "), so a chart by province compares nothing"
	if !slices.Contains(notes, want) {
		t.Errorf("notes %q, want one saying %q", notes, want)
	}
	// Its charts are said of the province, not of its region, whose other
	// provinces the data do not hold; nor is the region's trend drawn, its
	// one line the province's cities under the region's name.
	region := c.Regions[0].Region
	if w := words["members_by_city"]; !strings.Contains(w, prov) || strings.Contains(w, region) {
		t.Errorf("%s alone: members_by_city says %q, want %s and not %s", prov, w, prov, region)
	}
	m := monthly()
	m.Cities = slices.DeleteFunc(m.Cities, func(c analysis.City) bool { return c.Province != prov })
	m.Bases = slices.DeleteFunc(m.Bases, func(b analysis.Base) bool { return b.Province != prov })
	m.Figures = slices.DeleteFunc(m.Figures, func(f analysis.Figure) bool { return f.Province != prov })
	if _, drawn := renderWords(t, mustCompare(t, m), vocab.Zh)["trend_by_region"]; drawn {
		t.Errorf("%s alone over 26 months: trend_by_region drawn, one line under %s's name", prov, region)
	}
}

// mergeNotes says once the reason shared by several charts.
func TestMergeNotes(t *testing.T) {
	got := mergeNotes([]string{
		"chart a skipped: why",
		"chart b skipped: other",
		"chart c skipped: why",
		"something else",
	})
	want := []string{"charts a, c skipped: why", "chart b skipped: other", "something else"}
	if !slices.Equal(got, want) {
		t.Errorf("mergeNotes = %q, want %q", got, want)
	}
}
