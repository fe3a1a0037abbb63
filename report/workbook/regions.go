package workbook

import (
	"fmt"

	"github.com/basebrief/basebrief/analysis"
)

// The region sheet: every figure of a region is a formula over the province
// rows, so a corrected province figure carries through to its region.

func regionCounts(r *analysis.RegionRow) []int {
	return []int{r.Cities, r.PilotCities, r.PromotionCities, r.Bases, r.KeyProjects, r.ReportingCities}
}

func (b *book) regionTable() *table {
	l := b.l
	cols := []column{{key: "region", header: l.regionRow, min: 8}, {key: "provinces", header: l.provinceCount, min: 8}}
	cols = append(cols, b.countColumns()...)
	cols = append(cols, column{key: "members", header: l.members, min: 12}, column{key: "wan", header: l.wan, min: 10})
	cols = append(cols, b.comparableColumns(false)...)
	return &table{sheet: b.layout.regions.sheet, cols: cols, rows: b.layout.regions.n, freeze: 1, groups: []string{"cmpCities", "yoyCities"}}
}

func (b *book) writeRegions() error {
	t := b.regionTable()
	pt := b.provinceTable()
	plast := pt.rows + 1
	pref := func(key string) string { return ref(pt.sheet, pt.col(key), 2, plast) }
	c := t.col
	t.cells = func(i, r int) []cell {
		g := &b.c.Regions[i]
		name := fmt.Sprintf("%s%d", c("region"), r)
		row := []cell{b.text(g.Region),
			b.formula(t.sheet, c("provinces"), r, b.st.int, fmt.Sprintf("COUNTIFS(%s,%s)", pref("region"), criterion(name)), fi(g.Provinces))}
		for j, n := range regionCounts(g) {
			k := countKeys[j]
			row = append(row, b.formula(t.sheet, c(k), r, b.st.int, fmt.Sprintf("SUMIFS(%s,%s,%s)", pref(k), pref("region"), criterion(name)), fi(n)))
		}
		m := fmt.Sprintf("%s%d", c("members"), r)
		row = append(row, b.sumMembers(t.sheet, c("members"), r, pref("members"), pref("region"), name, g.Members),
			b.wanFormula(t.sheet, c("wan"), r, m, g.Members))
		return append(row, b.regionComparableCells(t, r, g, pref, name)...)
	}
	t.totals = func(first, last int) []cell {
		tot := b.c.Totals
		row := []cell{b.styled(b.st.totalText, b.l.totalFiltered), b.subtotal(t, "provinces", first, last, b.st.totalInt, fi(tot.Provinces))}
		wants := []int{tot.Cities, tot.PilotCities, tot.PromotionCities, tot.Bases, tot.KeyProjects, tot.ReportingCities}
		for j, k := range countKeys {
			row = append(row, b.subtotal(t, k, first, last, b.st.totalInt, fi(wants[j])))
		}
		tr := last + 1
		row = append(row, b.subtotalMembers(t, "members", first, last, tot.Members),
			b.wanFormulaStyled(t.sheet, c("wan"), tr, fmt.Sprintf("%s%d", c("members"), tr), tot.Members, b.st.totalWan))
		return append(row, b.comparableTotals(t, first, last, false)...)
	}
	return b.writeTable(t)
}

// sumMembers sums the members of the rows whose key matches, empty (not 0)
// when none of them has a figure.
func (b *book) sumMembers(sheet, col string, row int, members, keys, key string, want *int64) cell {
	key = criterion(key)
	f := fmt.Sprintf(`IF(COUNTIFS(%s,%s,%s,">=0")=0,"",SUMIFS(%s,%s,%s))`, keys, key, members, members, keys, key)
	return b.formula(sheet, col, row, b.st.int, f, f64(want))
}
