package workbook

import (
	"slices"

	"github.com/basebrief/basebrief/analysis"
)

// The 人数 sheet lists every figure of every period, not only the periods
// compared: it is read from the comparison's History (12 bytes a figure)
// rather than from Figures, so a million-row history costs a few MB here.
// Rows run period by period, each period's places in official order (a
// province's own figure before its cities), segments in their order, each
// with its source and line.

// maxHistoryRows bounds the rows listed from the history: excelize writes
// about 6-9 µs of CPU a row (a million rows took 45 s and 370 MB), so past
// it the sheet lists the periods compared and the overview says where the
// rest is. At 80,000 (3,000 units over 24 months) the listing costs about
// what the whole workbook of a million-row input does; at 250,000 an input
// just under the bound was the slowest of all (2.2 s in the workbook).
var maxHistoryRows = 80000 // a variable for the tests

// figureList is the 人数 sheet's rows, indexed without copying them.
type figureList struct {
	h      *analysis.History
	starts []int             // starts[k]: the first row of history period k; one past the last at the end
	order  [][]int32         // per period: its figures' positions in row order
	fixed  []analysis.Figure // without a history: Comparison.Figures as they are
	cut    int               // rows of the history left out (over maxHistoryRows)
}

// newFigureList lists c's figures within its places (the --region filter).
func newFigureList(c *analysis.Comparison) *figureList {
	fl := &figureList{h: c.History}
	if c.History == nil || len(c.History.Periods) == 0 {
		fl.fixed = c.Figures
		return fl
	}
	h := c.History
	// Each place's position in the listing, -1 outside the comparison.
	cityOrder := make(map[[2]string]int, len(c.Cities))
	for _, ct := range c.Cities {
		cityOrder[[2]string{ct.Province, ct.City}] = ct.Order
	}
	provOrder := make(map[string]int, len(c.Provinces))
	for _, p := range c.Provinces {
		provOrder[p.Province] = p.Order
	}
	// Each place's listing key, then its rank among the places listed: the
	// keys span provinces × cities, the ranks only the places, so the
	// counting sort below clears and sums an array the size of the places
	// per period (over the keys it was 31 × cities × 5 a period: 19 MB and
	// 5M steps a period at 30,000 cities).
	nc := int64(len(c.Cities) + 1)
	keys := make([]int64, len(h.Places))
	var used []int64
	for i, pl := range h.Places {
		keys[i] = -1
		po, ok := provOrder[pl.Province]
		if !ok {
			continue
		}
		if pl.City == "" {
			keys[i] = int64(po) * nc // the province's own figure first
		} else if co, ok := cityOrder[[2]string{pl.Province, pl.City}]; ok {
			keys[i] = int64(po)*nc + 1 + int64(co)
		}
		if keys[i] >= 0 {
			used = append(used, keys[i])
		}
	}
	slices.Sort(used)
	used = slices.Compact(used)
	rank := make([]int32, len(h.Places))
	for i, k := range keys {
		rank[i] = -1
		if k >= 0 {
			r, _ := slices.BinarySearch(used, k)
			rank[i] = int32(r)
		}
	}
	total := 0
	for k := range h.Periods {
		pf := &h.Periods[k]
		for j := range pf.Len() {
			if place, _, _ := pf.At(j); rank[place] >= 0 {
				total++
			}
		}
	}
	if total > maxHistoryRows {
		return &figureList{fixed: c.Figures, cut: total - len(c.Figures)}
	}
	// A counting sort per period over (rank, segment): linear in the
	// figures, one bucket array for all periods.
	slots := len(used) * analysis.SegmentSlots
	count := make([]int32, slots+1)
	fl.starts = make([]int, len(h.Periods)+1)
	fl.order = make([][]int32, len(h.Periods))
	for k := range h.Periods {
		pf := &h.Periods[k]
		clear(count)
		n := 0
		for j := range pf.Len() {
			place, seg, _ := pf.At(j)
			if r := rank[place]; r >= 0 {
				count[int(r)*analysis.SegmentSlots+int(seg)+1]++
				n++
			}
		}
		for s := 1; s <= slots; s++ {
			count[s] += count[s-1]
		}
		ord := make([]int32, n)
		for j := range pf.Len() {
			place, seg, _ := pf.At(j)
			if r := rank[place]; r >= 0 {
				s := int(r)*analysis.SegmentSlots + int(seg)
				ord[count[s]] = int32(j)
				count[s]++
			}
		}
		fl.order[k] = ord
		fl.starts[k+1] = fl.starts[k] + n
	}
	return fl
}

// len is the number of rows.
func (fl *figureList) len() int {
	if fl.starts == nil {
		return len(fl.fixed)
	}
	return fl.starts[len(fl.starts)-1]
}

// at returns row i. Rows are read in order, so the period is found from
// the last one read.
func (fl *figureList) at(i int, last *int) analysis.Figure {
	if fl.starts == nil {
		return fl.fixed[i]
	}
	k := *last
	if k < 0 || k >= len(fl.order) || i < fl.starts[k] || i >= fl.starts[k+1] {
		// From the last period read when i is past it (rows are read in
		// order: one step a period), else from the first.
		if k < 0 || k >= len(fl.order) || i < fl.starts[k] {
			k = 0
		}
		for k+1 < len(fl.starts)-1 && fl.starts[k+1] <= i {
			k++
		}
		*last = k
	}
	return fl.h.Figure(k, int(fl.order[k][i-fl.starts[k]]))
}
