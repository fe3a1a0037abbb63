package workbook

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// sheetChart is what a chart part of the 图表 sheet draws: its title and
// every cell range it reads (series names, categories, values).
type sheetChart struct {
	title string
	refs  []string
}

var (
	chartTitleText = regexp.MustCompile(`<a:t>([^<]*)</a:t>`)
	chartRef       = regexp.MustCompile(`<f>([^<]*)</f>`)
)

// chartsOf reads the workbook's chart parts, in order.
func chartsOf(t *testing.T, file []byte) []sheetChart {
	t.Helper()
	parts := unzipParts(t, file)
	var out []sheetChart
	for i := 1; ; i++ {
		xml, ok := parts[chartPart(i)]
		if !ok {
			return out
		}
		var ch sheetChart
		if m := chartTitleText.FindSubmatch(xml); m != nil {
			ch.title = string(m[1])
		}
		for _, m := range chartRef.FindAllSubmatch(xml, -1) {
			ch.refs = append(ch.refs, strings.ReplaceAll(string(m[1]), "&#39;", "'"))
		}
		out = append(out, ch)
	}
}

// A province slice's 图表 sheet compares its cities: it drew the charts by
// province over its one province row ('省份'!$A$2:$A$2, a bar comparing
// nothing) and 各片区人数走势 with one line, its one region row being the
// province. A region slice keeps its charts by province, a bar each.
func TestSliceChartsCompare(t *testing.T) {
	nat := sample.National(sample.Options{Cities: 120, Previous: true})
	months := sample.National(sample.Options{Cities: 120, Months: 26})
	slice := func(d *analysis.Dataset, kind string) *analysis.Comparison {
		t.Helper()
		full := mustCompare(t, d)
		for _, name := range analysis.SliceNames(full, kind) {
			c, err := analysis.CompareSlice(d, full, kind, name)
			if err != nil {
				t.Fatal(err)
			}
			if kind == analysis.SliceRegion && len(c.Provinces) < 2 || kind == analysis.SliceProvince && len(c.Cities) < 3 {
				continue
			}
			return c
		}
		t.Fatalf("fixture: no %s slice to compare", kind)
		return nil
	}
	reporting := func(c *analysis.Comparison) int {
		n := 0
		for _, ct := range c.Cities {
			if ct.Members != nil {
				n++
			}
		}
		return min(n, chartCities)
	}
	for _, tc := range []struct {
		name   string
		c      *analysis.Comparison
		lang   vocab.Lang
		titles []string
	}{
		{"province slice", slice(nat, analysis.SliceProvince), vocab.Zh,
			[]string{"各城市新的社会阶层人士人数", "各城市人数环比增减"}},
		{"province slice, 26 months", slice(months, analysis.SliceProvince), vocab.Zh,
			[]string{"各城市新的社会阶层人士人数", "各城市人数环比增减", "各城市人数同比增减"}},
		{"province slice en", slice(nat, analysis.SliceProvince), vocab.En,
			[]string{"New social strata members by city", "Members by city: Change"}},
		{"region slice", slice(nat, analysis.SliceRegion), vocab.Zh,
			[]string{"各省区市新的社会阶层人士人数", "各省区市实践创新基地（按批次）", "各省区市人数：可比口径本期与上期", "各片区人数走势"}},
		{"region slice, 26 months", slice(months, analysis.SliceRegion), vocab.Zh,
			[]string{"各省区市新的社会阶层人士人数", "各省区市实践创新基地（按批次）", "各省区市人数：可比口径本期与上期", "各片区人数走势"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, file, _ := mustWrite(t, tc.c, tc.lang, maxRows)
			charts := chartsOf(t, file)
			var titles []string
			for _, ch := range charts {
				titles = append(titles, ch.title)
			}
			if !slices.Equal(titles, tc.titles) {
				t.Errorf("charts %q, want %q", titles, tc.titles)
			}
			// Every range of a chart: the rows it compares, on one sheet.
			sheet, rows := quote(b.l.provinces), len(tc.c.Provinces)
			if tc.c.SliceProvince() != "" {
				sheet, rows = quote(b.l.cities), reporting(tc.c)
			}
			if rows < 2 {
				t.Fatalf("fixture: %d rows to compare", rows)
			}
			cats := fmt.Sprintf("%s!$A$2:$A$%d", sheet, rows+1)
			for _, ch := range charts {
				if ch.title == b.tl.chartTrend {
					continue // over the trend sheet's periods
				}
				if len(ch.refs) < 3 || ch.refs[1] != cats {
					t.Errorf("%s: ranges %q, want categories %s", ch.title, ch.refs, cats)
				}
				for _, r := range ch.refs {
					if !strings.HasPrefix(r, sheet+"!") {
						t.Errorf("%s: range %s, not on %s", ch.title, r, sheet)
					}
				}
			}
		})
	}
}

// A province slice none of whose cities has a figure has no chart to
// draw: its 图表 sheet says so, and the workbook has no chart part.
func TestSliceWithoutCityFigures(t *testing.T) {
	c, p := sliceOf(t, sample.National(sample.Options{Cities: 120, Previous: true}))
	c.Cities = slices.Clone(c.Cities)
	for i := range c.Cities {
		c.Cities[i].Members = nil
	}
	b, file, f := mustWrite(t, c, vocab.Zh, maxRows)
	if charts := chartsOf(t, file); len(charts) > 0 {
		t.Errorf("%d charts drawn, want none: %+v", len(charts), charts)
	}
	want := p.Province + "没有城市报送本期人数，没有比较各城市的图表。"
	if got, err := f.GetCellValue(b.l.charts, "A1"); err != nil || got != want {
		t.Errorf("%s!A1 %q (%v), want %q", b.l.charts, got, err, want)
	}
}
