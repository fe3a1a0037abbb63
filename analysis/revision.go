package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// Revision is a figure for a period before the one compared that differs
// from what an earlier run read for the same key, or that only one of the
// two holds (summary.json's "revisions"). Was or Now is nil where that run
// had no figure.
type Revision struct {
	Province, City string // City "" for a province-level figure
	Segment        Segment
	Period         Period
	Was, Now       *int64
	WasRun         int64 // the run that read Was
	// Printed is true when the earlier run's briefing printed the figure:
	// its period is one that briefing compared (Prior.Printed).
	Printed bool
}

// Prior is what an earlier run read: every figure of every period, keyed
// by place, period and segment, and the periods its briefing printed.
// Revisions compare with the most recent earlier successful run whose
// inputs differ; the history (output/history) finds it.
type Prior struct {
	Run     int64
	Printed []Period // the periods whose figures that briefing printed
	Places  []Place  // indexed by PriorFigure.Place
	Periods []Period // indexed by PriorFigure.Period
	Figures []PriorFigure
}

// PriorFigure is one figure of a Prior.
type PriorFigure struct {
	Place, Period int32
	Segment       Segment
	Members       int64
}

// CodeFiguresRevised is the notice listing the revisions.
const CodeFiguresRevised = "figures_revised"

// revisionsListed bounds the revisions a notice names before it counts.
const revisionsListed = 5

// Revise sets c.Revisions to the figures of periods before c.Period that
// differ between prior and c.History, within c's places (its --region),
// and adds the figures_revised notice. A nil or empty prior leaves c
// without revisions.
func Revise(c *Comparison, prior *Prior) {
	c.Revisions = nil
	if prior == nil || c.History == nil || c.Period.IsZero() {
		return
	}
	h := c.History
	inScope := scopeOf(c)
	// Place indices: the current history's, then prior places it lacks.
	placeIdx := make(map[Place]int32, len(h.Places))
	places := slices.Clone(h.Places)
	for i, pl := range h.Places {
		placeIdx[pl] = int32(i)
	}
	priorPlace := make([]int32, len(prior.Places))
	for i, pl := range prior.Places {
		j, ok := placeIdx[pl]
		if !ok {
			j = int32(len(places))
			placeIdx[pl] = j
			places = append(places, pl)
		}
		priorPlace[i] = j
	}
	// Period indices likewise, only for the periods before the compared one.
	periodIdx := map[Period]int32{}
	var periods []Period
	index := func(p Period) int32 {
		if !before(p, c.Period) {
			return -1
		}
		j, ok := periodIdx[p]
		if !ok {
			j = int32(len(periods))
			periodIdx[p] = j
			periods = append(periods, p)
		}
		return j
	}
	priorPeriod := make([]int32, len(prior.Periods))
	for i, p := range prior.Periods {
		priorPeriod[i] = index(p)
	}
	key := func(period int32, place int32, seg Segment) uint64 {
		return uint64(period)<<40 | uint64(place)<<8 | uint64(seg)
	}
	was := make(map[uint64]int64, len(prior.Figures))
	for _, f := range prior.Figures {
		if int(f.Period) >= len(priorPeriod) || int(f.Place) >= len(priorPlace) {
			continue // a Prior built by hand with a stray index
		}
		pk, pl := priorPeriod[f.Period], priorPlace[f.Place]
		if pk < 0 || !inScope(places[pl]) {
			continue
		}
		was[key(pk, pl, f.Segment)] = f.Members
	}
	printed := map[Period]bool{}
	for _, p := range prior.Printed {
		printed[p] = true
	}
	var out []Revision
	add := func(pk, pl int32, seg Segment, w, n *int64) {
		p := periods[pk]
		out = append(out, Revision{Province: places[pl].Province, City: places[pl].City, Segment: seg,
			Period: p, Was: w, Now: n, WasRun: prior.Run, Printed: printed[p]})
	}
	for k := range h.Periods {
		pf := &h.Periods[k]
		pk := index(pf.Period)
		if pk < 0 {
			continue
		}
		for j := range pf.Len() {
			place, seg, n := pf.At(j)
			if !inScope(places[place]) {
				continue
			}
			kk := key(pk, int32(place), seg)
			w, ok := was[kk]
			if ok {
				delete(was, kk)
				if w == n {
					continue
				}
				add(pk, int32(place), seg, &w, &n)
				continue
			}
			add(pk, int32(place), seg, nil, &n)
		}
	}
	for kk, w := range was { // read then, gone now; sorted below
		add(int32(kk>>40), int32(kk>>8&(1<<32-1)), Segment(kk&0xff), &w, nil)
	}
	sortRevisions(c, out)
	c.Revisions = out
	if len(out) > 0 {
		c.Notices = append(c.Notices, revisionNotice(out))
		slices.SortFunc(c.Notices, func(a, b Notice) int { return cmp.Or(strings.Compare(a.En, b.En), strings.Compare(a.Code, b.Code)) })
		c.Notices = slices.CompactFunc(c.Notices, func(a, b Notice) bool { return a.En == b.En })
		c.Warnings = c.Warnings[:0:0]
		for _, n := range c.Notices {
			c.Warnings = append(c.Warnings, n.En)
		}
	}
}

