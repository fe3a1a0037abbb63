package divisions

import "strings"

// Provinces lists the 31 provinces in official order.
func Provinces() []Place {
	var out []Place
	for _, p := range tab().places {
		if p.Level == LevelProvince {
			out = append(out, p)
		}
	}
	return out
}

// Prefectures lists the prefecture-level places of the province written as
// province (any form) in official order; a municipality's is itself (重庆市).
func Prefectures(province string) []Place {
	p, ok := Province(province)
	if !ok {
		return nil
	}
	var out []Place
	for _, q := range tab().places {
		if q.Level == LevelPrefecture && q.ProvinceCode() == p.Code {
			out = append(out, q)
		}
	}
	return out
}

// Province returns the province name means, written in full (四川省,
// 西藏自治区), short (四川, 西藏) or as analysts abbreviate it (西藏区, 内蒙).
func Province(name string) (Place, bool) {
	t := tab()
	if i, ok := t.provinces[name]; ok {
		return t.places[i], true
	}
	return Place{}, false
}

// Places returns the prefecture- or county-level places name may mean in
// the province written as province (any form). An exact full name wins
// (a prefecture-level one over the county-level unit of the same name that
// 儋州市 and 东莞市 also are); else a prefecture-level form (朝阳 is 朝阳市,
// not 朝阳县); else a county-level form, which may fit several places (鼓楼 in 江苏: the
// 鼓楼区 of 南京 and of 徐州). Nil where the table does not know the name
// there, or the province.
//
// A name the table no longer has because the place was renamed (思茅市,
// 毕节地区: changes.go) means the place under its new name; a merged or
// abolished one means none.
func Places(province, name string) []Place {
	p, ok := Province(province)
	if !ok {
		return nil
	}
	if out := current(p.Code, name); out != nil {
		return out
	}
	if c, ok := FindChange(p.Name, name); ok && c.Kind == Renamed {
		return current(p.Code, c.New)
	}
	return nil
}

// current is Places among today's divisions, for a province's code.
func current(code, name string) []Place {
	t := tab()
	k := provForm{code, name}
	for _, m := range []map[provForm][]int32{t.exactPref, t.exactCounty, t.pref, t.county} {
		if idx := m[k]; len(idx) > 0 {
			out := make([]Place, len(idx))
			for j, i := range idx {
				out[j] = t.places[i]
			}
			return out
		}
	}
	return nil
}

// City returns the one place name means in province; ok is false where
// the table does not know it or it may be several (鼓楼区 in 江苏).
func City(province, name string) (Place, bool) {
	ps := Places(province, name)
	if len(ps) != 1 {
		return Place{}, false
	}
	return ps[0], true
}

// Prefecture returns the prefecture-level place a county-level place lies
// in, as its code says (510181 都江堰市 → 5101 成都市; a municipality's
// district → the municipality, 500103 渝中区 → 重庆市). ok is false for
// any other place and for a county-level city the province governs
// directly (仙桃, 石河子), which lies in no prefecture.
func Prefecture(p Place) (Place, bool) {
	if p.Level != LevelCounty || len(p.Code) != 6 {
		return Place{}, false
	}
	t := tab()
	if i, ok := t.byCode[p.Code[:4]]; ok && t.places[i].Level == LevelPrefecture {
		return t.places[i], true
	}
	if i, ok := t.byCode[p.Code[:2]+"00"]; ok { // a municipality's 市辖区 or 县
		return t.places[i], true
	}
	return Place{}, false
}

// ProvinceKey is the key under which every form of a province name meets:
// its code where the table knows it, else the name itself (marked so it
// never equals a code).
func ProvinceKey(name string) string {
	if p, ok := Province(name); ok {
		return p.Code
	}
	return "=" + name
}

// CityKeys are the keys of the places a city name may mean in province:
// their codes where the table knows the name (two names mean the same place
// when their keys meet), else the name itself.
func CityKeys(province, name string) []string {
	ps := Places(province, name)
	if len(ps) == 0 {
		return []string{"=" + name}
	}
	keys := make([]string, len(ps))
	for i, p := range ps {
		keys[i] = p.Code
	}
	return keys
}

// Suggest returns the known place whose spelling is closest to name within
// province (nationwide among prefecture-level places when the province is
// unknown), with the spelling; ok is false where none is close: one
// character off in a name of up to three, two in a longer one.
func Suggest(province, name string) (p Place, spelling string, ok bool) {
	t := tab()
	prov, known := Province(province)
	best := closeEnough(name) + 1
	for _, q := range t.places {
		switch {
		case q.Level == LevelProvince:
			continue
		case known && q.ProvinceCode() != prov.Code:
			continue
		case !known && q.Level != LevelPrefecture:
			continue
		}
		for _, f := range t.forms[q.index] {
			// Prefecture-level places come first in the table: they win ties.
			if d := Distance(name, f); d < best {
				best, p, spelling, ok = d, q, f, true
			}
		}
	}
	return p, spelling, ok
}

// SuggestProvince is Suggest for a province name.
func SuggestProvince(name string) (p Place, spelling string, ok bool) {
	t := tab()
	best := closeEnough(name) + 1
	for _, q := range Provinces() {
		for _, f := range t.forms[q.index] {
			if d := Distance(name, f); d < best {
				best, p, spelling, ok = d, q, f, true
			}
		}
	}
	return p, spelling, ok
}

// closeEnough is how many characters a suggestion may differ by.
func closeEnough(name string) int {
	if runes(name) <= 3 {
		return 1
	}
	return 2
}

// Distance is the edit distance between a and b in characters (runes).
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := range ra {
		cur[0] = i + 1
		for j := range rb {
			cost := 1
			if ra[i] == rb[j] {
				cost = 0
			}
			cur[j+1] = min(prev[j+1]+1, cur[j]+1, prev[j]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Compare orders two codes officially: by code, a place before the places
// within it (51 < 5101 < 510104 < 5102), and known codes before unknown ("").
func Compare(a, b string) int {
	switch {
	case a == b:
		return 0
	case a == "":
		return 1
	case b == "":
		return -1
	}
	return strings.Compare(a, b)
}
