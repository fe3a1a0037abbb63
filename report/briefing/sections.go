package briefing

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// How much the briefing names, whatever the size of the data: the
// complete lists are the workbook's.
const (
	provinceSections = 12 // up to this many provinces: a section each; more: a section per region
	citiesNamed      = 8  // a province with more listed cities names only those that matter
	basesNamed       = 6  // a city with more bases names its key projects first, then "等N个"
	topCities        = 5  // the largest cities named in the key figures
)

// leadSection sets the 导语 under the title: the total, its like-for-like
// change and rate, 同比 where the data hold the year-ago period, who
// reports, and what needs checking (需核实).
func (b *builder) leadSection() {
	for _, p := range b.narrator().paragraphs(b.narrator().lead) {
		b.add(p)
	}
	b.doc.Checks = b.checks()
	if cs := b.doc.Checks; len(cs) > 0 {
		shown := cs[:min(len(cs), checksShown)]
		s := vocab.Word("to_verify", b.lang) + b.T("：", ": ") + strings.Join(shown, b.T("；", "; "))
		if more := len(cs) - len(shown); more > 0 {
			s += b.T(fmt.Sprintf("；另有%d项，见《数据说明》", more), fmt.Sprintf("; %d more in the annex", more))
		}
		b.para(document.Body, s+b.end())
	}
}

// checksShown is how many matters to verify the 导语 names; the annex
// lists them all.
const checksShown = 3

// checks are the matters to verify, each one clause: the provinces whose
// own figure is far from their cities' sum. Other sources of 需核实 add
// their clauses here, so the 导语 says them in one line.
func (b *builder) checks() []string {
	var out []string
	for _, k := range b.c.Checks {
		cities := vocab.People(k.CitiesMembers, b.lang)
		out = append(out, b.T(
			fmt.Sprintf("%s省级数据为%s，%s%s，相差%s", k.Province, vocab.People(k.ProvinceMembers, b.lang),
				citiesSum(k.ReportingCities, k.Cities), cities, vocab.Percent(abs(k.Gap))),
			fmt.Sprintf("%s's province-level figure is %s, %s %s, %s apart", k.Province, vocab.People(k.ProvinceMembers, b.lang),
				citiesSumEn(k.ReportingCities), cities, vocab.Percent(abs(k.Gap)))))
	}
	if s := b.statedCheck(); s != "" {
		out = append(out, s)
	}
	if s := b.revisedCheck(); s != "" {
		out = append(out, s)
	}
	return out
}

// citiesSum words the cities' figure a province's own is checked against,
// up to the figure: 所辖11个城市报送数之和为 / 所辖11个城市中9个报送，报送数之和为;
// one city has no sum (所辖城市报送数为, 所辖11个城市中仅1个报送，报送数为).
func citiesSum(reporting, all int) string {
	switch {
	case reporting == all && all == 1:
		return "所辖城市报送数为"
	case reporting == all:
		return fmt.Sprintf("所辖%d个城市报送数之和为", all)
	case reporting == 1:
		return fmt.Sprintf("所辖%d个城市中仅1个报送，报送数为", all)
	}
	return fmt.Sprintf("所辖%d个城市中%d个报送，报送数之和为", all, reporting)
}

