package workbook

import (
	"fmt"
	"math"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// The overview sheet: what the workbook covers, the key figures (formulas
// over the region rows, so they follow corrections but not filters), the
// figures the meeting stated set beside the records, and the input files.

func (b *book) writeOverview() error {
	l, c := b.l, b.c
	// One page, portrait: the first thing printed.
	s := &sheet{name: l.overview, heights: map[int]float64{1: 30}, print: printPlan{portrait: true, fitHeight: 1}}
	for j, w := range []float64{16, 16, 8, 12, 16, 30} {
		s.fit(j, w, w)
	}
	title := c.Meta.Title
	if title == "" {
		title = l.defaultTitle
	}
	s.add(b.styled(b.st.title, title))
	if c.Meta.Subject != "" {
		s.add(b.styled(b.st.subtitle, c.Meta.Subject))
	}
	s.blank()
	prev, scope := l.none, l.allRegions
	if !c.Previous.IsZero() {
		prev = c.Previous.String()
	}
	if c.Region != "" {
		scope = c.Region
	}
	if l.slice != "" {
		scope = l.slice
	}
	ago := l.none
	if !c.YearAgo.IsZero() {
		ago = c.YearAgo.String()
	}
	for _, kv := range [][2]string{{l.periodLabel, c.Period.String()}, {l.previousLabel, prev}, {b.tl.yearAgoLabel, ago}, {l.scope, scope}, {l.periodsInData, periodsText(c.Periods, b.lang)}} {
		s.add(b.styled(b.st.label, kv[0]), b.styled(b.st.valueText, kv[1]))
		s.fit(0, textWidth(kv[0]), 44)
	}
	s.blank()
	rows := b.keyFigures(s)
	b.statedFigures(s, rows)
	b.inputFiles(s)
	if b.clipped > 0 { // the overview is written last: every other sheet has counted
		b.notes = append(b.notes, l.clipped(b.clipped))
	}
	if len(b.notes) > 0 {
		s.blank()
		s.add(b.styled(b.st.section, l.notes))
		for _, n := range b.notes {
			s.add(b.text(n))
		}
	}
	return b.writeSheet(s, "")
}

// keyFigures writes the key figures and returns the row of each measure
// (names as in analysis.Stated.Measure) for the stated figures to point at.
func (b *book) keyFigures(s *sheet) map[string]int {
	l, t := b.l, b.c.Totals
	rt := b.regionTable()
	last := rt.rows + 1
	over := func(key string) string { return ref(rt.sheet, rt.col(key), 2, last) }
	s.add(b.styled(b.st.section, l.keyFigures))
	b.addHeader(s, l.measure, l.value)
	rows := map[string]int{}
	add := func(measure, label string, style int, f string, want *float64) {
		r := s.next()
		rows[measure] = r
		s.add(b.styled(b.st.label, label), b.formula(s.name, "B", r, style, f, want))
		s.fit(0, textWidth(label), 44)
	}
	add("regions", l.regions, b.st.valueInt, fmt.Sprintf("COUNTA(%s)", over("region")), fi(t.Regions))
	add("provinces", l.provinceCount, b.st.valueInt, fmt.Sprintf("SUM(%s)", over("provinces")), fi(t.Provinces))
	heads := []string{l.cityCount, l.pilot, l.promotion, l.baseCount, l.keyCount, l.reporting}
	measures := []string{"cities", "pilot_cities", "promotion_cities", "bases", "key_projects", "reporting_cities"}
	wants := []int{t.Cities, t.PilotCities, t.PromotionCities, t.Bases, t.KeyProjects, t.ReportingCities}
	for i, k := range countKeys {
		add(measures[i], heads[i], b.st.valueInt, fmt.Sprintf("SUM(%s)", over(k)), fi(wants[i]))
	}
	var cov *float64
	if t.Cities > 0 {
		v := float64(t.ReportingCities) / float64(t.Cities)
		cov = &v
	}
	cities, reporting := rows["cities"], rows["reporting_cities"]
	add("coverage", l.coverage, b.st.valuePct, fmt.Sprintf(`IF(B%d=0,"",B%d/B%d)`, cities, reporting, cities), cov)
	members := func(key string) string {
		return fmt.Sprintf(`IF(COUNT(%s)=0,"",SUM(%s))`, over(key), over(key))
	}
	add("members", l.members, b.st.valueInt, members("members"), f64(t.Members))
	m := rows["members"]
	add("wan", l.wan, b.st.wan, fmt.Sprintf(`IF(ISNUMBER(B%d),B%d/%d,"")`, m, m, l.wanDiv), ratio(t.Members, float64(l.wanDiv)))
	// Like for like (可比口径): the comparable sums of the region sheet and
	// the change between them; never the difference of the two totals.
	for i, sd := range b.sides() {
		if !sd.on {
			continue
		}
		cm := t.Comparable
		heads := [4]string{b.tl.cmpMembers, b.tl.cmpPrevious, b.tl.change, b.tl.changeRatio}
		if i == 1 {
			cm = t.YoY
			heads = [4]string{b.tl.yoyMembers, b.tl.yoyPrevious, b.tl.yoyChange, b.tl.yoyChangeRatio}
		}
		add(sd.members, heads[0], b.st.valueInt, members(sd.members), f64(cm.Members))
		add(sd.previous, heads[1], b.st.valueInt, members(sd.previous), f64(cm.Previous))
		cr, pr := rows[sd.members], rows[sd.previous]
		var ratio *float64
		if cm.ChangeRatio != nil {
			ratio = cm.ChangeRatio
		}
		add(sd.change, heads[2], b.st.valueInt, fmt.Sprintf(`IF(AND(ISNUMBER(B%d),ISNUMBER(B%d)),B%d-B%d,"")`, cr, pr, cr, pr), f64(cm.Change))
		add(sd.ratio, heads[3], b.st.valuePct, fmt.Sprintf(`IF(AND(ISNUMBER(B%d),ISNUMBER(B%d),B%d<>0),(B%d-B%d)/B%d,"")`, cr, pr, pr, cr, pr, pr), ratio)
	}
	return rows
}

// statedFigures sets each figure the meeting announced beside the recorded
// one: "记录 2 / 会议公布 25".
func (b *book) statedFigures(s *sheet, rows map[string]int) {
	l := b.l
	if len(b.c.Stated) == 0 {
		return
	}
	s.blank()
	s.add(b.styled(b.st.section, l.stated))
	b.addHeader(s, l.measure, l.statedValue, l.unit, l.recorded, l.reconcile, l.source)
	for _, r := range b.c.Stated {
		row := s.next()
		var recorded cell
		text := ""
		if r.Recorded != nil {
			recorded = b.number(*r.Recorded, b.st.num)
			if kr, ok := rows[r.Stated.Measure]; ok {
				recorded = b.formula(s.name, "D", row, b.st.num, fmt.Sprintf("B%d", kr), r.Recorded)
			}
			text = l.reconciled(number(*r.Recorded), number(r.Stated.Value))
		}
		s.add(b.styled(b.st.wrap, r.Stated.Label), b.number(r.Stated.Value, b.st.num),
			b.text(r.Stated.Unit), recorded, b.styled(b.st.center, text), b.styled(b.st.wrap, r.Stated.Source))
		s.fit(0, textWidth(r.Stated.Label), 44)
		s.fit(4, textWidth(text), 40)
		s.fit(5, textWidth(r.Stated.Source), 60)
	}
}

// number writes a stated or recorded value: whole numbers as counts.
func number(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return vocab.Int(int64(v))
	}
	return fmt.Sprintf("%g", v)
}

func (b *book) inputFiles(s *sheet) {
	l := b.l
	if len(b.c.Files) == 0 {
		return
	}
	s.blank()
	s.add(b.styled(b.st.section, l.inputFiles))
	b.addHeader(s, l.file, l.encoding, l.rows, l.skipped)
	for _, f := range b.c.Files {
		s.add(b.text(f.Name), b.text(f.Encoding), b.intCell(f.Rows, b.st.int), b.intCell(f.Skipped, b.st.int))
		s.fit(0, textWidth(f.Name), 44)
	}
}

// periodsText lists the periods in the data, a long history as its span, so
// the cell stays narrow enough to print the sheet at a readable size.
func periodsText(ps []analysis.Period, lang vocab.Lang) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return vocab.Periods(out, ", ", lang)
}
