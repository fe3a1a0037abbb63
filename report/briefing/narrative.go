package briefing

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// Narrative is the briefing's narrative, paragraph by paragraph, each with
// the claims behind its figures (summary.json's "narrative"). It states
// only figures the comparison holds, each through a claim.
func Narrative(c *analysis.Comparison, lang vocab.Lang) []document.Paragraph {
	if lang != vocab.En {
		lang = vocab.Zh
	}
	n := narrator{words: words{lang}, c: c, reporting: reporting(c.Cities)}
	var out []document.Paragraph
	for _, f := range []func(*says){n.scope, n.lead, n.provinces, n.change} {
		s := &says{words: n.words}
		f(s)
		if s.b.Len() > 0 {
			out = append(out, s.paragraph())
		}
	}
	return out
}

type narrator struct {
	words
	c         *analysis.Comparison
	reporting []*analysis.CityRow // cities with a figure, members descending
}

func (n narrator) scope(s *says) {
	t := n.c.Totals
	const of = "total"
	multi := len(n.c.Regions) > 1
	if n.zh() {
		s.add("本期简报涵盖")
		if multi {
			s.add(s.n(of, "", "regions", t.Regions), "个片区")
		} else {
			s.add(n.scope1())
		}
		s.add(s.n(of, "", "provinces", t.Provinces), "个省区市的", s.n(of, "", "cities", t.Cities), "个城市")
		if t.PilotCities+t.PromotionCities > 0 {
			s.add("，其中创新试点城市", s.n(of, "", "pilot_cities", t.PilotCities), "个、创新推广城市", s.n(of, "", "promotion_cities", t.PromotionCities), "个")
		}
		s.add("；记录在册的实践创新基地", s.n(of, "", "bases", t.Bases), "个，其中全国重点项目", s.n(of, "", "key_projects", t.KeyProjects), "个。")
		return
	}
	s.add("This briefing covers ", s.n(of, "", "cities", t.Cities), " cities in ", s.n(of, "", "provinces", t.Provinces), " provinces in ")
	if multi {
		s.add(s.n(of, "", "regions", t.Regions), " regions")
	} else {
		s.add(n.scope1())
	}
	if t.PilotCities+t.PromotionCities > 0 {
		s.add(": ", s.n(of, "", "pilot_cities", t.PilotCities), " pilot and ", s.n(of, "", "promotion_cities", t.PromotionCities), " promotion cities")
	}
	s.add(". ")
	s.add("The records list ", s.n(of, "", "bases", t.Bases), " innovation bases, ", s.n(of, "", "key_projects", t.KeyProjects), " of them national key projects.")
}

// scope1 names the one region covered.
func (n narrator) scope1() string {
	if len(n.c.Regions) == 1 {
		return n.c.Regions[0].Region
	}
	return ""
}

func (n narrator) lead(s *says) {
	c := n.c
	t := c.Totals
	p := n.period(c.Period)
	if t.Members == nil {
		s.add(n.t(p+"没有城市或省区市报告新的社会阶层人士人数，人数比较暂缺。",
			"No city or province reports new social strata members for "+p+", so there is no comparison of members yet."))
		return
	}
	s.add(n.t(p+"，", "For "+p+", "))
	if n.zh() {
		s.add(s.n("total", "", "cities", t.Cities), "个城市中有", s.n("total", "", "reporting_cities", t.ReportingCities),
			"个报告了新的社会阶层人士人数，", n.scopeName(), "已报告的人数合计", s.people("total", "", "members", *t.Members), "。")
	} else {
		s.add(s.n("total", "", "reporting_cities", t.ReportingCities), " of the ", s.n("total", "", "cities", t.Cities),
			" cities report new social strata members; the figures reported for ", n.scopeName(), " total ", s.people("total", "", "members", *t.Members), ".")
	}
	if len(c.Regions) > 1 {
		n.regions(s)
	}
	rs := n.reporting
	switch {
	case len(rs) == 1:
		a := rs[0]
		s.add(n.t("只有"+a.City+"报告了城市人数，为"+s.people("city", a.City, "members", *a.Members)+"。",
			" Only "+a.City+" reports a city figure: "+s.people("city", a.City, "members", *a.Members)+"."))
	case len(rs) > 1:
		a, b := rs[0], rs[1]
		s.add(n.t(a.City+"最多，为"+s.people("city", a.City, "members", *a.Members),
			" "+a.City+" leads with "+s.people("city", a.City, "members", *a.Members)))
		if a.ShareOfRegion != nil {
			s.add(n.t("，占"+a.Region+"的"+s.pct("city", a.City, "share_of_region", *a.ShareOfRegion),
				", "+s.pct("city", a.City, "share_of_region", *a.ShareOfRegion)+" of "+a.Region))
		}
		if *a.Members == *b.Members {
			s.add(n.t("；"+b.City+"与之持平，也为", "; "+b.City+" has the same, "), s.people("city", b.City, "members", *b.Members), n.end())
		} else {
			s.add(n.t("；"+b.City+"次之，为", "; "+b.City+" follows with "), s.people("city", b.City, "members", *b.Members), n.end())
		}
	}
}

