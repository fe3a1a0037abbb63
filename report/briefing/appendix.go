package briefing

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// How much of each list the appendix names; the workbook's data-quality
// sheet has them all.
const (
	namesListed   = 8
	noticesListed = 6
	notesListed   = 8
	sourcesListed = 8
	chartsAtScale = 2  // charts placed when the data has many cities
	manyCities    = 40 // above this, city-level charts stay in charts/
)

// charts places the charts: all of them for small data; for large data
// the region- and province-level ones, at most chartsAtScale, each half a
// page high (the city charts are in the packet's charts folder).
func (b *builder) charts() {
	figs := b.opts.Charts
	big := len(b.c.Cities) > manyCities
	if big {
		// Half a page each, two at most; a tall chart (a bar per
		// province) would need a page of its own for what the province
		// table already says, so it stays in charts/.
		var keep []Figure
		for _, pref := range []string{"trend", "members", "bases", "coverage"} {
			for _, f := range figs {
				if strings.Contains(f.Name, pref) && !strings.Contains(f.Name, "city") && len(keep) < chartsAtScale && !tall(f) {
					keep = append(keep, f)
				}
			}
		}
		figs = keep
	}
	var keep []Figure
	for _, f := range figs {
		if n, ok := b.bars(f.Name); !ok || n >= minBars {
			keep = append(keep, f)
		}
	}
	figs = keep
	if len(figs) == 0 {
		return
	}
	b.heading(1, b.T("图表", "Charts"))
	switch {
	case b.maxCharts < 0:
		b.para(document.Note, b.T("图表见数据包charts文件夹。", "The charts are in the packet's charts folder."))
		return
	case b.maxCharts > 0 && len(figs) > b.maxCharts:
		figs = figs[:b.maxCharts]
	}
	for _, f := range figs {
		b.figure(f, big)
	}
}

// minBars is the fewest bars a members chart needs to be placed: one or
// two figures are said in the text, and a chart of two bars would take
// half a page to repeat them (it stays in charts/).
const minBars = 3

// bars counts the bars of a members chart: the places with a figure.
func (b *builder) bars(name string) (int, bool) {
	n := 0
	switch name {
	case "members_by_city":
		n = len(b.idx.reporting)
	case "members_by_province":
		for _, p := range b.c.Provinces {
			if p.Members != nil {
				n++
			}
		}
	case "bases_by_province", "coverage_by_province":
		// A bar a province: a province slice's one bar repeats its
		// key figures on half a page (every slice was 7 pages).
		n = len(b.c.Provinces)
	default:
		return 0, false
	}
	return n, true
}

// tall tells a chart too tall to share a page.
func tall(f Figure) bool {
	fb := figureBlock(f, "", "")
	return fb.Width > 0 && float64(fb.Height) > maxCompactAspect*float64(fb.Width)
}

// appendix sets the data-quality and sources section: periods, input
// files, what is missing, the notices, city notes, sources and the
// definitions the figures follow.
func (b *builder) appendix() {
	c := b.c
	b.heading(1, b.T("数据质量与来源", "Data quality and sources"))
	b.heading(2, b.T("数据期间", "Periods"))
	b.para(document.Small, periodsSentence(c, b.words))
	if len(c.Files) > 0 {
		b.heading(2, b.T("输入文件", "Input files"))
		b.table(b.filesTable())
	}
	b.heading(2, b.T("缺失与提示", "Gaps and warnings"))
	for _, s := range b.gapTexts() {
		b.para(document.Small, s)
	}
	b.notices()
	if notes := b.cityNotes(); len(notes) > 0 {
		b.heading(2, b.T("城市备注", "City notes"))
		for i, n := range notes {
			if i == notesListed {
				b.para(document.Small, b.T(fmt.Sprintf("另有%d条备注，见工作簿“城市”表。", len(notes)-i), fmt.Sprintf("%d more notes are in the workbook's Cities sheet.", len(notes)-i)))
				break
			}
			b.para(document.Small, n)
		}
	}
	b.sources()
	b.heading(2, b.T("口径说明", "Definitions"))
	for _, s := range definitions(b.words) {
		b.para(document.Small, s)
	}
}

