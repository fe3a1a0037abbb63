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
	trend    *trendSpec // a line chart over the periods instead of bars (trend.go)
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
