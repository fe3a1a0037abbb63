package briefing

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// tablesSection sets the province and city tables.
func (d *doc) tablesSection(c *analysis.Comparison) {
	d.heading(1, d.t("数据表", "Tables"))
	d.tableUnder(2, d.t("各省区市", "Provinces"), provinceTable(c, d.words()))
	d.tableUnder(2, d.t("各城市", "Cities"), cityTable(c, d.words()))
	d.tableNotes()
}

func provinceTable(c *analysis.Comparison, w words) *table {
	multi := len(c.Regions) > 1
	prev := !c.Previous.IsZero()
	t := &table{caption: w.t("各省区市实践创新基地和新的社会阶层人士", "Innovation bases and new social strata members by province") + "（" + w.period(c.Period) + "）"}
	if !w.zh() {
		t.caption = t.caption[:len(t.caption)-len("（"+w.period(c.Period)+"）")] + ", " + w.period(c.Period)
	}
	t.cols = []column{{w.t("省区市", "Province"), "L"}}
	if multi {
		t.cols = append(t.cols, column{w.t("片区", "Region"), "L"})
	}
	t.cols = append(t.cols,
		column{w.t("城市", "Cities"), "R"}, column{w.t("试点", "Pilot"), "R"}, column{w.t("推广", "Promotion"), "R"},
		column{w.t("基地", "Bases"), "R"}, column{w.t("重点项目", "Key projects"), "R"},
		column{w.t("报告城市", "Reporting"), "R"}, column{w.t("人数", "Members"), "R"})
	if prev {
		t.cols = append(t.cols, column{w.t("上期人数", "Previous"), "R"})
	}
	t.cols = append(t.cols, column{w.t("占片区", "Share of region"), "R"}, column{w.t("片区排名", "Rank in region"), "R"})
	for _, p := range provinceOrder(c) {
		row := []string{p.Province}
		if multi {
			row = append(row, p.Region)
		}
		members := w.people(p.Members)
		if p.ProvinceLevel {
			members += "*"
		}
		row = append(row, strconv.Itoa(p.Cities), strconv.Itoa(p.PilotCities), strconv.Itoa(p.PromotionCities),
			strconv.Itoa(p.Bases), strconv.Itoa(p.KeyProjects), strconv.Itoa(p.ReportingCities), members)
		if prev {
			row = append(row, w.people(p.PreviousMembers))
		}
		row = append(row, vocab.PercentPtr(p.ShareOfRegion), w.rank(p.RankInRegion))
		t.rows = append(t.rows, row)
	}
	return t
}

func cityTable(c *analysis.Comparison, w words) *table {
	multi := len(c.Regions) > 1
	prev := !c.Previous.IsZero()
	t := &table{caption: w.t("各城市新的社会阶层人士和实践创新基地", "New social strata members and innovation bases by city"), size: tableSize}
	t.cols = []column{{w.t("序号", "No."), "R"}, {w.t("城市", "City"), "L"}, {w.t("省区市", "Province"), "L"}}
	if multi {
		t.cols = append(t.cols, column{w.t("片区", "Region"), "L"})
	}
	t.cols = append(t.cols, column{w.t("类型", "Tier"), "C"}, column{w.t("基地", "Bases"), "R"}, column{w.t("重点项目", "Key projects"), "R"},
		column{w.t("人数", "Members"), "R"})
	if prev {
		t.cols = append(t.cols, column{w.t("上期", "Previous"), "R"}, column{w.t("变化", "Change"), "R"}, column{w.t("变化率", "Change %"), "R"})
	}
	t.cols = append(t.cols, column{w.t("占片区", "Share of region"), "R"}, column{w.t("片区排名", "Rank in region"), "R"})
	if multi || prev {
		t.size = 9
	}
	for i, ct := range c.Cities {
		row := []string{strconv.Itoa(i + 1), ct.City, ct.Province}
		if multi {
			row = append(row, ct.Region)
		}
		members := w.people(ct.Members)
		if ct.FromSegments {
			members += "†"
		}
		row = append(row, w.tierShort(ct.Tier), strconv.Itoa(ct.Bases), strconv.Itoa(ct.KeyProjects), members)
		if prev {
			ch := "—"
			if ct.Change != nil {
				ch = vocab.Signed(*ct.Change, w.lang)
			}
			ratio := "—"
			if ct.ChangeRatio != nil {
				ratio = vocab.SignedPercent(*ct.ChangeRatio)
			}
			row = append(row, w.people(ct.PreviousMembers), ch, ratio)
		}
		row = append(row, vocab.PercentPtr(ct.ShareOfRegion), w.rank(ct.RankInRegion))
		t.rows = append(t.rows, row)
	}
	return t
}

// tableNotes explains the marks used in the tables.
func (d *doc) tableNotes() {
	p := para{size: 12, pitch: 20, colour: grey, indent: 0}
	d.paragraph(d.t("注：“—”表示未报告，不按零计算；*为省级数字；†为各群体人数之和；排名并列者名次相同。",
		"Notes: \"—\" not reported (not zero); * province-level figure; † sum of the segment figures; tied figures share a rank."), p)
	d.skip(3)
}

