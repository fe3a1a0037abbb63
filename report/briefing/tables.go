package briefing

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// Table sizes: the province table is always complete; city and base
// tables list their top rows, then "其余N个" and the total. Fit may list
// fewer (shape).
const (
	cityRows = 15
	baseRows = 12
)

// L, R and C are column alignments, short for the table builders.
const (
	L = document.Left
	R = document.Right
	C = document.CenterAlign
)

// tablesSection sets the province, city and base tables.
func (b *builder) tablesSection() {
	b.heading(1, b.T("数据表", "Tables"))
	// The captions name the tables: no heading of their own.
	b.table(b.provinceTable())
	b.table(b.cityTable())
	if len(b.c.Bases) > 0 && !b.allBasesNamed() {
		if b.baseRows <= 0 {
			// Fit left the table out to keep the page promise.
			b.para(document.Note, b.T("实践创新基地见工作簿“基地”表。", "The innovation bases are listed in the workbook's Bases sheet."))
			return
		}
		b.table(b.baseTable())
	}
}

// markNotes explains the marks t's cells carry, and only those: a note on
// "†" under a table without one sends the reader looking for it. Nil when
// the table has no mark.
func (b *builder) markNotes(t document.Table) []string {
	var dash, star, dagger bool
	for _, row := range t.Rows {
		for _, cell := range row {
			dash = dash || cell == "—"
			star = star || strings.HasSuffix(cell, "*")
			dagger = dagger || strings.Contains(cell, "†")
		}
	}
	var parts []string
	if dash {
		parts = append(parts, b.T("“—”表示本期未报送，不按零计算", "\"—\" not reported for the period (not zero)"))
	}
	if star {
		parts = append(parts, b.T("*为省级数据", "* province-level figure"))
	}
	if dagger {
		parts = append(parts, b.T("†为各群体人数之和", "† sum of the segment figures"))
	}
	if len(parts) == 0 {
		return nil
	}
	return []string{b.T("注：", "Notes: ") + strings.Join(parts, b.T("；", "; ")) + b.end()}
}

func (b *builder) provinceTable() document.Table {
	c := b.c
	multi := len(c.Regions) > 1
	prev := !c.Previous.IsZero()
	t := document.Table{Caption: b.T("各省区市实践创新基地和新的社会阶层人士（"+b.period(c.Period)+"）",
		"Innovation bases and new social strata members by province, "+b.period(c.Period))}
	t.Header, t.Align = []string{b.T("省区市", "Province")}, []document.Align{L}
	if multi {
		t.Header, t.Align = append(t.Header, b.T("片区", "Region")), append(t.Align, L)
	}
	t.Header = append(t.Header, b.T("城市", "Cities"), b.T("报送城市", "Reporting"), b.T("基地", "Bases"),
		b.T("重点项目", "Key projects"), b.T("人数", "Members"))
	t.Align = append(t.Align, R, R, R, R, R)
	if prev {
		// The like-for-like change (可比口径), as the 导语 states it: a
		// province-level figure is compared with the province's own
		// figure, never with its cities' sum.
		n := b.narrator()
		word := vocab.Sequential(n.kind(), n.adjacent(), b.period(c.Previous), b.lang)
		t.Header = append(t.Header, b.T(word+"增减", "Change")+b.T("", " ("+n.since()+")"), b.T(word+"增减率", "Change %"))
		t.Align = append(t.Align, R, R)
	}
	// Data of one province (not a slice, which has its share from the
	// whole) hold no other province of its region: its share would read
	// 100%, as if it were the whole region.
	share := c.OneProvince() == "" || c.SliceProvince() != ""
	if share {
		t.Header = append(t.Header, b.T("占片区", "Share of region"))
		t.Align = append(t.Align, R)
	}
	vals := []*int64{c.Totals.Members}
	for _, p := range b.idx.provinces {
		vals = append(vals, p.Members)
	}
	form := vocab.FormFor(vals, b.lang) // one form a column: 0.54m beside 1.38m
	for _, p := range b.idx.provinces {
		row := []string{p.Province}
		if multi {
			row = append(row, p.Region)
		}
		members := form.CellPtr(p.Members)
		if p.ProvinceLevel {
			members += "*"
		}
		row = append(row, b.Number(p.Cities), b.Number(p.ReportingCities),
			b.Number(p.Bases), b.Number(p.KeyProjects), members)
		if prev {
			row = append(row, b.comparableCells(p.Comparable)...)
		}
		if share {
			row = append(row, vocab.PercentPtr(p.ShareOfRegion))
		}
		t.Rows = append(t.Rows, row)
	}
	if len(b.idx.provinces) > 1 {
		tt := c.Totals
		row := []string{b.T("合计", "Total")}
		if multi {
			row = append(row, "")
		}
		row = append(row, b.Number(tt.Cities), b.Number(tt.ReportingCities),
			b.Number(tt.Bases), b.Number(tt.KeyProjects), form.CellPtr(tt.Members))
		if prev {
			row = append(row, b.comparableCells(tt.Comparable)...)
		}
		if share {
			row = append(row, "")
		}
		t.Emphasis = map[int]bool{len(t.Rows): true}
		t.Rows = append(t.Rows, row)
	}
	t.Notes = b.markNotes(t)
	if prev {
		t.Notes = append(t.Notes, b.T("增减按可比口径：省级数据两期都有的比较省级数据，否则比较两期都有人数的城市。",
			"Changes are like for like: a province's own figures where it gave one in both periods, else its cities with a figure in both."))
	}
	return t
}

