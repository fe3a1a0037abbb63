package chart

import (
	"image/color"

	"gonum.org/v1/plot/vg"
)

// draw paints a measured figure on any vg.Canvas (PNG or SVG alike).
func (l *layout) draw(c vg.Canvas) {
	l.drawGrid(c)
	for i, r := range l.f.rows {
		l.drawRow(c, i, r)
	}
	l.drawZero(c)
	for i, s := range l.f.tick(l.tickVals) {
		l.text(c, s, sizeTick, colMuted, l.x(l.tickVals[i]), l.yTick, 0.5)
	}
	l.text(c, l.title, sizeTitle, colInk, marginL, l.yTitle, 0)
	l.text(c, l.subtitle, sizeSub, colMuted, marginL, l.ySub, 0)
	for _, ln := range l.legend {
		for _, it := range ln.items {
			top := ln.y - 0.5*ascent(sizeLegend) - swatch/2 + 0.5
			l.rect(c, it.item.color, it.x, top, swatch, swatch)
			l.text(c, it.item.label, sizeLegend, colText, it.x+swatch+4, ln.y, 0)
		}
	}
	for _, fl := range l.foot {
		l.text(c, fl.text, fl.size, colMuted, marginL, fl.y, 0)
	}
}

func (l *layout) drawGrid(c vg.Canvas) {
	c.SetLineWidth(vg.Length(ruleWidth))
	c.SetColor(colGrid)
	for _, run := range l.runs() {
		top, bottom := l.rowY(run[0]), l.rowY(run[1]+1)
		for _, v := range l.tickVals {
			if v == 0 {
				continue
			}
			l.vline(c, l.x(v), top, bottom)
		}
	}
}

func (l *layout) drawZero(c vg.Canvas) {
	c.SetLineWidth(vg.Length(zeroWidth))
	c.SetColor(colAxis)
	for _, run := range l.runs() {
		l.vline(c, l.x(0), l.rowY(run[0]), l.rowY(run[1]+1))
	}
}

// drawRow draws one row's label, bar segments and value label.
func (l *layout) drawRow(c vg.Canvas, i int, r row) {
	top := l.rowY(i)
	mid := top + rowPitch/2
	base := mid + 0.36*sizeLabel // optical centre of mixed CJK/Latin text
	switch {
	case r.heading:
		l.text(c, l.labels[i], sizeLabel, colHeading, marginL, base, 0)
		l.text(c, r.text, sizeValue, colMuted, marginL+l.ts.width(l.labels[i], sizeLabel)+valueGap*2, base, 0)
		return
	case r.rest:
		l.text(c, l.labels[i], sizeLabel, colMuted, l.plotX0-labelGap, base, 1)
		l.text(c, r.text, sizeValue, colMuted, l.x(0)+valueGap, mid+0.36*sizeValue, 0)
		return
	}
	l.text(c, l.labels[i], sizeLabel, colInk, l.plotX0-labelGap, base, 1)
	barTop := mid - barHeight/2
	acc := 0.0
	var cuts []float64
	for k, v := range r.values {
		x0, x1 := l.x(acc), l.x(acc+v)
		if x1 < x0 {
			x0, x1 = x1, x0
		}
		if x1-x0 > 0 {
			l.rect(c, l.segColor(r, k), x0, barTop, x1-x0, barHeight)
			if k > 0 && acc > 0 {
				cuts = append(cuts, x0)
			}
		}
		acc += v
	}
	// A white hairline between stacked segments keeps them apart in
	// greyscale, where neighbouring blues look alike.
	c.SetLineWidth(0.8)
	c.SetColor(colWhite)
	for _, x := range cuts {
		l.vline(c, x, barTop, barTop+barHeight)
	}
	if acc < 0 {
		l.text(c, r.text, sizeValue, colText, l.x(acc)-valueGap, mid+0.36*sizeValue, 1)
	} else {
		l.text(c, r.text, sizeValue, colText, l.x(acc)+valueGap, mid+0.36*sizeValue, 0)
	}
}

func (l *layout) segColor(r row, k int) color.Color {
	if r.color != nil && len(r.values) == 1 {
		return r.color
	}
	if k < len(l.f.series) {
		return l.f.series[k]
	}
	return colMain
}

// text draws s with its baseline at y (from the top); align 0 is left, 0.5
// centre, 1 right of x.
func (l *layout) text(c vg.Canvas, s string, size float64, col color.Color, x, y, align float64) {
	if s == "" {
		return
	}
	w := l.ts.width(s, size)
	c.SetColor(col)
	c.FillString(l.ts.face(size), vg.Point{X: vg.Length(x - align*w), Y: vg.Length(l.H - y)}, s)
}

// rect fills a rectangle given by its top-left corner (from the top).
func (l *layout) rect(c vg.Canvas, col color.Color, x, top, w, h float64) {
	c.SetColor(col)
	r := vg.Rectangle{
		Min: vg.Point{X: vg.Length(x), Y: vg.Length(l.H - top - h)},
		Max: vg.Point{X: vg.Length(x + w), Y: vg.Length(l.H - top)},
	}
	c.Fill(r.Path())
}

func (l *layout) vline(c vg.Canvas, x, top, bottom float64) {
	var p vg.Path
	p.Move(vg.Point{X: vg.Length(x), Y: vg.Length(l.H - top)})
	p.Line(vg.Point{X: vg.Length(x), Y: vg.Length(l.H - bottom)})
	c.Stroke(p)
}
