package chart

import (
	"image/color"
	"math"
)

// figure is the one chart design every chart uses: a title block, rows of
// horizontal (optionally stacked or signed) bars with a category label on
// the left and a value label at the bar's end, a value axis with light
// gridlines, and a footer with notes and the source.
type figure struct {
	name     string
	title    string
	subtitle string
	legend   []legendItem
	series   []color.Color // colour of each stack position
	rows     []row
	tick     func(vals []float64) []string // labels for the tick values
	integer  bool                          // counts: ticks on whole numbers only
	notes    []string
	source   string
}

type legendItem struct {
	label string
	color color.Color
}

// row is one line of the chart. A heading row only names a group (a region)
// of the rows below it; a rest row summarises rows not drawn ("其他…") with
// text and no bar, so a large remainder does not flatten the scale.
type row struct {
	label   string
	values  []float64 // stack segments (≥ 0), or one signed value
	text    string    // value label
	heading bool
	rest    bool
	color   color.Color // overrides series[0] for a single-value row
}

func (r row) total() float64 {
	s := 0.0
	for _, v := range r.values {
		s += v
	}
	return s
}

// domain is the data range the axis must show: it always includes 0 and is
// never empty.
func (f *figure) domain() (lo, hi float64) {
	defer func() {
		if hi-lo <= 0 {
			hi = lo + 1
		}
	}()
	for _, r := range f.rows {
		if r.heading || r.rest {
			continue
		}
		t := r.total()
		lo, hi = math.Min(lo, t), math.Max(hi, t)
	}
	return lo, hi
}

// ticks picks the smallest 1-2-5 step whose labels do not collide along an
// axis of the given length showing [lo, hi].
func (f *figure) ticks(ts typeset, lo, hi, length float64) []float64 {
	for exp := math.Floor(math.Log10((hi - lo) / 8)); ; exp++ {
		for _, m := range []float64{1, 2, 5} {
			step := m * math.Pow(10, exp)
			if f.integer && step < 1 {
				continue
			}
			// Ticks lie inside the data's range: the longest bar ends at the
			// plot's edge instead of short of a rounded-up axis.
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
			if n <= 2 || f.ticksFit(ts, vals, length*(b-a)*step/(hi-lo)) {
				return vals
			}
		}
	}
}

// ticksFit reports whether centred tick labels leave a clear gap.
func (f *figure) ticksFit(ts typeset, vals []float64, length float64) bool {
	if len(vals) < 2 {
		return true
	}
	dx := length / float64(len(vals)-1)
	labels := f.tick(vals)
	for i := 1; i < len(vals); i++ {
		need := (ts.width(labels[i-1], sizeTick)+ts.width(labels[i], sizeTick))/2 + 2*sizeTick
		if need > dx {
			return false
		}
	}
	return true
}
