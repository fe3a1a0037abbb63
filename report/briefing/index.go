package briefing

import (
	"slices"

	"github.com/basebrief/basebrief/analysis"
)

type cityKey struct{ province, city string }

type provKey struct{ region, province string }

// index holds the comparison's rows grouped once, so that no section scans
// every city or base per province (national data has 10,000 cities and
// 100,000 bases).
type index struct {
	provinces []analysis.ProvinceRow            // in official order (by administrative code)
	regions0  []analysis.RegionRow              // regions in official order (by their first province)
	cities    map[provKey][]*analysis.CityRow   // a province's cities, members descending
	bases     map[cityKey][]*analysis.Base      // a city's bases, in record order
	regions   map[string][]analysis.ProvinceRow // a region's provinces, members descending
	regCities map[string][]*analysis.CityRow    // a region's cities, members descending
	reporting []*analysis.CityRow               // cities with a figure, members descending
	keyBases  map[string][]*analysis.Base       // a region's key projects, in record order
	regionOf  map[string]string                 // province → region
}

func newIndex(c *analysis.Comparison) index {
	x := index{cities: map[provKey][]*analysis.CityRow{}, bases: map[cityKey][]*analysis.Base{},
		regions: map[string][]analysis.ProvinceRow{}, regCities: map[string][]*analysis.CityRow{},
		keyBases: map[string][]*analysis.Base{}, regionOf: map[string]string{}}
	for _, p := range c.Provinces {
		x.regions[p.Region] = append(x.regions[p.Region], p)
		x.regionOf[p.Province] = p.Region
	}
	// The lists people read follow the official order of places where
	// they are not ranked by a figure (statistical bulletins list
	// provinces so).
	x.provinces = slices.SortedStableFunc(slices.Values(c.Provinces), func(a, b analysis.ProvinceRow) int { return a.Order - b.Order })
	x.regions0 = slices.SortedStableFunc(slices.Values(c.Regions), func(a, b analysis.RegionRow) int { return a.Order - b.Order })
	x.reporting = reporting(c.Cities)
	for i := range c.Cities {
		ct := &c.Cities[i]
		k := provKey{ct.Region, ct.Province}
		x.cities[k] = append(x.cities[k], ct)
		x.regCities[ct.Region] = append(x.regCities[ct.Region], ct)
	}
	for i := range c.Bases {
		b := &c.Bases[i]
		k := cityKey{b.Province, b.City}
		x.bases[k] = append(x.bases[k], b)
		if b.KeyProject() {
			r := x.regionOf[b.Province]
			x.keyBases[r] = append(x.keyBases[r], b)
		}
	}
	return x
}

// reporting lists the cities with a figure, in the given order.
func reporting(cities []analysis.CityRow) []*analysis.CityRow {
	var out []*analysis.CityRow
	for i := range cities {
		if cities[i].Members != nil {
			out = append(out, &cities[i])
		}
	}
	return out
}

// pointers lists the rows by pointer, in order.
func pointers(cities []analysis.CityRow) []*analysis.CityRow {
	out := make([]*analysis.CityRow, len(cities))
	for i := range cities {
		out[i] = &cities[i]
	}
	return out
}
