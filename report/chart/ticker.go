package chart

import (
	"math"

	"gonum.org/v1/plot"
)

// valueTicker is the value axis's plot.Ticker: ticks on the smallest 1-2-5
// step whose labels, written the analysts' way (20万, 1.5 million), leave a
// clear gap, and only inside the data's range, so the longest bar ends at
// the plot's edge instead of short of a rounded-up axis. gonum/plot's
// DefaultTicks aims at three ticks whatever the length and writes plain
// numbers; the axis here is long and its labels are wide CJK text.
type valueTicker struct {
	ts      typeset
	lo, hi  float64 // the data's range, inside the axis's
	width   float64 // points the axis's whole range spans
	integer bool    // counts: ticks on whole numbers only
	label   func(vals []float64) []string

	// The plot asks for ticks several times a draw (axis size, labels,
	// glyph boxes, grid); one chart is drawn by one goroutine at a time.
	min, max float64
	ticks    []plot.Tick
}

var _ plot.Ticker = (*valueTicker)(nil)

// Ticks returns the labelled ticks for an axis showing [min, max].
func (t *valueTicker) Ticks(min, max float64) []plot.Tick {
	if t.ticks != nil && min == t.min && max == t.max {
		return t.ticks
	}
	lo, hi := math.Max(t.lo, min), math.Min(t.hi, max)
	vals := t.values(lo, hi, t.width*(hi-lo)/(max-min))
	labels := t.label(vals)
	t.min, t.max, t.ticks = min, max, make([]plot.Tick, len(vals))
	for i, v := range vals {
		t.ticks[i] = plot.Tick{Value: v, Label: labels[i]}
	}
	return t.ticks
}

// values picks the tick values in [lo, hi], an axis length long (points).
func (t *valueTicker) values(lo, hi, length float64) []float64 {
	if hi-lo <= 0 {
		return []float64{lo}
	}
	for exp := math.Floor(math.Log10((hi - lo) / 8)); ; exp++ {
		for _, m := range []float64{1, 2, 5} {
			step := m * math.Pow(10, exp)
			if t.integer && step < 1 {
				continue
			}
			a, b := math.Ceil(lo/step-1e-9), math.Floor(hi/step+1e-9)
			n := int(b-a) + 1
			if n > 8 || n < 2 && exp < math.Log10(hi-lo) {
				continue
			}
			vals := make([]float64, n)
			for i := range vals {
				vals[i] = (a + float64(i)) * step
				if math.Abs(vals[i]) < step*1e-9 {
					vals[i] = 0
				}
			}
			if n <= 2 || t.fit(vals, length*(b-a)*step/(hi-lo)) {
				return vals
			}
		}
	}
}

// fit reports whether centred tick labels leave a clear gap.
func (t *valueTicker) fit(vals []float64, length float64) bool {
	if len(vals) < 2 {
		return true
	}
	dx := length / float64(len(vals)-1)
	labels := t.label(vals)
	for i := 1; i < len(vals); i++ {
		need := (t.ts.width(labels[i-1], sizeTick)+t.ts.width(labels[i], sizeTick))/2 + 2*sizeTick
		if need > dx {
			return false
		}
	}
	return true
}
