package analysis

import "slices"

// History is every period's figures in compact form: for each period, each
// place's value per segment as a number key and a count, with its line and
// source as small numbers. It is what the series, the previous and the
// year-ago periods are computed from, so input need not keep every Figure
// of a long history (a million rows as Figures is ~100 MB; as History
// ~18 MB).
type History struct {
	Places  []Place         // the places the keys index
	Periods []PeriodFigures // ascending by period, each period once
	// Sources are the source texts the figures' Sources index; index 0 is
	// "" (none, or past the 65,535 a uint16 counts).
	Sources []string
}

// source is the text of source index i.
func (h *History) source(i uint16) string {
	if int(i) < len(h.Sources) {
		return h.Sources[i]
	}
	return ""
}

// Figure is figure j of period k, named.
func (h *History) Figure(k, j int) Figure {
	pf := &h.Periods[k]
	place, seg, n := pf.At(j)
	line, src := pf.lineSource(j)
	pl := h.Places[place]
	return Figure{Province: pl.Province, City: pl.City, Period: pf.Period, Segment: seg, Members: n,
		Source: h.source(src), Line: int(line)}
}

// Place is a city, or a province when City is "".
type Place struct{ Province, City string }

// SegmentSlots is the number of segment values a place has per period:
// SegmentAll and the four segments.
const SegmentSlots = 5

// PeriodFigures holds one period's figures: each a place and segment
// (one key), its count, its line in figures.csv (0 if unknown) and its
// source. Keys are unique and in no particular order. Stored in 12 bytes a
// figure: counts as uint32 (larger ones aside), the source once for the
// period unless its rows differ.
type PeriodFigures struct {
	Period  Period
	keys    []int32 // place×SegmentSlots + segment
	members []uint32
	big     map[int32]int64 // counts ≥ bigMark, by index
	lines   []int32
	source  uint16   // every figure's source, while sources is nil
	sources []uint16 // per figure, once two sources differ
}

// bigMark in members says the count is in big.
const bigMark = 1<<32 - 1

// Len is the number of figures of the period.
func (pf *PeriodFigures) Len() int { return len(pf.keys) }

// Grow makes room for n more figures.
func (pf *PeriodFigures) Grow(n int) {
	pf.keys = slices.Grow(pf.keys, n)
	pf.members = slices.Grow(pf.members, n)
	pf.lines = slices.Grow(pf.lines, n)
}

// At returns the i-th figure: its place index, segment and count.
func (pf *PeriodFigures) At(i int) (place int, seg Segment, members int64) {
	k := int(pf.keys[i])
	n := int64(pf.members[i])
	if n == bigMark {
		n = pf.big[int32(i)]
	}
	return k / SegmentSlots, Segment(k % SegmentSlots), n
}

// lineSource returns the i-th figure's line and source index.
func (pf *PeriodFigures) lineSource(i int) (int32, uint16) {
	if pf.sources != nil {
		return pf.lines[i], pf.sources[i]
	}
	return pf.lines[i], pf.source
}

// Add appends a figure without line or source; it is the caller's duty
// not to add a key twice.
func (pf *PeriodFigures) Add(place int, seg Segment, members int64) {
	pf.AddRow(place, seg, members, 0, 0)
}

// AddRow appends a figure with its line and source index (History.Sources).
func (pf *PeriodFigures) AddRow(place int, seg Segment, members int64, line int32, source uint16) {
	i := len(pf.keys)
	pf.keys = append(pf.keys, int32(place*SegmentSlots+int(seg)))
	if members >= 0 && members < bigMark {
		pf.members = append(pf.members, uint32(members))
	} else {
		if pf.big == nil {
			pf.big = map[int32]int64{}
		}
		pf.big[int32(i)] = members
		pf.members = append(pf.members, bigMark)
	}
	pf.lines = append(pf.lines, line)
	switch {
	case pf.sources != nil:
		pf.sources = append(pf.sources, source)
	case i == 0:
		pf.source = source
	case source != pf.source:
		pf.sources = make([]uint16, i, cap(pf.keys))
		for j := range pf.sources {
			pf.sources[j] = pf.source
		}
		pf.sources = append(pf.sources, source)
	}
}

// Rows is the number of figures over every period.
func (h *History) Rows() int {
	n := 0
	for i := range h.Periods {
		n += h.Periods[i].Len()
	}
	return n
}

// find returns the index of period p in h.Periods, or -1.
func (h *History) find(p Period) int {
	i, ok := slices.BinarySearchFunc(h.Periods, p, func(pf PeriodFigures, p Period) int { return pf.Period.Compare(p) })
	if !ok {
		return -1
	}
	return i
}

// historyOf builds the History of figs: what Compare uses when the dataset
// carries none (datasets built by hand, tests).
func historyOf(figs []Figure) History {
	return merged(History{}, figs)
}

