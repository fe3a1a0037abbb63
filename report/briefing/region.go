package briefing

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// region sets one region's section for data with many provinces: its
// figures, its leading and trailing provinces, the cities that matter and
// its key projects, and the other cities summed.
func (b *builder) region(r analysis.RegionRow) {
	b.heading(2, r.Region)
	var s strings.Builder
	s.WriteString(b.t(fmt.Sprintf("%s有%d个省区市、%d个城市（试点%d个、推广%d个），实践创新基地%d个，其中重点项目%d个",
		r.Region, r.Provinces, r.Cities, r.PilotCities, r.PromotionCities, r.Bases, r.KeyProjects),
		fmt.Sprintf("%s has %s and %s (%d pilot, %d promotion), %s, %d of them key projects",
			r.Region, b.count(r.Provinces, "", "province", "provinces"), b.count(r.Cities, "", "city", "cities"), r.PilotCities, r.PromotionCities,
			b.count(r.Bases, "", "innovation base", "innovation bases"), r.KeyProjects)))
	if r.Members != nil {
		s.WriteString(b.t(fmt.Sprintf("；%d个城市报告人数，合计%s。", r.ReportingCities, b.people(r.Members)),
			fmt.Sprintf("; %d cities report members, %s in all. ", r.ReportingCities, b.people(r.Members))))
	} else {
		s.WriteString(b.t("；本期没有人数。", "; no members figure for the period. "))
	}
	s.WriteString(b.leadingProvinces(b.idx.regions[r.Region]))
	cities := b.idx.regCities[r.Region]
	named, others := b.regionCities(cities)
	if len(named) > 0 {
		var parts []string
		for _, ct := range named {
			parts = append(parts, b.t(ct.City+"（"+ct.Province+"，"+b.people(ct.Members)+"）", ct.City+" ("+ct.Province+", "+b.people(ct.Members)+")"))
		}
		s.WriteString(b.t("人数最多的城市是"+strings.Join(parts, "、")+"。", "The largest cities are "+strings.Join(parts, ", ")+". "))
	}
	s.WriteString(b.regionMovers(cities))
	b.para(document.Body, strings.TrimSpace(s.String()))
	if keys := b.idx.keyBases[r.Region]; len(keys) > 0 {
		var names []string
		for i, k := range keys {
			if i == 4 {
				break
			}
			names = append(names, b.t(k.Name+"（"+k.City+"，"+b.batch(k.Batch)+"）", k.Name+" ("+k.City+", "+b.batch(k.Batch)+")"))
		}
		more := ""
		if len(keys) > 4 {
			more = b.t(fmt.Sprintf("等%d个", len(keys)), fmt.Sprintf(" and %d more", len(keys)-4))
		}
		b.para(document.Body, b.t("重点项目有"+strings.Join(names, "；")+more+"。", "Key projects: "+strings.Join(names, "; ")+more+"."))
	}
	if len(others) > 0 {
		b.para(document.Body, b.othersText(others))
	}
}

// leadingProvinces names a region's provinces with the most and the fewest
// members: all of them when five or fewer report.
func (b *builder) leadingProvinces(provs []analysis.ProvinceRow) string {
	var with []analysis.ProvinceRow
	for _, p := range provs {
		if p.Members != nil {
			with = append(with, p)
		}
	}
	name := func(ps []analysis.ProvinceRow) string {
		var parts []string
		for _, p := range ps {
			parts = append(parts, b.t(p.Province+"（"+b.people(p.Members)+"）", p.Province+" ("+b.people(p.Members)+")"))
		}
		return strings.Join(parts, b.t("、", ", "))
	}
	switch {
	case len(with) == 0:
		return ""
	case len(with) <= 5:
		return b.t("各省区市人数依次为"+name(with)+"。", "By province: "+name(with)+". ")
	}
	return b.t("人数居前的省区市是"+name(with[:3])+"，居后的是"+name(with[len(with)-2:])+"。",
		"Leading provinces: "+name(with[:3])+"; trailing: "+name(with[len(with)-2:])+". ")
}

// regionCities names a region's three largest cities; the others are summed.
func (b *builder) regionCities(cities []analysis.CityRow) (named, others []analysis.CityRow) {
	for _, ct := range cities {
		if ct.Members != nil && len(named) < 3 {
			named = append(named, ct)
		} else {
			others = append(others, ct)
		}
	}
	return named, others
}

// regionMovers names the region's largest rise and fall.
func (b *builder) regionMovers(cities []analysis.CityRow) string {
	up, down := extremes(cities)
	var parts []string
	if up != nil {
		parts = append(parts, b.t("增加最多的是"+up.City+"（"+b.changeFlat(up.Change, up.ChangeRatio)+"）",
			"the largest rise is in "+up.City+" ("+vocab.Signed(*up.Change, b.lang)+")"))
	}
	if down != nil {
		parts = append(parts, b.t("减少最多的是"+down.City+"（"+b.changeFlat(down.Change, down.ChangeRatio)+"）",
			"the largest fall is in "+down.City+" ("+vocab.Signed(*down.Change, b.lang)+")"))
	}
	if len(parts) == 0 {
		return ""
	}
	return b.t("与上期相比，"+strings.Join(parts, "，")+"。", "Against the previous period, "+strings.Join(parts, ", ")+".")
}

// changeFlat writes a change and its ratio for use inside brackets:
// +1.2万，+3.0%.
func (b *builder) changeFlat(ch *int64, ratio *float64) string {
	if ch == nil {
		return "—"
	}
	s := vocab.Signed(*ch, b.lang)
	if ratio != nil {
		s += b.t("，", ", ") + vocab.SignedPercent(*ratio)
	}
	return s
}
