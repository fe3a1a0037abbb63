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

// rankWithin ranks n items among the others of their group.
func rankWithin(n int, group func(int) string, members func(int) *int64) []*int {
	groups := map[string][]int{}
	for i := 0; i < n; i++ {
		groups[group(i)] = append(groups[group(i)], i)
	}
	out := make([]*int, n)
	for _, idx := range groups {
		vals := make([]*int64, len(idx))
		for j, i := range idx {
			vals[j] = members(i)
		}
		for j, r := range competitionRanks(vals) {
			out[idx[j]] = r
		}
	}
	return out
}

func rankAndShare(c *Comparison) {
	regionMembers := map[string]*int64{}
	for _, r := range c.Regions {
		regionMembers[r.Region] = r.Members
	}
	ps, cs := c.Provinces, c.Cities
	provRanks := rankWithin(len(ps), func(i int) string { return ps[i].Region }, func(i int) *int64 { return ps[i].Members })
	for i := range ps {
		ps[i].ShareOfRegion = share(ps[i].Members, regionMembers[ps[i].Region])
		ps[i].RankInRegion = provRanks[i]
	}
	cityMembers := func(i int) *int64 { return cs[i].Members }
	inRegion := rankWithin(len(cs), func(i int) string { return cs[i].Region }, cityMembers)
	overall := rankWithin(len(cs), func(int) string { return "" }, cityMembers)
	for i := range cs {
		cs[i].ShareOfRegion = share(cs[i].Members, regionMembers[cs[i].Region])
		cs[i].RankInRegion, cs[i].RankOverall = inRegion[i], overall[i]
	}
}

// nationRanks places each province and region in the nation: its share
// of the nation's members and its rank among the nation's provinces
// (regions), ties sharing a rank. Only a comparison of the nation has
// them: one of every region in the data, without --region, and of more
// than one region (data of one region is that region, not the nation, as
// Scope's Whole says). A slice takes its rows' from the whole
// (CompareSlice).
func nationRanks(c *Comparison) {
	if c.Region != "" || len(c.Regions) < 2 {
		return
	}
	vals := make([]*int64, len(c.Provinces))
	for i := range c.Provinces {
		vals[i] = c.Provinces[i].Members
	}
	for i, r := range competitionRanks(vals) {
		c.Provinces[i].ShareOfNation, c.Provinces[i].RankInNation = share(vals[i], c.Totals.Members), r
	}
	vals = make([]*int64, len(c.Regions))
	for i := range c.Regions {
		vals[i] = c.Regions[i].Members
	}
	for i, r := range competitionRanks(vals) {
		c.Regions[i].ShareOfNation, c.Regions[i].RankInNation = share(vals[i], c.Totals.Members), r
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
	// Cities by index, the index breaking ties as a stable sort would: a
	// stable sort moves the 200-byte rows n log² n times.
	idx := make([]int, len(c.Cities))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(i, j int) int {
		a, b := &c.Cities[i], &c.Cities[j]
		return cmp.Or(byMembers(a.Members, b.Members), cmp.Compare(a.City, b.City), cmp.Compare(a.Province, b.Province), cmp.Compare(i, j))
	})
	sorted := make([]CityRow, len(idx))
	for k, i := range idx {
		sorted[k] = c.Cities[i]
	}
	copy(c.Cities, sorted)
}
