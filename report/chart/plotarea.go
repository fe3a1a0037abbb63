package chart

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// cutWidth is the white outline of stacked segments: it keeps them apart
// in greyscale, where neighbouring blues look alike.
const cutWidth = 0.8

// newPlot builds the bars of the figure as a gonum plot: category names on
// the Y axis (row 0 at the top), the values on the X axis with analysts'
// tick labels, vertical gridlines, horizontal bar charts (stacked, or one
// per colour) and value labels at the bars' ends. Region headings and "其他"
// rows get no bar and no name here; draw writes them around the plot. x0 is
// where the bars' area starts, right of the category labels.
func (l *layout) newPlot(x0 float64) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil // the canvas is white already
	p.TextHandler = l.ts.handler
	p.Title.TextStyle = l.ts.style(sizeTitle, colInk, text.XCenter, text.YTop)
	p.Legend.TextStyle = l.ts.style(sizeLegend, colText, text.XLeft, text.YBottom)
	l.setUpY(p)
	grid := runGrid{grid: plotter.Grid{Vertical: draw.LineStyle{Color: colGrid, Width: ruleWidth}}, runs: l.runs()}
	p.Add(grid)
	p.Add(l.bars()...)
	p.Add(zeroLine{grid})
	p.Add(l.valueLabels()...)
	// Plotters widen the axes to their data in Add; the ranges are set here.
	p.Y.Min, p.Y.Max = -0.5, float64(len(l.f.rows))-0.5
	l.setUpX(p, x0)
	l.place(p, x0)
	return p
}

// setUpY names the bar rows on the Y axis, right-aligned and centred on
// their bars as the hand-placed labels are, labelGap from the bars.
func (l *layout) setUpY(p *plot.Plot) {
	ext := l.ts.extents(sizeLabel)
	p.Y.Tick.Label = l.ts.style(sizeLabel, colInk, text.XRight, l.ts.centred(sizeLabel, float64(ext.Descent)))
	p.Y.Label.TextStyle = l.ts.style(sizeLabel, colInk, text.XCenter, text.YBottom)
	names := make([]string, len(l.f.rows))
	for i, r := range l.f.rows {
		if !r.heading && !r.rest {
			names[i] = l.labels[i]
		}
	}
	p.NominalY(names...)
	p.Y.Scale = plot.InvertedScale{Normalizer: plot.LinearScale{}}
	// The axis puts a space between the labels and the data; the padding
	// makes up the rest of the gap.
	p.Y.Padding = vg.Length(labelGap) - p.Y.Label.TextStyle.Width(" ")
}

// setUpX sets the value axis: no line and no tick marks, tick labels below
// the rows, and a range that leaves room for the value labels beside the
// longest bars (as wide as the widest label on each side).
func (l *layout) setUpX(p *plot.Plot, x0 float64) {
	f := l.f
	p.X.LineStyle.Width = 0
	p.X.Tick.Width, p.X.Tick.Length = 0, 0
	p.X.Padding = tickLen
	p.X.Tick.Label = l.ts.style(sizeTick, colMuted, text.XCenter, text.YTop)
	p.X.Label.TextStyle = l.ts.style(sizeTick, colMuted, text.XCenter, text.YBottom)
	posW, negW := 0.0, 0.0
	for _, r := range f.rows {
		if r.heading || r.rest {
			continue
		}
		w := l.ts.width(r.text, sizeValue) + valueGap
		if r.total() < 0 {
			negW = max(negW, w)
		} else {
			posW = max(posW, w)
		}
	}
	lo, hi := f.domain()
	width := float64(l.area.Max.X) - x0
	// Labels too wide to leave the bars room would invert the axis; the
	// bars keep a quarter of the width whatever the labels.
	perUnit := max(width-posW-negW, width/4) / (hi - lo)
	p.X.Min, p.X.Max = lo-negW/perUnit, hi+posW/perUnit
	p.X.Tick.Marker = &valueTicker{ts: l.ts, lo: lo, hi: hi, width: width, integer: f.integer, label: f.tick}
}

// place finds where the plot draws its data. A tick label centred on the
// first tick reaches left of the bars' area, and the plot makes room for it
// by moving the data right; the room is taken from the axis's padding
// instead, so the bars start labelGap after the category labels.
func (l *layout) place(p *plot.Plot, x0 float64) {
	c := draw.Canvas{Rectangle: l.area}
	l.data = p.DataCanvas(c)
	if d := l.data.Min.X - vg.Length(x0); d > 1e-6 {
		p.Y.Padding = max(0, p.Y.Padding-d)
		l.data = p.DataCanvas(c)
	}
}

