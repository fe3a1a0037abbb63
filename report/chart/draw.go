package chart

import (
	"image/color"

	"gonum.org/v1/plot/vg"
)

// draw paints a measured figure on any vg.Canvas (PNG or SVG alike): the
// plot in its area, then the text around it.
func (l *layout) draw(c vg.Canvas) {
	l.plot.Draw(l.canvas(c))
	for i, r := range l.f.rows {
		switch {
		case r.heading:
			l.drawHeading(c, i, r)
		case r.rest:
			l.drawRest(c, i, r)
		}
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

// drawHeading writes a region's name across the row, with its figures.
func (l *layout) drawHeading(c vg.Canvas, i int, r row) {
	base := l.rowMid(i) + opticalDrop*sizeLabel
	l.text(c, l.labels[i], sizeLabel, colHeading, marginL, base, 0)
	l.text(c, r.text, sizeValue, colMuted, marginL+l.ts.width(l.labels[i], sizeLabel)+valueGap*2, base, 0)
}

// drawRest writes the "其他" row: its label in the label column and its
// total where a bar would start, both muted.
func (l *layout) drawRest(c vg.Canvas, i int, r row) {
	mid := l.rowMid(i)
	l.text(c, l.labels[i], sizeLabel, colMuted, l.labelX, mid+opticalDrop*sizeLabel, 1)
	l.text(c, r.text, sizeValue, colMuted, l.x(0)+valueGap, mid+opticalDrop*sizeValue, 0)
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
