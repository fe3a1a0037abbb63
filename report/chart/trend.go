package chart

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// The trend chart: each region's members over every period of the
// compared kind, a line per region through gonum/plot, periods on the
// horizontal axis. Periods whose reporting cities or province-level basis
// changed from the one before are marked with a dashed rule, and the lines
// of the regions concerned break there: the step is partly who reported,
// not growth or decline, and is not drawn as a slope.

// trendHeight is the height of the trend chart's plot, in points.
const trendHeight = 210.0

// trendSpec is what a line figure draws; figure.trend is nil for bars.
type trendSpec struct {
	periods []analysis.Period
	lines   [][]float64 // per line, per period; NaN where not reported
	colors  []color.Color
	dashes  [][]vg.Length
	changed []bool // per period: coverage or basis changed from the one before
	// breaks, per line and period: the line is not drawn from the period
	// before to this one (its region's coverage or basis changed there).
	breaks [][]bool
	// missing, per period: the data hold no figure of the kind for it
	// (a month left out); the lines break there and a band marks it.
	missing []bool
	label   func(i int, first bool) string
}

// maxAxisGap bounds the periods axisPeriods adds: data with more missing
// periods than present ones (a figure every few years) are drawn as they
// are, the note naming the gaps.
const maxAxisGap = 2

// axisPeriods lays the series on a time axis: every period from the first
// to the last, those the data lack included (missing), with pos[j] the
// axis position of series point j. Days are drawn as they come (daily data
// are often weekly or irregular); so are series whose missing periods
// outnumber maxAxisGap times the present ones.
func axisPeriods(series []analysis.SeriesPoint) (periods []analysis.Period, pos []int, missing []bool) {
	pos = make([]int, len(series))
	plain := func() ([]analysis.Period, []int, []bool) {
		periods = periods[:0]
		for j, p := range series {
			periods = append(periods, p.Period)
			pos[j] = j
		}
		return periods, pos, make([]bool, len(series))
	}
	if len(series) == 0 || series[0].Period.Kind() == analysis.KindDay {
		return plain()
	}
	limit := len(series) * (1 + maxAxisGap)
	for j, p := range series {
		if j > 0 {
			for q := series[j-1].Period.Next(); !q.IsZero() && q.Less(p.Period); q = q.Next() {
				if len(periods) >= limit {
					return plain()
				}
				periods = append(periods, q)
				missing = append(missing, true)
			}
		}
		pos[j] = len(periods)
		periods = append(periods, p.Period)
		missing = append(missing, false)
	}
	return periods, pos, missing
}

// missingText is the note naming the periods the axis shows without data
// (the narrative says them too): 数据中没有2024年11月的数字，折线在该处断开。
func missingText(ts *trendSpec, t texts) string {
	var names []string
	for i, m := range ts.missing {
		if m {
			names = append(names, periodText(ts.periods[i], t.lang))
		}
	}
	if len(names) == 0 {
		return ""
	}
	list := strings.Join(names, t.pick("、", ", "))
	if len(names) > 3 {
		list = strings.Join(names[:3], t.pick("、", ", ")) + t.pick(fmt.Sprintf("等%d期", len(names)), fmt.Sprintf(" and %d more periods", len(names)-3))
	}
	it := t.pick("", "it")
	if len(names) > 1 {
		it = t.pick("", "each")
	}
	return t.pick("数据中没有"+list+"的数字，图中以灰色竖条标出，折线在该处断开。",
		"The data hold no figures for "+list+": a grey band marks "+it+", and the lines break there.")
}

// lineColors are the lines' colours: regions are categories, so distinct
// hues, dark and light in turn, and every other line dashed so the lines
// part in greyscale print too.
var lineColors = []color.Color{rgb(0x1f4e79), rgb(0xe08b2e), rgb(0x3a8f5c), rgb(0xa63d57), rgb(0x7a5ca8),
	rgb(0x8c6d3f), rgb(0x3fa3b5), rgb(0x5c5c5c)}

func trendColors(n int) []color.Color {
	out := make([]color.Color, n)
	for i := range out {
		out[i] = lineColors[i%len(lineColors)]
	}
	return out
}