// crossRegion sets each region's largest cities beside the largest of the
// other regions, so claims such as "Chongqing and Chengdu stand comparison
// with the large coastal cities" can be checked.
func (d *doc) crossRegion(c *analysis.Comparison) {
	w := d.words()
	d.heading(1, d.t("片区比较", "Across regions"))
	var top []string
	for _, ct := range reporting(c) {
		if len(top) == 5 {
			break
		}
		top = append(top, fmt.Sprintf(w.t("%s（%s，%s）", "%s (%s, %s)"), ct.City, ct.Region, w.people(ct.Members)))
	}
	if len(top) > 0 {
		d.paragraph(w.t("全部城市中人数居前的是：", "Across all regions, the largest cities are ")+w.list(top, 0)+w.t("。", "."), d.body())
	}
	t := &table{caption: w.t("各片区最大城市与其他片区最大城市", "Each region's largest cities beside the largest elsewhere"),
		cols: []column{{w.t("片区", "Region"), "L"}, {w.t("片区合计", "Region total"), "R"},
			{w.t("本片区前三位城市（全部城市排名）", "Largest cities here (overall rank)"), "L"},
			{w.t("其他片区前三位城市（全部城市排名）", "Largest cities elsewhere (overall rank)"), "L"}}}
	for _, r := range c.Regions {
		var own, other []string
		for _, ct := range reporting(c) {
			s := fmt.Sprintf("%s %s（%s）", ct.City, w.people(ct.Members), w.rank(ct.RankOverall))
			if !w.zh() {
				s = fmt.Sprintf("%s %s (%s)", ct.City, w.people(ct.Members), w.rank(ct.RankOverall))
			}
			if ct.Region == r.Region && len(own) < 3 {
				own = append(own, s)
			} else if ct.Region != r.Region && len(other) < 3 {
				other = append(other, s)
			}
		}
		t.rows = append(t.rows, []string{r.Region, w.people(r.Members), w.list(own, 0), w.list(other, 0)})
	}
	d.drawTable(t)
}

// reconciliation sets the figures the meeting stated beside what the
// records hold.
func (d *doc) reconciliation(c *analysis.Comparison) {
	w := d.words()
	d.heading(1, d.t("会议公布数字与记录核对", "Stated figures and the records"))
	var sentences []string
	for _, r := range c.Stated {
		if r.Recorded != nil {
			sentences = append(sentences, w.reconcileSentence(r))
		}
	}
	if len(sentences) > 0 {
		d.paragraph(capitalize(w.join(sentences)), d.body())
	}
	t := &table{caption: w.t("会议公布数字与记录在册数字", "Figures stated at the meeting and on record"),
		cols: []column{{w.t("项目", "Item"), "L"}, {w.t("会议公布", "Stated"), "R"}, {w.t("记录在册", "On record"), "R"},
			{w.t("核对", "Check"), "L"}, {w.t("依据", "Basis"), "L"}}}
	cited := false
	for _, r := range c.Stated {
		s := r.Stated
		rec, check := "—", w.t("无对应记录", "no record to check")
		if r.Recorded != nil {
			rec = w.number(*r.Recorded, s.Measure) + w.unit(s.Unit)
			switch {
			case *r.Recorded == s.Value:
				check = w.t("一致", "matches")
			case *r.Recorded < s.Value:
				check = w.t("记录少", "records short by ") + w.number(s.Value-*r.Recorded, s.Measure) + w.unit(s.Unit)
			default:
				check = w.t("记录多", "records exceed by ") + w.number(*r.Recorded-s.Value, s.Measure) + w.unit(s.Unit)
			}
		}
		basis, short := quoteOf(s.Source, c.Meta.Source)
		cited = cited || short
		if basis == "" {
			basis = w.t("见下方来源", "see the source below")
		}
		t.rows = append(t.rows, []string{s.Label, w.number(s.Value, s.Measure) + w.unit(s.Unit), rec, check, basis})
	}
	d.drawTable(t)
	if cited {
		d.paragraph(w.t("来源：", "Source: ")+c.Meta.Source+w.t("。", "."), para{size: 12, pitch: 20, colour: grey})
		d.skip(3)
	}
}

// quoteOf shortens a stated figure's source that cites the briefing's own
// source to its quotation (short reports that it did); "—" when none.
func quoteOf(src, own string) (string, bool) {
	src = strings.TrimSpace(src)
	switch {
	case src == "":
		return "—", false
	case own == "" || !strings.HasPrefix(src, own):
		return src, false
	}
	q := strings.TrimLeft(strings.TrimPrefix(src, own), "：:，, ")
	return q, true
}

// capitalize starts English sentences with a capital: the reconciliation
// sentences are written to follow a colon.
func capitalize(s string) string {
	out := []rune(s)
	for i, r := range out {
		if i == 0 || (i >= 2 && out[i-2] == '.' && out[i-1] == ' ') {
			out[i] = unicode.ToUpper(r)
		}
	}
	return string(out)
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
	return fmt.Sprintf("[%d]", n)
}
