package input

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/basebrief/basebrief/analysis"
)

// Figures rows are streamed: each is parsed and checked, its period
// recorded and its key tested for duplicates (duplicates.go), but only rows
// of the compared period and the best candidate for the previous one are
// kept (keep.go). A large file is parsed beside the checks (pipeline.go).

// figureRow is one figures row after the parse stage: its values, checked
// each on its own but not yet against cities.csv or the other rows.
type figureRow struct {
	fig    analysis.Figure // Province, City and Source as written, trimmed
	errs   int32           // in a batch: the problems found reading up to this row
	ok     bool            // every value parsed
	dated  bool            // the period parsed: it counts as present
	keyed  bool            // segment and period parsed: the row has a key to check for duplicates
	absent bool            // members not reported (—, 暂无, empty): not a figure
	total  string          // a totals row's name (合计): checked, not a record
	hasSum bool            // the totals row carries a members figure
	wide   int             // a wide table's period column (wide.go), else 0
	// maybeProv: a totals row 合计 in the city column with a province and
	// a whole record's values: the province's own figure when no city of
	// that province comes before it since the last totals row (validate).
	maybeProv bool
}

// figureParser is the parse stage of figures.csv: the values of each row.
type figureParser struct {
	t  *table
	ix *cityIndex // read only: to tell a column of city names

	absent rowTally // members not reported
	// A column mixing months with first- or last-of-month days (2019年12月
	// and 2019/12/1 or 2019/12/31) is read as months; the days are read as
	// months on the first reading, and again as days if the table turns
	// out to hold no months or real days too.
	daysAsMonths bool
	monthDays    rowTally // first- or last-of-month days read as months
	months       bool     // a month written as a month
	realDays     bool     // a day within a month, or days kept as days
	scientific   rowTally // members in scientific notation with few digits
	cityProbe    []cityProbe

	// National files list the rows of one period together.
	lastPeriodStr string
	lastPeriod    analysis.Period
	lastPeriodErr error
	periodParsed  bool
}

// figureReader is the state of one pass over figures.csv: the parse stage,
// then the validate stage of each row (cities and provinces known and
// agreeing, duplicate keys, the periods kept).
type figureReader struct {
	figureParser
	rep  reporter // the validate stage's errors
	ix   *cityIndex
	want analysis.Period // Options.Period; zero: the latest
	keys int             // (cities + provinces) × segments

	totals     totalsCheck
	wideTotals []totalsCheck // a wide table's, by period column
	cityProvs  []bool        // by province index: a city of it has a record so far
	provOf     []int32       // by city index: its province's index (cityProv)
	seenRecord bool          // a record (not a totals row) was read
	provRows   rowTally      // 合计 rows read as a province's own figure
	sums       periodSums    // each period's figures added up (plausible.go)
	dups       map[analysis.Period]*dupSet
	denseBytes int
	keep       [2]bucket // [0] the compared period, [1] the best previous
	hist       history   // every kept row, compactly (keep.go)
	sources    map[string]string

	// Caches for the runs of equal values national files are made of.
	lastDupsPeriod analysis.Period
	dropped        analysis.Period // the last period bucketFor dropped
	lastDups       *dupSet
	lastProv       string
	lastProvMap    map[string]int32
	lastSource     string
	lastInterned   string
	prevCity       int32   // city of the previous row, -1 for none
	next           []int32 // city → the city that followed it last time
}

// figureResult is what figures.csv yields.
type figureResult struct {
	retryDays bool // month-end or -start days were read as months wrongly: read again
	figures   []analysis.Figure
	history   analysis.History
	periods   []analysis.Period
	period    analysis.Period
	previous  analysis.Period
}

func readFigures(t *table, ix *cityIndex, want analysis.Period, c *collector, daysAsMonths bool) figureResult {
	fr := newFigureReader(t, ix, want, c)
	fr.daysAsMonths = daysAsMonths
	if t.parallel {
		fr.pipeline()
		return fr.result()
	}
	var row figureRow
	for t.next() {
		fr.parse(&row)
		fr.validate(&row)
	}
	return fr.result()
}

