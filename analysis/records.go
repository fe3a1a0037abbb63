package analysis

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// basesInOrder lists the bases of the compared cities in report order: by
// province (as the province rows), city (as the city rows), key projects by
// batch before the others, then name.
func basesInOrder(c *Comparison, bases []Base) []Base {
	provPos := map[string]int{}
	for i, p := range c.Provinces {
		provPos[p.Province] = i
	}
	cityPos := map[cityKey]int{}
	for i, ct := range c.Cities {
		cityPos[cityKey{ct.Province, ct.City}] = i
	}
	out := make([]Base, 0, len(bases))
	for _, b := range bases {
		if _, ok := cityPos[cityKey{b.Province, b.City}]; ok {
			out = append(out, b)
		}
	}
	batchOrder := func(n int) int {
		if n == 0 {
			return 1 << 30
		}
		return n
	}
	slices.SortStableFunc(out, func(a, b Base) int {
		return cmp.Or(
			cmp.Compare(provPos[a.Province], provPos[b.Province]),
			cmp.Compare(cityPos[cityKey{a.Province, a.City}], cityPos[cityKey{b.Province, b.City}]),
			cmp.Compare(batchOrder(a.Batch), batchOrder(b.Batch)),
			cmp.Compare(a.Name, b.Name))
	})
	return out
}

// figuresUsed lists the figures of the compared places for the period and
// the previous period, sorted by period, province, city, segment.
func figuresUsed(c *Comparison, figs []Figure) []Figure {
	provs := map[string]bool{}
	for _, p := range c.Provinces {
		provs[p.Province] = true
	}
	cities := map[cityKey]bool{}
	for _, ct := range c.Cities {
		cities[cityKey{ct.Province, ct.City}] = true
	}
	var out []Figure
	for _, f := range figs {
		if f.Period != c.Period && (c.Previous.IsZero() || f.Period != c.Previous) {
			continue
		}
		if (f.City == "" && provs[f.Province]) || cities[cityKey{f.Province, f.City}] {
			out = append(out, f)
		}
	}
	slices.SortStableFunc(out, func(a, b Figure) int {
		return cmp.Or(a.Period.Compare(b.Period), cmp.Compare(a.Province, b.Province),
			cmp.Compare(a.City, b.City), cmp.Compare(a.Segment, b.Segment))
	})
	return out
}

// warnings collects what the comparison notices; per-city notices are folded
// into one line each so national data does not bury the list.
type warnings struct {
	lines        []string
	noFigure     []string
	fromSegments []string
	overTotal    []string
}

func (w *warnings) add(format string, args ...any) {
	w.lines = append(w.lines, fmt.Sprintf(format, args...))
}

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

func (w *warnings) list(fromInput []string, c *Comparison) []string {
	out := append([]string(nil), fromInput...)
	out = append(out, w.lines...)
	p := c.Period.String()
	if n := len(w.noFigure); n > 0 {
		out = append(out, fmt.Sprintf("%d of %d cities have no members figure for %s: %s", n, len(c.Cities), p, nameList(w.noFigure)))
	}
	if n := len(w.fromSegments); n > 0 {
		out = append(out, fmt.Sprintf("%d cities have only segment rows for %s; their total is the sum of the segments: %s", n, p, nameList(w.fromSegments)))
	}
	if n := len(w.overTotal); n > 0 {
		out = append(out, fmt.Sprintf("%d cities have segment rows adding up to more than their total for %s: %s", n, p, nameList(w.overTotal)))
	}
	if p == "" {
		out = append(out, "figures.csv has no figures: every members figure is null")
	}
	slices.Sort(out)
	return slices.Compact(out)
}