// citiesSumEn is citiesSum in English: "its 11 reporting cities add up
// to", "its one reporting city has".
func citiesSumEn(reporting int) string {
	if reporting == 1 {
		return "its one reporting city has"
	}
	return "its " + vocab.Count(reporting, "", "reporting city", "reporting cities", vocab.En) + " add up to"
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// keyFigures sets the block of headline numbers and the largest cities.
func (b *builder) keyFigures() {
	c := b.c
	t := c.Totals
	b.heading(1, b.T("主要数据", "Key figures"))
	coverage := b.T("各城市均已报送", "every city reports")
	if t.Cities == 1 { // a province slice of one city: not 各城市
		coverage = b.T("该城市已报送", "its one city reports")
	}
	if t.ReportingCities < t.Cities {
		coverage = b.T(fmt.Sprintf("%d个城市%s", t.Cities-t.ReportingCities, vocab.Word("not_reported", b.lang)),
			fmt.Sprintf("%s not reported", vocab.Count(t.Cities-t.ReportingCities, "", "city", "cities", b.lang)))
	}
	if n := len(provinceLevelNames(c.Provinces)); n > 0 {
		coverage += b.T(fmt.Sprintf("；含%d个省级数据", n), fmt.Sprintf("; %s", vocab.Count(n, "", "province-level figure", "province-level figures", b.lang)))
	}
	items := []document.KeyFigure{
		{Value: b.Number(t.Provinces), Label: b.T("省区市", "provinces"), Detail: b.scope(c)},
		{Value: b.Number(t.Cities), Label: b.T("城市", "cities"),
			Detail: b.T(fmt.Sprintf("试点%d个，推广%d个", t.PilotCities, t.PromotionCities), fmt.Sprintf("%d pilot, %d promotion", t.PilotCities, t.PromotionCities))},
		{Value: b.Number(t.Bases), Label: b.T("实践创新基地", "innovation bases"),
			Detail: b.T(fmt.Sprintf("其中重点项目%d个", t.KeyProjects), vocab.Count(t.KeyProjects, "", "key project", "key projects", b.lang))},
		{Value: b.people(t.Members), Label: b.T("新的社会阶层人士", "new social strata members"), Detail: coverage},
	}
	if !c.Previous.IsZero() {
		n := b.narrator()
		l := totalChange(c)
		v, detail := "—", b.T("无可比数字", "nothing comparable")
		if l.ok {
			v = vocab.Signed(l.change, b.lang)
			detail = b.T("可比口径", "like for like")
			if l.ratio != nil {
				detail = b.T("可比口径，", "like for like, ") + vocab.Rate(*l.ratio, b.lang)
			}
		}
		items = append(items, document.KeyFigure{Value: v, Label: vocab.Sequential(n.kind(), n.adjacent(), b.period(c.Previous), b.lang), Detail: detail})
	}
	b.add(document.KeyFigures{Items: items})
}

// narrative sets the analyst's summary and, after it, what the figures
// lack and the basis of the changes.
func (b *builder) narrative() {
	b.heading(1, b.T("基本情况", "Summary"))
	n := b.narrator()
	for _, p := range n.paragraphs(n.scope, n.leaders, n.provinces, n.change) {
		b.add(p)
	}
	for _, s := range b.remarks() {
		b.para(document.Body, s)
	}
	note := b.T("注：数据来源、口径、会议公布数字的核对和数据质量情况见《数据说明》（annex.pdf）。",
		"Note: sources, definitions, the check of stated figures and data quality are in the annex (annex.pdf).")
	if !b.c.Previous.IsZero() {
		note = b.T("注：增减按可比口径计算，只比较两期都有人数的地方：省级数字两期都有的用省级数字，否则用两期都有人数的城市之和；报送城市的增减不计为人数增减。数据来源、口径和数据质量情况见《数据说明》（annex.pdf）。",
			"Note: changes are like for like: they compare only places with a figure in both periods (a province's own figure where it has one for both, else the sum of its cities with both), so a change in who reports is never shown as growth or decline. Sources, definitions and data quality are in the annex (annex.pdf).")
	}
	b.para(document.Note, note)
}

// remarks are the sentences after the narrative that state no figure of
// summary.json: the batches and the widest gap to a stated figure. Who has
// no figure or no base is said in the appendix.
func (b *builder) remarks() []string {
	var out []string
	if s := b.batches(); s != "" {
		out = append(out, s)
	}
	if s := b.statedGap(); s != "" {
		out = append(out, s)
	}
	return out
}

// batches writes the key projects by batch: "全国重点项目中，第二批1个、第三批1个。"
func (b *builder) batches() string {
	var parts []string
	for i := 0; i < b.c.MaxBatch; i++ {
		n := 0
		for _, p := range b.c.Provinces {
			if i < len(p.BasesByBatch) {
				n += p.BasesByBatch[i]
			}
		}
		if n > 0 {
			parts = append(parts, b.T(fmt.Sprintf("%s%d个", b.batch(i+1), n), fmt.Sprintf("%d in %s", n, b.batch(i+1))))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	if b.lang == vocab.En { // a verb and "and": 11 are in batch 1, 7 in batch 2 and 3 in batch 3
		verb := " are in "
		if strings.HasPrefix(parts[0], "1 in ") {
			verb = " is in "
		}
		parts[0] = strings.Replace(parts[0], " in ", verb, 1)
		if len(parts) == 1 {
			return "Of the national key projects, " + parts[0] + "."
		}
		last := len(parts) - 1
		return "Of the national key projects, " + strings.Join(parts[:last], ", ") + " and " + parts[last] + "."
	}
	return "全国重点项目中，" + strings.Join(parts, "、") + "。"
}

// statedGap names the largest shortfall of records against a stated figure.
func (b *builder) statedGap() string {
	best := b.widestStated()
	if best == nil {
		return ""
	}
	return b.T("会议公布的数字与记录之间差距最大的是：", "The widest gap between what the meeting stated and the records: ") + b.reconcileSentence(*best)
}

// statedCheck is the 需核实 clause for the widest shortfall of records
// against a figure the meeting stated (记录在册的重点项目2个，会议公布25个): the
// 导语 says it, not page 2 alone. "" when the records match.
func (b *builder) statedCheck() string {
	best := b.widestStated()
	if best == nil {
		return ""
	}
	s := strings.TrimRight(b.reconcileSentence(*best), "。.")
	if b.zh() {
		return s
	}
	return strings.ReplaceAll(s, "; ", ", ") // one clause of a "; " list
}

// widestStated is the stated figure the records fall furthest short of,
// nil when none does.
func (b *builder) widestStated() *analysis.Reconciled {
	var best *analysis.Reconciled
	for i, r := range b.c.Stated {
		if r.Recorded == nil || *r.Recorded >= r.Stated.Value {
			continue
		}
		if best == nil || r.Stated.Value-*r.Recorded > best.Stated.Value-*best.Recorded {
			best = &b.c.Stated[i]
		}
	}
	return best
}

// places sets the places one by one: a section per province when there
// are few, else a section per region naming its leading and trailing
// provinces and the cities and bases that matter.
func (b *builder) places() {
	if b.byProvince() {
		b.heading(1, b.T("各省区市情况", "Provinces and cities"))
		for _, p := range b.idx.provinces {
			b.province(p)
		}
		return
	}
	b.heading(1, b.T("各片区情况", "Regions"))
	b.table(b.regionTable())
}

// byProvince tells that the data has few enough provinces for a section each.
func (b *builder) byProvince() bool { return len(b.c.Provinces) <= provinceSections }

// province sets one province's section: its figures, then its cities.
func (b *builder) province(p analysis.ProvinceRow) {
	title := p.Province
	if len(b.c.Regions) > 1 {
		title += b.paren(p.Region)
	}
	b.heading(2, title)
	listed, quiet := b.sectionCities(p)
	// A one-city province (a municipality, or one city listed) is told
	// through its city; the province line would repeat it.
	single := len(listed) == 1 && len(quiet) == 0 && !p.ProvinceLevel
	if !single {
		b.para(document.Body, b.provinceText(p))
	}
	named, others := listed, []*analysis.CityRow(nil)
	if len(listed) > citiesNamed {
		named, others = b.citiesThatMatter(listed, 4)
	}
	for i, ct := range named {
		lead := ct.City
		if !single {
			lead = fmt.Sprintf(b.T("%d.", "%d. "), i+1) + lead
		}
		b.add(document.Paragraph{Style: document.Body, Lead: lead, Text: b.cityText(ct, b.idx.bases[cityKey{ct.Province, ct.City}])})
	}
	if len(others) > 0 {
		b.para(document.Body, b.othersText(others))
	}
	if len(quiet) > 0 {
		var names []string
		for _, ct := range quiet {
			names = append(names, ct.City)
		}
		lead := b.T("另有", "")
		if len(listed) == 0 {
			lead = b.T("所列", "All ")
		}
		b.para(document.Body, b.T(fmt.Sprintf("%s%d个城市本期没有人数，也尚无记录在册的基地：%s。", lead, len(quiet), b.list(names, 12)),
			fmt.Sprintf("%s%s: no members figure for the period and no base on record.", lead, b.list(names, 12))))
	}
}

// sectionCities splits a province's cities into those told one by one
// and the quiet ones (no figure, no base) named together at the end.
func (b *builder) sectionCities(p analysis.ProvinceRow) (listed, quiet []*analysis.CityRow) {
	all := b.idx.cities[provKey{p.Region, p.Province}]
	if len(all) == 1 {
		return all, nil
	}
	for _, ct := range all {
		if ct.Members == nil && ct.Bases == 0 {
			quiet = append(quiet, ct)
		} else {
			listed = append(listed, ct)
		}
	}
	return listed, quiet
}

// citiesThatMatter picks from cities (members descending) the ones a
// reader needs by name: the top k, the last with a figure, the largest
// rise and fall, and those with key projects (up to k); the rest are
// others, summed. Named cities keep the given order.
func (b *builder) citiesThatMatter(cities []*analysis.CityRow, k int) (named, others []*analysis.CityRow) {
	pick := map[int]bool{}
	last := -1
	for i, ct := range cities {
		if i < k {
			pick[i] = true
		}
		if ct.Members != nil {
			last = i
		}
	}
	if last >= 0 {
		pick[last] = true
	}
	up, down := -1, -1
	keys := 0
	for i, ct := range cities {
		if ct.Change != nil && *ct.Change > 0 && (up < 0 || *ct.Change > *cities[up].Change) {
			up = i
		}
		if ct.Change != nil && *ct.Change < 0 && (down < 0 || *ct.Change < *cities[down].Change) {
			down = i
		}
		if ct.KeyProjects > 0 && keys < k && !pick[i] {
			pick[i] = true
			keys++
		}
	}
	for _, i := range []int{up, down} {
		if i >= 0 {
			pick[i] = true
		}
	}
	for i, ct := range cities {
		if pick[i] {
			named = append(named, ct)
		} else {
			others = append(others, ct)
		}
	}
	return named, others
}

// othersText sums the cities not named: "其他12个城市合计35.2万（10个报告人数），基地8个。"
func (b *builder) othersText(others []*analysis.CityRow) string {
	var sum int64
	reporting, bases, keys := 0, 0, 0
	for _, ct := range others {
		if ct.Members != nil {
			sum += *ct.Members
			reporting++
		}
		bases += ct.Bases
		keys += ct.KeyProjects
	}
	members := b.T("均无人数", "none reports a figure")
	if reporting > 0 {
		members = b.T(fmt.Sprintf("人数合计%s（%d个报告）", vocab.People(sum, b.lang), reporting),
			fmt.Sprintf("%s members in all (%d reporting)", vocab.People(sum, b.lang), reporting))
	}
	return b.T(fmt.Sprintf("其他%d个城市%s，基地%d个，其中重点项目%d个。", len(others), members, bases, keys),
		fmt.Sprintf("The other %s: %s, %s bases, %s of them key projects.", b.count(len(others), "城市", "city", "cities"), members, b.Number(bases), b.Number(keys)))
}

func (b *builder) provinceText(p analysis.ProvinceRow) string {
	var tiers []string
	if p.PilotCities > 0 {
		tiers = append(tiers, b.T(fmt.Sprintf("试点%d个", p.PilotCities), fmt.Sprintf("%d pilot", p.PilotCities)))
	}
	if p.PromotionCities > 0 {
		tiers = append(tiers, b.T(fmt.Sprintf("推广%d个", p.PromotionCities), fmt.Sprintf("%d promotion", p.PromotionCities)))
	}
	ts := ""
	if len(tiers) > 0 {
		ts = b.paren(strings.Join(tiers, b.T("、", ", ")))
	}
	key := ""
	if p.KeyProjects > 0 {
		key = b.T(fmt.Sprintf("，其中重点项目%d个", p.KeyProjects), fmt.Sprintf(", %d of them key projects", p.KeyProjects))
	}
	s := b.T(fmt.Sprintf("%s列入名录的城市%d个%s，实践创新基地%d个%s。", p.Province, p.Cities, ts, p.Bases, key),
		fmt.Sprintf("%s has %s listed%s and %s%s. ", p.Province, b.count(p.Cities, "", "city", "cities"), ts, b.count(p.Bases, "", "innovation base", "innovation bases"), key))
	if p.Members == nil {
		return s + b.T("人数"+vocab.Word("not_reported", b.lang)+"。", "Members: "+vocab.Word("not_reported", b.lang)+".")
	}
	level := ""
	if p.ProvinceLevel {
		level = b.T("（省级数字）", " (province-level figure)")
	}
	if !p.ProvinceLevel && p.ReportingCities < p.Cities { // 130万 is 成都's alone: say so
		level = b.T(fmt.Sprintf("（%d个城市中%d个报送）", p.Cities, p.ReportingCities),
			fmt.Sprintf(" (%d of %d cities %s)", p.ReportingCities, p.Cities, vocab.Verb(p.ReportingCities, "reports", "report", b.lang)))
	}
	s += b.T(fmt.Sprintf("新的社会阶层人士%s%s", b.people(p.Members), level), fmt.Sprintf("New social strata members: %s%s", b.people(p.Members), level))
	if p.ShareOfRegion != nil && p.RankInRegion != nil && *p.ShareOfRegion < 1 { // not "100%, first" of a region of one
		of, ofEn := b.shareBase(b.c, p.Region, p.Region, b.the(p.Region))
		s += b.T(fmt.Sprintf("，占%s的%s，居第%d位", of, vocab.Percent(*p.ShareOfRegion), *p.RankInRegion),
			fmt.Sprintf(", %s of %s, no. %s in the region", vocab.Percent(*p.ShareOfRegion), ofEn, b.Number(*p.RankInRegion)))
	}
	return s + b.end()
}

// cityText tells one city after its name (the paragraph's lead).
func (b *builder) cityText(ct *analysis.CityRow, bases []*analysis.Base) string {
	var s strings.Builder
	if t := b.tier(ct.Tier); t != "" {
		s.WriteString(b.T("（"+t+"）", " ("+t+")"))
	}
	s.WriteString(b.T("。", ". "))
	if ct.Members == nil {
		s.WriteString(b.T("人数"+vocab.Word("not_reported", b.lang)+"。", "Members: "+vocab.Word("not_reported", b.lang)+". "))
	} else {
		s.WriteString(b.T("新的社会阶层人士"+b.people(ct.Members), "Members: "+b.people(ct.Members)))
		if ct.ShareOfRegion != nil && ct.RankInRegion != nil && *ct.ShareOfRegion < 1 {
			of, ofEn, in := shareOf(b.c, ct.Region), b.the(ct.Region), "the region"
			if of != ct.Region {
				ofEn, in = of, of
			}
			of, ofEn = b.shareBase(b.c, ct.Region, of, ofEn)
			s.WriteString(b.T(fmt.Sprintf("，占%s的%s，居第%d位", of, vocab.Percent(*ct.ShareOfRegion), *ct.RankInRegion),
				fmt.Sprintf(", %s of %s, no. %s in %s", vocab.Percent(*ct.ShareOfRegion), ofEn, b.Number(*ct.RankInRegion), in)))
		}
		if ct.Change != nil {
			s.WriteString(b.T("；比"+b.narrator().since(), "; ") + vocab.Change(*ct.Change, ct.ChangeRatio, b.lang) + b.T("", " on "+b.narrator().since()))
		}
		s.WriteString(b.T("。", ". "))
	}
	if len(bases) == 0 {
		s.WriteString(b.T("尚无记录在册的基地。", "No base on record."))
		return s.String()
	}
	s.WriteString(b.T(fmt.Sprintf("基地%d个", ct.Bases), fmt.Sprintf("Bases (%d", ct.Bases)))
	if ct.KeyProjects > 0 {
		s.WriteString(b.T(fmt.Sprintf("，其中重点项目%d个", ct.KeyProjects), fmt.Sprintf(", %d key projects", ct.KeyProjects)))
	}
	if b.basesNamed <= 0 {
		// Fit's shortest lists: the count, and where the names are.
		s.WriteString(b.T("，名单见工作簿“基地”表。", "), listed in the workbook's Bases sheet."))
		return s.String()
	}
	s.WriteString(b.T("：", "): "))
	s.WriteString(b.baseList(bases, b.basesNamed))
	s.WriteString(b.end())
	return s.String()
}

// baseList names bases, key projects first, at most limit of them.
func (b *builder) baseList(bases []*analysis.Base, limit int) string {
	if len(bases) > limit {
		ordered := make([]*analysis.Base, 0, len(bases))
		for _, bs := range bases {
			if bs.KeyProject() {
				ordered = append(ordered, bs)
			}
		}
		for _, bs := range bases {
			if !bs.KeyProject() {
				ordered = append(ordered, bs)
			}
		}
		bases = ordered
	}
	var names []string
	for i, bs := range bases {
		if i == limit {
			break
		}
		names = append(names, b.baseText(bs))
	}
	s := strings.Join(names, b.T("；", "; "))
	if len(bases) > limit {
		s += b.T(fmt.Sprintf("等%d个", len(bases)), fmt.Sprintf(" and %d more", len(bases)-limit))
	}
	return s
}

// baseText names a base with its batch and field: 名称（第二批重点项目），领域.
// The field follows after a comma, as it often carries brackets itself.
func (b *builder) baseText(bs *analysis.Base) string {
	s := bs.Name
	if bs.Batch > 0 {
		s += b.T("（"+b.batch(bs.Batch)+"重点项目）", " (key project, "+b.batch(bs.Batch)+")")
	}
	if bs.Kind != "" {
		s += b.T("，", ", ") + bs.Kind
	}
	return s
}