// bars draws each run of bar rows (between headings and "其他" rows) with
// one horizontal bar chart per stack position, each stacked on the one
// before; a single series is split by colour instead (losses in red).
func (l *layout) bars() []plot.Plotter {
	stacks := 1
	for _, r := range l.f.rows {
		stacks = max(stacks, len(r.values))
	}
	var out []plot.Plotter
	for _, run := range l.runs() {
		rows := l.f.rows[run[0] : run[1]+1]
		newBars := func(col color.Color) *plotter.BarChart {
			return &plotter.BarChart{Values: make(plotter.Values, len(rows)), XMin: float64(run[0]),
				Width: barHeight, Color: col, Horizontal: true}
		}
		if stacks == 1 {
			byColor := map[color.Color]*plotter.BarChart{}
			for i, r := range rows {
				col := l.segColor(r, 0)
				if byColor[col] == nil {
					byColor[col] = newBars(col)
					out = append(out, byColor[col])
				}
				byColor[col].Values[i] = r.total()
			}
			continue
		}
		var prev *plotter.BarChart
		for k := range stacks {
			b := newBars(l.segColor(row{}, k))
			// The outline's inner half would thin the bar: widen it by as much.
			b.Width += cutWidth
			b.LineStyle = draw.LineStyle{Color: colWhite, Width: cutWidth}
			for i, r := range rows {
				if k < len(r.values) {
					b.Values[i] = r.values[k]
				}
			}
			if prev != nil {
				b.StackOn(prev)
			}
			out = append(out, b)
			prev = b
		}
	}
	return out
}

// segColor is the colour of stack position k: the series' colour, or the
// row's own for a single-value row that has one.
func (l *layout) segColor(r row, k int) color.Color {
	if r.color != nil && len(r.values) == 1 {
		return r.color
	}
	if k < len(l.f.series) {
		return l.f.series[k]
	}
	return colMain
}

// valueLabels writes each bar's value label beside its end: right of a
// positive bar, left of a negative one.
func (l *layout) valueLabels() []plot.Plotter {
	right := l.ts.style(sizeValue, colText, text.XLeft, l.ts.centred(sizeValue, 0))
	left := right
	left.XAlign = text.XRight
	pos := &plotter.Labels{Offset: vg.Point{X: valueGap}}
	neg := &plotter.Labels{Offset: vg.Point{X: -valueGap}}
	for i, r := range l.f.rows {
		if r.heading || r.rest {
			continue
		}
		lb, sty := pos, right
		if r.total() < 0 {
			lb, sty = neg, left
		}
		lb.XYs = append(lb.XYs, plotter.XY{X: r.total(), Y: float64(i)})
		lb.Labels = append(lb.Labels, r.text)
		lb.TextStyle = append(lb.TextStyle, sty)
	}
	var out []plot.Plotter
	for _, lb := range []*plotter.Labels{pos, neg} {
		if len(lb.Labels) > 0 {
			out = append(out, lb)
		}
	}
	return out
}

// runGrid draws its grid over each run of bar rows only, so the lines stop
// at region headings and "其他" rows.
type runGrid struct {
	grid plotter.Grid
	runs [][2]int
}

func (g runGrid) Plot(c draw.Canvas, p *plot.Plot) {
	for _, sub := range g.canvases(c, p) {
		g.grid.Plot(sub, p)
	}
}

// canvases are the parts of c where each run's rows are.
func (g runGrid) canvases(c draw.Canvas, p *plot.Plot) []draw.Canvas {
	_, y := p.Transforms(&c)
	out := make([]draw.Canvas, len(g.runs))
	for i, run := range g.runs {
		top, bottom := y(float64(run[0])-0.5), y(float64(run[1])+0.5)
		out[i] = c
		out[i].Min.Y, out[i].Max.Y = min(top, bottom), max(top, bottom)
	}
	return out
}

// zeroLine marks the value axis's zero over each run of bar rows, above the
// bars' ends. (plotter.Line would do, but its end points count as glyphs and
// shrink the plot by half the line's width.)
type zeroLine struct{ runGrid }

func (z zeroLine) Plot(c draw.Canvas, p *plot.Plot) {
	x, _ := p.Transforms(&c)
	sty := draw.LineStyle{Color: colAxis, Width: zeroWidth}
	for _, sub := range z.canvases(c, p) {
		sub.StrokeLine2(sty, x(0), sub.Min.Y, x(0), sub.Max.Y)
	}
}
