package divisions

import (
	"embed"
	"encoding/csv"
	"fmt"
	"strings"
	"sync"
)

//go:embed data/*.csv
var data embed.FS

// Level is a division's level.
type Level uint8

const (
	LevelProvince   Level = 1 + iota // 省级: 省, 自治区, 直辖市
	LevelPrefecture                  // 地级: 市, 自治州, 地区, 盟; a municipality as its own city
	LevelCounty                      // 县级: 市辖区, 县, 县级市, 旗, 自治县
)

// Place is one division of the table.
type Place struct {
	Code  string // 51, 5101, 510104; a municipality as a city: 5000
	Name  string // the official full name: 四川省, 成都市, 恩施土家族苗族自治州
	Level Level
	index int32 // into the table's places and forms
}

// ProvinceCode is the two-digit code of the province p lies in.
func (p Place) ProvinceCode() string { return p.Code[:2] }

// Forms lists every spelling of p the table accepts, the full name first.
func (p Place) Forms() []string { return append([]string(nil), tab().forms[p.index]...) }

// Short is the form analysts usually write: 四川, 西藏, 成都, 恩施州; the full
// name where there is no shorter one (沛县).
func (p Place) Short() string {
	if f := tab().forms[p.index]; len(f) > 1 {
		return f[1]
	}
	return p.Name
}

// provForm keys a city- or county-level form within its province.
type provForm struct{ prov, form string }

// table is the parsed division table with every form indexed.
type table struct {
	places    []Place
	forms     [][]string       // by place index, full name first
	provinces map[string]int32 // any form of a province → place index
	// Full names, then other forms, of prefecture- and county-level units
	// within their province.
	exactPref, pref, exactCounty, county map[provForm][]int32
	byCode                               map[string]int32 // code → place index
}

var tab = sync.OnceValue(func() *table {
	t, err := load()
	if err != nil {
		panic("divisions: embedded table: " + err.Error()) // the build embeds it: a bad table is a bug
	}
	return t
})

// placeholders are prefecture-level rows that are not places: the
// municipalities' 市辖区 and 县, and the provinces' directly governed
// county-level units (省直辖县级行政区划).
var placeholders = map[string]bool{"市辖区": true, "县": true, "省直辖县级行政区划": true, "自治区直辖县级行政区划": true}

func readCSV(name string, cols int) ([][]string, error) {
	f, err := data.Open("data/" + name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = cols
	recs, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return recs[1:], nil // the header
}

func load() (*table, error) {
	t := &table{provinces: map[string]int32{}, exactPref: map[provForm][]int32{}, pref: map[provForm][]int32{},
		exactCounty: map[provForm][]int32{}, county: map[provForm][]int32{}, byCode: map[string]int32{}}
	provs, err := readCSV("provinces.csv", 2)
	if err != nil {
		return nil, err
	}
	cities, err := readCSV("cities.csv", 3)
	if err != nil {
		return nil, err
	}
	areas, err := readCSV("areas.csv", 4)
	if err != nil {
		return nil, err
	}
	for _, r := range provs {
		i := t.add(Place{Code: r[0], Name: r[1], Level: LevelProvince}, provinceForms(r[1]))
		for _, f := range t.forms[i] {
			t.provinces[f] = i
		}
		if strings.HasSuffix(r[1], "市") { // a municipality is its own city too
			t.addLocal(Place{Code: r[0] + "00", Name: r[1], Level: LevelPrefecture}, provinceForms(r[1]), t.exactPref, t.pref)
		}
	}
	for _, r := range cities {
		if !placeholders[r[1]] {
			t.addLocal(Place{Code: r[0], Name: r[1], Level: LevelPrefecture}, prefectureForms(r[1]), t.exactPref, t.pref)
		}
	}
	for _, r := range areas {
		t.addLocal(Place{Code: r[0], Name: r[1], Level: LevelCounty}, countyForms(r[1]), t.exactCounty, t.county)
	}
	return t, nil
}

func (t *table) add(p Place, forms []string) int32 {
	p.index = int32(len(t.places))
	t.places = append(t.places, p)
	t.byCode[p.Code] = p.index
	all := []string{p.Name}
	for _, f := range append(forms, aliases[p.Code]...) {
		if f != p.Name && !contains(all, f) {
			all = append(all, f)
		}
	}
	t.forms = append(t.forms, all)
	return p.index
}

// addLocal adds a prefecture- or county-level place, indexing its full name
// in exact and its other forms in byForm, within its province.
func (t *table) addLocal(p Place, forms []string, exact, byForm map[provForm][]int32) {
	i := t.add(p, forms)
	prov := p.ProvinceCode()
	k := provForm{prov, p.Name}
	exact[k] = append(exact[k], i)
	for _, f := range t.forms[i][1:] {
		k := provForm{prov, f}
		byForm[k] = append(byForm[k], i)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}