func trendByRegion(c *analysis.Comparison, t texts) (*figure, string) {
	if len(c.Series) < 3 { // two periods are the change chart's
		return nil, fmt.Sprintf("chart trend_by_region skipped: %d periods of %s's kind in the data, fewer than three", len(c.Series), c.Period)
	}
	if len(c.Regions) == 0 {
		return nil, "chart trend_by_region skipped: no region"
	}
	if c.SliceProvince() != "" {
		// Its one line would be the province's cities under the
		// region's name.
		return nil, "chart trend_by_region skipped: a province slice's region holds that province alone"
	}
	if p := c.OneProvince(); p != "" {
		return nil, "chart trend_by_region skipped: the data hold one province (" + p + "), whose cities its one line would show under the region's name"
	}
	ts := &trendSpec{colors: trendColors(len(c.Regions))}
	// Periods missing from the data (2024年11月 between 10月 and 12月)
	// take their place on the axis with no value, so no line is drawn
	// across them as one step.
	var pos []int
	ts.periods, pos, ts.missing = axisPeriods(c.Series)
	at := map[string]int{}
	for i, r := range c.Regions {
		at[r.Region] = i
		ts.lines = append(ts.lines, make([]float64, len(ts.periods)))
		var dash []vg.Length
		if i%2 == 1 {
			dash = []vg.Length{4, 2}
		}
		ts.dashes = append(ts.dashes, dash)
	}
	changes := 0
	ts.changed = make([]bool, len(ts.periods))
	for i := range ts.lines {
		for k := range ts.lines[i] {
			ts.lines[i][k] = math.NaN()
		}
	}
	for j, p := range c.Series {
		k := pos[j]
		ts.changed[k] = p.CoverageChanged
		if p.CoverageChanged {
			changes++
		}
		for _, r := range p.Regions {
			if i, ok := at[r.Region]; ok && r.Members != nil {
				ts.lines[i][k] = float64(*r.Members)
			}
		}
	}
	ts.breaks = make([][]bool, len(c.Regions))
	for i, br := range coverageBreaks(c) {
		ts.breaks[i] = make([]bool, len(ts.periods))
		for j, b := range br {
			ts.breaks[i][pos[j]] = b
		}
	}
	ts.label = func(i int, withYear bool) string { return tickPeriod(ts.periods[i], withYear, t.lang) }
	f := &figure{
		name:   "trend_by_region",
		title:  t.pick("各片区新的社会阶层人士人数走势", "Members by region over time"),
		tick:   t.peopleTicks(false),
		source: t.source,
		trend:  ts,
	}
	if len(c.Regions) == 1 {
		r := c.Regions[0].Region
		f.title = t.pick(r+"新的社会阶层人士人数走势", "Members in "+r+" over time")
	}
	first, last := periodText(c.Series[0].Period, t.lang), periodText(c.Series[len(c.Series)-1].Period, t.lang)
	f.subtitle = join(t.pick(fmt.Sprintf("%s至%s，共%d期", first, last, len(c.Series)), fmt.Sprintf("%s to %s, %d periods", first, last, len(c.Series))), t.scope)
	for i, r := range c.Regions {
		f.legend = append(f.legend, legendItem{label: r.Region, color: ts.colors[i]})
	}
	if gaps := missingText(ts, t); gaps != "" {
		f.notes = append(f.notes, gaps)
	}
	if changes > 0 {
		f.notes = append(f.notes, t.pick(
			fmt.Sprintf("虚线标出%d个报送城市或省级口径较上期有变化的时期，所涉片区的折线在该处断开：前后人数口径不同，不能看作增减；可比口径的增减见同比、环比。", changes),
			fmt.Sprintf("Dashed rules mark the %d periods whose reporting cities or province-level basis changed from the period before; the lines of the regions concerned break there, as the figures on either side are not comparable: the like-for-like change is in the year-on-year and period-on-period figures.", changes)))
	}
	if p := c.Series[len(c.Series)-1]; p.Source != p.Period {
		f.notes = append(f.notes, t.pick("每期取期末数（该期最后一个有数据的月份、季度或半年）。", "Each period shows its end figure (its last month, quarter or half-year with data)."))
	}
	return f, ""
}