// notices lists the notices the gap sentences do not already say, each in
// the briefing's language; a notice with no text in that language is
// counted, not printed in another.
func (b *builder) notices() {
	var texts []string
	untranslated := 0
	for _, n := range b.c.Notices {
		if n.Code == analysis.CodeNoFigure || n.Code == analysis.CodeSegmentsOnly {
			continue
		}
		if b.zh() && n.Zh == "" {
			untranslated++
			continue
		}
		texts = append(texts, n.Text(b.zh()))
	}
	if len(texts) == 0 && untranslated == 0 {
		return
	}
	b.para(document.Small, b.T("读取和比较数据时的其他提示：", "Other warnings raised while reading and comparing:"))
	for i, s := range texts {
		if i == noticesListed {
			b.para(document.Item, b.T(fmt.Sprintf("另有%d条提示，见工作簿“数据质量”表。", len(texts)-i), fmt.Sprintf("%d more are in the workbook's Data quality sheet.", len(texts)-i)))
			break
		}
		b.para(document.Item, s)
	}
	if untranslated > 0 {
		b.para(document.Item, fmt.Sprintf("另有%d条读取数据时的提示，见 summary.json 的 notices。", untranslated))
	}
}

// sources lists the distinct sources cited, numbered, with the quotations
// of the briefing's own source under it.
func (b *builder) sources() {
	c := b.c
	b.heading(2, b.T("来源", "Sources"))
	srcs := &sourceList{}
	quotes := map[string][]string{}
	for _, src := range sources(c) {
		own, quote := splitQuote(src, c.Meta.Source)
		srcs.ref(own)
		if quote != "" {
			quotes[own] = append(quotes[own], quote)
		}
	}
	if len(srcs.list) == 0 {
		b.para(document.Small, b.T("数据未注明来源。", "The data name no source."))
	}
	for i, src := range srcs.list {
		if i == sourcesListed {
			b.para(document.Source, b.T(fmt.Sprintf("另有%d个来源，见工作簿。", len(srcs.list)-i), fmt.Sprintf("%d more sources are in the workbook.", len(srcs.list)-i)))
			break
		}
		b.para(document.Source, fmt.Sprintf("[%d] %s", i+1, src))
		if q := quotes[src]; len(q) > 0 {
			b.para(document.Source, b.T("引文：", "Quoted: ")+strings.Join(q, b.T("；", "; ")))
		}
	}
}

func (b *builder) filesTable() document.Table {
	t := document.Table{Caption: b.T("输入文件", "Input files"),
		Header: []string{b.T("文件", "File"), b.T("编码", "Encoding"), b.T("数据行", "Rows"), b.T("跳过空行", "Blank rows"), b.T("SHA-256（前16位）", "SHA-256 (first 16)")},
		Align:  []document.Align{L, L, R, R, L}}
	for _, f := range b.c.Files {
		sum := f.SHA256
		if len(sum) > 16 {
			sum = sum[:16] + "…" // the manifest has it whole
		}
		t.Rows = append(t.Rows, []string{f.Name, f.Encoding, vocab.Int(int64(f.Rows)), vocab.Int(int64(f.Skipped)), sum})
	}
	return t
}

// gapTexts says, in the briefing's language, what the figures lack.
func (b *builder) gapTexts() []string {
	c := b.c
	var none, segs, level, noBase []string
	for _, ct := range c.Cities {
		if ct.Members == nil {
			none = append(none, ct.City)
		} else if ct.FromSegments {
			segs = append(segs, ct.City)
		}
		if ct.Bases == 0 {
			noBase = append(noBase, ct.City)
		}
	}
	for _, p := range c.Provinces {
		if p.ProvinceLevel {
			level = append(level, p.Province)
		}
	}
	var out []string
	if len(none) == 0 {
		out = append(out, b.T("所有城市都报告了本期人数。", "Every city reports a figure for the period."))
	} else {
		out = append(out, b.T(fmt.Sprintf("%d个城市中%d个没有%s人数：%s；表中记为“—”，未按零计算，合计只含已报告的数字。", len(c.Cities), len(none), b.period(c.Period), b.list(none, namesListed)),
			fmt.Sprintf("%s of %s cities have no figure for %s: %s; the tables show them as \"—\", not as zero, and totals hold only the figures reported.", b.Number(len(none)), b.Number(len(c.Cities)), b.period(c.Period), b.list(none, namesListed))))
	}
	if len(noBase) > 0 {
		out = append(out, b.T(fmt.Sprintf("%d个城市尚无记录在册的基地：%s。", len(noBase), b.list(noBase, namesListed)),
			fmt.Sprintf("%s have no base on record: %s.", b.count(len(noBase), "", "city", "cities"), b.list(noBase, namesListed))))
	}
	if len(segs) > 0 {
		out = append(out, b.T(fmt.Sprintf("%d个城市只有分群体人数，合计为各群体之和：%s。", len(segs), b.list(segs, namesListed)),
			fmt.Sprintf("%s have segment figures only; their total is the sum of the segments: %s.", b.count(len(segs), "", "city", "cities"), b.list(segs, namesListed))))
	}
	if len(level) > 0 {
		out = append(out, b.T(fmt.Sprintf("%d个省区市采用省级数字，而非所辖城市之和：%s。", len(level), b.list(level, namesListed)),
			fmt.Sprintf("%s use a province-level figure rather than the sum of their cities: %s.", b.count(len(level), "", "province", "provinces"), b.list(level, namesListed))))
	}
	return out
}

