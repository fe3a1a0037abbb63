package briefing

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// words holds the phrasing helpers shared by the narrative and sections.
type words struct{ lang vocab.Lang }

func (w words) zh() bool { return w.lang != vocab.En }

func (w words) t(zh, en string) string {
	if w.zh() {
		return zh
	}
	return en
}

func (w words) people(n *int64) string { return vocab.PeoplePtr(n, w.lang) }

// plural writes "1 city" / "3 cities" in English, "3个城市" in Chinese.
func (w words) plural(n int, zh, one, many string) string {
	if w.zh() {
		return strconv.Itoa(n) + "个" + zh
	}
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// list joins names, at most limit of them, then "等N个" / "and N more".
func (w words) list(names []string, limit int) string {
	more := 0
	if limit > 0 && len(names) > limit {
		more = len(names) - limit
		names = names[:limit]
	}
	if w.zh() {
		s := strings.Join(names, "、")
		if more > 0 {
			s += fmt.Sprintf("等%d个", len(names)+more)
		}
		return s
	}
	s := strings.Join(names, ", ")
	if more > 0 {
		s += fmt.Sprintf(" and %d more", more)
	}
	return s
}

func (w words) tier(t analysis.Tier) string {
	switch t {
	case analysis.TierPilot:
		return w.t("创新试点城市", "pilot city")
	case analysis.TierPromotion:
		return w.t("创新推广城市", "promotion city")
	}
	return ""
}

func (w words) tierShort(t analysis.Tier) string {
	switch t {
	case analysis.TierPilot:
		return w.t("试点", "pilot")
	case analysis.TierPromotion:
		return w.t("推广", "promotion")
	}
	return "—"
}

func (w words) period(p analysis.Period) string { return periodText(p, w.lang) }

func (w words) rank(r *int) string {
	if r == nil {
		return "—"
	}
	return strconv.Itoa(*r)
}

func (w words) ordinal(r int) string {
	if w.zh() {
		return fmt.Sprintf("第%d位", r)
	}
	return "no. " + strconv.Itoa(r)
}

// batch writes a key project's batch: 第二批 / batch 2.
func (w words) batch(n int) string {
	if w.zh() {
		return "第" + cnNum(n) + "批"
	}
	return "batch " + strconv.Itoa(n)
}

// signed writes a change of people with its sign and, where known, ratio.
func (w words) change(ch *int64, ratio *float64) string {
	if ch == nil {
		return "—"
	}
	s := vocab.Signed(*ch, w.lang)
	if ratio != nil {
		s += "（" + vocab.SignedPercent(*ratio) + "）"
		if !w.zh() {
			s = vocab.Signed(*ch, w.lang) + " (" + vocab.SignedPercent(*ratio) + ")"
		}
	}
	return s
}

// number writes a stated value: 25, 2.5, or people as 140万.
func (w words) number(v float64, measure string) string {
	if measure == "members" {
		return vocab.People(int64(v+0.5), w.lang)
	}
	if v == float64(int64(v)) {
		return vocab.Int(int64(v))
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// measure names what a stated figure is checked against.
func (w words) measure(m string) string {
	zh := map[string]string{"key_projects": "重点项目", "bases": "实践创新基地", "cities": "城市",
		"pilot_cities": "创新试点城市", "promotion_cities": "创新推广城市", "provinces": "省区市",
		"regions": "片区", "reporting_cities": "报告人数的城市", "members": "新的社会阶层人士"}
	en := map[string]string{"key_projects": "key projects", "bases": "innovation bases", "cities": "cities",
		"pilot_cities": "pilot cities", "promotion_cities": "promotion cities", "provinces": "provinces",
		"regions": "regions", "reporting_cities": "cities reporting members", "members": "new social strata members"}
	if w.zh() {
		return zh[m]
	}
	return en[m]
}

// scope names what the briefing covers: the region, or "N个片区".
func (w words) scope(c *analysis.Comparison) string {
	if len(c.Regions) == 1 {
		return c.Regions[0].Region
	}
	return w.t(fmt.Sprintf("%d个片区", len(c.Regions)), fmt.Sprintf("the %d regions", len(c.Regions)))
}

// unit is a stated figure's unit (个), left out of English text.
func (w words) unit(u string) string {
	if !w.zh() && hasCJK(u) {
		return ""
	}
	return u
}