// comparableCells are a like-for-like change and its rate: +4156, +0.3%.
func (b *builder) comparableCells(k analysis.Comparable) []string {
	ch, ratio := "—", "—"
	if k.Change != nil {
		ch = vocab.SignedCell(*k.Change, b.lang)
	}
	if k.ChangeRatio != nil {
		ratio = vocab.SignedPercent(*k.ChangeRatio)
	}
	return []string{ch, ratio}
}

func rank(r *int) string {
	if r == nil {
		return "—"
	}
	return strconv.Itoa(*r)
}

// cityTable lists the cities with the most members (the comparison's
// order), then the rest summed and the total.
func (b *builder) cityTable() document.Table {
	c := b.c
	multi := len(c.Regions) > 1
	prev := !c.Previous.IsZero()
	shown := min(len(c.Cities), b.cityRows)
	caption := b.T("各城市新的社会阶层人士和实践创新基地", "New social strata members and innovation bases by city")
	if shown < len(c.Cities) {
		caption += b.T(fmt.Sprintf("（人数居前%d位）", shown), fmt.Sprintf(" (the %d largest)", shown))
	}
	// Nine columns at most: tier, key projects and rank are the
	// workbook's; the change is the city's own (比上月) with its rate.
	t := document.Table{Caption: caption}
	t.Header = []string{b.T("序号", "No."), b.T("城市", "City"), b.T("省区市", "Province")}
	t.Align = []document.Align{R, L, L}
	if multi {
		t.Header, t.Align = append(t.Header, b.T("片区", "Region")), append(t.Align, L)
	}
	t.Header = append(t.Header, b.T("基地", "Bases"), b.T("人数", "Members"))
	t.Align = append(t.Align, R, R)
	if prev {
		n := b.narrator()
		// The province and region tables' word (环比 between adjacent
		// months): one change, one name in every table.
		word := b.T(vocab.Sequential(n.kind(), n.adjacent(), b.period(b.c.Previous), b.lang), "Change")
		t.Header = append(t.Header, word+b.T("增减", ""), word+b.T("增减率", " %"))
		t.Align = append(t.Align, R, R)
	}
	// In a province slice a city's share is of the province (shareOf).
	if of := shareOf(c, ""); of != "" {
		t.Header = append(t.Header, b.T("占"+of, "Share of "+of))
	} else {
		t.Header = append(t.Header, b.T("占片区", "Share of region"))
	}
	t.Align = append(t.Align, R)
	// The members column in one form, and ranked: neighbours whose
	// figures differ but would print alike (北京 1,053,303 and 海口
	// 1,052,534, both 105.3万) get the digits that tell them apart.
	var ranked []*int64
	for _, ct := range c.Cities[:shown] {
		ranked = append(ranked, ct.Members)
	}
	rest := c.Cities[shown:]
	form := vocab.FormFor(append(slices.Clone(ranked), citySum(rest), citySum(c.Cities)), b.lang)
	cells := form.Ranked(ranked)
	for i, ct := range c.Cities[:shown] {
		row := []string{strconv.Itoa(i + 1), ct.City, ct.Province}
		if multi {
			row = append(row, ct.Region)
		}
		members := cells[i]
		if ct.FromSegments {
			members += "†"
		}
		row = append(row, b.Number(ct.Bases), members)
		if prev {
			ch, ratio := "—", "—"
			if ct.Change != nil {
				ch = vocab.SignedCell(*ct.Change, b.lang)
			}
			if ct.ChangeRatio != nil {
				ratio = vocab.SignedPercent(*ct.ChangeRatio)
			}
			row = append(row, ch, ratio)
		}
		row = append(row, vocab.PercentPtr(ct.ShareOfRegion))
		t.Rows = append(t.Rows, row)
	}
	t.Emphasis = map[int]bool{}
	if len(rest) > 0 {
		t.Emphasis[len(t.Rows)] = true
		t.Rows = append(t.Rows, b.sumRow(t.Header, b.Others(len(rest), "城市", "city", "cities"), rest, multi, prev, form))
	}
	if len(c.Cities) > 1 {
		t.Emphasis[len(t.Rows)] = true
		t.Rows = append(t.Rows, b.sumRow(t.Header, b.T("合计", "Total"), c.Cities, multi, prev, form))
	}
	t.Notes = b.markNotes(t)
	if s := b.cityTotalNote(); s != "" {
		t.Notes = append(t.Notes, s)
	}
	if shown < len(c.Cities) {
		t.Notes = append(t.Notes, b.T("全部城市见工作簿“城市”表。", "Every city is listed in the workbook's Cities sheet."))
	}
	return t
}