// tickPeriod labels a period on the time axis, with its year (the first
// tick of each year) or without: 2023年1月, 4月 … / Jan 2023, Apr ….
func tickPeriod(p analysis.Period, yearStart bool, lang vocab.Lang) string {
	switch p.Kind() {
	case analysis.KindMonth:
		if lang == vocab.En {
			if yearStart {
				return fmt.Sprintf("%s %d", months[p.Month][:3], p.Year)
			}
			return months[p.Month][:3]
		}
		if yearStart {
			return fmt.Sprintf("%d年%d月", p.Year, p.Month)
		}
		return fmt.Sprintf("%d月", p.Month)
	case analysis.KindQuarter:
		if lang == vocab.En {
			if yearStart {
				return fmt.Sprintf("Q%d %d", p.Quarter, p.Year)
			}
			return fmt.Sprintf("Q%d", p.Quarter)
		}
		if yearStart {
			return fmt.Sprintf("%d年%s季度", p.Year, chineseOrdinal(p.Quarter))
		}
		return chineseOrdinal(p.Quarter) + "季度"
	case analysis.KindHalf:
		if yearStart {
			return periodText(p, lang)
		}
		return vocab.HalfName(p.Half, lang)
	case analysis.KindYear:
		return periodText(p, lang)
	}
	return p.String()
}

