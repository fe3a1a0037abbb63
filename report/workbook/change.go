package workbook

import (
	"fmt"

	"github.com/basebrief/basebrief/analysis"
)

// The change columns. A city's 环比 and 同比 compare its own figures; a
// province's and a region's compare like for like (可比口径): the
// comparable figures of the Comparison, with the basis beside them and the
// change and its ratio as formulas over those two cells.

// side is one comparison: against the previous period (环比) or the
// year-ago one (同比), by the keys of its columns.
type side struct {
	basis, cities, members, previous, change, ratio string
	on                                              bool // the data has that earlier period
}

// hasYoY reports whether the 同比 columns are shown: the data holds the
// year-ago period and it is not the previous one (yearly data, where 同比
// and 环比 are the same comparison, shows it once).
func (b *book) hasYoY() bool {
	return !b.c.YearAgo.IsZero() && b.c.YearAgo != b.c.Previous && b.c.Period.Kind() != analysis.KindYear
}

func (b *book) sides() [2]side {
	return [2]side{
		{"cmpBasis", "cmpCities", "cmpMembers", "cmpPrevious", "change", "changeRatio", !b.c.Previous.IsZero()},
		{"yoyBasis", "yoyCities", "yoyMembers", "yoyPrevious", "yoyChange", "yoyChangeRatio", b.hasYoY()},
	}
}

// cityChangeColumns: the previous figure with 环比, the year-ago one with 同比.
func (b *book) cityChangeColumns() []column {
	l := b.tl
	var cols []column
	if !b.c.Previous.IsZero() {
		cols = append(cols, column{key: "previous", header: l.previous, min: 12},
			column{key: "change", header: l.change, min: 11}, column{key: "changeRatio", header: l.changeRatio, min: 9})
	}
	if b.hasYoY() {
		cols = append(cols, column{key: "yearAgo", header: l.yearAgo, min: 12},
			column{key: "yoyChange", header: l.yoyChange, min: 11}, column{key: "yoyChangeRatio", header: l.yoyChangeRatio, min: 9})
	}
	return cols
}

// comparableColumns are a province's (withBasis) or a region's comparable
// columns, for each earlier period the data has.
func (b *book) comparableColumns(withBasis bool) []column {
	l := b.tl
	heads := [2][6]string{
		{l.cmpBasis, l.cmpCities, l.cmpMembers, l.cmpPrevious, l.change, l.changeRatio},
		{l.yoyBasis, l.yoyCities, l.yoyMembers, l.yoyPrevious, l.yoyChange, l.yoyChangeRatio},
	}
	var cols []column
	for i, s := range b.sides() {
		if !s.on {
			continue
		}
		h := heads[i]
		if withBasis {
			cols = append(cols, column{key: s.basis, header: h[0], min: 10})
		}
		cols = append(cols, column{key: s.cities, header: h[1], min: 8, max: 12},
			column{key: s.members, header: h[2], min: 12}, column{key: s.previous, header: h[3], min: 12},
			column{key: s.change, header: h[4], min: 11}, column{key: s.ratio, header: h[5], min: 9})
	}
	return cols
}

// changeFormulas are the change and its ratio, as formulas over the cells
// of cur and prev in row r.
func (b *book) changeFormulas(t *table, r int, curKey, prevKey, changeKey, ratioKey string, cur, prev *int64) []cell {
	m := fmt.Sprintf("%s%d", t.col(curKey), r)
	p := fmt.Sprintf("%s%d", t.col(prevKey), r)
	var change, changeRatio *float64
	if cur != nil && prev != nil {
		change = fi(int(*cur - *prev))
		if *prev != 0 {
			v := float64(*cur-*prev) / float64(*prev)
			changeRatio = &v
		}
	}
	return []cell{
		b.formula(t.sheet, t.col(changeKey), r, b.st.signed, fmt.Sprintf(`IF(AND(ISNUMBER(%s),ISNUMBER(%s)),%s-%s,"")`, m, p, m, p), change),
		b.formula(t.sheet, t.col(ratioKey), r, b.st.signedPct, fmt.Sprintf(`IF(AND(ISNUMBER(%s),ISNUMBER(%s),%s<>0),(%s-%s)/%s,"")`, m, p, p, m, p, p), changeRatio),
	}
}

// cityChangeCells are a city's previous and year-ago figures, each with its
// change formulas.
func (b *book) cityChangeCells(t *table, r int, ct *analysis.CityRow) []cell {
	var row []cell
	if !b.c.Previous.IsZero() {
		row = append(row, b.people(ct.PreviousMembers, b.st.int))
		row = append(row, b.changeFormulas(t, r, "members", "previous", "change", "changeRatio", ct.Members, ct.PreviousMembers)...)
	}
	if b.hasYoY() {
		row = append(row, b.people(ct.YearAgoMembers, b.st.int))
		row = append(row, b.changeFormulas(t, r, "members", "yearAgo", "yoyChange", "yoyChangeRatio", ct.Members, ct.YearAgoMembers)...)
	}
	return row
}