// sumRow sums cities into one row of the city table: label in the city
// column, bases, members and the sum of the cities' own changes.
func (b *builder) sumRow(header []string, label string, cities []analysis.CityRow, multi, prev bool, form vocab.Form) []string {
	var bases int
	var members, change *int64
	add := func(sum **int64, v *int64) {
		if v != nil {
			if *sum == nil {
				*sum = new(int64)
			}
			**sum += *v
		}
	}
	for _, ct := range cities {
		bases += ct.Bases
		add(&members, ct.Members)
		add(&change, ct.Change)
	}
	row := []string{"", label, ""}
	if multi {
		row = append(row, "")
	}
	row = append(row, b.Number(bases), form.CellPtr(members))
	if prev {
		ch := "—"
		if change != nil {
			ch = vocab.SignedCell(*change, b.lang)
		}
		row = append(row, ch, "")
	}
	row = append(row, "")
	return row[:len(header)]
}

// citySum is the cities' members summed, nil where none reports.
func citySum(cities []analysis.CityRow) *int64 {
	var sum *int64
	for _, ct := range cities {
		if ct.Members != nil {
			if sum == nil {
				sum = new(int64)
			}
			*sum += *ct.Members
		}
	}
	return sum
}

// allBasesNamed tells that the province sections name every base, so a
// base table would repeat them.
func (b *builder) allBasesNamed() bool {
	if !b.byProvince() {
		return false
	}
	for _, p := range b.idx.provinces {
		listed, _ := b.sectionCities(p)
		if len(listed) > citiesNamed {
			return false
		}
		for _, ct := range listed {
			if ct.Bases > b.basesNamed {
				return false
			}
		}
	}
	return true
}

// baseTable lists the key projects first (by batch), then the other
// bases, in the comparison's order; at most baseRows, then "其余N个".
// At scale (a section per region) the comparison's order would give a
// dozen bases of the first province (北京): the table lists instead the
// bases of the cities with the most members, in the reading order of
// cities, a city's key projects first, at most two a city.
func (b *builder) baseTable() document.Table {
	c := b.c
	keys := 0
	for _, bs := range c.Bases {
		if bs.KeyProject() {
			keys++
		}
	}
	ordered := b.basesByBatch()
	caption := b.T("实践创新基地和重点项目", "Innovation bases and key projects")
	if !b.byProvince() {
		ordered = b.basesByCity()
		caption += b.T("（人数居前城市的基地，重点项目在前）", " (bases of the largest cities, key projects first)")
	} else if len(ordered) < len(c.Bases) {
		caption += b.T("（重点项目在前）", " (key projects first)")
	}
	shown := len(ordered)
	shownKeys := 0
	for _, bs := range ordered {
		if bs.KeyProject() {
			shownKeys++
		}
	}
	t := document.Table{Caption: caption,
		Header: []string{b.T("序号", "No."), b.T("名称", "Name"), b.T("城市", "City"), b.T("省区市", "Province"), b.T("批次", "Batch"), b.T("领域", "Field")},
		Align:  []document.Align{R, L, L, L, C, L}}
	for i, bs := range ordered {
		batch := "—"
		if bs.Batch > 0 {
			batch = b.batch(bs.Batch)
		}
		kind := bs.Kind
		if kind == "" {
			kind = "—"
		}
		t.Rows = append(t.Rows, []string{strconv.Itoa(i + 1), bs.Name, bs.City, bs.Province, batch, kind})
	}
	t.Emphasis = map[int]bool{}
	if rest := len(c.Bases) - shown; rest > 0 {
		restKeys := keys - shownKeys
		t.Emphasis[len(t.Rows)] = true
		t.Rows = append(t.Rows, []string{"", b.T(fmt.Sprintf("其余%d个（其中重点项目%d个）", rest, restKeys), fmt.Sprintf("%s others (%s key projects)", b.Number(rest), b.Number(restKeys))), "", "", "", ""})
		t.Notes = append(t.Notes, b.T("全部基地见工作簿“基地”表。", "Every base is listed in the workbook's Bases sheet."))
	}
	if len(c.Bases) > 1 {
		t.Emphasis[len(t.Rows)] = true
		t.Rows = append(t.Rows, []string{"", b.T(fmt.Sprintf("合计%d个（其中重点项目%d个）", len(c.Bases), keys), fmt.Sprintf("Total %s (%s key projects)", b.Number(len(c.Bases)), b.Number(keys))), "", "", "", ""})
	}
	return t
}

