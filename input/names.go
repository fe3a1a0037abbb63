package input

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/divisions"
)

// Names as analysts write them: a place may be written in its full or short
// form (成都/成都市, 四川/四川省, 西藏/西藏自治区, 恩施州/恩施土家族苗族自治州,
// 东部/东部地区). Every name in bases.csv and figures.csv is resolved to the
// cities.csv row it means, and takes that row's spelling; within cities.csv
// a province or region written two ways takes its first spelling. The
// division table (analysis/divisions) says which forms mean one place; a
// name it lacks (两江新区) matches only as written. Every match made is
// listed in one names_matched notice.

// nameMatch is one name written another way than cities.csv spells it, in
// one file (a city, a province or a region: 重庆 may be either of the first two).
type nameMatch struct {
	file    string
	written string
	spelled string
}

// matchTally counts the rows of one match and remembers the first and the
// last (a row writing 重庆 as city and province counts once).
type matchTally struct {
	rows, line, last int
	rowWord          string // line, or row in a workbook
}

// cityRef is a reference as a bases or figures row writes it.
type cityRef struct{ city, province string }

// resolution is what a reference resolved to, remembered so that the rows
// of a national file, which repeat the same few thousand names, are
// matched once.
type resolution struct {
	city    int32 // -1: a problem
	pr      problem
	matches []nameMatch
	tallies []*matchTally // of the matches, in the current file
}

// maxMemo bounds the references remembered: hostile files of distinct
// names are resolved without a memory of each.
const maxMemo = 1 << 16

// maxSuggest bounds the unknown names a suggestion is searched for.
const maxSuggest = 200

// names is the matching state of a city index.
type names struct {
	file        string                      // the table being read
	rowWord     string                      // how its rows are counted: line or row
	tables      map[string]int              // tables in the order read
	provByKey   map[string]int32            // divisions.ProvinceKey → province index
	cityByKey   []map[string][]int32        // by province index: divisions.CityKeys → city indexes
	formProvs   map[string][]int32          // every form of a city → the provinces it is in
	regionByKey map[string]string           // divisions.RegionKey → cities.csv's first spelling
	memo        map[cityRef]*resolution     // resolved references of the current file
	matched     map[nameMatch]*matchTally   // every match made, for the notice
	suggested   int                         // unknown names searched for a suggestion
	changes     map[string]divisions.Change // old division names met, by old name
	// shown is how cities.csv first writes a name that normalising
	// changes beyond its invisible characters (绵阳（科技城） for 绵阳(科技城)):
	// names are compared normalised, and printed so (spellAsWritten).
	shown map[string]string
}

func (n *names) init() {
	n.provByKey = make(map[string]int32)
	n.regionByKey = make(map[string]string)
	n.matched = make(map[nameMatch]*matchTally)
	n.tables = make(map[string]int)
	n.formProvs = make(map[string][]int32)
	n.changes = make(map[string]divisions.Change)
	n.shown = make(map[string]string)
}

// spelled is a name as compared, as the packet prints it.
func (n *names) spelled(name string) string {
	if s, ok := n.shown[name]; ok {
		return s
	}
	return name
}

// noteChange remembers that name, written in province, is an old division
// name (思茅市, renamed 普洱市 in 2007), for the names_renamed notice.
func (n *names) noteChange(province, name string) {
	if c, ok := divisions.FindChange(province, name); ok {
		n.changes[c.Old] = c
	}
}

// changesNotice lists the old division names met, or ok is false.
func (n *names) changesNotice() (analysis.Notice, bool) {
	if len(n.changes) == 0 {
		return analysis.Notice{}, false
	}
	cs := slices.SortedFunc(maps.Values(n.changes), func(a, b divisions.Change) int {
		return cmp.Or(cmp.Compare(a.Province, b.Province), strings.Compare(a.Old, b.Old))
	})
	var zh, en []string
	for _, c := range cs {
		zh = append(zh, c.DescribeZh())
		en = append(en, c.Describe())
	}
	return analysis.Notice{Code: codeRenamed,
		Zh: "数据中有已变更的区划名称，更名的按现名与城市表匹配：" + strings.Join(zh, "；"),
		En: "the data uses old division names; a renamed place is matched to cities.csv under either name: " + strings.Join(en, "; "),
	}, true
}