func newFigureReader(t *table, ix *cityIndex, want analysis.Period, c *collector) *figureReader {
	ix.reading(t.pl)
	fr := &figureReader{
		figureParser: newFigureParser(t, ix),
		rep:          t.reporter(c),
		ix:           ix, want: want,
		keys:    (len(ix.cities) + len(ix.provNames)) * (len(analysis.Segments) + 1),
		dups:    make(map[analysis.Period]*dupSet),
		sources: make(map[string]string),
	}
	fr.keep[0].period = want
	fr.prevCity = -1
	fr.next = make([]int32, len(ix.cities))
	for i := range fr.next {
		fr.next[i] = -1
	}
	return fr
}

// parse reads the values of the table's current row into row, reporting
// each value that does not parse.
func (fp *figureParser) parse(row *figureRow) {
	t := fp.t
	// Names are normalised (name) only when the raw value is not found:
	// inner full-width spaces are rare and the lookup is the hot path.
	f := &row.fig
	*f = analysis.Figure{Province: t.get(colProvince), City: t.get(colCity), Line: t.line}
	if len(f.City) == 6 && (f.City == "全省" || f.City == "全市" || f.City == "全区") {
		f.City = "" // the province's own figure, as the city column says it
	}
	row.total, row.absent, row.hasSum, row.wide = t.total, false, false, t.wideK
	if fp.cityProbe != nil {
		fp.probe()
	}
	row.maybeProv = false
	if row.total != "" {
		if !fp.provinceCandidate(row) {
			fp.totalRow(row)
		}
		return
	}
	seg, segOK := fp.segment(t.get(colSegment))
	f.Segment = seg
	period, periodOK := fp.period(t.period())
	if period.Day != 0 {
		if fp.daysAsMonths && (period.Day == 1 || period.Day == daysIn(period.Year, period.Month)) {
			period.Day = 0 // read as its month, if the table also has months (undoDays)
			fp.monthDays.add(t.line)
		} else {
			fp.realDays = true
		}
	} else if period.Month != 0 {
		fp.months = true
	}
	f.Period = period
	row.dated = periodOK
	row.keyed = segOK && periodOK
	row.ok = row.keyed
	if m := t.get(colMembers); (m == "" || !isDigit(m[0])) && notReported(m) {
		row.absent = true
		fp.absent.add(t.line)
	} else if v, form, err := readMembers(m, t.layout.unitExp); err != nil {
		t.errorf(colMembers, "members %v", err)
		row.ok = false
	} else {
		f.Members = v
		if form == formScientific {
			fp.scientific.add(t.line)
		}
	}
	f.Source = t.get(colSource)
}

// provinceCandidate reads a 合计 row of the city column that may be a
// province's only row (重庆, 合计, 2019, 141万): a province named, no
// segment, and a period and members that read.
func (fp *figureParser) provinceCandidate(row *figureRow) bool {
	t := fp.t
	prov := t.get(colProvince)
	if removeSpaces(t.get(colCity)) != "合计" || prov == "" || isTotalName(prov) || t.get(colSegment) != "" {
		return false
	}
	period, err := ParsePeriod(t.period())
	if err != nil {
		return false
	}
	v, _, err := readMembers(t.get(colMembers), t.layout.unitExp)
	if err != nil {
		return false
	}
	f := &row.fig
	f.City, f.Period, f.Members, f.Source = "", period, v, t.get(colSource)
	row.hasSum, row.maybeProv = true, true
	row.dated, row.keyed, row.ok = true, true, true
	return true
}

// totalRow reads a totals row's members figure, if it has one.
func (fp *figureParser) totalRow(row *figureRow) {
	t := fp.t
	m := t.get(colMembers)
	if notReported(m) {
		return
	}
	v, _, err := readMembers(m, t.layout.unitExp)
	if err != nil {
		t.errorf(colMembers, "members of the totals row %s %v", row.total, err)
		return
	}
	row.fig.Members, row.hasSum = v, true
}

