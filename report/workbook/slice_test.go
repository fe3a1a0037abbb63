package workbook

import (
	"strconv"
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
	for _, ck := range b.checks {
		if ck.libreOnly {
			continue
		}
		got, err := f.CalcCellValue(ck.sheet, ck.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Errorf("%s!%s =%s: %v", ck.sheet, ck.cell, ck.formula, err)
		} else if msg := compare(got, ck.want); msg != "" {
			t.Errorf("%s!%s =%s: %s", ck.sheet, ck.cell, ck.formula, msg)
		}
	}
}