// cityNotes are the notes cities.csv gives (such as an assumed tier), in
// the order of the province sections, cities with the same note named
// together. A leading "来源：<the briefing's source>。" is left out: the
// sources are listed below.
func (b *builder) cityNotes() []string {
	c := b.c
	var notes []string
	cities := map[string][]string{}
	for _, p := range b.idx.provinces {
		for _, ct := range b.idx.cities[provKey{p.Region, p.Province}] {
			n := strings.TrimSpace(ct.Note)
			if src := c.Meta.Source; src != "" {
				for _, p := range []string{"来源：" + src + "。", "来源：" + src + "；", src + "。"} {
					n = strings.TrimSpace(strings.TrimPrefix(n, p))
				}
			}
			if n == "" {
				continue
			}
			if cities[n] == nil {
				notes = append(notes, n)
			}
			cities[n] = append(cities[n], ct.City)
		}
	}
	whole := b.T("工作簿“城市”表", "the workbook's Cities sheet")
	out := make([]string, 0, min(len(notes), maxNotes+1))
	for i, n := range notes {
		if i == maxNotes {
			out = append(out, b.T(fmt.Sprintf("其余%d条备注见%s。", len(notes)-i, whole),
				fmt.Sprintf("%d more notes are in %s.", len(notes)-i, whole)))
			break
		}
		out = append(out, b.list(cities[n], namesListed)+b.T("：", ": ")+b.clip(n, maxNote, whole))
	}
	return out
}

// splitQuote splits "<own source>：“quote”" into the source and the quote.
func splitQuote(src, own string) (string, string) {
	if q, ok := quoteOf(src, own); ok && q != "" {
		return own, q
	}
	return src, ""
}

// sources lists every distinct source the records and masthead cite, in
// order of first appearance: the masthead, then figures, bases, stated.
func sources(c *analysis.Comparison) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	add(c.Meta.Source)
	for _, f := range c.Figures {
		add(f.Source)
	}
	for _, b := range c.Bases {
		add(b.Source)
	}
	for _, s := range c.Stated {
		add(s.Stated.Source)
	}
	return out
}

// sourceList numbers distinct sources in the order first cited.
type sourceList struct {
	list []string
	idx  map[string]int
}

func (s *sourceList) ref(src string) string {
	if src == "" {
		return "—"
	}
	if s.idx == nil {
		s.idx = map[string]int{}
	}
	n, ok := s.idx[src]
	if !ok {
		s.list = append(s.list, src)
		n = len(s.list)
		s.idx[src] = n
	}
	return "[" + strconv.Itoa(n) + "]"
}

func definitions(w words) []string {
	return []string{
		w.T("人数指新的社会阶层人士人数。“—”表示未报告，不按零计算，也不计入合计。",
			"Members are new social strata members. \"—\" means not reported: it is not zero and is left out of totals."),
		w.T("省区市人数优先采用省级数字；没有省级数字的，为所辖城市人数之和。片区人数为所辖省区市之和。",
			"A province's figure is its province-level figure where given, else the sum of its cities. A region's is the sum of its provinces."),
		w.T("占片区指占所在片区合计的比例；排名为片区内排名，人数相同者名次相同。",
			"Share of region is the share of the region's total; ranks are within the region, tied figures sharing a rank."),
		w.T("重点项目指有批次的全国实践创新重点项目；基地和重点项目数为记录在册的全部数目，不分期间。",
			"Key projects are the bases in a national batch; base and key-project counts are everything on record, whatever the period."),
	}
}

// periodsSentence says which period is compared and which periods the data
// holds; monthly history is said as a span, not a paragraph of months.
func periodsSentence(c *analysis.Comparison, w words) string {
	var ps []string
	for _, p := range c.Periods {
		ps = append(ps, w.period(p))
	}
	s := w.T("本期比较"+w.period(c.Period), "This briefing compares "+w.period(c.Period))
	if !c.Previous.IsZero() {
		s += w.T("，上期为"+w.period(c.Previous), ", against "+w.period(c.Previous))
	}
	in := vocab.Periods(ps, w.T("、", ", "), w.lang)
	s += w.T("。数据中的期间："+in+"。", ". Periods in the data: "+in+".")
	return s
}