// validate checks a parsed row against cities.csv and the rows before it,
// and keeps it when its period is wanted.
func (fr *figureReader) validate(row *figureRow) {
	f := row.fig
	if row.total != "" {
		if !row.maybeProv || !fr.provinceOnly(f) {
			fr.totalsOf(row).total(f.Line, row.total, f.Members, row.hasSum)
			return
		}
		fr.provRows.add(f.Line) // the province's own figure, read as a record below
	}
	if row.absent {
		fr.resolve(&f) // the names are still checked
		return
	}
	ok := row.ok
	var dups *dupSet
	if row.dated {
		dups = fr.dupsOf(f.Period)
	}
	key, keyOK := fr.resolve(&f)
	ok = ok && keyOK
	if key >= 0 && row.keyed {
		if first := dups.claim(key*int32(len(analysis.Segments)+1)+int32(f.Segment), int32(f.Line), fr.keys); first != 0 {
			fr.duplicate(f, row.fig, first)
			ok = false
		}
	}
	ok = ok && fr.plausible(&f, key)
	if ok {
		if f.Segment == analysis.SegmentAll {
			fr.totalsOf(row).record(f.City != "", f.Members)
			fr.seenRecord = true
			if f.City != "" && key >= 0 {
				fr.cityProv(key)
			}
		}
		fr.keepFigure(&f, key)
	}
}

// cityProv remembers that the province of city i has a record. By index,
// not by name: a map of province names written once a row was 5.6% of the
// load of a file whose rows change province from row to row (monthly data,
// 8,333 units, BenchmarkStageLoad/monthly-10y).
func (fr *figureReader) cityProv(i int32) {
	ix := fr.ix
	if fr.provOf == nil {
		fr.provOf = make([]int32, len(ix.cities))
		for k, c := range ix.cities {
			fr.provOf[k] = ix.provIdx[c.Province]
		}
		fr.cityProvs = make([]bool, len(ix.provNames))
	}
	if int(i) < len(fr.provOf) {
		fr.cityProvs[fr.provOf[i]] = true
	}
}

// provinceOnly reports whether a 合计 row naming province f.Province is
// that province's own figure: records came before it, none of them a city
// of its province, in a table whose totals sit below their rows (above
// them, 重庆 合计 would head 重庆's cities).
func (fr *figureReader) provinceOnly(f analysis.Figure) bool {
	if fr.totalsOf(&figureRow{}).above || !fr.seenRecord || !fr.ix.loaded {
		return false
	}
	p, ok := fr.ix.provIdx[name(f.Province)]
	if !ok {
		if p, _ = fr.ix.resolveProvince(name(f.Province), f.Line); p < 0 {
			return false
		}
	}
	return int(p) >= len(fr.cityProvs) || !fr.cityProvs[p]
}

// totalsOf is the totals check of a row's period column: a wide table's
// totals row closes each period's figures apart.
func (fr *figureReader) totalsOf(row *figureRow) *totalsCheck {
	if fr.t.wide == nil {
		return &fr.totals
	}
	if fr.wideTotals == nil {
		fr.wideTotals = make([]totalsCheck, len(fr.t.wide.cols))
		for i := range fr.wideTotals {
			fr.wideTotals[i].label = fr.t.wide.periods[i]
		}
	}
	return &fr.wideTotals[row.wide]
}

// segment parses a segment value.
func (fp *figureParser) segment(s string) (analysis.Segment, bool) {
	if s == "" {
		return analysis.SegmentAll, true
	}
	if seg, ok := analysis.ParseSegment(s); ok {
		return seg, true
	}
	return parseSegment(fp.t) // normalises, or reports the error
}

// period parses a period value, caching the last one.
func (fp *figureParser) period(s string) (analysis.Period, bool) {
	if s != fp.lastPeriodStr || !fp.periodParsed {
		fp.lastPeriodStr = s
		fp.lastPeriod, fp.lastPeriodErr = ParsePeriod(s)
		fp.periodParsed = true
	}
	if fp.lastPeriodErr != nil {
		if s == "" {
			fp.t.errorf(colPeriod, "empty period, %s", periodExpected)
		} else {
			fp.t.errorf(colPeriod, "period %v", fp.lastPeriodErr)
		}
		return analysis.Period{}, false
	}
	return fp.lastPeriod, true
}

