package analysis

import (
	"cmp"
	"slices"
)

// series builds the members and reporting cities of every point of v, by
// the rules of the compared period, over c's places (within its region).
// One pass over each period's figures; the arrays are reused throughout.
func series(h *History, v view, c *Comparison) []SeriesPoint {
	if len(v.points) == 0 {
		return nil
	}
	provIdx := make(map[provKey]int, len(c.Provinces))
	provByName := make(map[string]int, len(c.Provinces))
	for i, p := range c.Provinces {
		provIdx[provKey{p.Region, p.Province}] = i
		if _, ok := provByName[p.Province]; !ok {
			provByName[p.Province] = i
		}
	}
	cityProv := make(map[cityKey]int, len(c.Cities))
	for _, ct := range c.Cities {
		cityProv[cityKey{ct.Province, ct.City}] = provIdx[provKey{ct.Region, ct.Province}]
	}
	regionIdx := make(map[string]int, len(c.Regions))
	for i, r := range c.Regions {
		regionIdx[r.Region] = i
	}
	provRegion := make([]int, len(c.Provinces))
	for i, p := range c.Provinces {
		provRegion[i] = regionIdx[p.Region]
	}
	// Each place's province row, and whether it is a city; -1: out of scope.
	placeProv := make([]int32, len(h.Places))
	placeCity := make([]bool, len(h.Places))
	for i, pl := range h.Places {
		placeProv[i] = -1
		if pl.City == "" {
			if pi, ok := provByName[pl.Province]; ok {
				placeProv[i] = int32(pi)
			}
		} else if pi, ok := cityProv[cityKey{pl.Province, pl.City}]; ok {
			placeProv[i], placeCity[i] = int32(pi), true
		}
	}

	np := len(c.Provinces)
	citySum := make([]int64, np)
	cityAny := make([]bool, np)
	provLevel := make([]int64, np)
	reporting := make([]int, np)
	reported, before := make([]bool, len(h.Places)), make([]bool, len(h.Places))
	levelBefore := make([]bool, np)
	fd := newFolder(len(h.Places))
	out := make([]SeriesPoint, 0, len(v.points))
	for n, pt := range v.points {
		for i := range np {
			citySum[i], cityAny[i], provLevel[i], reporting[i] = 0, false, -1, 0
		}
		clear(reported)
		fd.fold(&h.Periods[pt.hist], func(place int, m int64) {
			pi := placeProv[place]
			switch {
			case pi < 0:
			case placeCity[place]:
				citySum[pi] += m
				cityAny[pi] = true
				reporting[pi]++
				reported[place] = true
			default:
				provLevel[pi] = m
			}
		})
		sp := SeriesPoint{Period: pt.period, Source: pt.source,
			Provinces: make([]*int64, np), ProvinceLevel: make([]bool, np)}
		vals := make([]int64, np)
		regions := make([]SeriesRegion, len(c.Regions))
		for i, r := range c.Regions {
			regions[i].Region = r.Region
		}
		changed := n > 0 && !slices.Equal(reported, before)
		for i := range np {
			o := c.Provinces[i].Order // Provinces are kept by official position
			level := false
			switch {
			case provLevel[i] >= 0:
				vals[i] = provLevel[i]
				sp.Provinces[o], level = &vals[i], true
			case cityAny[i]:
				vals[i] = citySum[i]
				sp.Provinces[o] = &vals[i]
			}
			sp.ProvinceLevel[o] = level
			if n > 0 && level != levelBefore[i] {
				changed = true
			}
			levelBefore[i] = level
			r := &regions[provRegion[i]]
			r.Members = addPtr(r.Members, sp.Provinces[o])
			r.ReportingCities += reporting[i]
		}
		for _, r := range regions {
			sp.Members = addPtr(sp.Members, r.Members)
			sp.ReportingCities += r.ReportingCities
		}
		slices.SortFunc(regions, func(a, b SeriesRegion) int {
			return cmp.Or(byMembers(a.Members, b.Members), cmp.Compare(a.Region, b.Region))
		})
		sp.Regions = regions
		sp.CoverageChanged = changed
		out = append(out, sp)
		reported, before = before, reported
	}
	return out
}
