package workbook

import (
	"fmt"

	"github.com/basebrief/basebrief/analysis"
)

// The province sheet: one row per province with the Comparison's figures,
// share and rank as live formulas, and the bases by batch for the chart.

// count columns shared by the region and province sheets, in order, with
// the Comparison field each holds.
var countKeys = []string{"cities", "pilot", "promotion", "bases", "key", "reporting"}

func provinceCounts(p *analysis.ProvinceRow) []int {
	return []int{p.Cities, p.PilotCities, p.PromotionCities, p.Bases, p.KeyProjects, p.ReportingCities}
}

func (b *book) countColumns() []column {
	l := b.l
	heads := []string{l.cityCount, l.pilot, l.promotion, l.baseCount, l.keyCount, l.reporting}
	cols := make([]column, len(countKeys))
	for i, k := range countKeys {
		cols[i] = column{key: k, header: heads[i], min: 8, max: 12}
	}
	return cols
}

func (b *book) provinceTable() *table {
	l := b.l
	cols := []column{{key: "province", header: l.province, min: 8}, {key: "region", header: l.region, min: 8}}
	cols = append(cols, b.countColumns()...)
	cols = append(cols,
		column{key: "members", header: l.members, min: 12},
		column{key: "wan", header: l.wan, min: 10},
		column{key: "basis", header: l.basis, min: 8},
		column{key: "provLevel", header: l.provinceFigure, min: 10},
		column{key: "share", header: l.share, min: 9, max: 11},
		column{key: "rank", header: l.rankRegion, min: 8, max: 11})
	cols = append(cols, b.comparableColumns(true)...)
	for i := 1; i <= b.c.MaxBatch; i++ {
		cols = append(cols, column{key: fmt.Sprintf("batch%d", i), header: l.batchN(i), min: 7})
	}
	cols = append(cols, column{key: "nobatch", header: l.noBatch, min: 8})
	// Printed, the counts, the members, each comparison and the bases by
	// batch start pages of their own where they do not fit beside the one
	// before, the province names repeated.
	groups := []string{"members", "cmpBasis", "yoyBasis", "batch1"}
	if b.c.MaxBatch == 0 {
		groups[3] = "nobatch"
	}
	return &table{sheet: b.layout.provinces.sheet, cols: cols, rows: b.layout.provinces.n, freeze: 1, groups: groups}
}

func (b *book) writeProvinces() error {
	t := b.provinceTable()
	last := t.rows + 1
	c := t.col
	t.cells = func(i, r int) []cell {
		p := &b.c.Provinces[i]
		row := []cell{b.text(p.Province), b.text(p.Region)}
		for _, n := range provinceCounts(p) {
			row = append(row, b.intCell(n, b.st.int))
		}
		m, reg := fmt.Sprintf("%s%d", c("members"), r), criterion(fmt.Sprintf("%s%d", c("region"), r))
		regionSum := fmt.Sprintf("SUMIFS($%s$2:$%s$%d,$%s$2:$%s$%d,%s)", c("members"), c("members"), last, c("region"), c("region"), last, reg)
		var level *int64
		if p.ProvinceLevel {
			level = p.Members
		}
		row = append(row,
			b.provinceMembers(t, r, p.Members),
			b.wanFormula(t.sheet, c("wan"), r, m, p.Members),
			b.styled(b.st.center, basisOf(b.l, p)),
			b.people(level, b.st.int))
		switch {
		case b.l.alone:
			// The data hold no other province of its region: a formula
			// over this sheet would say 100% and first of 西南, whose other
			// provinces they do not hold. Left blank (aloneNote).
			row = append(row, cell{}, cell{})
		case b.l.slice != "":
			// A province slice holds no other province of its region: a
			// formula over this sheet would say 100% and first. The share
			// and rank are the whole's, as values (北京 29.0% of 华北, 2nd).
			row = append(row, b.ratioCell(p.ShareOfRegion, b.st.pct), b.rankCell(p.RankInRegion, b.st.rank))
		default:
			row = append(row,
				b.formula(t.sheet, c("share"), r, b.st.pct,
					fmt.Sprintf(`IF(AND(ISNUMBER(%s),%s<>0),%s/%s,"")`, m, regionSum, m, regionSum), p.ShareOfRegion),
				b.formula(t.sheet, c("rank"), r, b.st.rank,
					fmt.Sprintf(`IF(ISNUMBER(%s),COUNTIFS($%s$2:$%s$%d,%s,$%s$2:$%s$%d,">"&%s)+1,"")`, m, c("region"), c("region"), last, reg, c("members"), c("members"), last, m), rankWant(p.RankInRegion)))
			// excelize's COUNTIFS counts a formula's empty text as greater than
			// any number (calc.go formulaCriteriaEval compares across types as
			// the > operator does); spreadsheet programs skip text for a
			// numeric criterion. Only LibreOffice can check the rank.
			if b.record {
				b.checks[len(b.checks)-1].libreOnly = true
			}
		}
		row = append(row, b.provinceComparableCells(t, r, p)...)
		for _, n := range p.BasesByBatch {
			row = append(row, b.intCell(n, b.st.int))
		}
		return append(row, b.intCell(p.NoBatch, b.st.int))
	}
	t.totals = func(first, lastRow int) []cell {
		row := []cell{b.styled(b.st.totalText, b.l.totalFiltered), cell{}}
		tot := b.c.Totals
		for j, k := range countKeys {
			want := []int{tot.Cities, tot.PilotCities, tot.PromotionCities, tot.Bases, tot.KeyProjects, tot.ReportingCities}[j]
			row = append(row, b.subtotal(t, k, first, lastRow, b.st.totalInt, fi(want)))
		}
		tr := lastRow + 1
		row = append(row, b.subtotalMembers(t, "members", first, lastRow, tot.Members),
			b.wanFormulaStyled(t.sheet, c("wan"), tr, fmt.Sprintf("%s%d", c("members"), tr), tot.Members, b.st.totalWan),
			cell{}, cell{}, cell{}, cell{})
		row = append(row, b.comparableTotals(t, first, lastRow, true)...)
		for i := 1; i <= b.c.MaxBatch; i++ {
			sum := 0
			for _, p := range b.c.Provinces {
				sum += p.BasesByBatch[i-1]
			}
			row = append(row, b.subtotal(t, fmt.Sprintf("batch%d", i), first, lastRow, b.st.totalInt, fi(sum)))
		}
		noBatch := 0
		for _, p := range b.c.Provinces {
			noBatch += p.NoBatch
		}
		return append(row, b.subtotal(t, "nobatch", first, lastRow, b.st.totalInt, fi(noBatch)))
	}
	return b.writeTable(t)
}

