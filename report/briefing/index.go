package briefing

import "github.com/basebrief/basebrief/analysis"

type cityKey struct{ province, city string }

type provKey struct{ region, province string }

// index holds the comparison's rows grouped once, so that no section scans
// every city or base per province (national data has 10,000 cities and
// 100,000 bases).
type index struct {
	provinces []analysis.ProvinceRow            // region by region, each in the comparison's order
	cities    map[provKey][]analysis.CityRow    // a province's cities, members descending
	bases     map[cityKey][]analysis.Base       // a city's bases, in record order
	regions   map[string][]analysis.ProvinceRow // a region's provinces, members descending
	regCities map[string][]analysis.CityRow     // a region's cities, members descending
	reporting []analysis.CityRow                // cities with a figure, members descending
	byName    map[provKey]*analysis.ProvinceRow // province rows by key
	keyBases  map[string][]analysis.Base        // a region's key projects, by batch then record order
	regionOf  map[string]string                 // province → region
}

func newIndex(c *analysis.Comparison) index {
	x := index{cities: map[provKey][]analysis.CityRow{}, bases: map[cityKey][]analysis.Base{},
		regions: map[string][]analysis.ProvinceRow{}, regCities: map[string][]analysis.CityRow{},
		byName: map[provKey]*analysis.ProvinceRow{}, keyBases: map[string][]analysis.Base{},
		regionOf: map[string]string{}}
	for _, p := range c.Provinces {
		x.regions[p.Region] = append(x.regions[p.Region], p)
		x.regionOf[p.Province] = p.Region
	}
	for _, r := range c.Regions {
		x.provinces = append(x.provinces, x.regions[r.Region]...)
	}
	for i := range c.Provinces {
		p := &c.Provinces[i]
		x.byName[provKey{p.Region, p.Province}] = p
	}
	for _, ct := range c.Cities {
		k := provKey{ct.Region, ct.Province}
		x.cities[k] = append(x.cities[k], ct)
		x.regCities[ct.Region] = append(x.regCities[ct.Region], ct)
		if ct.Members != nil {
			x.reporting = append(x.reporting, ct)
		}
	}
	for _, b := range c.Bases {
		k := cityKey{b.Province, b.City}
		x.bases[k] = append(x.bases[k], b)
		if b.KeyProject() {
			r := x.regionOf[b.Province]
			x.keyBases[r] = append(x.keyBases[r], b)
		}
	}
	return x
}
