package input

import (
	"cmp"
	"slices"
	"strings"

	"github.com/basebrief/basebrief/analysis"
)

// Of the figures rows streamed past, only those of the compared period and
// of the best candidate for the previous one are kept as Figures; every row
// is kept compactly in the history (period, place, segment, count: 12 bytes
// a row), which the series, previous and year-ago periods are read from.

// maxInterned bounds the source strings shared between kept figures; past
// it each kept figure gets its own copy, so hostile input cannot grow the
// table beyond the kept rows.
const maxInterned = 4096

// bucket holds the kept figures of one period.
type bucket struct {
	period analysis.Period
	figs   []keptFigure
}

// keptFigure is a figure held for the result, its names as an index into
// the city index: in a file listed oldest first every row is held until a
// later period displaces it, so it is kept small.
type keptFigure struct {
	source  string
	members int64
	line    int32
	key     int32 // a city's index, or the number of cities plus a province's
	segment int8
}

// keepFigure holds f, of the city or province key, if its period is the
// compared one or the best previous candidate so far. Without a usable
// cities.csv (key -1) nothing is kept: there are no names to give, and
// Load fails anyway.
func (fr *figureReader) keepFigure(f *analysis.Figure, key int32) {
	if key < 0 {
		return
	}
	fr.hist.add(f.Period, key, f.Segment, f.Members, int32(f.Line), f.Source)
	b := fr.bucketFor(f.Period)
	if b == nil {
		return
	}
	b.figs = append(b.figs, keptFigure{
		source: fr.intern(f.Source), members: f.Members, line: int32(f.Line), key: key, segment: int8(f.Segment),
	})
}

// figures returns the figures of bucket b, named.
func (fr *figureReader) figures(b bucket, out []analysis.Figure) []analysis.Figure {
	ix := fr.ix
	for _, k := range b.figs {
		f := analysis.Figure{Period: b.period, Segment: analysis.Segment(k.segment), Members: k.members, Source: k.source, Line: int(k.line)}
		if i := int(k.key); i < len(ix.cities) {
			f.City, f.Province = ix.cities[i].Name, ix.cities[i].Province
		} else {
			f.Province = ix.provNames[i-len(ix.cities)]
		}
		out = append(out, f)
	}
	return out
}

// bucketFor returns the bucket for a figure of period p, dropping a bucket
// a later period displaces, or nil when p is not kept. The buckets' periods
// only grow, so a period once dropped stays dropped: national files list a
// period's rows together, and most rows are of a period dropped just before.
func (fr *figureReader) bucketFor(p analysis.Period) *bucket {
	cur, prev := &fr.keep[0], &fr.keep[1]
	switch p { // p is never zero
	case cur.period:
		return cur
	case prev.period:
		return prev
	case fr.dropped:
		return nil
	}
	c := kindFirst(p, cur.period)
	switch {
	case c > 0 && fr.want.IsZero():
		// A newer period: the compared one becomes the previous candidate.
		*prev, *cur = *cur, bucket{period: p, figs: prev.figs[:0]}
		return cur
	case c > 0:
		fr.dropped = p // after the chosen period
		return nil
	}
	if pc := kindFirst(p, prev.period); pc < 0 && !prev.period.IsZero() {
		fr.dropped = p
		return nil
	}
	*prev = bucket{period: p, figs: prev.figs[:0]}
	return prev
}

// kindFirst orders periods by kind, then time: the latest period of the
// finest kind present is the one compared, and its previous period is of
// the same kind (result drops a candidate of a coarser kind).
func kindFirst(p, q analysis.Period) int {
	if c := cmp.Compare(p.Kind(), q.Kind()); c != 0 {
		return c
	}
	return p.Compare(q)
}

func (fr *figureReader) intern(s string) string {
	if s == "" {
		return ""
	}
	if s == fr.lastSource {
		return fr.lastInterned
	}
	fr.lastSource = s
	fr.lastInterned = fr.internMap(s)
	return fr.lastInterned
}

func (fr *figureReader) internMap(s string) string {
	if v, ok := fr.sources[s]; ok {
		return v
	}
	raw := strings.Clone(s)
	s = cleanText(raw) // no bidi control reaches the packet
	if len(fr.sources) < maxInterned {
		fr.sources[raw] = s
	}
	return s
}

// history gathers every kept row by period, compactly.
type history struct {
	periods map[analysis.Period]*analysis.PeriodFigures
	last    analysis.Period // national files list a period's rows together
	lastPF  *analysis.PeriodFigures

	sources    []string          // by index; 0 is ""
	sourceIdx  map[string]uint16 // past 65,535 distinct sources a row's is not kept (0)
	lastSource string
	lastIdx    uint16
}

// sourceOf is the index of source s, added when new.
func (h *history) sourceOf(s string) uint16 {
	if s == h.lastSource {
		return h.lastIdx
	}
	i, ok := h.sourceIdx[s]
	if !ok {
		if h.sourceIdx == nil {
			h.sources, h.sourceIdx = []string{""}, map[string]uint16{"": 0}
		}
		if len(h.sources) > 0xffff {
			return 0
		}
		s = strings.Clone(s)
		i = uint16(len(h.sources))
		h.sources = append(h.sources, cleanText(s))
		h.sourceIdx[s] = i
	}
	h.lastSource, h.lastIdx = s, i
	return i
}

func (h *history) add(p analysis.Period, key int32, seg analysis.Segment, members int64, line int32, source string) {
	pf := h.lastPF
	if pf == nil || p != h.last {
		if pf = h.periods[p]; pf == nil {
			if h.periods == nil {
				h.periods = make(map[analysis.Period]*analysis.PeriodFigures)
			}
			pf = &analysis.PeriodFigures{Period: p}
			if prev := h.lastPF; prev != nil {
				// National files give every period about as many rows:
				// sized from the last one, a period's figures are not
				// grown by doubling (at 10M rows the copies and the spare
				// half of each last doubling were ~100 MB).
				pf.Grow(prev.Len())
			}
			h.periods[p] = pf
		}
		h.last, h.lastPF = p, pf
	}
	pf.AddRow(int(key), seg, members, line, h.sourceOf(source))
}

// result is the history with its places named as the keys index them:
// the cities of the index, then its provinces.
func (h *history) result(ix *cityIndex) analysis.History {
	var out analysis.History
	if len(h.periods) == 0 {
		return out
	}
	out.Sources = h.sources
	out.Places = make([]analysis.Place, 0, len(ix.cities)+len(ix.provNames))
	for _, c := range ix.cities {
		out.Places = append(out.Places, analysis.Place{Province: c.Province, City: c.Name})
	}
	for _, p := range ix.provNames {
		out.Places = append(out.Places, analysis.Place{Province: p})
	}
	out.Periods = make([]analysis.PeriodFigures, 0, len(h.periods))
	for _, pf := range h.periods {
		out.Periods = append(out.Periods, *pf)
	}
	slices.SortFunc(out.Periods, func(a, b analysis.PeriodFigures) int { return a.Period.Compare(b.Period) })
	return out
}

// holdsWithin reports whether a period of a finer kind than p lies within
// p: --period 2019 on monthly figures is the year view, which compares each
// year's last month present (analysis reads it from the history).
func holdsWithin(periods []analysis.Period, p analysis.Period) bool {
	for _, q := range periods {
		if q.Kind() > p.Kind() && q.In(p.Kind()) == p {
			return true
		}
	}
	return false
}