// scopeOf reports whether a place is within the comparison: any place
// without --region, else a place of the region's provinces.
func scopeOf(c *Comparison) func(Place) bool {
	if c.Region == "" {
		return func(Place) bool { return true }
	}
	provs := map[string]bool{}
	for _, p := range c.Provinces {
		provs[p.Province] = true
	}
	return func(pl Place) bool { return provs[pl.Province] }
}

// before reports whether p ends before q begins: 2019-04 and 2019-Q1 are
// before 2019-05, the year 2019 and 2019-Q2 (which hold it) are not.
func before(p, q Period) bool {
	if p.IsZero() || p.Compare(q) >= 0 {
		return false
	}
	if p.Year != q.Year {
		return true
	}
	switch p.Kind() {
	case KindYear:
		return false
	case KindQuarter:
		return q.startMonth() > 3*p.Quarter
	case KindMonth:
		return q.startMonth() > p.Month
	}
	return true // a day before q's start
}

// sortRevisions orders revisions by period, then places in official order
// (places the comparison no longer lists after, by name), then segment.
func sortRevisions(c *Comparison, rs []Revision) {
	provOrder := map[string]int{}
	for _, p := range c.Provinces {
		provOrder[p.Province] = p.Order
	}
	cityOrder := map[Place]int{}
	for _, ct := range c.Cities {
		cityOrder[Place{ct.Province, ct.City}] = ct.Order
	}
	rank := func(r Revision) (int, int) {
		po, ok := provOrder[r.Province]
		if !ok {
			po = 1 << 30
		}
		if r.City == "" {
			return po, -1 // the province's own figure before its cities
		}
		co, ok := cityOrder[Place{r.Province, r.City}]
		if !ok {
			co = 1 << 30
		}
		return po, co
	}
	slices.SortFunc(rs, func(a, b Revision) int {
		ap, ac := rank(a)
		bp, bc := rank(b)
		return cmp.Or(a.Period.Compare(b.Period), cmp.Compare(ap, bp), strings.Compare(a.Province, b.Province),
			cmp.Compare(ac, bc), strings.Compare(a.City, b.City), cmp.Compare(a.Segment, b.Segment))
	})
}

// revisionNotice names the first revisions and counts the rest:
// "4项往期数据与上期简报不同（已修订）：成都市2019年11月 由130万修订为131万；……".
func revisionNotice(rs []Revision) Notice {
	var zh, en []string
	for _, r := range rs[:min(len(rs), revisionsListed)] {
		zh = append(zh, r.Text(vocab.Zh))
		en = append(en, r.Text(vocab.En))
	}
	zhMore, enMore := "", ""
	if len(rs) > revisionsListed {
		zhMore = fmt.Sprintf("……另有%d项，见工作簿“修订”表", len(rs)-revisionsListed)
		enMore = fmt.Sprintf("; %d more in the workbook's Revisions sheet", len(rs)-revisionsListed)
	}
	return Notice{CodeFiguresRevised,
		fmt.Sprintf("%d项往期数据与上期简报不同（已修订）：%s%s。", len(rs), strings.Join(zh, "；"), zhMore),
		fmt.Sprintf("%d earlier figures differ from those of the last briefing (run %d) and are revised: %s%s",
			len(rs), rs[0].WasRun, strings.Join(en, "; "), enMore)}
}

// Place names the revision's place and segment: 成都市, 四川省（全省）,
// 成都市（新媒体）.
func (r Revision) Place(lang vocab.Lang) string {
	name := r.City
	if name == "" {
		name = r.Province
		if lang == vocab.En {
			name += " (province)"
		} else {
			name += "（全省）"
		}
	}
	if r.Segment != SegmentAll {
		if lang == vocab.En {
			return name + " (" + r.Segment.English() + ")"
		}
		return name + "（" + r.Segment.Short() + "）"
	}
	return name
}

// people writes was and now the analysts' way, or in full where the
// rounded forms would read the same (130.1万 and 130.1万).
func people(was, now int64, lang vocab.Lang) (string, string) {
	w, n := vocab.People(was, lang), vocab.People(now, lang)
	if w == n {
		return vocab.Int(was), vocab.Int(now)
	}
	return w, n
}

// Text says one revision: "成都市2019年11月 由130万修订为131万",
// "Chengdu 2019-11: 1.3 million revised to 1.31 million".
func (r Revision) Text(lang vocab.Lang) string {
	p := vocab.Period(r.Period.Year, r.Period.Half, r.Period.Quarter, r.Period.Month, r.Period.Day, lang)
	if lang == vocab.En {
		switch {
		case r.Now == nil:
			return fmt.Sprintf("%s, %s: %s, now not reported", r.Place(lang), p, vocab.People(*r.Was, lang))
		case r.Was == nil:
			return fmt.Sprintf("%s, %s: not reported before, now %s", r.Place(lang), p, vocab.People(*r.Now, lang))
		}
		w, n := people(*r.Was, *r.Now, lang)
		return fmt.Sprintf("%s, %s: %s revised to %s", r.Place(lang), p, w, n)
	}
	switch {
	case r.Now == nil:
		return fmt.Sprintf("%s%s 原为%s，现已无数据", r.Place(lang), p, vocab.People(*r.Was, lang))
	case r.Was == nil:
		return fmt.Sprintf("%s%s 原无数据，现为%s", r.Place(lang), p, vocab.People(*r.Now, lang))
	}
	w, n := people(*r.Was, *r.Now, lang)
	return fmt.Sprintf("%s%s 由%s修订为%s", r.Place(lang), p, w, n)
}
