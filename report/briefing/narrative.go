package briefing

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// narrativeText writes the analyst's summary from the comparison's
// figures: the scope, who leads and by how much, the provinces, what
// changed, what is missing. It only reads figures the comparison holds;
// the gaps between two of them are the only arithmetic.
func narrativeText(c *analysis.Comparison, lang vocab.Lang) []string {
	w := words{lang}
	var out []string
	for _, p := range [][]string{w.scopeSentences(c), w.leadSentences(c), w.provinceSentences(c),
		w.changeSentences(c), w.missingSentences(c)} {
		if len(p) > 0 {
			out = append(out, w.join(p))
		}
	}
	return out
}

func (w words) join(sentences []string) string {
	if w.zh() {
		return strings.Join(sentences, "")
	}
	return strings.TrimSpace(strings.Join(sentences, " "))
}

func (w words) scopeSentences(c *analysis.Comparison) []string {
	t := c.Totals
	other := t.Cities - t.PilotCities - t.PromotionCities
	if w.zh() {
		s := fmt.Sprintf("本期简报涵盖%s%d个省区市的%d个城市，其中创新试点城市%d个、创新推广城市%d个", w.scope(c), t.Provinces, t.Cities, t.PilotCities, t.PromotionCities)
		if other > 0 {
			s += fmt.Sprintf("、其他城市%d个", other)
		}
		s += fmt.Sprintf("；记录在册的实践创新基地%d个，其中全国重点项目%d个%s。", t.Bases, t.KeyProjects, w.batches(c))
		return []string{s}
	}
	s := fmt.Sprintf("This briefing covers %s in %s in %s: %d pilot and %d promotion cities", w.plural(t.Cities, "", "city", "cities"),
		w.plural(t.Provinces, "", "province", "provinces"), w.scope(c), t.PilotCities, t.PromotionCities)
	if other > 0 {
		s += fmt.Sprintf(" and %d other", other)
	}
	s += fmt.Sprintf(". The records list %s, %s of them national key projects%s.", w.plural(t.Bases, "", "innovation base", "innovation bases"), fmt.Sprint(t.KeyProjects), w.batches(c))
	return []string{s}
}

