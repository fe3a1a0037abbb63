package briefing

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// Narrative is the briefing's narrative, paragraph by paragraph, each with
// the claims behind its figures: the paragraphs of the document Build
// makes of c, so summary.json's "narrative" and both files say the same
// words (a tie named one way in the PDF is named the same way there).
func Narrative(c *analysis.Comparison, lang vocab.Lang) []document.Paragraph {
	doc, err := Build(c, Options{Lang: lang})
	if err != nil {
		return nil
	}
	return doc.Narrative()
}

// narrator writes the narrative paragraphs of c, which is in reading order
// (ties in official order).
type narrator struct {
	words
	c         *analysis.Comparison
	reporting []*analysis.CityRow // cities with a figure, members descending
}

// paragraphs runs each writer into a paragraph of its own.
func (n narrator) paragraphs(fs ...func(*says)) []document.Paragraph {
	var out []document.Paragraph
	for _, f := range fs {
		s := &says{words: n.words}
		f(s)
		if s.b.Len() > 0 {
			out = append(out, s.paragraph())
		}
	}
	return out
}

// kind is the compared period's kind as the vocabulary names it.
func (n narrator) kind() string {
	switch n.c.Period.Kind() {
	case analysis.KindYear:
		return "year"
	case analysis.KindHalf:
		return "half"
	case analysis.KindQuarter:
		return "quarter"
	case analysis.KindMonth:
		return "month"
	}
	return "day"
}

// adjacent tells that the previous period is the one right before.
func (n narrator) adjacent() bool { return n.c.Period.Adjacent(n.c.Previous) }

// since names the previous period after 比: 上月, 上季度, 上半年, 上年 where
// it is the adjacent one, else the period itself (比2019年3月). The half
// before a first half is 上年下半年, not 上半年 (which would be H1 itself).
func (n narrator) since() string {
	return n.Since(n.kind(), n.adjacent(), n.c.Period.Half == 1, n.period(n.c.Previous))
}

// gap names the periods missing between the previous period and the one
// compared ("2019年4月", "2019年3月至4月"), "" when there is none.
func (n narrator) gap() string {
	p, cur := n.c.Previous, n.c.Period
	if p.IsZero() || n.adjacent() {
		return ""
	}
	var missing []string
	for q := p.Next(); !q.IsZero() && q.Less(cur) && len(missing) < 100; q = q.Next() {
		missing = append(missing, n.period(q))
	}
	switch len(missing) {
	case 0:
		return ""
	case 1:
		return missing[0]
	}
	return missing[0] + n.T("至", " to ") + missing[len(missing)-1]
}

// lead is the 导语: the total, its like-for-like change and rate against
// the previous period, the change year on year, and who reports.
func (n narrator) lead(s *says) {
	c := n.c
	t := c.Totals
	p := n.period(c.Period)
	const of = "total"
	if t.Members == nil {
		if c.Period.IsZero() {
			s.add(n.T("数据中还没有新的社会阶层人士人数，暂无人数比较。",
				"The data hold no new social strata members figure yet, so there is no comparison of members."))
			return
		}
		s.add(n.T(p+"，各城市和省区市均未报送新的社会阶层人士人数，暂无人数比较。",
			"No city or province reports new social strata members for "+p+", so there is no comparison of members yet."))
		return
	}
	// Where cities are missing from the total (no province figure stands
	// for them), the count of cities goes with the sum, so 合计270万 is not
	// read as the region's total when 2 cities of 10 report.
	some := t.ReportingCities < t.Cities && partial(c, "")
	switch {
	case some && n.zh():
		s.add(p, "，", n.scopeName(), s.n(of, "", "cities", t.Cities), "个城市中有", s.n(of, "", "reporting_cities", t.ReportingCities),
			"个报送新的社会阶层人士人数，合计", s.people(of, "", "members", *t.Members))
	case some:
		s.add("For ", n.periodLong(c.Period), ", ", s.n(of, "", "reporting_cities", t.ReportingCities), " of the ", s.n(of, "", "cities", t.Cities),
			vocab.Plural(t.Cities, " city", " cities"), " in ", n.scopeName(), vocab.Verb(t.ReportingCities, " reports", " report", n.lang),
			" new social strata members, ", s.people(of, "", "members", *t.Members), " in all")
	case n.zh():
		s.add(p, "，", n.scopeName(), "新的社会阶层人士人数合计", s.people(of, "", "members", *t.Members))
	default:
		s.add("For ", n.periodLong(c.Period), ", new social strata members in ", n.scopeName(), " total ", s.people(of, "", "members", *t.Members))
	}
	if !c.Previous.IsZero() {
		if l := totalChange(c); l.ok {
			s.add(n.T("，按可比口径比"+n.since(), "; like for like, "), s.change(of, "", l), n.T("", " on "+n.since()))
		} else {
			s.add(n.T("，与"+n.period(c.Previous)+"没有可比的数字", "; nothing compares with "+n.period(c.Previous)))
		}
	}
	if y := totalYoY(c); !c.YearAgo.IsZero() && c.YearAgo != c.Previous && y.ok {
		s.add(n.T("；同比", "; year on year (against "+n.period(c.YearAgo)+"), "), s.rate(of, "", "yoy_change_ratio", y))
	}
	s.add(n.end())
	if g := n.gap(); g != "" {
		s.add(n.T("数据中没有"+g+"的数字，上述变化是与"+n.period(c.Previous)+"相比。",
			" The data hold no figures for "+g+", so the change is against "+n.period(c.Previous)+"."))
	}
	n.coverage(s, some)
}