// scopeName names the scope in running text: 西部地区 / 全部7个片区.
func (n narrator) scopeName() string {
	if r := n.scope1(); r != "" {
		return r
	}
	return n.t("各片区", "all regions")
}

// regions compares the regions' totals, largest first.
func (n narrator) regions(s *says) {
	var parts []string
	for _, r := range n.c.Regions {
		if r.Members != nil {
			parts = append(parts, n.t(r.Region+s.people("region", r.Region, "members", *r.Members),
				r.Region+" "+s.people("region", r.Region, "members", *r.Members)))
		}
	}
	if len(parts) > 0 {
		s.add(n.t("分片区看，"+strings.Join(parts, "、")+"。", " By region: "+strings.Join(parts, ", ")+"."))
	}
}

func (n narrator) provinces(s *says) {
	c := n.c
	var with []analysis.ProvinceRow
	for _, p := range c.Provinces {
		if p.Members != nil {
			with = append(with, p)
		}
	}
	if len(with) > 1 && len(c.Regions) == 1 && !sameAsCities(with, n.reporting) {
		a, b := with[0], with[1]
		s.add(n.t("分省区市看，"+a.Province+"人数最多（"+s.people("province", a.Province, "members", *a.Members),
			"Among provinces, "+a.Province+" has the most members ("+s.people("province", a.Province, "members", *a.Members)))
		if a.ShareOfRegion != nil {
			s.add(n.t("，占"+s.pct("province", a.Province, "share_of_region", *a.ShareOfRegion),
				", "+s.pct("province", a.Province, "share_of_region", *a.ShareOfRegion)+" of the region"))
		}
		s.add(n.t("），"+b.Province+"次之（"+s.people("province", b.Province, "members", *b.Members)+"）。",
			"), then "+b.Province+" ("+s.people("province", b.Province, "members", *b.Members)+"). "))
	}
	most := -1
	for i, p := range c.Provinces {
		if most < 0 || p.Bases > c.Provinces[most].Bases {
			most = i
		}
	}
	if most >= 0 && c.Provinces[most].Bases > 0 {
		p := c.Provinces[most]
		s.add(n.t("基地数量以"+p.Province+"最多，有"+s.n("province", p.Province, "bases", p.Bases)+"个，其中重点项目"+s.n("province", p.Province, "key_projects", p.KeyProjects)+"个。",
			p.Province+" has the most bases: "+s.n("province", p.Province, "bases", p.Bases)+", of which "+s.n("province", p.Province, "key_projects", p.KeyProjects)+" are key projects."))
	}
}

// sameAsCities tells that the two leading provinces hold just the two
// leading cities' figures, so a province sentence would repeat the city one.
func sameAsCities(provs []analysis.ProvinceRow, cities []*analysis.CityRow) bool {
	if len(cities) < 2 {
		return false
	}
	for i := 0; i < 2; i++ {
		if *provs[i].Members != *cities[i].Members || provs[i].Province != cities[i].Province {
			return false
		}
	}
	return true
}

// since names the previous period as statistical reports do: 上月, 上季度,
// 上年, 上期 (a day or anything else).
func (n narrator) since() string {
	p := n.c.Previous
	switch {
	case !n.zh():
		return "the previous period (" + n.period(p) + ")"
	case p.Day != 0:
		return "上期"
	case p.Month != 0:
		return "上月"
	case p.Quarter != 0:
		return "上季度"
	}
	return "上年"
}

func (n narrator) change(s *says) {
	c := n.c
	if c.Previous.IsZero() && c.YearAgo.IsZero() {
		s.add(n.t(fmt.Sprintf("数据中只有%s一期，暂不能与上期比较。", n.period(c.Period)),
			fmt.Sprintf("The data hold %s only, so there is no earlier period to compare with.", n.period(c.Period))))
		return
	}
	if !c.Previous.IsZero() {
		n.sequential(s, totalChange(c))
	}
	if y := totalYoY(c); !c.YearAgo.IsZero() && c.YearAgo != c.Previous && y.ok {
		n.yearOnYear(s, y)
	}
	if !c.Previous.IsZero() {
		n.movers(s)
	}
}

