package input

import (
	"sort"
	"strings"

	"github.com/basebrief/basebrief/analysis"
)

// cityIndex holds cities.csv and the lookups the other files need. City and
// province names are interned here: figures rows reuse these strings.
type cityIndex struct {
	cities    []analysis.City
	byProv    map[string]map[string]int32 // province → city → index
	byName    map[string][]int32          // city → indexes (names repeat across provinces)
	unique    map[string]int32            // city → index, -1 where the name repeats
	provIdx   map[string]int32            // province → index into provNames
	provNames []string
	provLine  []int // line of the province's first city
	loaded    bool  // the header was valid: references can be checked
	names           // names written in other forms (names.go)
}

func newCityIndex() *cityIndex {
	ix := &cityIndex{
		byProv:  make(map[string]map[string]int32),
		byName:  make(map[string][]int32),
		unique:  make(map[string]int32),
		provIdx: make(map[string]int32),
	}
	ix.names.init()
	return ix
}

// readCities reads cities.csv from an open table.
func readCities(t *table) *cityIndex {
	ix := newCityIndex()
	ix.loaded = !t.broken
	ix.reading(t.pl)
	type firstRegion struct {
		region string
		line   int
	}
	regionOf := map[string]firstRegion{}
	for t.next() {
		c := analysis.City{
			Name:     ix.normalised(t.get(colCity), t.line),
			Province: ix.normalised(t.get(colProvince), t.line),
			Region:   ix.normalised(t.get(colRegion), t.line),
			Note:     cleanText(t.get(colNote)),
			Line:     t.line,
		}
		requireValues(t, colCity, colProvince, colRegion)
		ix.spellRow(&c)
		tier, err := ParseTier(t.get(colTier))
		if err != nil {
			t.errorf(colTier, "tier %v", err)
		}
		c.Tier = tier
		if c.Region != "" && c.Province != "" {
			if r, seen := regionOf[c.Province]; seen && r.region != c.Region {
				t.errorf(colRegion, "region %s differs from %s given to province %s on line %d, expected one region per province", c.Region, r.region, c.Province, r.line)
			} else if !seen {
				regionOf[c.Province] = firstRegion{c.Region, t.line}
			}
		}
		if c.Name == "" || c.Province == "" {
			continue // a city with only its region missing is still known, to spare later rows
		}
		if i, dup := ix.byProv[c.Province][c.Name]; dup {
			t.errorf(colCity, "duplicate city %s (%s), first on line %d%s, expected each city once", c.Name, c.Province, ix.cities[i].Line, writtenAs(t.get(colCity), c.Name))
			continue
		}
		if i := ix.sameCity(c); i >= 0 {
			t.errorf(colCity, "city %s (%s) is %s of line %d written another way, expected each city once, in one form", c.Name, c.Province, ix.cities[i].Name, ix.cities[i].Line)
			continue
		}
		ix.add(c)
		ix.addKeys(int32(len(ix.cities) - 1))
	}
	t.layout.totals.note(t)
	t.layoutNotes()
	ix.countiesBeside(t)
	if !t.broken && t.retry == nil && !t.cancelled && t.rows == 0 {
		t.c.add(t.at(0, 0, "has no rows below the header, expected one row per city in the programme (there is nothing to brief on without them)"))
		ix.loaded = false
	}
	if t.tooMany {
		ix.loaded = false // the cities past the limit are unknown: no reference errors
	}
	return ix
}

// normalised is a cities.csv name as compared (normalize.go). The packet
// prints it as written, invisible characters dropped (shownName): a change
// beyond those is remembered for spellAsWritten, and dropped characters
// are noted as a match.
func (ix *cityIndex) normalised(raw string, line int) string {
	n := name(raw)
	if n == raw {
		return n
	}
	s := shownName(raw)
	if _, seen := ix.shown[n]; !seen && s != n {
		ix.shown[n] = s
	}
	if s != raw {
		ix.note(nameMatch{written: raw, spelled: n}, line)
	}
	return n
}

// requireValues reports each empty required value of the row; ok is false
// if any was empty.
func requireValues(t *table, cols ...col) bool {
	ok := true
	for _, c := range cols {
		if t.get(c) == "" {
			t.errorf(c, "empty %s, expected a value", c)
			ok = false
		}
	}
	return ok
}

func (ix *cityIndex) add(c analysis.City) {
	i := int32(len(ix.cities))
	m := ix.byProv[c.Province]
	if m == nil {
		m = make(map[string]int32)
		ix.byProv[c.Province] = m
		ix.provIdx[c.Province] = int32(len(ix.provNames))
		ix.provNames = append(ix.provNames, c.Province)
		ix.provLine = append(ix.provLine, c.Line)
	}
	m[c.Name] = i
	ix.byName[c.Name] = append(ix.byName[c.Name], i)
	if _, seen := ix.unique[c.Name]; seen {
		ix.unique[c.Name] = -1
	} else {
		ix.unique[c.Name] = i
	}
	ix.cities = append(ix.cities, c)
}

// problem is what went wrong resolving a reference, and the column at fault.
type problem struct {
	col  col
	msg  string
	kind string // the message without its names, to group rows by
}

// resolve finds city in province (or, with no province, the only city of
// that name), either as cities.csv spells them or in another form (成都 for
// 成都市, names.go). It returns the index, or -1 and the problem to report.
func (ix *cityIndex) resolve(city, province string, line int) (int32, problem) {
	if province != "" {
		if i, ok := ix.byProv[province][city]; ok {
			return i, problem{}
		}
	} else if cands := ix.byName[city]; len(cands) == 1 {
		return cands[0], problem{}
	}
	return ix.resolveForms(city, province, line)
}

func (ix *cityIndex) provincesOf(cands []int32) string {
	names := make([]string, len(cands))
	for i, c := range cands {
		names[i] = ix.cities[c].Province
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