// partial tells that some cities of region ("" for all) are in no total:
// they do not report and no province-level figure stands for them, so the
// region's figure is a sum of the reporting cities only.
func partial(c *analysis.Comparison, region string) bool {
	for _, p := range c.Provinces {
		if (region == "" || p.Region == region) && !p.ProvinceLevel && p.ReportingCities < p.Cities {
			return true
		}
	}
	return false
}

// shareBase names what a share of region is of in running text: 西部地区,
// or 西部地区报送数 / "the Western region's reported total" where cities of
// it are in no total (51.9% of 2 reporting cities' sum is not 51.9% of the
// region).
func (w words) shareBase(c *analysis.Comparison, region, zh, en string) (string, string) {
	if partial(c, region) {
		return zh + "报送数", en + "'s reported total"
	}
	return zh, en
}

// coverage says who reports: "341个城市均已报送" / "341个城市中有300个报送"
// (unless the lead said it with the sum: said), and which provinces' own
// figures stand for their cities.
func (n narrator) coverage(s *says, said bool) {
	t := n.c.Totals
	const of = "total"
	if said {
		if names := provinceLevelNames(n.c.Provinces); len(names) > 0 {
			s.add(n.T(n.listOf(names, 5, "省区市")+"以省级数据计入总数", " "+upperFirst(n.provinceFigures(names))), n.end())
		}
		return
	}
	if t.Cities == 1 && len(n.c.Cities) == 1 {
		// One city (a province slice of 海南): "1个城市均已报送" is not
		// how anyone says it; name the city.
		ct := n.c.Cities[0].City
		s.claim(of, "", "cities", t.Cities)
		s.claim(of, "", "reporting_cities", t.ReportingCities)
		switch {
		case t.ReportingCities == 1:
			s.add(n.T("唯一的城市"+ct+"已报送", " Its one city, "+ct+", reports"))
		default:
			s.add(n.T("唯一的城市"+ct+"未报送", " Its one city, "+ct+", does not report"))
		}
	} else if n.zh() {
		if t.ReportingCities == t.Cities {
			s.add(s.n(of, "", "cities", t.Cities), "个城市均已报送")
		} else {
			s.add(s.n(of, "", "cities", t.Cities), "个城市中有", s.n(of, "", "reporting_cities", t.ReportingCities), "个报送")
		}
	} else {
		if t.ReportingCities == t.Cities {
			s.add(" All ", s.n(of, "", "cities", t.Cities), vocab.Plural(t.Cities, " city reports", " cities report"))
		} else {
			s.add(" ", s.n(of, "", "reporting_cities", t.ReportingCities), " of the ", s.n(of, "", "cities", t.Cities),
				vocab.Plural(t.Cities, " city", " cities"), vocab.Verb(t.ReportingCities, " reports", " report", n.lang))
		}
	}
	if names := provinceLevelNames(n.c.Provinces); len(names) > 0 {
		s.add(n.T("，"+n.listOf(names, 5, "省区市")+"以省级数据计入总数", "; "+n.provinceFigures(names)))
	}
	s.add(n.end())
}

