package briefing

import (
	"slices"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/divisions"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// An English briefing names places in English: 东部 → Eastern, 四川 →
// Sichuan, 成都市 → Chengdu, from the division table (names it lacks stay
// as the data spell them). The comparison's names are replaced in a copy
// before the document is built, so every sentence and table says them
// alike; the claims keep the data's names, which summary.json lists.

// romanised returns a copy of c (in reading order) with its place names in
// English, and the map from each English name back to the data's.
func romanised(c *analysis.Comparison) (*analysis.Comparison, map[string]string) {
	r := *c
	back := map[string]string{}
	clash := map[string]bool{}
	name := func(orig, en string, ok bool) string {
		if !ok || en == "" || en == orig {
			return orig
		}
		if o, seen := back[en]; seen && o != orig {
			clash[en] = true
		}
		back[en] = orig
		return en
	}
	prov := func(p string) string { en, ok := divisions.EnglishProvince(p); return name(p, en, ok) }
	city := func(p, ct string) string { en, ok := divisions.EnglishCity(p, ct); return name(ct, en, ok) }
	region := func(g string) string { en := vocab.Region(g, vocab.En); return name(g, en, en != g) }

	r.Regions = slices.Clone(c.Regions)
	for i := range r.Regions {
		r.Regions[i].Region = region(r.Regions[i].Region)
	}
	r.Provinces = slices.Clone(c.Provinces)
	for i := range r.Provinces {
		p := &r.Provinces[i]
		p.Province, p.Region = prov(p.Province), region(p.Region)
	}
	r.Cities = slices.Clone(c.Cities)
	for i := range r.Cities {
		ct := &r.Cities[i]
		ct.City, ct.Province, ct.Region = city(ct.Province, ct.City), prov(ct.Province), region(ct.Region)
	}
	r.Bases = slices.Clone(c.Bases)
	for i := range r.Bases {
		b := &r.Bases[i]
		b.City, b.Province = city(b.Province, b.City), prov(b.Province)
	}
	r.Checks = slices.Clone(c.Checks)
	for i := range r.Checks {
		k := &r.Checks[i]
		k.Province, k.Region = prov(k.Province), region(k.Region)
	}
	if r.Region != "" {
		r.Region = region(r.Region)
	}
	// Two places of one English name: the data's names, told apart.
	if len(clash) > 0 {
		return c, nil
	}
	return &r, back
}
