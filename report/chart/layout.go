package chart

import (
	"math"
)

// layout is a figure measured for drawing. y values are points from the
// top of the canvas; draw converts them to vg's bottom-up coordinates.
type layout struct {
	f  *figure
	ts typeset
	W  float64
	H  float64

	title    string
	subtitle string
	yTitle   float64 // baselines
	ySub     float64
	legend   []legendLine

	labels         []string // per row, shortened to fit
	plotX0, barX0  float64
	barX1, plotX1  float64
	lo, hi         float64 // axis domain
	tickVals       []float64
	rowsTop, yTick float64

	foot []footLine // notes, then the source
}

type legendLine struct {
	y     float64 // baseline
	items []legendPos
}

type legendPos struct {
	x    float64
	item legendItem
}

type footLine struct {
	y    float64
	text string
	size float64
}

// lineH is the line advance for a size.
func lineH(size float64) float64 { return size * 1.4 }

// ascent places a baseline below the top of a line box.
func ascent(size float64) float64 { return size * 0.9 }

func measure(f *figure, ts typeset) *layout {
	l := &layout{f: f, ts: ts, W: float64(widthPx) * 72 / dpi}
	inner := l.W - marginL - marginR
	y := float64(marginT)
	l.title = fit(ts, f.title, sizeTitle, inner)
	l.yTitle = y + ascent(sizeTitle)
	y += lineH(sizeTitle)
	if f.subtitle != "" {
		l.subtitle = fit(ts, f.subtitle, sizeSub, inner)
		l.ySub = y + ascent(sizeSub)
		y += lineH(sizeSub)
	}
	y = l.measureLegend(y+headGap/2, inner)
	l.rowsTop = y + plotTopGap
	l.measureColumns()
	rowsBottom := l.rowsTop + float64(len(f.rows))*rowPitch
	l.yTick = rowsBottom + tickLen + ascent(sizeTick)
	y = rowsBottom + tickLen + lineH(sizeTick) + footGap
	for _, n := range f.notes {
		for _, s := range balance(ts, n, sizeNote, inner) {
			l.foot = append(l.foot, footLine{y: y + ascent(sizeNote), text: s, size: sizeNote})
			y += lineH(sizeNote)
		}
	}
	for _, s := range balance(ts, f.source, sizeSource, inner) {
		l.foot = append(l.foot, footLine{y: y + ascent(sizeSource), text: s, size: sizeSource})
		y += lineH(sizeSource)
	}
	y += marginB
	// Whole pixels, so the PNG and the SVG have the same aspect.
	px := math.Ceil(y * dpi / 72)
	l.H = px * 72 / dpi
	return l
}

func (l *layout) measureLegend(y, inner float64) float64 {
	if len(l.f.legend) == 0 {
		return y
	}
	x := float64(marginL)
	cur := legendLine{}
	for _, it := range l.f.legend {
		w := swatch + 4 + l.ts.width(it.label, sizeLegend)
		if x+w > marginL+inner && len(cur.items) > 0 {
			cur.y = y + ascent(sizeLegend)
			l.legend = append(l.legend, cur)
			y += lineH(sizeLegend)
			cur, x = legendLine{}, marginL
		}
		cur.items = append(cur.items, legendPos{x: x, item: it})
		x += w + 14
	}
	cur.y = y + ascent(sizeLegend)
	l.legend = append(l.legend, cur)
	return y + lineH(sizeLegend)
}

// measureColumns fixes the label column, the room for value labels on both
// sides, and the axis.
func (l *layout) measureColumns() {
	f := l.f
	l.labels = shortenAll(l.ts, f.rows, sizeLabel, maxLabelW)
	labelW := 0.0
	for i, r := range f.rows {
		if !r.heading {
			labelW = math.Max(labelW, l.ts.width(l.labels[i], sizeLabel))
		}
	}
	l.plotX0 = marginL + labelW + labelGap
	l.plotX1 = l.W - marginR
	posW, negW := 0.0, 0.0
	for _, r := range f.rows {
		if r.heading || r.rest {
			continue
		}
		w := l.ts.width(r.text, sizeValue) + valueGap
		if r.total() < 0 {
			negW = math.Max(negW, w)
		} else {
			posW = math.Max(posW, w)
		}
	}
	l.barX0, l.barX1 = l.plotX0+negW, l.plotX1-posW
	l.lo, l.hi = f.domain()
	l.tickVals = f.ticks(l.ts, l.lo, l.hi, l.barX1-l.barX0)
}

// x maps a value to the canvas.
func (l *layout) x(v float64) float64 {
	return l.barX0 + (v-l.lo)/(l.hi-l.lo)*(l.barX1-l.barX0)
}

// rowY is the top of row i.
func (l *layout) rowY(i int) float64 { return l.rowsTop + float64(i)*rowPitch }

// runs returns the [first, last] ranges of bar rows, where the grid is
// drawn; headings and rest rows interrupt it.
func (l *layout) runs() [][2]int {
	var out [][2]int
	start := -1
	for i, r := range l.f.rows {
		switch {
		case (r.heading || r.rest) && start >= 0:
			out = append(out, [2]int{start, i - 1})
			start = -1
		case !r.heading && !r.rest && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(l.f.rows) - 1})
	}
	return out
}