// provinceFigures says in English whose own figures stand for their cities:
// one province's figure is singular (Hainan's province-level figure stands
// for its cities), not "the figures of Hainan stand for their cities".
func (n narrator) provinceFigures(names []string) string {
	if len(names) == 1 {
		return names[0] + "'s province-level figure stands for its cities in the total"
	}
	return "the province-level figures of " + n.list(names, 5) + " stand for their cities in the total"
}

// upperFirst starts an English sentence with a capital.
func upperFirst(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}

// provinceLevelNames are the provinces whose own figure stands for their
// cities, in the rows' order.
func provinceLevelNames(provs []analysis.ProvinceRow) []string {
	var out []string
	for _, p := range provs {
		if p.ProvinceLevel {
			out = append(out, p.Province)
		}
	}
	return out
}

func (n narrator) scope(s *says) {
	t := n.c.Totals
	const of = "total"
	multi := len(n.c.Regions) > 1
	// A province slice, or data of one province, covers one province:
	// 本期简报涵盖海南的1个城市, not 海南1个省区市的1个城市.
	slice := n.c.OneProvince() != ""
	if n.zh() {
		s.add("本期简报涵盖")
		switch {
		case slice:
			s.add(n.scope1(), "的", s.n(of, "", "cities", t.Cities), "个城市")
		case multi:
			s.add(s.n(of, "", "regions", t.Regions), "个片区")
		default:
			s.add(n.scope1())
		}
		if !slice {
			s.add(s.n(of, "", "provinces", t.Provinces), "个省区市的", s.n(of, "", "cities", t.Cities), "个城市")
		}
		if t.PilotCities+t.PromotionCities > 0 {
			s.add("，其中创新试点城市", s.n(of, "", "pilot_cities", t.PilotCities), "个、创新推广城市", s.n(of, "", "promotion_cities", t.PromotionCities), "个")
			if tiersInferred(n.c) {
				s.add("（城市类别部分系推定，见《数据说明》）")
			}
		}
		if t.Bases == 0 {
			s.add("；尚无记录在册的实践创新基地。")
			return
		}
		s.add("；记录在册的实践创新基地", s.n(of, "", "bases", t.Bases), "个，其中全国重点项目", s.n(of, "", "key_projects", t.KeyProjects), "个。")
		return
	}
	s.add("This briefing covers ", s.n(of, "", "cities", t.Cities), vocab.Plural(t.Cities, " city", " cities"), " in ")
	if !slice {
		s.add(s.n(of, "", "provinces", t.Provinces), vocab.Plural(t.Provinces, " province", " provinces"), " in ")
	}
	if multi && !slice {
		s.add(s.n(of, "", "regions", t.Regions), " regions")
	} else {
		s.add(n.the(n.scope1()))
	}
	if t.PilotCities+t.PromotionCities > 0 {
		s.add(": ", s.n(of, "", "pilot_cities", t.PilotCities), " pilot and ", s.n(of, "", "promotion_cities", t.PromotionCities),
			vocab.Plural(t.PromotionCities, " promotion city", " promotion cities"))
		if tiersInferred(n.c) {
			s.add(" (some tiers inferred; see the annex)")
		}
	}
	s.add(". ")
	if t.Bases == 0 {
		s.add("No innovation base is on record.")
		return
	}
	s.add("The records list ", s.n(of, "", "bases", t.Bases), vocab.Plural(t.Bases, " innovation base, ", " innovation bases, "),
		s.n(of, "", "key_projects", t.KeyProjects), n.T("", vocab.Plural(t.KeyProjects, " of them a national key project.", " of them national key projects.")))
}

