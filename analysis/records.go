package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// positions indexes the comparison's province and city rows by name: their
// official order (order.go), the order the report lists them in, and the
// places it covers.
func positions(c *Comparison) (map[string]int, map[cityKey]int) {
	provPos := make(map[string]int, len(c.Provinces))
	for _, p := range c.Provinces {
		provPos[p.Province] = p.Order
	}
	cityPos := make(map[cityKey]int, len(c.Cities))
	for _, ct := range c.Cities {
		cityPos[cityKey{ct.Province, ct.City}] = ct.Order
	}
	return provPos, cityPos
}

// basesInOrder lists the bases of the compared cities in report order: by
// province (as the province rows), city (as the city rows), key projects by
// batch before the others, then name.
func basesInOrder(c *Comparison, bases []Base) []Base {
	provPos, cityPos := positions(c)
	// Sort positions computed once per base: the comparator runs n log n times.
	type keyed struct {
		prov, city, batch int
		b                 *Base
	}
	ks := make([]keyed, 0, len(bases))
	for i := range bases {
		b := &bases[i]
		cp, ok := cityPos[cityKey{b.Province, b.City}]
		if !ok {
			continue
		}
		batch := b.Batch
		if batch == 0 {
			batch = 1 << 30 // bases without a batch after the key projects
		}
		ks = append(ks, keyed{provPos[b.Province], cp, batch, b})
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(cmp.Compare(a.prov, b.prov), cmp.Compare(a.city, b.city), cmp.Compare(a.batch, b.batch),
			cmp.Compare(a.b.Name, b.b.Name), cmp.Compare(a.b.Line, b.b.Line))
	})
	out := make([]Base, len(ks))
	for i, k := range ks {
		out[i] = *k.b
	}
	return out
}

// figuresUsed lists the figures of the compared places for the periods
// read (compared, previous and year-ago, or their sources in a year view),
// sorted by period, then province and city in official order (a
// province-level figure before its cities'), then segment. A period whose
// rows the dataset did not keep as Figures is listed from the history.
func figuresUsed(c *Comparison, figs []Figure) []Figure {
	provPos, cityPos := positions(c)
	in := func(f *Figure) bool {
		_, prov := provPos[f.Province]
		_, city := cityPos[cityKey{f.Province, f.City}]
		return (f.City == "" && prov) || city
	}
	used := map[Period]bool{}
	for _, p := range []Period{c.Source, c.PreviousSource, c.YearAgoSource} {
		if !p.IsZero() {
			used[p] = false // not yet found among the kept rows
		}
	}
	var out []Figure
	for i := range figs {
		f := &figs[i]
		if _, ok := used[f.Period]; ok {
			used[f.Period] = true
			if in(f) {
				out = append(out, *f)
			}
		}
	}
	if h := c.History; h != nil {
		for p, found := range used {
			if found {
				continue
			}
			if i := h.find(p); i >= 0 {
				for j := range h.Periods[i].Len() {
					if f := h.Figure(i, j); in(&f) {
						out = append(out, f)
					}
				}
			}
		}
	}
	// Positions found once per figure, not in the comparator, which runs
	// n log n times.
	type keyed struct {
		prov, city int
		f          *Figure
	}
	ks := make([]keyed, len(out))
	for i := range out {
		f := &out[i]
		city := -1
		if f.City != "" {
			city = cityPos[cityKey{f.Province, f.City}]
		}
		ks[i] = keyed{provPos[f.Province], city, f}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		return cmp.Or(a.f.Period.Compare(b.f.Period), cmp.Compare(a.prov, b.prov),
			cmp.Compare(a.city, b.city), cmp.Compare(a.f.Segment, b.f.Segment), cmp.Compare(a.f.Line, b.f.Line))
	})
	sorted := make([]Figure, len(ks))
	for i, k := range ks {
		sorted[i] = *k.f
	}
	return sorted
}

// warnings collects what the comparison notices; per-city notices are folded
// into one line each so national data does not bury the list.
type warnings struct {
	lines        []Notice // province-level figures below their cities' sum
	noFigure     []string
	fromSegments []string
	overTotal    []string
}

func (w *warnings) add(n Notice) { w.lines = append(w.lines, n) }

// checkSegments notes a city whose segment rows add up to more than its total.
func (w *warnings) checkSegments(city string, t *tally) {
	if t.total == nil {
		return
	}
	var sum int64
	for _, s := range t.segments {
		if s != nil {
			sum += *s
		}
	}
	if sum > *t.total {
		w.overTotal = append(w.overTotal, city)
	}
}

const listedNames = 20

func nameList(names []string) string {
	if len(names) <= listedNames {
		return strings.Join(names, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(names[:listedNames], ", "), len(names)-listedNames)
}

// zhNameList is nameList in Chinese: 成都、绵阳等25个.
func zhNameList(names []string) string {
	if len(names) <= listedNames {
		return strings.Join(names, "、")
	}
	return fmt.Sprintf("%s等%d个", strings.Join(names[:listedNames], "、"), len(names))
}

// list returns the sorted, unique warning lines and the notices behind them.
func (w *warnings) list(fromInput []Notice, c *Comparison) ([]string, []Notice) {
	ns := append([]Notice{}, fromInput...)
	ns = append(ns, w.lines...)
	p := c.Period.String()
	zp := vocab.Period(c.Period.Year, c.Period.Half, c.Period.Quarter, c.Period.Month, c.Period.Day, vocab.Zh) // 2019年, as Chinese text says it
	c.officially(w.noFigure, w.fromSegments, w.overTotal)
	if n := len(w.noFigure); n > 0 {
		ns = append(ns, Notice{CodeNoFigure,
			fmt.Sprintf("%d个城市（共%d个）没有%s的人数数据：%s", n, len(c.Cities), zp, zhNameList(w.noFigure)),
			fmt.Sprintf("%d of %d cities have no members figure for %s: %s", n, len(c.Cities), p, nameList(w.noFigure))})
	}
	if n := len(w.fromSegments); n > 0 {
		ns = append(ns, Notice{CodeSegmentsOnly,
			fmt.Sprintf("%d个城市%s只有分群体数据，其合计按各群体之和计算：%s", n, zp, zhNameList(w.fromSegments)),
			fmt.Sprintf("%d cities have only segment rows for %s; their total is the sum of the segments: %s", n, p, nameList(w.fromSegments))})
	}
	if n := len(w.overTotal); n > 0 {
		ns = append(ns, Notice{CodeSegmentsOverTotal,
			fmt.Sprintf("%d个城市%s的分群体数据之和大于其合计：%s", n, zp, zhNameList(w.overTotal)),
			fmt.Sprintf("%d cities have segment rows adding up to more than their total for %s: %s", n, p, nameList(w.overTotal))})
	}
	if p == "" {
		ns = append(ns, Notice{CodeNoFigures, "人数表中没有任何人数数据，各项人数均为空。",
			"figures.csv has no figures: every members figure is null"})
	}
	slices.SortFunc(ns, func(a, b Notice) int { return cmp.Or(strings.Compare(a.En, b.En), strings.Compare(a.Code, b.Code)) })
	ns = slices.CompactFunc(ns, func(a, b Notice) bool { return a.En == b.En })
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = n.En
	}
	return out, ns
}