// reading starts a table: references are remembered per table, since the
// notice counts rows per table. A workbook's sheet is named with its file
// (data.xlsx:人数) and counts rows, not lines.
func (ix *cityIndex) reading(pl place) {
	ix.file, ix.rowWord = pl.file, "line"
	if pl.sheet != "" {
		ix.file, ix.rowWord = pl.file+":"+pl.sheet, "row"
	}
	ix.memo = make(map[cityRef]*resolution)
	if _, ok := ix.tables[ix.file]; !ok {
		ix.tables[ix.file] = len(ix.tables)
	}
}

// knowsCity reports whether name is a city of cities.csv in any form. It
// reads only what readCities built, so the parse stage may call it while
// rows are validated.
func (ix *cityIndex) knowsCity(name string) bool {
	if _, ok := ix.byName[name]; ok {
		return true
	}
	for _, p := range ix.provincesWriting(name) {
		if len(ix.citiesByForm(p, name)) > 0 {
			return true
		}
	}
	return false
}

// note records that line wrote a name another way than cities.csv, and
// returns its tally.
func (n *names) note(m nameMatch, line int) *matchTally {
	m.file = n.file
	t := n.matched[m]
	if t == nil {
		t = &matchTally{line: line, rowWord: n.rowWord}
		n.matched[m] = t
	}
	t.count(line)
	return t
}

// count counts line once.
func (t *matchTally) count(line int) {
	if t.rows == 0 || t.last != line {
		t.rows++
		t.last = line
	}
}

// spellRow gives a cities.csv row the spelling its province and region were
// first given, noting the matches. It runs before the row is added.
func (ix *cityIndex) spellRow(c *analysis.City) {
	if c.Province != "" {
		if p, ok := ix.provinceByForm(c.Province); ok && ix.provNames[p] != c.Province {
			ix.note(nameMatch{written: c.Province, spelled: ix.provNames[p]}, c.Line)
			c.Province = ix.provNames[p]
		}
	}
	if c.Region != "" {
		k := divisions.RegionKey(c.Region)
		switch first, ok := ix.regionByKey[k]; {
		case !ok:
			ix.regionByKey[k] = c.Region
		case first != c.Region:
			ix.note(nameMatch{written: c.Region, spelled: first}, c.Line)
			c.Region = first
		}
	}
}

// provinceByForm finds the province of cities.csv that name means, in any form.
func (ix *cityIndex) provinceByForm(name string) (int32, bool) {
	if p, ok := ix.provIdx[name]; ok {
		return p, true
	}
	p, ok := ix.provByKey[divisions.ProvinceKey(name)]
	return p, ok
}

// sameCity returns an earlier row of c's province that is c written another
// way (成都 for 成都市), or -1.
func (ix *cityIndex) sameCity(c analysis.City) int32 {
	p, ok := ix.provIdx[c.Province]
	if !ok {
		return -1
	}
	for _, k := range divisions.CityKeys(c.Province, c.Name) {
		if rows := ix.cityByKey[p][k]; len(rows) > 0 {
			return rows[0]
		}
	}
	return -1
}

// addKeys indexes city i (just added) under the keys of its name.
func (ix *cityIndex) addKeys(i int32) {
	c := ix.cities[i]
	p := ix.provIdx[c.Province]
	if int(p) == len(ix.cityByKey) {
		ix.cityByKey = append(ix.cityByKey, map[string][]int32{})
		k := divisions.ProvinceKey(c.Province)
		if _, seen := ix.provByKey[k]; !seen {
			ix.provByKey[k] = p
		}
	}
	for _, k := range divisions.CityKeys(c.Province, c.Name) {
		ix.cityByKey[p][k] = append(ix.cityByKey[p][k], i)
	}
	ix.addForm(c.Name, p)
	for _, pl := range divisions.Places(c.Province, c.Name) {
		for _, f := range pl.Forms() {
			ix.addForm(f, p)
		}
		for _, f := range divisions.FormerNames(pl) { // 思茅市 for 普洱市
			ix.addForm(f, p)
		}
	}
	ix.noteChange(c.Province, c.Name) // cities.csv itself lists an old name
}

