package analysis

import (
	"cmp"
	"math"
	"slices"
)

// CheckTolerance is how far (relative to the province-level figure) a
// province's own figure may differ from the sum of its reporting cities
// before the briefing asks for it to be verified (需核实). Five per cent
// lets rounding and a late city pass and catches a figure from another
// date or basis (广东 559.3万 beside its cities' 901.2万).
const CheckTolerance = 0.05

// FigureCheck is a province whose own figure and its cities' sum disagree.
type FigureCheck struct {
	Province, Region string
	ProvinceMembers  int64   // the province-level figure, used in every total
	CitiesMembers    int64   // the sum of its reporting cities' figures
	ReportingCities  int     // cities in that sum
	Cities           int     // the province's cities
	Gap              float64 // (CitiesMembers − ProvinceMembers) / ProvinceMembers
}

// figureChecks lists the provinces whose province-level figure differs from
// the sum of their cities' figures by more than CheckTolerance, the widest
// gap (|Gap|) first, then the larger difference in people, then official
// order: the 导语 names the first few, so they must be the gaps that matter,
// not the largest provinces. A province none of whose cities reports has
// nothing to check against.
func figureChecks(provs []ProvinceRow) []FigureCheck {
	var out []FigureCheck
	order := map[string]int{}
	for _, p := range provs {
		if !p.ProvinceLevel || p.Members == nil || p.CitiesMembers == nil {
			continue
		}
		pm, cm := *p.Members, *p.CitiesMembers
		var gap float64
		switch {
		case pm == 0 && cm == 0:
			continue
		case pm == 0:
			gap = math.Inf(1)
		default:
			gap = float64(cm-pm) / float64(pm)
		}
		if math.Abs(gap) <= CheckTolerance {
			continue
		}
		order[p.Province] = p.Order
		out = append(out, FigureCheck{Province: p.Province, Region: p.Region, ProvinceMembers: pm, CitiesMembers: cm,
			ReportingCities: p.ReportingCities, Cities: p.Cities, Gap: gap})
	}
	slices.SortStableFunc(out, func(a, b FigureCheck) int {
		return cmp.Or(cmp.Compare(math.Abs(b.Gap), math.Abs(a.Gap)),
			cmp.Compare(absInt(b.CitiesMembers-b.ProvinceMembers), absInt(a.CitiesMembers-a.ProvinceMembers)),
			cmp.Compare(order[a.Province], order[b.Province]))
	})
	return out
}

func absInt(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}
