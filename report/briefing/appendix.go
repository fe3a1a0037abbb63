package briefing

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// appendix sets the data-quality and sources section: periods, input
// files, what is missing, the warnings, city notes, sources and the
// definitions the figures follow.
func (d *doc) appendix(c *analysis.Comparison) {
	w := d.words()
	d.heading(1, d.t("数据质量与来源", "Data quality and sources"))
	small := para{size: 14, pitch: 24, indent: 2, colour: black, justify: true}
	if !d.zh() {
		small = para{size: 12, pitch: 19, colour: black}
	}

	d.heading(2, d.t("数据期间", "Periods"))
	d.paragraph(periodsSentence(c, w), small)

	if len(c.Files) > 0 {
		d.tableUnder(2, d.t("输入文件", "Input files"), filesTable(c, w))
	}

	d.heading(2, d.t("缺失与提示", "Gaps and warnings"))
	for _, s := range gapTexts(c, w) {
		d.paragraph(s, small)
	}
	if ws := otherWarnings(c.Notices); len(ws) > 0 {
		d.paragraph(w.t("读取和比较数据时的其他提示（原文）：", "Other warnings raised while reading and comparing:"), small)
		for _, s := range ws {
			d.paragraph("· "+s, para{size: 12, pitch: 20, hang: 1, indent: -1, colour: grey})
		}
	}

	if notes := cityNotes(c, w); len(notes) > 0 {
		d.heading(2, d.t("城市备注", "City notes"))
		for _, n := range notes {
			d.paragraph(n, para{size: 12, pitch: 20, indent: 2, colour: black, justify: true})
		}
	}

	d.heading(2, d.t("来源", "Sources"))
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
		d.paragraph(w.t("数据未注明来源。", "The data name no source."), small)
	}
	for i, src := range srcs.list {
		p := para{size: 12, pitch: 20, colour: grey, hang: 2, indent: -2}
		d.paragraph(fmt.Sprintf("[%d] %s", i+1, src), p)
		if q := quotes[src]; len(q) > 0 {
			p.indent = 0
			d.paragraph(w.t("引文：", "Quoted: ")+strings.Join(q, w.t("；", "; ")), p)
		}
	}
	d.skip(3)

	d.heading(2, d.t("口径说明", "Definitions"))
	for _, s := range definitions(w) {
		d.paragraph(s, small)
	}
}

func filesTable(c *analysis.Comparison, w words) *table {
	t := &table{caption: w.t("输入文件", "Input files"),
		cols: []column{{w.t("文件", "File"), "L"}, {w.t("编码", "Encoding"), "L"}, {w.t("数据行", "Rows"), "R"},
			{w.t("跳过空行", "Blank rows"), "R"}, {w.t("SHA-256（前16位）", "SHA-256 (first 16)"), "L"}}}
	for _, f := range c.Files {
		sum := f.SHA256
		if len(sum) > 16 {
			sum = sum[:16] + "…" // the manifest has it whole
		}
		t.rows = append(t.rows, []string{f.Name, f.Encoding, strconv.Itoa(f.Rows), strconv.Itoa(f.Skipped), sum})
	}
	return t
}

// gapTexts says, in the briefing's language, what the figures lack.
func gapTexts(c *analysis.Comparison, w words) []string {
	var none, segs []string
	for _, ct := range c.Cities {
		if ct.Members == nil {
			none = append(none, ct.City)
		} else if ct.FromSegments {
			segs = append(segs, ct.City)
		}
	}
	var level []string
	for _, p := range c.Provinces {
		if p.ProvinceLevel {
			level = append(level, p.Province)
		}
	}
	var out []string
	if len(none) == 0 {
		out = append(out, w.t("所有城市都报告了本期人数。", "Every city reports a figure for the period."))
	} else {
		out = append(out, w.t(fmt.Sprintf("%d个城市中%d个没有%s人数：%s。", len(c.Cities), len(none), w.period(c.Period), w.list(none, 40)),
			fmt.Sprintf("%d of %d cities have no figure for %s: %s.", len(none), len(c.Cities), w.period(c.Period), w.list(none, 40))))
	}
	if len(segs) > 0 {
		out = append(out, w.t(fmt.Sprintf("%d个城市只有分群体人数，合计为各群体之和：%s。", len(segs), w.list(segs, 40)),
			fmt.Sprintf("%s have segment figures only; their total is the sum of the segments: %s.", w.plural(len(segs), "", "city", "cities"), w.list(segs, 40))))
	}
	if len(level) > 0 {
		out = append(out, w.t(fmt.Sprintf("%d个省区市采用省级数字，而非所辖城市之和：%s。", len(level), w.list(level, 40)),
			fmt.Sprintf("%s use a province-level figure rather than the sum of their cities: %s.", w.plural(len(level), "", "province", "provinces"), w.list(level, 40))))
	}
	return out
}

// otherWarnings drops the comparison's notices that gapTexts already
// says in the briefing's language (cities without figures, segment sums).
func otherWarnings(ns []analysis.Notice) []string {
	var out []string
	for _, n := range ns {
		if n.Code == analysis.CodeNoFigure || n.Code == analysis.CodeSegmentsOnly {
			continue
		}
		out = append(out, n.En)
	}
	return out
}

// cityNotes are the notes cities.csv gives (such as an assumed tier), in
// the order of the province sections, cities with the same note named
// together. A leading "来源：<the briefing's source>。" is left out: the
// sources are listed below.
func cityNotes(c *analysis.Comparison, w words) []string {
	var notes []string
	cities := map[string][]string{}
	for _, ct := range citiesInSections(c) {
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
	out := make([]string, len(notes))
	for i, n := range notes {
		out[i] = w.list(cities[n], 0) + w.t("：", ": ") + n
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

func definitions(w words) []string {
	return []string{
		w.t("人数指新的社会阶层人士人数。“—”表示未报告，不按零计算，也不计入合计。",
			"Members are new social strata members. \"—\" means not reported: it is not zero and is left out of totals."),
		w.t("省区市人数优先采用省级数字；没有省级数字的，为所辖城市人数之和。片区人数为所辖省区市之和。",
			"A province's figure is its province-level figure where given, else the sum of its cities. A region's is the sum of its provinces."),
		w.t("占片区指占所在片区合计的比例；排名为片区内排名，人数相同者名次相同。",
			"Share of region is the share of the region's total; ranks are within the region, tied figures sharing a rank."),
		w.t("重点项目指有批次的全国实践创新重点项目；基地和重点项目数为记录在册的全部数目，不分期间。",
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
	s := w.t("本期比较"+w.period(c.Period), "This briefing compares "+w.period(c.Period))
	if !c.Previous.IsZero() {
		s += w.t("，上期为"+w.period(c.Previous), ", against "+w.period(c.Previous))
	}
	in := vocab.Periods(ps, w.t("、", ", "), w.lang)
	s += w.t("。数据中的期间："+in+"。", ". Periods in the data: "+in+".")
	return s
}
