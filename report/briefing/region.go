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
	s.WriteString(b.t(fmt.Sprintf("%s有%d个省区市、%d个城市，基地%d个，其中重点项目%d个",
		r.Region, r.Provinces, r.Cities, r.Bases, r.KeyProjects),
		fmt.Sprintf("%s has %s and %s, %s, %d of them key projects",
			r.Region, b.count(r.Provinces, "", "province", "provinces"), b.count(r.Cities, "", "city", "cities"),
			b.count(r.Bases, "", "base", "bases"), r.KeyProjects)))
	switch {
	case r.Members == nil:
		s.WriteString(b.t("；人数"+vocab.Word("not_reported", b.lang)+"。", "; members: "+vocab.Word("not_reported", b.lang)+". "))
	case r.CitiesMembers == nil:
		s.WriteString(b.t(fmt.Sprintf("；城市均未报送，省级数据合计%s。", b.people(r.Members)),
			fmt.Sprintf("; no city reports; the province-level figures total %s. ", b.people(r.Members))))
	case *r.CitiesMembers == *r.Members:
		s.WriteString(b.t(fmt.Sprintf("；%d个城市报送人数，合计%s。", r.ReportingCities, b.people(r.Members)),
			fmt.Sprintf("; %s members, %s in all. ", b.count(r.ReportingCities, "", "city reports", "cities report"), b.people(r.Members))))
	default:
		// The count of cities goes with their own sum; the region's total
		// takes its provinces' own figures, said by name.
		s.WriteString(b.t(fmt.Sprintf("；%d个城市报送人数，合计%s；片区人数合计%s，%s。", r.ReportingCities, b.people(r.CitiesMembers), b.people(r.Members),
			b.provinceLevel(b.idx.regions[r.Region])),
			fmt.Sprintf("; %s members, %s in all; the region's total is %s. %s. ", b.count(r.ReportingCities, "", "city reports", "cities report"),
				b.people(r.CitiesMembers), b.people(r.Members), b.provinceLevel(b.idx.regions[r.Region]))))
	}
	s.WriteString(b.leadingProvinces(b.idx.regions[r.Region]))
	cities := b.idx.regCities[r.Region]
	named, others := b.regionCities(cities)
	if len(named) > 0 {
		var parts []string
		for _, ct := range named {
			parts = append(parts, b.t(ct.City+"（"+b.people(ct.Members)+"）", ct.City+" ("+b.people(ct.Members)+")"))
		}
		s.WriteString(b.t("城市以"+strings.Join(parts, "、")+"最多", "The largest cities are "+strings.Join(parts, ", ")))
		if len(others) > 0 {
			s.WriteString(b.t("，", "; ") + b.othersShort(others))
		}
		s.WriteString(b.end() + b.t("", " "))
	}
	b.para(document.Body, strings.TrimSpace(s.String()))
}

// othersShort sums the cities not named: "其他74个城市合计3,012.5万".
func (b *builder) othersShort(others []*analysis.CityRow) string {
	var sum int64
	reporting := 0
	for _, ct := range others {
		if ct.Members != nil {
			sum += *ct.Members
			reporting++
		}
	}
	if reporting == 0 {
		return b.t(fmt.Sprintf("其他%d个城市没有人数", len(others)), fmt.Sprintf("the other %d have no figure", len(others)))
	}
	return b.t(fmt.Sprintf("其他%d个城市合计%s", len(others), vocab.People(sum, b.lang)),
		fmt.Sprintf("the other %d together %s", len(others), vocab.People(sum, b.lang)))
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
	return b.t(name(with[:3])+"居前，"+name(with[len(with)-2:])+"居后。",
		"Leading provinces: "+name(with[:3])+"; trailing: "+name(with[len(with)-2:])+". ")
}

// regionCities names a region's three largest cities; the others are summed.
func (b *builder) regionCities(cities []*analysis.CityRow) (named, others []*analysis.CityRow) {
	for _, ct := range cities {
		if ct.Members != nil && len(named) < 3 {
			named = append(named, ct)
		} else {
			others = append(others, ct)
		}
	}
	return named, others
}