// batches writes the key projects by batch, from the province rows'
// BasesByBatch: "（第二批1个、第三批1个）".
func (w words) batches(c *analysis.Comparison) string {
	var parts []string
	for i := 0; i < c.MaxBatch; i++ {
		n := 0
		for _, p := range c.Provinces {
			if i < len(p.BasesByBatch) {
				n += p.BasesByBatch[i]
			}
		}
		if n > 0 {
			parts = append(parts, w.t(fmt.Sprintf("%s%d个", w.batch(i+1), n), fmt.Sprintf("%d in %s", n, w.batch(i+1))))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if w.zh() {
		return "（" + strings.Join(parts, "、") + "）"
	}
	return " (" + strings.Join(parts, ", ") + ")"
}

// reporting lists the cities with a figure, in the comparison's order
// (members descending).
func reporting(c *analysis.Comparison) []analysis.CityRow {
	var out []analysis.CityRow
	for _, ct := range c.Cities {
		if ct.Members != nil {
			out = append(out, ct)
		}
	}
	return out
}

func (w words) leadSentences(c *analysis.Comparison) []string {
	t := c.Totals
	p := w.period(c.Period)
	if t.Members == nil {
		return []string{w.t(fmt.Sprintf("%s没有城市或省区市报告新的社会阶层人士人数，人数比较暂缺。", p),
			fmt.Sprintf("No city or province reports new social strata members for %s, so there is no comparison of members yet.", p))}
	}
	var out []string
	out = append(out, w.t(fmt.Sprintf("%s，%d个城市中有%d个报告了新的社会阶层人士人数，%s已报告的人数合计%s。", p, t.Cities, t.ReportingCities, w.scope(c), w.people(t.Members)),
		fmt.Sprintf("For %s, %d of the %d cities report new social strata members; the figures reported for %s total %s.", p, t.ReportingCities, t.Cities, w.scope(c), w.people(t.Members))))
	if len(c.Regions) > 1 {
		out = append(out, w.regionLead(c))
	}
	rs := reporting(c)
	switch {
	case len(rs) == 1:
		out = append(out, w.t(fmt.Sprintf("只有%s报告了城市人数，为%s。", rs[0].City, w.people(rs[0].Members)),
			fmt.Sprintf("Only %s reports a city figure: %s.", rs[0].City, w.people(rs[0].Members))))
	case len(rs) > 1:
		a, b := rs[0], rs[1]
		gap := *a.Members - *b.Members
		lead := w.t(fmt.Sprintf("%s最多，为%s", a.City, w.people(a.Members)), fmt.Sprintf("%s leads with %s", a.City, w.people(a.Members)))
		if a.ShareOfRegion != nil {
			lead += w.t(fmt.Sprintf("，占%s的%s", a.Region, vocab.Percent(*a.ShareOfRegion)), fmt.Sprintf(", %s of %s", vocab.Percent(*a.ShareOfRegion), a.Region))
		}
		if gap == 0 {
			out = append(out, lead+w.t(fmt.Sprintf("；%s与之持平。", b.City), fmt.Sprintf("; %s has the same.", b.City)))
		} else {
			out = append(out, lead+w.t(fmt.Sprintf("；%s次之，为%s，比%s少%s。", b.City, w.people(b.Members), a.City, vocab.People(gap, w.lang)),
				fmt.Sprintf("; %s follows with %s, %s fewer.", b.City, w.people(b.Members), vocab.People(gap, w.lang))))
		}
	}
	return out
}

// regionLead compares the regions' totals.
func (w words) regionLead(c *analysis.Comparison) string {
	var parts []string
	for _, r := range c.Regions {
		if r.Members != nil {
			parts = append(parts, w.t(fmt.Sprintf("%s%s", r.Region, w.people(r.Members)), fmt.Sprintf("%s %s", r.Region, w.people(r.Members))))
		}
	}
	return w.t("分片区看，"+strings.Join(parts, "、")+"。", "By region: "+strings.Join(parts, ", ")+".")
}

func (w words) provinceSentences(c *analysis.Comparison) []string {
	var out []string
	var with []analysis.ProvinceRow
	for _, p := range c.Provinces {
		if p.Members != nil {
			with = append(with, p)
		}
	}
	if len(with) > 1 && len(c.Regions) == 1 && !sameAsCities(with, reporting(c)) {
		a, b := with[0], with[1]
		out = append(out, w.t(fmt.Sprintf("分省区市看，%s人数最多（%s，占%s），%s次之（%s）。", a.Province, w.people(a.Members), vocab.PercentPtr(a.ShareOfRegion), b.Province, w.people(b.Members)),
			fmt.Sprintf("Among provinces, %s has the most members (%s, %s of the region), then %s (%s).", a.Province, w.people(a.Members), vocab.PercentPtr(a.ShareOfRegion), b.Province, w.people(b.Members))))
	}
	most := -1
	for i, p := range c.Provinces {
		if most < 0 || p.Bases > c.Provinces[most].Bases {
			most = i
		}
	}
	if most >= 0 && c.Provinces[most].Bases > 0 {
		p := c.Provinces[most]
		out = append(out, w.t(fmt.Sprintf("基地数量以%s最多，有%d个，其中重点项目%d个。", p.Province, p.Bases, p.KeyProjects),
			fmt.Sprintf("%s has the most bases: %d, of which %d are key projects.", p.Province, p.Bases, p.KeyProjects)))
	}
	return out
}

// sameAsCities tells that the two leading provinces hold just the two
// leading cities' figures, so a province sentence would repeat the city one.
func sameAsCities(provs []analysis.ProvinceRow, cities []analysis.CityRow) bool {
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

func (w words) changeSentences(c *analysis.Comparison) []string {
	if c.Previous.IsZero() {
		return []string{w.t(fmt.Sprintf("数据中只有%s一期，暂不能与上期比较。", w.period(c.Period)),
			fmt.Sprintf("The data hold %s only, so there is no earlier period to compare with.", w.period(c.Period)))}
	}
	var up, down []analysis.CityRow
	comparable := 0
	for _, ct := range c.Cities {
		if ct.Change == nil {
			continue
		}
		comparable++
		if *ct.Change > 0 {
			up = append(up, ct)
		} else if *ct.Change < 0 {
			down = append(down, ct)
		}
	}
	prev := w.period(c.Previous)
	if comparable == 0 {
		return []string{w.t(fmt.Sprintf("上期（%s）没有可比的城市人数。", prev), fmt.Sprintf("No city has figures for both %s and the previous period (%s).", w.period(c.Period), prev))}
	}
	s := w.t(fmt.Sprintf("与上期（%s）相比，%d个城市可比，其中增加%d个、减少%d个", prev, comparable, len(up), len(down)),
		fmt.Sprintf("Against the previous period (%s), %d cities can be compared: %d grew and %d fell", prev, comparable, len(up), len(down)))
	out := []string{s + w.t("。", ".")}
	if b := extreme(up, 1); b != nil {
		out = append(out, w.t(fmt.Sprintf("增加最多的是%s，%s。", b.City, w.change(b.Change, b.ChangeRatio)),
			fmt.Sprintf("The largest rise is in %s, %s.", b.City, w.change(b.Change, b.ChangeRatio))))
	}
	if b := extreme(down, -1); b != nil {
		out = append(out, w.t(fmt.Sprintf("减少最多的是%s，%s。", b.City, w.change(b.Change, b.ChangeRatio)),
			fmt.Sprintf("The largest fall is in %s, %s.", b.City, w.change(b.Change, b.ChangeRatio))))
	}
	if t := c.Totals; t.Members != nil && t.PreviousMembers != nil {
		// The gap, not "from 2亿 to 2亿": rounded totals can read the same.
		diff := *t.Members - *t.PreviousMembers
		switch {
		case diff == 0:
			out = append(out, w.t(fmt.Sprintf("合计与上期持平，为%s。", w.people(t.Members)), fmt.Sprintf("The total is unchanged at %s.", w.people(t.Members))))
		case diff > 0:
			out = append(out, w.t(fmt.Sprintf("合计较上期增加%s，为%s。", vocab.People(diff, w.lang), w.people(t.Members)),
				fmt.Sprintf("The total rose by %s to %s.", vocab.People(diff, w.lang), w.people(t.Members))))
		default:
			out = append(out, w.t(fmt.Sprintf("合计较上期减少%s，为%s。", vocab.People(-diff, w.lang), w.people(t.Members)),
				fmt.Sprintf("The total fell by %s to %s.", vocab.People(-diff, w.lang), w.people(t.Members))))
		}
	}
	return out
}

// extreme returns the city with the largest change times sign; first wins ties.
func extreme(rows []analysis.CityRow, sign int64) *analysis.CityRow {
	var best *analysis.CityRow
	for i := range rows {
		if best == nil || *rows[i].Change*sign > *best.Change*sign {
			best = &rows[i]
		}
	}
	return best
}

func (w words) missingSentences(c *analysis.Comparison) []string {
	var none, noBase []string
	for _, ct := range c.Cities {
		if ct.Members == nil {
			none = append(none, ct.City)
		}
		if ct.Bases == 0 {
			noBase = append(noBase, ct.City)
		}
	}
	var out []string
	if len(none) > 0 && c.Totals.Members != nil {
		out = append(out, w.t(fmt.Sprintf("%d个城市没有%s人数（%s），表中记为“—”，未按零计算，合计只含已报告的数字。", len(none), w.period(c.Period), w.list(none, 12)),
			fmt.Sprintf("%s have no figure for %s (%s); the tables show them as \"—\", not as zero, and totals hold only the figures reported.", w.plural(len(none), "", "city", "cities"), w.period(c.Period), w.list(none, 12))))
	}
	if len(noBase) > 0 {
		out = append(out, w.t(fmt.Sprintf("%d个城市尚无记录在册的基地（%s）。", len(noBase), w.list(noBase, 12)),
			fmt.Sprintf("%s have no base on record (%s).", w.plural(len(noBase), "", "city", "cities"), w.list(noBase, 12))))
	}
	if s := w.statedGap(c); s != "" {
		out = append(out, s)
	}
	return out
}

// statedGap names the largest shortfall of records against a stated figure.
func (w words) statedGap(c *analysis.Comparison) string {
	var best *analysis.Reconciled
	for i, r := range c.Stated {
		if r.Recorded == nil || *r.Recorded >= r.Stated.Value {
			continue
		}
		if best == nil || r.Stated.Value-*r.Recorded > best.Stated.Value-*best.Recorded {
			best = &c.Stated[i]
		}
	}
	if best == nil {
		return ""
	}
	return w.t("会议公布的数字与记录之间差距最大的是：", "The widest gap between what the meeting stated and the records: ") + w.reconcileSentence(*best)
}

// reconcileSentence: "记录在册的重点项目2个，会议公布25个。"
func (w words) reconcileSentence(r analysis.Reconciled) string {
	s := r.Stated
	name := w.measure(s.Measure)
	if name == "" {
		name = s.Label
	}
	stated := w.number(s.Value, s.Measure) + w.unit(s.Unit)
	if r.Recorded == nil {
		return w.t(fmt.Sprintf("会议公布%s%s，记录中没有可对照的数字。", s.Label, stated), fmt.Sprintf("the meeting stated %s %s; the records hold nothing to check it against.", stated, s.Label))
	}
	rec := w.number(*r.Recorded, s.Measure) + w.unit(s.Unit)
	if *r.Recorded == s.Value {
		return w.t(fmt.Sprintf("记录在册的%s%s，与会议公布的一致。", name, rec), fmt.Sprintf("the records list %s %s, as the meeting stated.", rec, name))
	}
	return w.t(fmt.Sprintf("记录在册的%s%s，会议公布%s。", name, rec, stated), fmt.Sprintf("the records list %s %s; the meeting stated %s.", rec, name, stated))
}