// basesByBatch is the key projects, then the other bases, in the
// comparison's order: at most baseRows.
func (b *builder) basesByBatch() []analysis.Base {
	var out []analysis.Base
	for _, key := range []bool{true, false} {
		for _, bs := range b.c.Bases {
			if len(out) == b.baseRows {
				return out
			}
			if bs.KeyProject() == key {
				out = append(out, bs)
			}
		}
	}
	return out
}

// basesByCity is at most two bases of each city (its key projects first),
// the cities in reading order (most members first), at most baseRows;
// then the key projects are put before the other bases, each in that
// order, as the table's caption says (重点项目在前): the largest city's
// bases without a batch came first before.
func (b *builder) basesByCity() []analysis.Base {
	out := b.basesOfLargest()
	slices.SortStableFunc(out, func(x, y analysis.Base) int {
		return cmp.Compare(b2i(!x.KeyProject()), b2i(!y.KeyProject()))
	})
	return out
}

func b2i(v bool) int {
	if v {
		return 1
	}
	return 0
}

// basesOfLargest is at most two bases of each city, key projects first,
// the cities in reading order: at most baseRows.
func (b *builder) basesOfLargest() []analysis.Base {
	var out []analysis.Base
	for i := range b.c.Cities {
		ct := &b.c.Cities[i]
		bases := b.idx.bases[cityKey{ct.Province, ct.City}]
		n := 0
		for _, key := range []bool{true, false} {
			for _, bs := range bases {
				if bs.KeyProject() == key && n < 2 && len(out) < b.baseRows {
					out = append(out, *bs)
					n++
				}
			}
		}
		if len(out) == b.baseRows {
			break
		}
	}
	return out
}

// crossRegion sets each region's largest cities beside the largest of the
// other regions, so claims such as "Chongqing and Chengdu stand comparison
// with the large coastal cities" can be checked.
func (b *builder) crossRegion() {
	b.heading(1, b.T("片区比较", "Across regions"))
	var top []string
	for _, ct := range b.idx.reporting {
		if len(top) == 5 {
			break
		}
		top = append(top, fmt.Sprintf(b.T("%s（%s，%s）", "%s (%s, %s)"), ct.City, ct.Region, vocab.CellPtr(ct.Members, b.lang)))
	}
	if len(top) > 0 {
		b.para(document.Body, b.T("全部城市中人数居前的是：", "Across all regions, the largest cities are ")+b.list(top, 0)+b.end())
	}
	t := document.Table{Caption: b.T("各片区最大城市与其他片区最大城市", "Each region's largest cities beside the largest elsewhere"),
		Header: []string{b.T("片区", "Region"), b.T("片区合计", "Region total"),
			b.T("本片区前三位城市（全部城市排名）", "Largest cities here (overall rank)"),
			b.T("其他片区前三位城市（全部城市排名）", "Largest cities elsewhere (overall rank)")},
		Align: []document.Align{L, R, L, L}}
	for _, r := range b.c.Regions {
		var own, other []string
		for _, ct := range b.idx.reporting {
			if len(own) == 3 && len(other) == 3 {
				break
			}
			s := fmt.Sprintf(b.T("%s %s（%s）", "%s %s (%s)"), ct.City, vocab.CellPtr(ct.Members, b.lang), rank(ct.RankOverall))
			if ct.Region == r.Region && len(own) < 3 {
				own = append(own, s)
			} else if ct.Region != r.Region && len(other) < 3 {
				other = append(other, s)
			}
		}
		t.Rows = append(t.Rows, []string{r.Region, vocab.CellPtr(r.Members, b.lang), b.list(own, 0), b.list(other, 0)})
	}
	b.table(t)
}

