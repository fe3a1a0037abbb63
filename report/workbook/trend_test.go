package workbook

import (
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// TestTrendRegionsFollowProvinces: on the 趋势 sheet a region's members in
// a period are a formula over its provinces' cells of that period on the
// 分省趋势 sheet, so correcting a province figure there moves its region
// and the total by as much, as it does on the province sheet.
func TestTrendRegionsFollowProvinces(t *testing.T) {
	c := mustCompare(t, sample.National(sample.Options{Cities: 120, Months: 26}))
	_, _, f := mustWrite(t, c, vocab.Zh, maxRows)
	tl := timeLabelsFor(vocab.Zh, c)
	head, err := f.GetRows(tl.trend)
	if err != nil {
		t.Fatal(err)
	}
	regionCol := map[string]int{} // region → its members column on 趋势 (1-based)
	for j, h := range head[0] {
		for _, r := range c.Regions {
			if h == r.Region+"人数" {
				regionCol[r.Region] = j + 1
			}
		}
	}
	if len(regionCol) != len(c.Regions) {
		t.Fatalf("趋势 headers %v: region columns found %v", head[0], regionCol)
	}
	provHead, err := f.GetRows(tl.trendProvinces)
	if err != nil {
		t.Fatal(err)
	}
	row := len(c.Series) + 1 // the compared period, the last row
	for _, p := range c.Provinces {
		if p.Members == nil {
			continue
		}
		pcol := 0
		for j, h := range provHead[0] {
			if h == p.Province {
				pcol = j + 1
			}
		}
		pref, _ := excelize.CoordinatesToCellName(pcol, row)
		rref, _ := excelize.CoordinatesToCellName(regionCol[p.Region], row)
		tref, _ := excelize.CoordinatesToCellName(2, row)
		form, _ := f.GetCellFormula(tl.trend, rref)
		if !strings.Contains(form, quote(tl.trendProvinces)+"!") {
			t.Fatalf("趋势!%s (%s) = %q: not a formula over %s", rref, p.Region, form, tl.trendProvinces)
		}
		before, _ := f.GetCellValue(tl.trendProvinces, pref, excelize.Options{RawCellValue: true})
		regionBefore := calcInt(t, f, tl.trend, rref)
		totalBefore := calcInt(t, f, tl.trend, tref)
		n, _ := strconv.ParseInt(before, 10, 64)
		if err := f.SetCellValue(tl.trendProvinces, pref, n+1000); err != nil {
			t.Fatal(err)
		}
		if got := calcInt(t, f, tl.trend, rref); got != regionBefore+1000 {
			t.Errorf("%s +1,000 on %s: %s %d → %d, want %d", p.Province, tl.trendProvinces, p.Region, regionBefore, got, regionBefore+1000)
		}
		if got := calcInt(t, f, tl.trend, tref); got != totalBefore+1000 {
			t.Errorf("%s +1,000: total %d → %d, want %d", p.Province, totalBefore, got, totalBefore+1000)
		}
		return // one province is enough: every region cell is checked by TestFormulas
	}
	t.Fatal("no province with a figure")
}

func calcInt(t *testing.T, f *excelize.File, sheet, ref string) int64 {
	t.Helper()
	v, err := f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, ref, err)
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil {
		t.Fatalf("%s!%s = %q", sheet, ref, v)
	}
	return n
}
