package chart

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// layout is a figure measured for drawing: the text blocks around the plot
// placed by hand (y in points from the top of the canvas; draw converts to
// vg's bottom-up coordinates), and the plot of the bars built and placed.
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

	labels             []string // per row, shortened to fit
	rowsTop            float64
	rowsBottom, yTicks float64 // bottom of the rows, bottom of the tick labels

	plot   *plot.Plot
	area   vg.Rectangle // the plot's canvas, vg coordinates
	data   draw.Canvas  // where the plot draws its data, for positions
	labelX float64      // right edge of the category labels, 其他 rows' too

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
	l.rowsBottom = l.rowsTop + float64(len(f.rows))*rowPitch
	if f.trend != nil {
		l.rowsBottom = l.rowsTop + trendHeight
	}
	ext := ts.extents(sizeTick)
	l.yTicks = l.rowsBottom + tickLen + float64(ext.Ascent+ext.Descent)
	y = l.rowsBottom + tickLen + lineH(sizeTick) + footGap
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
	if f.trend != nil {
		l.measureTrend()
	} else {
		l.measurePlot()
	}
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

// measurePlot shortens the category labels, builds the plot and places it:
// its canvas spans the rows and the tick labels below them, from the
// category labels to the right margin. The label column is as wide as the
// widest label, "其他" rows included, which the plot does not draw.
func (l *layout) measurePlot() {
	f := l.f
	l.labels = shortenAll(l.ts, f.rows, sizeLabel, maxLabelW)
	labelW, barW := 0.0, 0.0
	for i, r := range f.rows {
		if r.heading {
			continue
		}
		w := l.ts.width(l.labels[i], sizeLabel)
		labelW = math.Max(labelW, w)
		if !r.rest {
			barW = math.Max(barW, w)
		}
	}
	l.labelX = marginL + labelW
	l.area = vg.Rectangle{
		Min: vg.Point{X: vg.Length(l.labelX - barW), Y: vg.Length(l.H - l.yTicks)},
		Max: vg.Point{X: vg.Length(l.W - marginR), Y: vg.Length(l.H - l.rowsTop)},
	}
	l.plot = l.newPlot(l.labelX + labelGap)
}

// canvas is the plot's canvas on c.
func (l *layout) canvas(c vg.Canvas) draw.Canvas {
	return draw.Canvas{Canvas: c, Rectangle: l.area}
}

// x maps a value to the canvas.
func (l *layout) x(v float64) float64 {
	return float64(l.data.X(l.plot.X.Norm(v)))
}

// rowMid is the centre of row i, from the top.
func (l *layout) rowMid(i int) float64 {
	return l.H - float64(l.data.Y(l.plot.Y.Norm(float64(i))))
}

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