// tiersInferred tells that cities.csv's notes say a tier was inferred
// (推定, "inferred"), as the default data's do where the source names no
// pilot city: the circulated briefing then says the tiers are partly
// inferred, not only the annex.
func tiersInferred(c *analysis.Comparison) bool {
	for _, ct := range c.Cities {
		n := strings.ToLower(ct.Note)
		if ct.Tier != analysis.TierOther && (strings.Contains(n, "推定") || strings.Contains(n, "inferred")) {
			return true
		}
	}
	return false
}

// scope1 names the one region covered, or the one province (a province
// slice's, or the data's), whose one region row holds that province alone.
func (n narrator) scope1() string {
	if p := n.c.OneProvince(); p != "" {
		return p
	}
	if len(n.c.Regions) == 1 {
		return n.c.Regions[0].Region
	}
	return ""
}

// shareOf names what a city's share of its region is a share of: the
// region, or where the comparison holds one province (a province slice,
// or data of one province: its one region row holds that province alone)
// the province: 成都 is 79% of 四川, not of 西南.
func shareOf(c *analysis.Comparison, region string) string {
	if p := c.OneProvince(); p != "" {
		return p
	}
	return region
}

// scopeName names the scope in running text: 西部地区 / 各片区.
func (n narrator) scopeName() string {
	if r := n.scope1(); r != "" {
		return n.the(r)
	}
	return n.T("各片区", "all regions")
}

// leaders names the regions by members and the city (or the tied cities)
// with the most members, then the next.
func (n narrator) leaders(s *says) {
	if len(n.c.Regions) > 1 {
		n.regions(s)
	}
	rs := n.reporting
	if len(rs) == 0 {
		return
	}
	top, rest := tiedCities(rs)
	a := top[0]
	if len(rs) == 1 && len(n.c.Cities) == 1 {
		// The one city there is: "只有海口报送" would say others did not.
		s.add(n.T(a.City+"报送人数为"+s.people("city", a.City, "members", *a.Members)+"。",
			" "+a.City+" reports "+s.people("city", a.City, "members", *a.Members)+"."))
		return
	}
	if len(rs) == 1 {
		s.add(n.T("只有"+a.City+"报送了城市人数，为"+s.people("city", a.City, "members", *a.Members)+"。",
			" Only "+a.City+" reports a city figure: "+s.people("city", a.City, "members", *a.Members)+"."))
		return
	}
	if len(top) > 1 {
		var names []string
		for _, ct := range top {
			names = append(names, ct.City)
			s.claim("city", ct.City, "members", *ct.Members)
		}
		s.add(n.T("城市中"+strings.Join(names, "、")+vocab.Word("tied_most", n.lang)+"，均为"+vocab.People(*a.Members, n.lang),
			" Among cities, "+n.list(names, 0)+" tie for the most, "+vocab.People(*a.Members, n.lang)+" each"))
	} else {
		s.add(n.T("城市中"+a.City+"最多，为"+s.people("city", a.City, "members", *a.Members),
			" Among cities, "+a.City+" leads with "+s.people("city", a.City, "members", *a.Members)))
		if a.ShareOfRegion != nil && *a.ShareOfRegion < 1 {
			of, ofEn := shareOf(n.c, a.Region), n.the(a.Region)
			if of != a.Region {
				ofEn = of
			}
			of, ofEn = n.shareBase(n.c, a.Region, of, ofEn)
			s.add(n.T("，占"+of+"的"+s.pct("city", a.City, "share_of_region", *a.ShareOfRegion),
				", "+s.pct("city", a.City, "share_of_region", *a.ShareOfRegion)+" of "+ofEn))
		}
	}
	if len(rest) > 0 {
		second, _ := tiedCities(rest)
		b := second[0]
		if len(second) == 1 {
			s.add(n.T("；"+b.City+"次之，为", "; "+b.City+" follows with "), s.people("city", b.City, "members", *b.Members))
		} else {
			var names []string
			for _, ct := range second {
				names = append(names, ct.City)
				s.claim("city", ct.City, "members", *ct.Members)
			}
			s.add(n.T("；"+strings.Join(names, "、")+"并列其次，均为", "; "+n.list(names, 0)+" follow with "),
				s.people("city", b.City, "members", *b.Members), n.T("", " each"))
		}
	}
	s.add(n.end())
}

