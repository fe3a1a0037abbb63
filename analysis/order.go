package analysis

import (
	"cmp"
	"slices"

	"github.com/basebrief/basebrief/analysis/divisions"
)

// The lists people read follow the official order of places: provinces by
// administrative code, cities by code within their province, names the
// division table lacks (两江新区, test names) after the known ones in data
// order; regions by their first province. summary.json keeps its own order
// (members, then code point); every row carries its official position in
// Order so a renderer can list rows officially or break ties with it.

// setOrder sets the Order of every region, province and city row. It runs
// while the rows are still in data order (cities.csv's).
func setOrder(c *Comparison) {
	provOrder := make(map[string]int, len(c.Provinces))
	provIdx := rankBy(len(c.Provinces), func(i int) (string, int) {
		return provinceCode(c.Provinces[i].Province), i
	})
	for i := range c.Provinces {
		c.Provinces[i].Order = provIdx[i]
		provOrder[c.Provinces[i].Province] = provIdx[i]
	}
	cityIdx := rankByOrder(len(c.Cities), func(i int) (int, string, int) {
		ct := c.Cities[i]
		code := ""
		if p, ok := divisions.City(ct.Province, ct.City); ok {
			code = p.Code
		}
		return provOrder[ct.Province], code, i
	})
	for i := range c.Cities {
		c.Cities[i].Order = cityIdx[i]
	}
	first := map[string]int{}
	for _, p := range c.Provinces {
		if o, ok := first[p.Region]; !ok || p.Order < o {
			first[p.Region] = p.Order
		}
	}
	regIdx := rankByOrder(len(c.Regions), func(i int) (int, string, int) { return first[c.Regions[i].Region], "", i })
	for i := range c.Regions {
		c.Regions[i].Order = regIdx[i]
	}
}

func provinceCode(name string) string {
	if p, ok := divisions.Province(name); ok {
		return p.Code
	}
	return ""
}

// rankBy ranks n items by official code, unknown codes ("") last, then by
// data position.
func rankBy(n int, key func(int) (string, int)) []int {
	return rankByOrder(n, func(i int) (int, string, int) { code, pos := key(i); return 0, code, pos })
}

// rankByOrder ranks n items by an outer order, then code, then data
// position; rank[i] is item i's 0-based position.
func rankByOrder(n int, key func(int) (int, string, int)) []int {
	// Keys found once per item: key looks names up in the division table,
	// and the comparator runs n log n times (at 10,000 cities the lookups
	// in it were a third of Compare). Positions are distinct, so the order
	// is total and needs no stable sort.
	type keyed struct {
		order int
		code  string
		pos   int
		i     int
	}
	ks := make([]keyed, n)
	for i := range ks {
		o, c, p := key(i)
		ks[i] = keyed{o, c, p, i}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.order, b.order), divisions.Compare(a.code, b.code), cmp.Compare(a.pos, b.pos), cmp.Compare(a.i, b.i))
	})
	rank := make([]int, n)
	for r, k := range ks {
		rank[k.i] = r
	}
	return rank
}

// inOrder returns a copy of rows in official order.
func inOrder[T any](rows []T, order func(T) int) []T {
	out := slices.Clone(rows)
	slices.SortFunc(out, func(a, b T) int { return cmp.Compare(order(a), order(b)) })
	return out
}

// RegionsInOrder lists the region rows in official order (by their first
// province's code).
func (c *Comparison) RegionsInOrder() []RegionRow {
	return inOrder(c.Regions, func(r RegionRow) int { return r.Order })
}

// ProvincesInOrder lists the province rows in official order: by code
// (重庆、四川、贵州、云南、西藏…), unknown names after them in data order.
func (c *Comparison) ProvincesInOrder() []ProvinceRow {
	return inOrder(c.Provinces, func(p ProvinceRow) int { return p.Order })
}

// CitiesInOrder lists the city rows in official order: by province, then
// by code within it, unknown names after the known ones in data order.
func (c *Comparison) CitiesInOrder() []CityRow {
	return inOrder(c.Cities, func(ct CityRow) int { return ct.Order })
}

// InReadingOrder returns a copy of c whose region, province and city lists
// are in the order people read them: members descending, nulls last, as in
// summary.json, but ties in official order instead of code-point order
// (重庆、四川, then 贵州、云南、西藏… without figures). The rows are copies;
// the rest is shared. Renderers that list rows by members start from it.
func (c *Comparison) InReadingOrder() *Comparison {
	r := *c
	r.Regions = slices.Clone(c.Regions)
	slices.SortStableFunc(r.Regions, func(a, b RegionRow) int {
		return cmp.Or(byMembers(a.Members, b.Members), cmp.Compare(a.Order, b.Order))
	})
	r.Provinces = slices.Clone(c.Provinces)
	slices.SortStableFunc(r.Provinces, func(a, b ProvinceRow) int {
		return cmp.Or(byMembers(a.Members, b.Members), cmp.Compare(a.Order, b.Order))
	})
	r.Cities = slices.Clone(c.Cities)
	slices.SortStableFunc(r.Cities, func(a, b CityRow) int {
		return cmp.Or(byMembers(a.Members, b.Members), cmp.Compare(a.Order, b.Order))
	})
	return &r
}

// officially sorts lists of city names (the notices' lists) in official
// order; a name two provinces share takes its first place.
func (c *Comparison) officially(lists ...[]string) {
	pos := make(map[string]int, len(c.Cities))
	for _, ct := range c.Cities {
		if o, ok := pos[ct.City]; !ok || ct.Order < o {
			pos[ct.City] = ct.Order
		}
	}
	for _, l := range lists {
		slices.SortStableFunc(l, func(a, b string) int { return cmp.Compare(pos[a], pos[b]) })
	}
}
