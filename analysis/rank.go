package analysis

import (
	"cmp"
	"slices"
)

// competitionRanks returns 1-based ranks by value descending, ties sharing a
// rank (1, 2, 2, 4); nil values get no rank.
func competitionRanks(vals []*int64) []*int {
	order := make([]int, 0, len(vals))
	for i, v := range vals {
		if v != nil {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(*vals[b], *vals[a]) })
	ranks := make([]*int, len(vals))
	for pos, i := range order {
		r := pos + 1
		if pos > 0 && *vals[order[pos-1]] == *vals[i] {
			r = *ranks[order[pos-1]]
		}
		ranks[i] = &r
	}
	return ranks
}

func share(n, total *int64) *float64 {
	if n == nil || total == nil || *total == 0 {
		return nil
	}
	s := float64(*n) / float64(*total)
	return &s
}

func rankAndShare(c *Comparison) {
	regionMembers := map[string]*int64{}
	for _, r := range c.Regions {
		regionMembers[r.Region] = r.Members
	}
	provIdx := map[string][]int{}
	for i, p := range c.Provinces {
		provIdx[p.Region] = append(provIdx[p.Region], i)
		c.Provinces[i].ShareOfRegion = share(p.Members, regionMembers[p.Region])
	}
	for _, idx := range provIdx {
		vals := make([]*int64, len(idx))
		for j, i := range idx {
			vals[j] = c.Provinces[i].Members
		}
		for j, r := range competitionRanks(vals) {
			c.Provinces[idx[j]].RankInRegion = r
		}
	}
	cityIdx := map[string][]int{}
	all := make([]*int64, len(c.Cities))
	for i, ct := range c.Cities {
		cityIdx[ct.Region] = append(cityIdx[ct.Region], i)
		c.Cities[i].ShareOfRegion = share(ct.Members, regionMembers[ct.Region])
		all[i] = ct.Members
	}
	for _, idx := range cityIdx {
		vals := make([]*int64, len(idx))
		for j, i := range idx {
			vals[j] = c.Cities[i].Members
		}
		for j, r := range competitionRanks(vals) {
			c.Cities[idx[j]].RankInRegion = r
		}
	}
	for i, r := range competitionRanks(all) {
		c.Cities[i].RankOverall = r
	}
}

// byMembers orders members descending, nulls last; 0 when equal.
func byMembers(a, b *int64) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return cmp.Compare(*b, *a)
}

// sortRows applies summary.json's order: members descending, nulls last,
// then by name in code-point order.
func sortRows(c *Comparison) {
	slices.SortStableFunc(c.Regions, func(a, b RegionRow) int {
		return cmp.Or(byMembers(a.Members, b.Members), cmp.Compare(a.Region, b.Region))
	})
	slices.SortStableFunc(c.Provinces, func(a, b ProvinceRow) int {
		return cmp.Or(byMembers(a.Members, b.Members), cmp.Compare(a.Province, b.Province), cmp.Compare(a.Region, b.Region))
	})
	slices.SortStableFunc(c.Cities, func(a, b CityRow) int {
		return cmp.Or(byMembers(a.Members, b.Members), cmp.Compare(a.City, b.City), cmp.Compare(a.Province, b.Province))
	})
}