// addForm notes that a city of province p may be written form.
func (ix *cityIndex) addForm(form string, p int32) {
	if ps := ix.formProvs[form]; !slices.Contains(ps, p) {
		ix.formProvs[form] = append(ps, p)
	}
}

// provincesWriting lists the provinces with a city that may be written
// name: the only ones citiesByForm can find it in, so an unknown name
// (a hostile file's millions) costs one lookup, not one per province.
func (ix *cityIndex) provincesWriting(name string) []int32 { return ix.formProvs[name] }

// citiesByForm returns the cities of province p that name means, in any form.
func (ix *cityIndex) citiesByForm(p int32, name string) []int32 {
	if i, ok := ix.byProv[ix.provNames[p]][name]; ok {
		return []int32{i}
	}
	var out []int32
	for _, k := range divisions.CityKeys(ix.provNames[p], name) {
		for _, i := range ix.cityByKey[p][k] {
			if !slices.Contains(out, i) {
				out = append(out, i)
			}
		}
	}
	return out
}

// resolveForms is resolve's slow path, for a reference not written as
// cities.csv spells it: remembered per file, with the matches it made.
func (ix *cityIndex) resolveForms(city, province string, line int) (int32, problem) {
	ref := cityRef{city, province}
	if r := ix.memo[ref]; r != nil {
		for _, t := range r.tallies { // the national file's next row: no lookup
			t.count(line)
		}
		return r.city, r.pr
	}
	r := ix.match(city, province)
	for _, m := range r.matches {
		r.tallies = append(r.tallies, ix.note(m, line))
	}
	if len(ix.memo) < maxMemo {
		ix.memo[ref] = r
	}
	return r.city, r.pr
}

// match resolves a reference by the forms of its names, compared after
// normalisation (normalize.go); the matches name the reference as written.
func (ix *cityIndex) match(rawCity, rawProvince string) *resolution {
	r := &resolution{city: -1}
	city, province := normName(rawCity), normName(rawProvince)
	p := int32(-1)
	if province != "" {
		if q, ok := ix.provinceByForm(province); ok {
			p = q
			if ix.provNames[q] != rawProvince {
				r.matches = append(r.matches, nameMatch{written: rawProvince, spelled: ix.provNames[q]})
			}
		}
	}
	var cands []int32
	provs := ix.provincesWriting(city)
	if p >= 0 && slices.Contains(provs, p) {
		cands = ix.citiesByForm(p, city)
	} else if province == "" {
		if byName := ix.byName[city]; len(byName) == 1 {
			cands = byName // written as cities.csv spells it, once normalised
		}
	}
	if len(cands) == 0 { // no province, or the city is not in it: look everywhere
		for _, q := range provs {
			cands = append(cands, ix.citiesByForm(q, city)...)
		}
		if len(cands) > 0 && province != "" {
			r.matches = nil
			r.pr = problem{colProvince, "province " + province + " does not match city " + city + ", expected " + ix.provincesOf(cands) + " as in cities.csv", "province does not match city"}
			return r
		}
	}
	switch {
	case len(cands) == 0:
		r.matches = nil
		r.pr = problem{colCity, "city " + city + " is unknown, expected a city listed in cities.csv" + ix.suggestCity(city, province, p), "city unknown"}
		return r
	case len(cands) > 1 && p < 0:
		r.matches = nil
		r.pr = problem{colProvince, "city " + city + " is in several provinces (" + ix.provincesOf(cands) + "), expected the province column to say which", "city in several provinces"}
		return r
	case len(cands) > 1:
		r.matches = nil
		r.pr = problem{colCity, "city " + city + " may be any of " + ix.rowList(cands) + " in cities.csv, expected the name as written there", "city ambiguous"}
		return r
	}
	r.city = cands[0]
	if c := ix.cities[r.city]; c.Name != rawCity {
		r.matches = append(r.matches, nameMatch{written: rawCity, spelled: c.Name})
		ix.noteChange(c.Province, city) // 思茅市 read as 普洱市
	}
	return r
}