func intPtr64(n *int) *int64 {
	if n == nil {
		return nil
	}
	v := int64(*n)
	return &v
}

// provinceComparableCells are a province's basis, then its comparable
// cities and figures, and the change formulas over them. Over cities, the
// comparable figures are sums of the city sheet's rows with a figure for
// both periods; on the province basis, this period's is the province's own
// figure (the 省级人数 cell) and the earlier one a value (the sheet lists no
// earlier province-level figure). The cities counted are the cities with
// both figures whatever the basis (the contract's comparable_cities).
func (b *book) provinceComparableCells(t *table, r int, p *analysis.ProvinceRow) []cell {
	var row []cell
	cities, live := b.cityRanges()
	earlier := [2]string{"previous", "yearAgo"}
	name := criterion(fmt.Sprintf("%s%d", t.col("province"), r))
	for i, s := range b.sides() {
		if !s.on {
			continue
		}
		basis, cm := p.Basis, p.Comparable
		if i == 1 {
			basis, cm = p.YoYBasis, p.YoY
		}
		var count, cur, prev cell
		switch {
		case basis == analysis.BasisNone || !live:
			if cm.Cities != nil {
				count = b.intCell(*cm.Cities, b.st.int)
			}
			cur, prev = b.people(cm.Members, b.st.int), b.people(cm.Previous, b.st.int)
		default:
			both := func(sum, other string) string {
				return fmt.Sprintf(`SUMIFS(%s,%s,%s,%s,">=0")`, cities(sum), cities("province"), name, cities(other))
			}
			count = b.formula(t.sheet, t.col(s.cities), r, b.st.int,
				fmt.Sprintf(`COUNTIFS(%s,%s,%s,">=0",%s,">=0")`, cities("province"), name, cities("members"), cities(earlier[i])), fi(derefInt(cm.Cities)))
			if basis == analysis.BasisProvince {
				level := fmt.Sprintf("%s%d", t.col("provLevel"), r)
				cur = b.formula(t.sheet, t.col(s.members), r, b.st.int, level, f64(cm.Members))
				prev = b.people(cm.Previous, b.st.int)
			} else {
				cur = b.formula(t.sheet, t.col(s.members), r, b.st.int, both("members", earlier[i]), f64(cm.Members))
				prev = b.formula(t.sheet, t.col(s.previous), r, b.st.int, both(earlier[i], "members"), f64(cm.Previous))
			}
		}
		row = append(row, b.styled(b.st.center, b.tl.basisText(basis)), count, cur, prev)
		row = append(row, b.changeFormulas(t, r, s.members, s.previous, s.change, s.ratio, cm.Members, cm.Previous)...)
	}
	return row
}

func derefInt(n *int) int {
	if n == nil {
		return 0
	}
	return *n
}

// regionComparableCells sum the comparable columns of the region's
// provinces (those with a basis), each empty when none has one.
func (b *book) regionComparableCells(t *table, r int, g *analysis.RegionRow, pref func(string) string, name string) []cell {
	var row []cell
	for i, s := range b.sides() {
		if !s.on {
			continue
		}
		cm := g.Comparable
		if i == 1 {
			cm = g.YoY
		}
		for _, k := range []struct {
			key  string
			want *int64
		}{{s.cities, intPtr64(cm.Cities)}, {s.members, cm.Members}, {s.previous, cm.Previous}} {
			row = append(row, b.sumMembers(t.sheet, t.col(k.key), r, pref(k.key), pref("region"), name, k.want))
		}
		row = append(row, b.changeFormulas(t, r, s.members, s.previous, s.change, s.ratio, cm.Members, cm.Previous)...)
	}
	return row
}

// comparableTotals is the totals row's comparable cells: subtotals of the
// visible rows and the change formulas over them. withBasis leaves the
// basis column empty.
func (b *book) comparableTotals(t *table, first, last int, withBasis bool) []cell {
	var row []cell
	tot := b.c.Totals
	for i, s := range b.sides() {
		if !s.on {
			continue
		}
		cm := tot.Comparable
		if i == 1 {
			cm = tot.YoY
		}
		if withBasis {
			row = append(row, cell{})
		}
		row = append(row, b.subtotalMembers(t, s.cities, first, last, intPtr64(cm.Cities)),
			b.subtotalMembers(t, s.members, first, last, cm.Members), b.subtotalMembers(t, s.previous, first, last, cm.Previous))
		row = append(row, b.changeFormulas(t, last+1, s.members, s.previous, s.change, s.ratio, cm.Members, cm.Previous)...)
	}
	return row
}