// sequential states the like-for-like change against the previous period
// (环比): "按可比口径，173个城市两期均有人数，合计1.3亿，比上月增加561.9万人，增长4.6%。"
func (n narrator) sequential(s *says, l likeForLike) {
	c := n.c
	if !l.ok {
		s.add(n.t(fmt.Sprintf("没有地方在%s和%s都有人数，暂不能按可比口径比较。", n.period(c.Previous), n.period(c.Period)),
			fmt.Sprintf("No place has figures for both %s and %s, so there is no like-for-like change.", n.period(c.Previous), n.period(c.Period))))
		return
	}
	const of = "total"
	if n.zh() {
		s.add("按可比口径，", s.n(of, "", "comparable_cities", l.cities), "个城市两期均有人数，合计",
			s.people(of, "", "comparable_members", l.members), "，比", n.since())
		if l.change == 0 {
			s.add("持平。")
			return
		}
		s.add(n.verb(l.change, "增加", "减少", ""), s.persons(of, "", "change", l.change))
		if l.ratio != nil {
			s.add("，", n.verb(l.change, "增长", "下降", ""), s.absPct(of, "", "change_ratio", *l.ratio))
		}
		s.add("。")
		return
	}
	s.add("On a like-for-like basis, ", s.n(of, "", "comparable_cities", l.cities), " cities report both periods, with ",
		s.people(of, "", "comparable_members", l.members), " in all; against ", n.since(), " that is ")
	if l.change == 0 {
		s.add("unchanged.")
		return
	}
	s.add(n.verb(l.change, "up ", "down ", ""), s.persons(of, "", "change", l.change))
	if l.ratio != nil {
		s.add(" (", s.absPct(of, "", "change_ratio", *l.ratio), ")")
	}
	s.add(".")
}

// yearOnYear states the like-for-like change against the same period a
// year earlier (同比): "与上年同期相比，150个城市可比，同比增长3.2%，增加4.1万人。"
func (n narrator) yearOnYear(s *says, y likeForLike) {
	const of = "total"
	if n.zh() {
		s.add("与上年同期相比，", s.n(of, "", "yoy_comparable_cities", y.cities), "个城市可比，")
		if y.change == 0 {
			s.add("同比持平。")
			return
		}
		if y.ratio != nil {
			s.add("同比", n.verb(y.change, "增长", "下降", ""), s.absPct(of, "", "yoy_change_ratio", *y.ratio), "，")
		}
		s.add(n.verb(y.change, "增加", "减少", ""), s.persons(of, "", "yoy_change", y.change), "。")
		return
	}
	s.add(" Year on year (against ", n.period(n.c.YearAgo), "), ", s.n(of, "", "yoy_comparable_cities", y.cities), " cities compare: ")
	if y.change == 0 {
		s.add("unchanged.")
		return
	}
	s.add(n.verb(y.change, "up ", "down ", ""), s.persons(of, "", "yoy_change", y.change))
	if y.ratio != nil {
		s.add(" (", s.absPct(of, "", "yoy_change_ratio", *y.ratio), ")")
	}
	s.add(".")
}

// verb picks the word for a rise, a fall or no change.
func (n narrator) verb(v int64, up, down, same string) string {
	switch {
	case v > 0:
		return up
	case v < 0:
		return down
	}
	return same
}

// movers names the cities with the largest rise and fall.
func (n narrator) movers(s *says) {
	up, down := extremes(pointers(n.c.Cities))
	for _, m := range []struct {
		ct     *analysis.CityRow
		zh, en string
	}{{up, "增加最多的是", " The largest rise is in "}, {down, "减少最多的是", " The largest fall is in "}} {
		if m.ct == nil {
			continue
		}
		ct := m.ct
		if n.zh() {
			s.add(m.zh, ct.City, "，比", n.since(), n.verb(*ct.Change, "增加", "减少", ""), s.persons("city", ct.City, "change", *ct.Change))
			if ct.ChangeRatio != nil {
				s.add("，", n.verb(*ct.Change, "增长", "下降", ""), s.absPct("city", ct.City, "change_ratio", *ct.ChangeRatio))
			}
			s.add("。")
			continue
		}
		s.add(m.en, ct.City, ", ", n.verb(*ct.Change, "up ", "down ", ""), s.persons("city", ct.City, "change", *ct.Change))
		if ct.ChangeRatio != nil {
			s.add(" (", s.absPct("city", ct.City, "change_ratio", *ct.ChangeRatio), ")")
		}
		s.add(".")
	}
}

// extremes returns the city with the largest rise and the one with the
// largest fall (nil where none); the first in the comparison's order wins ties.
func extremes(cities []*analysis.CityRow) (up, down *analysis.CityRow) {
	for _, ct := range cities {
		if ct.Change == nil {
			continue
		}
		if *ct.Change > 0 && (up == nil || *ct.Change > *up.Change) {
			up = ct
		}
		if *ct.Change < 0 && (down == nil || *ct.Change < *down.Change) {
			down = ct
		}
	}
	return up, down
}
