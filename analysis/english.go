package analysis

import (
	"slices"

	"github.com/basebrief/basebrief/analysis/divisions"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// An English packet names places in English: 东部 → Eastern region, 四川 →
// Sichuan, 成都市 → Chengdu, from the division table (names it lacks stay
// as the data spell them). The comparison's names are replaced in a copy
// before anything is drawn, so the briefing, the Word file and the charts
// say them alike; summary.json keeps the data's names.

// Romanised returns a copy of c with its place names in English, and the
// map from each English name back to the data's. Where two places would
// share an English name, c itself and a nil map: the data's names, told
// apart.
func (c *Comparison) Romanised() (*Comparison, map[string]string) {
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
	// The trend chart's lines are the series' regions.
	r.Series = slices.Clone(c.Series)
	for i := range r.Series {
		s := &r.Series[i]
		s.Regions = slices.Clone(s.Regions)
		for j := range s.Regions {
			s.Regions[j].Region = region(s.Regions[j].Region)
		}
	}
	if r.Region != "" {
		r.Region = region(r.Region)
	}
	if c.Scope != nil { // a slice (run --slices) and where it stands
		r.Scope = c.Scope.Romanised()
	}
	if len(clash) > 0 {
		return c, nil
	}
	return &r, back
}

// Romanised returns a copy of s with its place names in English (Sichuan,
// Western region), as Comparison.Romanised names them.
func (s *Scope) Romanised() *Scope {
	r := *s
	region := func(g string) string { return vocab.Region(g, vocab.En) }
	if r.Kind == SliceProvince {
		if en, ok := divisions.EnglishProvince(r.Name); ok && en != "" {
			r.Name = en
		}
	} else {
		r.Name = region(r.Name)
	}
	if r.Region != "" {
		r.Region = region(r.Region)
	}
	if r.Whole != "" {
		r.Whole = region(r.Whole)
	}
	return &r
}
