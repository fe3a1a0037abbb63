package workbook

import (
	"fmt"
	"strconv"

	"github.com/basebrief/basebrief/analysis"
)

// The city sheet: the Comparison's figures as values; share, ranks and
// change as formulas that follow a corrected figure.

func (b *book) cityTable() *table {
	l := b.l
	cols := []column{
		{key: "city", header: l.city, min: 8}, {key: "province", header: l.province, min: 8},
		{key: "region", header: l.region, min: 8}, {key: "tier", header: l.tier, min: 10},
		{key: "bases", header: l.baseCount, min: 8, max: 12}, {key: "key", header: l.keyCount, min: 8, max: 12},
		{key: "members", header: l.members, min: 12}, {key: "wan", header: l.wan, min: 10},
		{key: "basis", header: l.basis, min: 8}, {key: "share", header: l.cityShare, min: 9, max: 11},
		{key: "rank", header: l.cityRank, min: 8, max: 11}, {key: "rankAll", header: l.rankOverall, min: 8, max: 11},
	}
	cols = append(cols, b.cityChangeColumns()...)
	for _, s := range b.segs {
		cols = append(cols, column{key: fmt.Sprintf("seg%d", s), header: l.segmentShort[s], min: 10, max: 14})
	}
	cols = append(cols, column{key: "note", header: l.note, min: 10, max: 60})
	groups := []string{"previous", "yearAgo", "note"}
	if len(b.segs) > 0 {
		groups = append(groups, fmt.Sprintf("seg%d", b.segs[0]))
	}
	return &table{sheet: b.layout.cities.sheet, cols: cols, rows: b.layout.cities.n, freeze: 1, groups: groups, long: true}
}

func (b *book) writeCities() error {
	t := b.cityTable()
	pt := b.provinceTable()
	pref := func(key string) string { return ref(pt.sheet, pt.col(key), 2, pt.rows+1) }
	c, last := t.col, t.rows+1
	rng := func(key string) string { return fmt.Sprintf("$%s$2:$%s$%d", c(key), c(key), last) }
	// The same for every row: found once, not once per city (a tenth of
	// the sheet's time at 10,000 cities).
	provMembers, provRegion, rngRegion, rngMembers := pref("members"), pref("region"), rng("region"), rng("members")
	cMembers, cRegion, cWan, cShare, cRank, cRankAll := c("members"), c("region"), c("wan"), c("share"), c("rank"), c("rankAll")
	t.cells = func(i, r int) []cell {
		ct := &b.c.Cities[i]
		row := strconv.Itoa(r)
		m, reg := cMembers+row, criterion(cRegion+row)
		basis := ""
		if ct.FromSegments {
			basis = b.l.fromSegments
		}
		regionSum := "SUMIFS(" + provMembers + "," + provRegion + "," + reg + ")"
		cells := []cell{b.text(ct.City), b.text(ct.Province), b.text(ct.Region), b.text(b.l.tierName(ct.Tier)),
			b.intCell(ct.Bases, b.st.int), b.intCell(ct.KeyProjects, b.st.int),
			b.people(ct.Members, b.st.int), b.wanFormula(t.sheet, cWan, r, m, ct.Members), b.styled(b.st.center, basis),
			b.formula(t.sheet, cShare, r, b.st.pct, `IF(AND(ISNUMBER(`+m+`),`+regionSum+`<>0),`+m+`/`+regionSum+`,"")`, ct.ShareOfRegion),
			b.formula(t.sheet, cRank, r, b.st.rank, `IF(ISNUMBER(`+m+`),COUNTIFS(`+rngRegion+`,`+reg+`,`+rngMembers+`,">"&`+m+`)+1,"")`, rankWant(ct.RankInRegion)),
			b.formula(t.sheet, cRankAll, r, b.st.rank, `IF(ISNUMBER(`+m+`),COUNTIF(`+rngMembers+`,">"&`+m+`)+1,"")`, rankWant(ct.RankOverall)),
		}
		cells = append(cells, b.cityChangeCells(t, r, ct)...)
		for _, s := range b.segs {
			cells = append(cells, b.people(ct.BySegment[s], b.st.int))
		}
		return append(cells, b.styled(b.st.wrap, b.noteCell(ct.Note)))
	}
	t.totals = func(first, last int) []cell {
		var bases, key int
		var members, prev, ago *int64
		for _, ct := range b.c.Cities[:t.rows] {
			bases += ct.Bases
			key += ct.KeyProjects
			members = addPtr(members, ct.Members)
			prev = addPtr(prev, ct.PreviousMembers)
			ago = addPtr(ago, ct.YearAgoMembers)
		}
		row := []cell{b.styled(b.st.totalText, b.l.cityTotal), cell{}, cell{}, cell{},
			b.subtotal(t, "bases", first, last, b.st.totalInt, fi(bases)),
			b.subtotal(t, "key", first, last, b.st.totalInt, fi(key)),
			b.subtotalMembers(t, "members", first, last, members),
			b.wanFormulaStyled(t.sheet, c("wan"), last+1, fmt.Sprintf("%s%d", c("members"), last+1), members, b.st.totalWan),
			cell{}, cell{}, cell{}, cell{}}
		// Sums of every city's figure: no change is drawn from them, since
		// the cities reporting differ between the periods.
		if !b.c.Previous.IsZero() {
			row = append(row, b.subtotalMembers(t, "previous", first, last, prev), cell{}, cell{})
		}
		if b.hasYoY() {
			row = append(row, b.subtotalMembers(t, "yearAgo", first, last, ago))
		}
		return row
	}
	return b.writeTable(t)
}

// segments are the segments with a figure for some city: their columns
// would otherwise be empty. One pass over the cities, kept in book.segs:
// found again for each city row it made the sheet quadratic in cities when
// no city has a segment figure (BenchmarkWriteNoSegments).
func segments(cities []analysis.CityRow) []analysis.Segment {
	var seen [len(analysis.CityRow{}.BySegment)]bool
	for i := range cities {
		for s, v := range cities[i].BySegment {
			seen[s] = seen[s] || v != nil
		}
	}
	var out []analysis.Segment
	for _, s := range analysis.Segments {
		if seen[s] {
			out = append(out, s)
		}
	}
	return out
}

// addPtr adds a figure that may be missing; for the expected totals only.
func addPtr(sum, v *int64) *int64 {
	if v == nil {
		return sum
	}
	n := *v
	if sum != nil {
		n += *sum
	}
	return &n
}