// resolve checks the row's city and province against cities.csv and sets
// the figure's canonical names. It returns the duplicate key, or -1.
func (fr *figureReader) resolve(f *analysis.Figure) (int32, bool) {
	t, ix := &fr.rep, fr.ix
	if f.City == "" && f.Province == "" {
		t.errorOn(f.Line, colProvince, "empty province, expected the province of the figure (and its city, unless it is a province-level figure)")
		return -1, false
	}
	if !ix.loaded {
		return -1, true
	}
	if f.City == "" {
		p, ok := ix.provIdx[f.Province]
		if !ok {
			var pr problem
			if p, pr = ix.resolveProvince(f.Province, f.Line); p < 0 {
				t.problemOn(f.Line, pr)
				return -1, false
			}
		}
		f.Province = ix.provNames[p]
		return int32(len(ix.cities)) + p, true
	}
	i, ok := fr.predict(f)
	if !ok {
		// Most names are unique nationwide: one lookup and a comparison.
		i, ok = ix.unique[f.City]
	}
	if ok && (i < 0 || ix.cities[i].Province != f.Province) {
		if f.Province != fr.lastProv || fr.lastProvMap == nil {
			fr.lastProv, fr.lastProvMap = f.Province, ix.byProv[f.Province]
		}
		i, ok = fr.lastProvMap[f.City]
	}
	if !ok {
		var pr problem
		if i, pr = ix.resolve(f.City, f.Province, f.Line); i < 0 {
			t.problemOn(f.Line, pr)
			return -1, false
		}
	}
	c := &ix.cities[i]
	f.City, f.Province = c.Name, c.Province
	fr.follow(i)
	return i, true
}

// predict guesses the row's city from the one before: national files list
// the cities of every period in the same order, so the city is the previous
// row's (segment rows) or the one that followed it last time. A right guess
// costs two string comparisons instead of a map lookup.
func (fr *figureReader) predict(f *analysis.Figure) (int32, bool) {
	if fr.prevCity < 0 {
		return 0, false
	}
	for _, i := range [2]int32{fr.prevCity, fr.next[fr.prevCity]} {
		if i >= 0 {
			if c := &fr.ix.cities[i]; c.Name == f.City && c.Province == f.Province {
				return i, true
			}
		}
	}
	return 0, false
}

func (fr *figureReader) follow(i int32) {
	if p := fr.prevCity; p >= 0 && p != i {
		fr.next[p] = i
	}
	fr.prevCity = i
}

func (fr *figureReader) result() figureResult {
	if fr.undoDays() {
		return figureResult{retryDays: true}
	}
	fr.notes()
	if t := fr.t; !t.broken && t.retry == nil && !t.cancelled && t.rows == 0 {
		t.notes.add(codeNoFigures,
			fmt.Sprintf("%s：表中没有人数数据，各项人数均为空", t.pl.name()),
			fmt.Sprintf("%s has no rows: no members are reported", t.pl.name()))
	}
	var r figureResult
	for p := range fr.dups {
		r.periods = append(r.periods, p)
	}
	sort.Slice(r.periods, func(i, j int) bool { return r.periods[i].Less(r.periods[j]) })
	cur, prev := fr.keep[0], fr.keep[1]
	if !fr.want.IsZero() {
		if _, ok := fr.dups[fr.want]; !ok && !holdsWithin(r.periods, fr.want) {
			fr.rep.c.addf(fr.rep.pl.file, 0, 0, "period %s has no figures, expected one of the periods present: %s", fr.want, periodList(r.periods))
			return r
		}
	}
	if prev.period.Kind() != cur.period.Kind() {
		prev = bucket{} // periods of different kinds are never compared
	}
	r.period, r.previous = cur.period, prev.period
	curLines := make([]int, len(cur.figs))
	for i, f := range cur.figs {
		curLines[i] = int(f.line)
	}
	fr.kindsNote(r.periods, cur.period, curLines)
	r.history = fr.hist.result(fr.ix)
	fr.checkTotals(&r.history)
	if n := len(prev.figs) + len(cur.figs); n > 0 {
		r.figures = fr.figures(cur, fr.figures(prev, make([]analysis.Figure, 0, n)))
	}
	// Lines are unique; in a file listed oldest first they are in order already.
	byLine := func(a, b analysis.Figure) int { return cmp.Compare(a.Line, b.Line) }
	if !slices.IsSortedFunc(r.figures, byLine) {
		slices.SortFunc(r.figures, byLine)
	}
	return r
}

// periodList names the periods present, shortened past a dozen.
func periodList(ps []analysis.Period) string {
	if len(ps) == 0 {
		return "none (figures.csv has no valid rows)"
	}
	var names []string
	for i, p := range ps {
		if len(ps) > 12 && i == 5 {
			names = append(names, fmt.Sprintf("… (%d more) …", len(ps)-10))
		}
		if len(ps) <= 12 || i < 5 || i >= len(ps)-5 {
			names = append(names, p.String())
		}
	}
	return strings.Join(names, ", ")
}