// reconciliation sets the figures the meeting stated beside what the
// records hold.
func (b *builder) reconciliation() {
	c := b.c
	b.heading(1, b.T("会议公布数字与记录核对", "Stated figures and the records"))
	var sentences []string
	for _, r := range c.Stated {
		if r.Recorded != nil {
			sentences = append(sentences, b.reconcileSentence(r))
		}
	}
	if len(sentences) > 0 {
		b.para(document.Body, capitalize(strings.Join(sentences, b.T("", " "))))
	}
	t := document.Table{Caption: b.T("会议公布数字与记录在册数字", "Figures stated at the meeting and on record"),
		Header: []string{b.T("项目", "Item"), b.T("会议公布", "Stated"), b.T("记录在册", "On record"), b.T("核对", "Check"), b.T("依据", "Basis")},
		Align:  []document.Align{L, R, R, L, L}}
	cited := false
	for _, r := range c.Stated {
		s := r.Stated
		rec, check := "—", b.T("无对应记录", "no record to check")
		if r.Recorded != nil {
			rec = b.number(*r.Recorded, s.Measure) + b.unit(s.Unit)
			switch {
			case *r.Recorded == s.Value:
				check = b.T("一致", "matches")
			case *r.Recorded < s.Value:
				check = b.T("记录少", "records short by ") + b.number(s.Value-*r.Recorded, s.Measure) + b.unit(s.Unit)
			default:
				check = b.T("记录多", "records exceed by ") + b.number(*r.Recorded-s.Value, s.Measure) + b.unit(s.Unit)
			}
		}
		basis, short := quoteOf(s.Source, c.Meta.Source)
		cited = cited || short
		if basis == "" {
			basis = b.T("见下方来源", "see the source below")
		}
		t.Rows = append(t.Rows, []string{s.Label, b.number(s.Value, s.Measure) + b.unit(s.Unit), rec, check, basis})
	}
	if cited {
		t.Notes = []string{b.T("来源：", "Source: ") + c.Meta.Source + b.end()}
	}
	b.table(t)
}

// reconcileSentence: "记录在册的重点项目2个，会议公布25个。"
func (b *builder) reconcileSentence(r analysis.Reconciled) string {
	s := r.Stated
	name := b.measure(s.Measure)
	if name == "" {
		name = s.Label
	}
	stated := b.number(s.Value, s.Measure) + b.unit(s.Unit)
	if r.Recorded == nil {
		return b.T(fmt.Sprintf("会议公布%s%s，记录中没有可对照的数字。", s.Label, stated), fmt.Sprintf("the meeting stated %s %s; the records hold nothing to check it against.", stated, s.Label))
	}
	rec := b.number(*r.Recorded, s.Measure) + b.unit(s.Unit)
	if *r.Recorded == s.Value {
		return b.T(fmt.Sprintf("记录在册的%s%s，与会议公布的一致。", name, rec), fmt.Sprintf("the records list %s %s, as the meeting stated.", rec, name))
	}
	return b.T(fmt.Sprintf("记录在册的%s%s，会议公布%s。", name, rec, stated), fmt.Sprintf("the records list %s %s; the meeting stated %s.", rec, name, stated))
}

// number writes a stated value: 25, 2.5, or people as 140万.
func (b *builder) number(v float64, measure string) string {
	if measure == "members" {
		return vocab.People(int64(v+0.5), b.lang)
	}
	if v == float64(int64(v)) {
		return vocab.Int(int64(v))
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// measure names what a stated figure is checked against.
func (b *builder) measure(m string) string {
	zh := map[string]string{"key_projects": "重点项目", "bases": "实践创新基地", "cities": "城市",
		"pilot_cities": "创新试点城市", "promotion_cities": "创新推广城市", "provinces": "省区市",
		"regions": "片区", "reporting_cities": "报告人数的城市", "members": "新的社会阶层人士"}
	en := map[string]string{"key_projects": "key projects", "bases": "innovation bases", "cities": "cities",
		"pilot_cities": "pilot cities", "promotion_cities": "promotion cities", "provinces": "provinces",
		"regions": "regions", "reporting_cities": "cities reporting members", "members": "new social strata members"}
	return b.T(zh[m], en[m])
}

// unit is a stated figure's unit (个), left out of English text.
func (b *builder) unit(u string) string {
	if !b.zh() && hasCJK(u) {
		return ""
	}
	return u
}

// hasCJK reports whether s has a character of the CJK scripts, symbols or
// full-width forms (all from U+2E80 on), which English text leaves out.
func hasCJK(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return r >= 0x2E80 && r < 0x10000 || unicode.Is(unicode.Han, r) })
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