// effectiveHistory is d's History with the periods d.Figures holds in full
// (and d.Period and d.Previous, which input keeps in full) taken from
// d.Figures: those rows are what a dataset's maker last said, and a dataset
// changed after loading (a test dropping the figures) must not compare
// figures it no longer holds.
func effectiveHistory(d *Dataset) *History {
	if len(d.History.Periods) == 0 {
		h := historyOf(d.Figures)
		return &h
	}
	h := merged(d.History, d.Figures, d.Period, d.Previous)
	return &h
}

// merged is h with every period of figs, and each of also, replaced by the
// figures figs holds for it (none: the period is dropped). h is not changed.
func merged(h History, figs []Figure, also ...Period) History {
	replaced := map[Period]bool{}
	for _, p := range also {
		if !p.IsZero() {
			replaced[p] = true
		}
	}
	for i := range figs {
		replaced[figs[i].Period] = true
	}
	if len(replaced) == 0 {
		return h
	}
	out := History{Places: h.Places, Periods: make([]PeriodFigures, 0, len(h.Periods)+len(replaced)), Sources: h.Sources}
	if len(out.Sources) == 0 {
		out.Sources = []string{""}
	}
	sources := make(map[string]uint16, len(out.Sources))
	for i, src := range out.Sources {
		sources[src] = uint16(i)
	}
	grownSources := false
	sourceOf := func(src string) uint16 {
		if i, ok := sources[src]; ok {
			return i
		}
		if len(out.Sources) > 0xffff {
			return 0
		}
		if !grownSources { // never append to the caller's Sources
			out.Sources = slices.Clip(out.Sources)
			grownSources = true
		}
		i := uint16(len(out.Sources))
		sources[src] = i
		out.Sources = append(out.Sources, src)
		return i
	}
	for _, pf := range h.Periods {
		if !replaced[pf.Period] {
			out.Periods = append(out.Periods, pf)
		}
	}
	places := make(map[Place]int, len(h.Places))
	for i, pl := range h.Places {
		places[pl] = i
	}
	grown := false
	byPeriod := map[Period]int{}
	for _, f := range figs {
		pl := Place{f.Province, f.City}
		pi, ok := places[pl]
		if !ok {
			if !grown { // never append to the caller's Places
				out.Places = slices.Clip(out.Places)
				grown = true
			}
			pi = len(out.Places)
			places[pl] = pi
			out.Places = append(out.Places, pl)
		}
		i, ok := byPeriod[f.Period]
		if !ok {
			i = len(out.Periods)
			byPeriod[f.Period] = i
			out.Periods = append(out.Periods, PeriodFigures{Period: f.Period})
		}
		out.Periods[i].AddRow(pi, f.Segment, f.Members, int32(f.Line), sourceOf(f.Source))
	}
	slices.SortFunc(out.Periods, func(a, b PeriodFigures) int { return a.Period.Compare(b.Period) })
	return out
}

// tallies indexes one history period's figures by city and province, as
// the comparison's rows read them.
func (h *History) tallies(i int) periodFigures {
	pf := periodFigures{city: map[cityKey]*tally{}, province: map[string]*tally{}}
	if i < 0 {
		return pf
	}
	per := &h.Periods[i]
	for j := range per.Len() {
		place, seg, n := per.At(j)
		pl := h.Places[place]
		var t *tally
		if pl.City == "" {
			if t = pf.province[pl.Province]; t == nil {
				t = &tally{}
				pf.province[pl.Province] = t
			}
		} else {
			k := cityKey{pl.Province, pl.City}
			if t = pf.city[k]; t == nil {
				t = &tally{}
				pf.city[k] = t
			}
		}
		t.add(Figure{Segment: seg, Members: n})
	}
	return pf
}

// folder turns one history period's figures into each place's members (the
// total row, else the sum of the segment rows), reusing its arrays from one
// period to the next so a long series allocates nothing per period.
type folder struct {
	total, segs []int64 // by place; -1: none
	touched     []int32
}

func newFolder(places int) *folder {
	f := &folder{total: make([]int64, places), segs: make([]int64, places)}
	for i := range f.total {
		f.total[i], f.segs[i] = -1, -1
	}
	return f
}

// fold calls each(place, members) once for every place with a figure in
// pf, in no particular order.
func (f *folder) fold(pf *PeriodFigures, each func(place int, members int64)) {
	f.touched = f.touched[:0]
	for j := range pf.keys {
		place, seg, n := pf.At(j)
		if f.total[place] < 0 && f.segs[place] < 0 {
			f.touched = append(f.touched, int32(place))
		}
		if seg == SegmentAll {
			f.total[place] = n
		} else if f.segs[place] < 0 {
			f.segs[place] = n
		} else {
			f.segs[place] += n
		}
	}
	for _, p := range f.touched {
		n := f.total[p]
		if n < 0 {
			n = f.segs[p]
		}
		each(int(p), n)
		f.total[p], f.segs[p] = -1, -1
	}
}
