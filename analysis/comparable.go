package analysis

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// zhPeriod writes a period as Chinese text says it: 2019年5月, 2019年第二季度.
func zhPeriod(p Period) string {
	return vocab.Period(p.Year, p.Half, p.Quarter, p.Month, p.Day, vocab.Zh)
}

// The like-for-like change (可比口径): a province's change compares its
// province-level figures where it has one in both periods, else the sum over
// its cities with a figure in both; a region's and the totals' sum their
// provinces with a basis. A change in who reports is never growth.

// earlier selects one earlier period's figures of a city row.
type earlier struct {
	period  Period
	figures periodFigures
	of      func(*CityRow) *int64
}

// comparables sets every province's Basis/Comparable (against the previous
// period) and YoYBasis/YoY (against the year-ago one), and notes the
// provinces whose basis or reporting cities changed.
func comparables(c *Comparison, cur, prev, ago periodFigures, w *warnings) {
	byProv := map[provKey][]*CityRow{}
	for i := range c.Cities {
		ct := &c.Cities[i]
		k := provKey{ct.Region, ct.Province}
		byProv[k] = append(byProv[k], ct)
	}
	sides := []struct {
		e     earlier
		basis func(*ProvinceRow) (*Basis, *Comparable)
		zh    string
	}{
		{earlier{c.Previous, prev, func(r *CityRow) *int64 { return r.PreviousMembers }},
			func(p *ProvinceRow) (*Basis, *Comparable) { return &p.Basis, &p.Comparable }, "环比"},
		{earlier{c.YearAgo, ago, func(r *CityRow) *int64 { return r.YearAgoMembers }},
			func(p *ProvinceRow) (*Basis, *Comparable) { return &p.YoYBasis, &p.YoY }, "同比"},
	}
	for _, side := range sides {
		if side.e.period.IsZero() {
			continue
		}
		var switched []string
		var moved []coverageMove
		for i := range c.Provinces {
			p := &c.Provinces[i]
			basis, cmp := side.basis(p)
			cities := byProv[provKey{p.Region, p.Province}]
			var sw bool
			*basis, *cmp, sw = comparableOf(p.Province, cities, cur, side.e)
			if sw {
				switched = append(switched, p.Province)
			}
			if m := coverageOf(p.Province, cities, side.e); m.entered+m.left > 0 {
				moved = append(moved, m)
			}
		}
		if len(switched) > 0 {
			w.add(basisNotice(switched, side.e.period, c.Period, side.zh))
		}
		if len(moved) > 0 {
			w.add(coverageNotice(moved, side.e.period, c.Period, side.zh))
		}
	}
}

// comparableOf is one province's basis and comparable figures against the
// earlier period e; switched reports that its members switched between a
// province-level figure and a city sum.
func comparableOf(province string, cities []*CityRow, cur periodFigures, e earlier) (Basis, Comparable, bool) {
	var both, curSum, prevSum int64
	curCities, prevCities := false, false
	for _, ct := range cities {
		n, m := ct.Members, e.of(ct)
		curCities = curCities || n != nil
		prevCities = prevCities || m != nil
		if n != nil && m != nil {
			both++
			curSum += *n
			prevSum += *m
		}
	}
	pn, _ := cur.province[province].members()
	pm, _ := e.figures.province[province].members()
	switched := (pn != nil) != (pm != nil) && ((pn == nil && curCities) || (pm == nil && prevCities))
	var out Comparable
	var basis Basis
	switch {
	case pn != nil && pm != nil:
		basis, out.Members, out.Previous = BasisProvince, pn, pm
	case both > 0:
		basis, out.Members, out.Previous = BasisCities, &curSum, &prevSum
	default:
		return BasisNone, Comparable{}, switched
	}
	nc := int(both)
	out.Cities = &nc
	out.finish()
	return basis, out, switched
}

// coverageMove counts a province's cities reporting in only one of the two
// periods.
type coverageMove struct {
	province      string
	entered, left int
}

func coverageOf(province string, cities []*CityRow, e earlier) coverageMove {
	m := coverageMove{province: province}
	for _, ct := range cities {
		n, p := ct.Members != nil, e.of(ct) != nil
		switch {
		case n && !p:
			m.entered++
		case p && !n:
			m.left++
		}
	}
	return m
}

func basisNotice(provs []string, from, to Period, zh string) Notice {
	return Notice{CodeBasisChanged,
		fmt.Sprintf("%s在%s与%s的人数口径不同（一期为省级数据，另一期为所辖城市之和），%s按两期可比口径计算，不以两期总数之差计为增减",
			zhNameList(provs), zhPeriod(from), zhPeriod(to), zh),
		fmt.Sprintf("%d provinces switched between a province-level figure and a sum of their cities between %s and %s; their change is on a comparable basis, not the difference of the two totals: %s",
			len(provs), from, to, nameList(provs))}
}

func coverageNotice(moved []coverageMove, from, to Period, zh string) Notice {
	var zhs, ens []string
	for _, m := range moved {
		var zp, ep []string
		if m.entered > 0 {
			zp = append(zp, fmt.Sprintf("新增%d个", m.entered))
			ep = append(ep, fmt.Sprintf("%d entered", m.entered))
		}
		if m.left > 0 {
			zp = append(zp, fmt.Sprintf("减少%d个", m.left))
			ep = append(ep, fmt.Sprintf("%d left", m.left))
		}
		zhs = append(zhs, m.province+"（"+strings.Join(zp, "、")+"）")
		ens = append(ens, m.province+" ("+strings.Join(ep, ", ")+")")
	}
	return Notice{CodeCoverageChanged,
		fmt.Sprintf("%s与%s报送人数的城市有变化，%s只比较两期均有数据的城市，不以报送范围的变化计为增减：%s", zhPeriod(from), zhPeriod(to), zh, zhNameList(zhs)),
		fmt.Sprintf("Reporting cities differ between %s and %s in %d provinces; the change compares only the cities that reported in both: %s",
			from, to, len(moved), nameList(ens))}
}

// periodEndNotice says that the compared period is read from its last
// sub-period present (the year view of monthly data).
func periodEndNotice(c *Comparison) Notice {
	k := c.Period.Kind()
	zhEnd, enEnd := "年末", "year-end"
	if k == KindHalf {
		zhEnd, enEnd = "半年末", "half-year-end"
	} else if k == KindQuarter {
		zhEnd, enEnd = "季末", "quarter-end"
	} else if k == KindMonth {
		zhEnd, enEnd = "月末", "month-end"
	}
	zh := fmt.Sprintf("%s按%s数比较：各地采用%s的数据", zhPeriod(c.Period), zhEnd, zhPeriod(c.Source))
	en := fmt.Sprintf("%s is compared by its %s figures: each place's figure for %s", c.Period, enEnd, c.Source)
	var zp, ep []string
	for _, s := range [][2]Period{{c.Previous, c.PreviousSource}, {c.YearAgo, c.YearAgoSource}} {
		if !s[0].IsZero() && (len(zp) == 0 || s[0] != c.Previous) {
			zp = append(zp, fmt.Sprintf("%s采用%s", zhPeriod(s[0]), zhPeriod(s[1])))
			ep = append(ep, fmt.Sprintf("%s by %s", s[0], s[1]))
		}
	}
	if len(zp) > 0 {
		zh += "，" + strings.Join(zp, "，")
		en += "; " + strings.Join(ep, ", ")
	}
	return Notice{CodePeriodEnd, zh + "。", en}
}