// cityRanges are the city sheet's columns the province formulas sum over,
// by key; ok false when the city sheet was cut at the row limit (it then
// lacks the smallest cities, and the province figures stay values).
func (b *book) cityRanges() (rng func(key string) string, ok bool) {
	if b.layout.cities.n < len(b.c.Cities) {
		return nil, false
	}
	ct := b.cityTable()
	return func(key string) string { return ref(ct.sheet, ct.col(key), 2, max(ct.rows+1, 2)) }, true
}

// provinceMembers is a province's members: its own province-level figure
// (the 省级人数 cell of its row) where it has one, else the sum of its
// cities' figures on the city sheet, empty when none of them has one — the
// contract's rule as a formula, so a corrected city carries through to its
// province, its region and the totals.
func (b *book) provinceMembers(t *table, r int, want *int64) cell {
	cities, ok := b.cityRanges()
	if !ok {
		return b.people(want, b.st.int)
	}
	level, name := fmt.Sprintf("%s%d", t.col("provLevel"), r), criterion(fmt.Sprintf("%s%d", t.col("province"), r))
	f := fmt.Sprintf(`IF(ISNUMBER(%s),%s,IF(COUNTIFS(%s,%s,%s,">=0")=0,"",SUMIFS(%s,%s,%s)))`,
		level, level, cities("province"), name, cities("members"), cities("members"), cities("province"), name)
	return b.formula(t.sheet, t.col("members"), r, b.st.int, f, f64(want))
}

// basisOf says where a province's members figure comes from.
func basisOf(l *labels, p *analysis.ProvinceRow) string {
	switch {
	case p.ProvinceLevel:
		return l.provinceLevel
	case p.Members != nil:
		return l.sumOfCities
	}
	return ""
}

// ratioCell and rankCell are a share and a rank as values, empty where
// there is none.
func (b *book) ratioCell(v *float64, style int) cell {
	if v == nil {
		return cell{}
	}
	return b.number(*v, style)
}

func (b *book) rankCell(r *int, style int) cell {
	if r == nil {
		return cell{}
	}
	return b.intCell(*r, style)
}

func rankWant(r *int) *float64 {
	if r == nil {
		return nil
	}
	return fi(*r)
}

// wanFormula is the members figure in 万 (or millions), by formula so it
// follows a corrected figure and shows the true value in every program.
func (b *book) wanFormula(sheet, col string, row int, members string, n *int64) cell {
	return b.wanFormulaStyled(sheet, col, row, members, n, b.st.wan)
}

func (b *book) wanFormulaStyled(sheet, col string, row int, members string, n *int64, style int) cell {
	// A row each in the figures sheet: built without fmt, in one
	// allocation.
	f := "IF(ISNUMBER(" + members + ")," + members + b.l.wanPer + `,"")`
	return b.formula(sheet, col, row, style, f, ratio(n, float64(b.l.wanDiv)))
}

// subtotal sums the visible rows of a column: SUBTOTAL(109, …) follows the
// analyst's filter.
func (b *book) subtotal(t *table, key string, first, last, style int, want *float64) cell {
	col := t.col(key)
	return b.formula(t.sheet, col, last+1, style, fmt.Sprintf("SUBTOTAL(109,%s%d:%s%d)", col, first, col, last), want)
}

// subtotalMembers is subtotal for a figure that may be missing everywhere:
// empty, not 0, when no visible row has one.
func (b *book) subtotalMembers(t *table, key string, first, last int, want *int64) cell {
	col := t.col(key)
	rng := fmt.Sprintf("%s%d:%s%d", col, first, col, last)
	return b.formula(t.sheet, col, last+1, b.st.totalInt, fmt.Sprintf(`IF(SUBTOTAL(102,%s)=0,"",SUBTOTAL(109,%s))`, rng, rng), f64(want))
}