// tiedProvinces splits provinces (members descending, each with a figure)
// into those tied for the most and the rest.
func tiedProvinces(ps []analysis.ProvinceRow) (top, rest []analysis.ProvinceRow) {
	i := 1
	for i < len(ps) && *ps[i].Members == *ps[0].Members {
		i++
	}
	return ps[:i], ps[i:]
}

// tiedCities splits cities (members descending) into those tied for the
// most and the rest.
func tiedCities(rs []*analysis.CityRow) (top, rest []*analysis.CityRow) {
	i := 1
	for i < len(rs) && *rs[i].Members == *rs[0].Members {
		i++
	}
	return rs[:i], rs[i:]
}

// regions compares the regions' totals, largest first.
func (n narrator) regions(s *says) {
	var parts []string
	for _, r := range n.c.Regions {
		if r.Members != nil {
			parts = append(parts, n.T(r.Region+s.people("region", r.Region, "members", *r.Members),
				r.Region+" "+s.people("region", r.Region, "members", *r.Members)))
		}
	}
	if len(parts) > 0 {
		s.add(n.T("分片区看，"+strings.Join(parts, "、")+"。", "By region: "+strings.Join(parts, ", ")+"."))
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
		top, rest := tiedProvinces(with)
		a := top[0]
		if len(top) > 1 {
			var names []string
			for _, p := range top {
				names = append(names, p.Province)
				s.claim("province", p.Province, "members", *p.Members)
			}
			s.add(n.T("分省区市看，"+strings.Join(names, "、")+"人数并列最多，均为"+s.people("province", a.Province, "members", *a.Members)+"。",
				"Among provinces, "+n.list(names, 0)+" tie for the most members, "+s.people("province", a.Province, "members", *a.Members)+" each. "))
		} else {
			second, _ := tiedProvinces(rest)
			b := second[0]
			var names []string
			for _, p := range second {
				names = append(names, p.Province)
				s.claim("province", p.Province, "members", *p.Members)
			}
			s.add(n.T("分省区市看，"+a.Province+"人数最多（"+s.people("province", a.Province, "members", *a.Members),
				"Among provinces, "+a.Province+" has the most members ("+s.people("province", a.Province, "members", *a.Members)))
			if a.ShareOfRegion != nil && *a.ShareOfRegion < 1 {
				of, ofEn := n.shareBase(c, a.Region, "", "the region")
				s.add(n.T("，占"+of+s.pct("province", a.Province, "share_of_region", *a.ShareOfRegion),
					", "+s.pct("province", a.Province, "share_of_region", *a.ShareOfRegion)+" of "+ofEn))
			}
			if len(names) > 1 {
				s.add(n.T("），"+strings.Join(names, "、")+"并列其次（均为"+s.people("province", b.Province, "members", *b.Members)+"）。",
					"), then "+n.list(names, 0)+" ("+s.people("province", b.Province, "members", *b.Members)+" each). "))
			} else {
				s.add(n.T("），"+b.Province+"次之（"+s.people("province", b.Province, "members", *b.Members)+"）。",
					"), then "+b.Province+" ("+s.people("province", b.Province, "members", *b.Members)+"). "))
			}
		}
	}
	var most []analysis.ProvinceRow
	for _, p := range c.Provinces {
		switch {
		case p.Bases == 0:
		case len(most) == 0 || p.Bases > most[0].Bases:
			most = []analysis.ProvinceRow{p}
		case p.Bases == most[0].Bases:
			most = append(most, p)
		}
	}
	slices.SortStableFunc(most, func(a, b analysis.ProvinceRow) int { return cmp.Compare(a.Order, b.Order) })
	switch {
	case len(c.Provinces) == 1:
		// One province (a province slice): the scope sentence counts its
		// bases; "基地数量以西藏最多" would compare it with nothing.
	case len(most) == 1:
		p := most[0]
		s.add(n.T("基地数量以"+p.Province+"最多，有"+s.n("province", p.Province, "bases", p.Bases)+"个，其中重点项目"+s.n("province", p.Province, "key_projects", p.KeyProjects)+"个。",
			p.Province+" has the most bases: "+s.n("province", p.Province, "bases", p.Bases)+", of which "+s.n("province", p.Province, "key_projects", p.KeyProjects)+vocab.Plural(p.KeyProjects, " is a key project.", " are key projects.")))
	case len(most) > 1:
		var names []string
		for _, p := range most {
			names = append(names, p.Province)
			s.claim("province", p.Province, "bases", p.Bases)
		}
		s.add(n.T("基地数量以"+n.listOf(names, 5, "省区市")+"并列最多，各有"+fmt.Sprint(most[0].Bases)+"个。",
			n.list(names, 5)+" tie for the most bases, "+fmt.Sprint(most[0].Bases)+" each."))
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

// change states how far a comparison reaches and the largest movers.
func (n narrator) change(s *says) {
	c := n.c
	if c.Period.IsZero() {
		return
	}
	if c.Previous.IsZero() && c.YearAgo.IsZero() {
		s.add(n.T(fmt.Sprintf("数据中只有%s一期，暂不能与上期比较。", n.period(c.Period)),
			fmt.Sprintf("The data hold %s only, so there is no earlier period to compare with.", n.period(c.Period))))
		return
	}
	if !c.Previous.IsZero() {
		n.movers(s)
	}
}

// movers names the cities with the largest rise and fall; ties are named
// together. The sentence says 城市中 (among cities): a province's own figure
// (宁夏) may rise more than any city and is not compared here.
func (n narrator) movers(s *says) {
	up, down := extremes(pointers(n.c.Cities))
	for _, m := range []struct {
		cs     []*analysis.CityRow
		zh, en string
	}{{up, "城市中增加最多的是", " Among cities, the largest rise is in "}, {down, "城市中减少最多的是", " Among cities, the largest fall is in "}} {
		if len(m.cs) == 0 {
			continue
		}
		var names []string
		for _, ct := range m.cs {
			names = append(names, ct.City)
		}
		ct := m.cs[0]
		for _, o := range m.cs[1:] {
			s.claim("city", o.City, "change", *o.Change)
		}
		l := likeForLike{change: *ct.Change, ratio: ct.ChangeRatio}
		if len(m.cs) > 1 {
			l.ratio = nil // the same count is not the same rate
		}
		if len(n.c.Cities) == 1 {
			// The one city there is: no "largest" among one.
			s.add(n.T(ct.City+"比"+n.since(), " "+ct.City+" is "), s.cityChange(ct.City, l), n.T("。", " on "+n.since()+"."))
			continue
		}
		if n.zh() {
			each := ""
			if len(m.cs) > 1 {
				each = "均"
			}
			s.add(m.zh, n.list(names, 0), "，", each, "比", n.since(), s.cityChange(ct.City, l), "。")
			continue
		}
		s.add(m.en, n.list(names, 0), ", ", s.cityChange(ct.City, l))
		if len(m.cs) > 1 {
			s.add(" each")
		}
		s.add(" on ", n.since(), ".")
	}
}

// extremes returns the cities with the largest rise and those with the
// largest fall (several where tied), in the comparison's order.
func extremes(cities []*analysis.CityRow) (up, down []*analysis.CityRow) {
	for _, ct := range cities {
		if ct.Change == nil || *ct.Change == 0 {
			continue
		}
		v := *ct.Change
		switch {
		case v > 0 && (len(up) == 0 || v > *up[0].Change):
			up = []*analysis.CityRow{ct}
		case v > 0 && v == *up[0].Change:
			up = append(up, ct)
		case v < 0 && (len(down) == 0 || v < *down[0].Change):
			down = []*analysis.CityRow{ct}
		case v < 0 && v == *down[0].Change:
			down = append(down, ct)
		}
	}
	byOrder := func(a, b *analysis.CityRow) int { return cmp.Compare(a.Order, b.Order) }
	slices.SortStableFunc(up, byOrder)
	slices.SortStableFunc(down, byOrder)
	return up, down
}