// measureTrend builds the line plot over the whole inner width.
func (l *layout) measureTrend() {
	l.area = vg.Rectangle{
		Min: vg.Point{X: vg.Length(marginL), Y: vg.Length(l.H - l.yTicks)},
		Max: vg.Point{X: vg.Length(l.W - marginR), Y: vg.Length(l.H - l.rowsTop)},
	}
	ts := l.f.trend
	n := len(ts.periods)
	p := plot.New()
	p.BackgroundColor = nil
	p.TextHandler = l.ts.handler
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, ln := range ts.lines {
		for _, v := range ln {
			if !math.IsNaN(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 0) {
		lo, hi = 0, 1
	}
	pad := math.Max((hi-lo)*0.08, math.Max(hi*0.02, 1))
	p.Y.Min, p.Y.Max = math.Max(0, lo-pad), hi+pad
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5

	p.Y.LineStyle.Width = 0
	p.Y.Tick.Width, p.Y.Tick.Length = 0, 0
	p.Y.Tick.Label = l.ts.style(sizeTick, colMuted, text.XRight, l.ts.centred(sizeTick, 0))
	p.Y.Label.TextStyle = l.ts.style(sizeTick, colMuted, text.XCenter, text.YBottom)
	p.Y.Tick.Marker = &valueTicker{ts: l.ts, lo: p.Y.Min, hi: p.Y.Max, width: trendHeight * 2, integer: true, label: l.f.tick}
	p.X.LineStyle = draw.LineStyle{Color: colAxis, Width: ruleWidth}
	p.X.Tick.LineStyle = draw.LineStyle{Color: colAxis, Width: ruleWidth}
	p.X.Tick.Length = tickLen
	p.X.Padding = 0
	p.X.Tick.Label = l.ts.style(sizeTick, colMuted, text.XCenter, text.YTop)
	p.X.Label.TextStyle = l.ts.style(sizeTick, colMuted, text.XCenter, text.YBottom)
	p.X.Tick.Marker = plot.ConstantTicks(l.periodTicks())

	p.Add(&plotter.Grid{Horizontal: draw.LineStyle{Color: colGrid, Width: ruleWidth}})
	p.Add(missingBands{missing: ts.missing})
	p.Add(coverageRules{changed: ts.changed})
	for i, ln := range ts.lines {
		sty := draw.LineStyle{Color: ts.colors[i], Width: 1.4, Dashes: ts.dashes[i]}
		for _, run := range runsOf(ln, ts.breaks[i]) {
			xys := make(plotter.XYs, 0, run[1]-run[0]+1)
			for j := run[0]; j <= run[1]; j++ {
				xys = append(xys, plotter.XY{X: float64(j), Y: ln[j]})
			}
			if len(xys) == 1 { // a lone point: a dot, not an invisible line
				sc, _ := plotter.NewScatter(xys)
				sc.GlyphStyle = draw.GlyphStyle{Color: ts.colors[i], Radius: 1.6, Shape: draw.CircleGlyph{}}
				p.Add(sc)
				continue
			}
			line := &plotter.Line{XYs: xys, LineStyle: sty}
			p.Add(line)
		}
	}
	l.plot = p
	l.data = p.DataCanvas(draw.Canvas{Rectangle: l.area})
}

// periodTicks labels as many periods as fit, evenly, always the last.
func (l *layout) periodTicks() []plot.Tick {
	ts := l.f.trend
	n := len(ts.periods)
	widest := 0.0
	for i := range n {
		widest = math.Max(widest, l.ts.width(ts.label(i, true), sizeTick))
	}
	room := (float64(l.area.Max.X-l.area.Min.X) - 40) / float64(n)
	step := max(1, int(math.Ceil((widest+2*sizeTick)/room)))
	// Monthly steps that divide a year keep the labels on the same months.
	for _, s := range []int{1, 2, 3, 4, 6, 12, 24, 36, 60, 120} {
		if s >= step {
			step = s
			break
		}
	}
	var ticks []plot.Tick
	year := 0
	for i := (n - 1) % step; i < n; i += step {
		y := ts.periods[i].Year
		ticks = append(ticks, plot.Tick{Value: float64(i), Label: ts.label(i, y != year)})
		year = y
	}
	return ticks
}

// coverageBreaks marks, per region of c and per period of its series,
// where the region's line breaks: its reporting cities or a province's
// basis (province-level figure or city sum) changed from the period
// before, so that a change of coverage is never drawn as growth or
// decline. A change the regions' counts and bases do not show (cities
// swapped one for one) breaks every line.
func coverageBreaks(c *analysis.Comparison) [][]bool {
	regionOf := map[int]string{} // a province's official position → its region
	for _, p := range c.Provinces {
		regionOf[p.Order] = p.Region
	}
	counts := func(sp analysis.SeriesPoint) map[string]int {
		m := map[string]int{}
		for _, r := range sp.Regions {
			m[r.Region] = r.ReportingCities
		}
		return m
	}
	out := make([][]bool, len(c.Regions))
	for i := range out {
		out[i] = make([]bool, len(c.Series))
	}
	for j := 1; j < len(c.Series); j++ {
		before, now := c.Series[j-1], c.Series[j]
		if !now.CoverageChanged {
			continue
		}
		hit := map[string]bool{}
		was := counts(before)
		for r, n := range counts(now) {
			if was[r] != n {
				hit[r] = true
			}
		}
		for o, level := range now.ProvinceLevel {
			if o < len(before.ProvinceLevel) && before.ProvinceLevel[o] != level {
				hit[regionOf[o]] = true
			}
		}
		for i, r := range c.Regions {
			out[i][j] = hit[r.Region] || len(hit) == 0
		}
	}
	return out
}

// runsOf returns the [first, last] index ranges of the values reported,
// a range also ending before a period where breaks is set.
func runsOf(vals []float64, breaks []bool) [][2]int {
	var out [][2]int
	start := -1
	for i, v := range vals {
		if start >= 0 && i < len(breaks) && breaks[i] {
			out = append(out, [2]int{start, i - 1})
			start = -1
		}
		switch {
		case math.IsNaN(v) && start >= 0:
			out = append(out, [2]int{start, i - 1})
			start = -1
		case !math.IsNaN(v) && start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, [2]int{start, len(vals) - 1})
	}
	return out
}

// coverageRules draws a dashed vertical rule at each period whose coverage
// changed.
type coverageRules struct{ changed []bool }

func (r coverageRules) Plot(c draw.Canvas, p *plot.Plot) {
	x, _ := p.Transforms(&c)
	sty := draw.LineStyle{Color: colAxis, Width: zeroWidth, Dashes: []vg.Length{1.5, 2}}
	for i, ch := range r.changed {
		if ch {
			c.StrokeLine2(sty, x(float64(i)), c.Min.Y, x(float64(i)), c.Max.Y)
		}
	}
}

// missingBands shades the column of each period the data lack, so a gap
// in the line is read as a missing period, not a missing region.
type missingBands struct{ missing []bool }

func (m missingBands) Plot(c draw.Canvas, p *plot.Plot) {
	x, _ := p.Transforms(&c)
	for i, miss := range m.missing {
		if !miss {
			continue
		}
		l, r := x(float64(i)-0.5), x(float64(i)+0.5)
		c.FillPolygon(colGrid, []vg.Point{{X: l, Y: c.Min.Y}, {X: r, Y: c.Min.Y}, {X: r, Y: c.Max.Y}, {X: l, Y: c.Max.Y}})
	}
}
