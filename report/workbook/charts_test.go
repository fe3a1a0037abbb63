package workbook

import (
	"bytes"
	"fmt"
	"os/exec"
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
	big := sample.National(sample.Options{Cities: 1500, Previous: true})
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
	oneOf := func(d *analysis.Dataset) *analysis.Comparison { return oneProvinceOf(t, d) }
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
		{"province slice of more cities than a chart draws", slice(big, analysis.SliceProvince), vocab.Zh,
			[]string{"各城市新的社会阶层人士人数（人数最多的25个城市）", "各城市人数环比增减（人数最多的25个城市）"}},
		{"data of one province", oneOf(nat), vocab.Zh,
			[]string{"各城市新的社会阶层人士人数", "各城市人数环比增减"}},
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
			if len(tc.c.Provinces) == 1 {
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

// A chart of fewer than two bars compares nothing: a province slice with
// fewer than two cities with a figure draws no chart, its 图表 sheet saying
// why, and a change chart needs two cities with a change.
func TestSliceFewCities(t *testing.T) {
	base, p := sliceOf(t, sample.National(sample.Options{Cities: 120, Previous: true}))
	// with changes base's cities as edit leaves them (in reading order).
	with := func(edit func(cs []analysis.CityRow) []analysis.CityRow) *analysis.Comparison {
		c := *base.InReadingOrder()
		c.Cities = edit(slices.Clone(c.Cities))
		return &c
	}
	first := base.InReadingOrder().Cities[0].City
	for _, tc := range []struct {
		name   string
		c      *analysis.Comparison
		titles []string
		a1     string
	}{
		{"no city figure", with(func(cs []analysis.CityRow) []analysis.CityRow {
			for i := range cs {
				cs[i].Members = nil
			}
			return cs
		}), nil, p.Province + "没有城市报送本期人数，没有比较各城市的图表。"},
		{"one city reports", with(func(cs []analysis.CityRow) []analysis.CityRow {
			for i := range cs[1:] {
				cs[i+1].Members = nil
			}
			return cs
		}), nil, p.Province + "本期只有" + first + "报送人数，没有比较各城市的图表。"},
		{"one city", with(func(cs []analysis.CityRow) []analysis.CityRow { return cs[:1] }),
			nil, p.Province + "只有一个城市（" + first + "），没有比较各城市的图表。"},
		{"one city with a change", with(func(cs []analysis.CityRow) []analysis.CityRow {
			for i := range cs[1:] {
				cs[i+1].Change = nil
			}
			return cs
		}), []string{"各城市新的社会阶层人士人数"}, ""},
		{"every city", base, []string{"各城市新的社会阶层人士人数", "各城市人数环比增减"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, file, f := mustWrite(t, tc.c, vocab.Zh, maxRows)
			var titles []string
			for _, ch := range chartsOf(t, file) {
				titles = append(titles, ch.title)
			}
			if !slices.Equal(titles, tc.titles) {
				t.Errorf("charts %q, want %q", titles, tc.titles)
			}
			if got, err := f.GetCellValue(b.l.charts, "A1"); err != nil || got != tc.a1 {
				t.Errorf("%s!A1 %q (%v), want %q", b.l.charts, got, err, tc.a1)
			}
			// The 说明 sheet says what the 图表 sheet holds.
			rows, err := f.GetRows(b.l.readme)
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			for _, row := range rows {
				text.WriteString(strings.Join(row, "\n"))
			}
			want := "所以图表表没有图表"
			if len(tc.titles) > 0 {
				n := min(len(tc.c.Cities), chartCities)
				want = fmt.Sprintf("所以图表表比较%s的各城市（城市表中有人数的%d个城市，人数多的在前）", p.Province, n)
			}
			if !strings.Contains(text.String(), want) {
				t.Errorf("说明 does not say %q:\n%s", want, text.String())
			}
		})
	}
}

// TestSliceChartPages prints a province slice's workbook with LibreOffice
// (make check): its 图表 sheet prints a page per chart, each page's chart
// drawn with its title and its cities' names, and no chart by province or
// region (before: four pages, 各省区市… over the one province and
// 各片区人数走势 with one line).
func TestSliceChartPages(t *testing.T) {
	lo := needLibreOffice(t)
	c := provinceSlice(t)
	b, data, _ := mustWrite(t, c, vocab.Zh, maxRows)
	pdf := printPDF(t, lo, data)
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	pages := strings.Split(string(out), "\f")
	sheets := pageSheets(t, pdf)
	var printed []string
	for i, s := range sheets {
		if s == b.l.charts && i < len(pages) {
			printed = append(printed, pages[i])
		}
	}
	want := []string{"各城市新的社会阶层人士人数", "各城市人数环比增减", "各城市人数同比增减"}
	if len(printed) != len(want) {
		t.Fatalf("%s prints %d pages, want %d (a chart each)", b.l.charts, len(printed), len(want))
	}
	for i, page := range printed {
		if !strings.Contains(page, want[i]) {
			t.Errorf("%s page %d: no title %s:\n%s", b.l.charts, i+1, want[i], page)
		}
		for _, ct := range c.Cities {
			if ct.Members != nil && !strings.Contains(page, ct.City) {
				t.Errorf("%s page %d: no bar label %s", b.l.charts, i+1, ct.City)
			}
		}
		if strings.Contains(page, "各省区市") || strings.Contains(page, "片区") {
			t.Errorf("%s page %d names provinces or regions:\n%s", b.l.charts, i+1, page)
		}
	}
}