// resolveProvince finds the province of a province-level figure in any
// form; -1 and the problem where none fits.
func (ix *cityIndex) resolveProvince(raw string, line int) (int32, problem) {
	province := normName(raw)
	if p, ok := ix.provinceByForm(province); ok {
		if ix.provNames[p] != raw {
			ix.note(nameMatch{written: raw, spelled: ix.provNames[p]}, line)
		}
		return p, problem{}
	}
	return -1, problem{colProvince, "province " + province + " is unknown, expected a province listed in cities.csv" + ix.suggestProvince(province), "province unknown"}
}

// rowList names cities.csv rows with their lines: 鼓楼区 (line 4), 鼓楼 (line 7).
func (ix *cityIndex) rowList(rows []int32) string {
	parts := make([]string, len(rows))
	for i, r := range rows {
		parts[i] = fmt.Sprintf("%s (line %d)", ix.cities[r].Name, ix.cities[r].Line)
	}
	return strings.Join(parts, ", ")
}

// suggestCity is the hint for an unknown city name written with province:
// the closest spelling in cities.csv (within its province p when known),
// else in the division table.
// A name that is itself an official place gets no guess: it is a real
// place missing from cities.csv, not a typo.
func (ix *cityIndex) suggestCity(city, province string, p int32) string {
	if ix.suggested >= maxSuggest || runes(city) > 20 {
		return ""
	}
	ix.suggested++
	prov := province
	if p >= 0 {
		prov = ix.provNames[p]
	}
	if c, ok := divisions.FindChange(prov, city); ok {
		// An old name: never "did you mean 思茅区".
		switch c.Kind {
		case divisions.Renamed:
			return fmt.Sprintf("; %s: expected %s (or %s) in cities.csv", c.Describe(), c.New, c.Old)
		case divisions.Merged:
			return fmt.Sprintf("; %s: expected %s in cities.csv as the data names it, or its figures given to %s", c.Describe(), c.Old, c.New)
		}
		return fmt.Sprintf("; %s: expected %s in cities.csv as the data names it", c.Describe(), c.Old)
	}
	if _, spelling, ok := divisions.Suggest(prov, city); ok && spelling == city {
		return "" // a real place (西安), missing from cities.csv
	}
	best, bestRow := closeEnough(city)+1, int32(-1)
	for i := range ix.cities {
		c := &ix.cities[i]
		if p >= 0 && c.Province != prov {
			continue
		}
		for _, form := range cityForms(*c) {
			d := divisions.Distance(city, form)
			if strings.HasPrefix(form, city) && runes(city) >= 2 {
				d = min(d, 1) // the start of a name: 两江 for 两江新区
			}
			if d < best {
				best, bestRow = d, int32(i)
			}
		}
	}
	if bestRow >= 0 {
		c := ix.cities[bestRow]
		if p >= 0 {
			return fmt.Sprintf("; did you mean %s (line %d)?", c.Name, c.Line)
		}
		return fmt.Sprintf("; did you mean %s (%s, line %d)?", c.Name, c.Province, c.Line)
	}
	if pl, spelling, ok := divisions.Suggest(prov, city); ok {
		return fmt.Sprintf("; did you mean %s (%s in the official divisions, not in cities.csv)?", spelling, pl.Name)
	}
	return ""
}

// suggestProvince is suggestCity for a province name.
func (ix *cityIndex) suggestProvince(province string) string {
	if ix.suggested >= maxSuggest || runes(province) > 20 {
		return ""
	}
	ix.suggested++
	if _, ok := divisions.Province(province); ok {
		return ""
	}
	best, bestLine, bestName := closeEnough(province)+1, 0, ""
	for i, name := range ix.provNames {
		forms := []string{name}
		if pl, ok := divisions.Province(name); ok {
			forms = pl.Forms()
		}
		for _, form := range forms {
			if d := divisions.Distance(province, form); d < best {
				best, bestLine, bestName = d, ix.provLine[i], name
			}
		}
	}
	if bestName != "" {
		return fmt.Sprintf("; did you mean %s (line %d)?", bestName, bestLine)
	}
	if _, spelling, ok := divisions.SuggestProvince(province); ok {
		return fmt.Sprintf("; did you mean %s (official divisions, not in cities.csv)?", spelling)
	}
	return ""
}

