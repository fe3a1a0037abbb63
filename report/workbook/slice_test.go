package workbook

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/xuri/excelize/v2"
)

// sliceOf is the province slice (run --slices province) of the first
// province of d ranked below first in its region, with the whole's row.
func sliceOf(tb testing.TB, d *analysis.Dataset) (*analysis.Comparison, analysis.ProvinceRow) {
	tb.Helper()
	full := mustCompare(tb, d)
	for _, p := range full.Provinces {
		if p.Members != nil && p.RankInRegion != nil && *p.RankInRegion > 1 && p.Cities > 1 {
			c, err := analysis.CompareSlice(d, full, analysis.SliceProvince, p.Province)
			if err != nil {
				tb.Fatal(err)
			}
			return c, p
		}
	}
	tb.Fatal("fixture: no province of several cities ranked below first in its region")
	return nil, analysis.ProvinceRow{}
}

// oneProvinceOf is d cut to its first city's province: an office's own
// data.
func oneProvinceOf(tb testing.TB, d *analysis.Dataset) *analysis.Comparison {
	tb.Helper()
	c := mustCompare(tb, oneProvinceData(d))
	if len(c.Provinces) != 1 || len(c.Cities) < 3 {
		tb.Fatalf("fixture: %d provinces, %d cities", len(c.Provinces), len(c.Cities))
	}
	return c
}

// oneProvinceData is d cut to its first city's province.
func oneProvinceData(d *analysis.Dataset) *analysis.Dataset {
	p := d.Cities[0].Province
	keep := *d
	keep.Cities = slices.DeleteFunc(slices.Clone(d.Cities), func(c analysis.City) bool { return c.Province != p })
	keep.Bases = slices.DeleteFunc(slices.Clone(d.Bases), func(b analysis.Base) bool { return b.Province != p })
	keep.Figures = slices.DeleteFunc(slices.Clone(d.Figures), func(f analysis.Figure) bool { return f.Province != p })
	keep.History = analysis.History{}
	return &keep
}

// provinceSlice is a province slice over 26 months (环比, 同比 and the
// trend sheets) of the national sample, for the checks that open the
// workbook in other programs.
func provinceSlice(tb testing.TB) *analysis.Comparison {
	tb.Helper()
	c, _ := sliceOf(tb, sample.National(sample.Options{Cities: 120, Months: 26}))
	return c
}

// A province slice's workbook labels every share and rank truly: its one
// region row holds the province alone, so the province sheet said
// 占片区比重 100% and 片区内排名 1 (北京 is 29.0% of 华北, second), the
// city sheet's 占片区比重 was the share of the province, and the region
// sheet's 华北 row held 北京's figures alone.
func TestProvinceSliceWorkbookLabels(t *testing.T) {
	d := sample.National(sample.Options{Cities: 120, Previous: true})
	c, p := sliceOf(t, d)
	b, _, f := mustWrite(t, c, vocab.Zh, maxRows)
	header := func(sheet, name string) string {
		t.Helper()
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: %v", sheet, err)
		}
		for i, h := range rows[0] {
			if h == name {
				ref, _ := excelize.CoordinatesToCellName(i+1, 2)
				v, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				return v
			}
		}
		t.Errorf("%s: no column %q in %q", sheet, name, rows[0])
		return ""
	}
	l := b.l
	if got := header(l.provinces, "占片区比重"); compare(got, p.ShareOfRegion) != "" {
		t.Errorf("%s's 占片区比重 %s, want its share of %s %v", p.Province, got, p.Region, *p.ShareOfRegion)
	}
	if got := header(l.provinces, "片区内排名"); got != strconv.Itoa(*p.RankInRegion) {
		t.Errorf("%s's 片区内排名 %s, want %d", p.Province, got, *p.RankInRegion)
	}
	header(l.cities, "占"+p.Province+"比重")
	header(l.cities, p.Province+"内排名")
	header(l.regions, "片区（仅含"+p.Province+"）")
	header(b.tl.trend, p.Region+"（仅含"+p.Province+"）人数")
	formulasAgree(t, b, f)
}

// The workbook of one province's data (an office's own 市州) says what it
// holds as a province slice's does, and leaves blank what the data cannot
// tell: the province's share of and rank in its region were 100% and 1st
// of 西南, whose other provinces the data do not hold, the city sheet's
// share was headed 占片区比重 and the region sheet's row 西南.
//
// The province slice of such data (run --slices province) is labelled and
// left blank alike: it gave the whole's share and rank as values, 100% and
// 1st of 西南 again, where its whole's workbook leaves them blank.
func TestOneProvinceWorkbookLabels(t *testing.T) {
	d := oneProvinceData(sample.National(sample.Options{Cities: 120, Months: 26}))
	whole := oneProvinceOf(t, d)
	p := whole.Provinces[0]
	slice, err := analysis.CompareSlice(d, whole, analysis.SliceProvince, p.Province)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		c                         *analysis.Comparison
		lang                      vocab.Lang
		share, rank, region, note string
	}{
		{whole, vocab.Zh, "占" + p.Province + "比重", p.Province + "内排名", "片区（仅含" + p.Province + "）",
			"数据只含" + p.Province + "一个省区市，" + p.Region + "的其他省区市不在数据中：省份表的占片区比重和片区内排名空着不填。"},
		{whole, vocab.En, "Share of province", "Rank in province", "Region (" + p.Province + " only)",
			"The data hold one province, " + p.Province + ": " + p.Region + "'s other provinces are not in them"},
		{slice, vocab.Zh, "占" + p.Province + "比重", p.Province + "内排名", "片区（仅含" + p.Province + "）",
			"数据只含" + p.Province + "一个省区市，" + p.Region + "的其他省区市不在数据中：省份表的占片区比重和片区内排名空着不填。"},
	} {
		name := string(tc.lang)
		if tc.c.Scope != nil {
			name += "/slice"
		}
		c := tc.c
		t.Run(name, func(t *testing.T) {
			b, _, f := mustWrite(t, c, tc.lang, maxRows)
			l := b.l
			heads := func(sheet string) []string {
				t.Helper()
				rows, err := f.GetRows(sheet)
				if err != nil || len(rows) < 2 {
					t.Fatalf("%s: %v", sheet, err)
				}
				return rows[0]
			}
			cities := heads(l.cities)
			for _, h := range []string{tc.share, tc.rank} {
				if !slices.Contains(cities, h) {
					t.Errorf("%s: no column %q in %q", l.cities, h, cities)
				}
			}
			if got := heads(l.regions)[0]; got != tc.region {
				t.Errorf("%s: first column %q, want %q", l.regions, got, tc.region)
			}
			provinces := heads(l.provinces)
			for _, h := range []string{l.share, l.rankRegion} {
				i := slices.Index(provinces, h)
				if i < 0 {
					t.Fatalf("%s: no column %q in %q", l.provinces, h, provinces)
				}
				ref, _ := excelize.CoordinatesToCellName(i+1, 2)
				if v, _ := f.GetCellFormula(l.provinces, ref); v != "" {
					t.Errorf("%s!%s (%s) =%s, want blank", l.provinces, ref, h, v)
				}
				if v, _ := f.GetCellValue(l.provinces, ref); v != "" {
					t.Errorf("%s!%s (%s) %q, want blank", l.provinces, ref, h, v)
				}
			}
			found := false
			for _, n := range b.notes {
				found = found || strings.HasPrefix(n, tc.note)
			}
			if !found {
				t.Errorf("notes %q: none says %q", b.notes, tc.note)
			}
			formulasAgree(t, b, f)
		})
	}
}