// cityForms are the spellings of a cities.csv row: its own, and the
// division table's forms of the place it names.
func cityForms(c analysis.City) []string {
	if pl, ok := divisions.City(c.Province, c.Name); ok {
		return append([]string{c.Name}, pl.Forms()...)
	}
	return []string{c.Name}
}

// closeEnough is how many characters a suggestion may differ by: one in a
// name of up to three characters, two in a longer one.
func closeEnough(name string) int {
	if runes(name) <= 3 {
		return 1
	}
	return 2
}

func runes(s string) int { return len([]rune(s)) }

// matchedNotice lists every match made, or ok is false when none was: one
// entry for each name written another way, with the rows of each file.
func (n *names) matchedNotice() (analysis.Notice, bool) {
	type where struct {
		file string
		matchTally
	}
	type entry struct {
		written, spelled string
		at               []where
	}
	byName := map[[2]string]*entry{}
	var es []*entry
	for m, t := range n.matched {
		if m.spelled = n.spelled(m.spelled); m.written == m.spelled {
			continue // written as cities.csv writes it: no match to list
		}
		k := [2]string{m.written, m.spelled}
		e := byName[k]
		if e == nil {
			e = &entry{written: m.written, spelled: m.spelled}
			byName[k] = e
			es = append(es, e)
		}
		e.at = append(e.at, where{m.file, *t})
	}
	if len(es) == 0 {
		return analysis.Notice{}, false
	}
	byPlace := func(a, b where) int {
		return cmp.Or(cmp.Compare(n.tables[a.file], n.tables[b.file]), strings.Compare(a.file, b.file), cmp.Compare(a.line, b.line))
	}
	for _, e := range es {
		slices.SortFunc(e.at, byPlace)
	}
	slices.SortFunc(es, func(a, b *entry) int {
		return cmp.Or(byPlace(a.at[0], b.at[0]), strings.Compare(a.written, b.written), strings.Compare(a.spelled, b.spelled))
	})
	const listed = 20
	var zh, en []string
	for i, e := range es {
		if i == listed {
			zh = append(zh, fmt.Sprintf("等%d个名称", len(es)))
			en = append(en, fmt.Sprintf("and %d more", len(es)-listed))
			break
		}
		var wz, we []string
		for _, w := range e.at {
			if w.rows > 1 {
				we = append(we, fmt.Sprintf("%s %d rows from %s %d", w.file, w.rows, w.rowWord, w.line))
				wz = append(wz, fmt.Sprintf("%s%d行，自第%d行起", w.file, w.rows, w.line))
			} else {
				we = append(we, fmt.Sprintf("%s %s %d", w.file, w.rowWord, w.line))
				wz = append(wz, fmt.Sprintf("%s第%d行", w.file, w.line))
			}
		}
		en = append(en, fmt.Sprintf("%s → %s (%s)", visible(e.written), e.spelled, strings.Join(we, ", ")))
		zh = append(zh, fmt.Sprintf("%s→%s（%s）", visible(e.written), e.spelled, strings.Join(wz, "；")))
	}
	return analysis.Notice{Code: analysis.CodeNamesMatched,
		Zh: "以下名称的写法与城市表不同，已按城市表的写法匹配（名称经NFKC规范化、去除零宽字符、BOM、软连字符和双向控制符后比较）：" + strings.Join(zh, "、"),
		En: "names written in another form were matched to cities.csv's spelling (names are compared after NFKC normalisation, with zero-width characters, BOM, soft hyphens and bidi controls removed): " + strings.Join(en, "; "),
	}, true
}
