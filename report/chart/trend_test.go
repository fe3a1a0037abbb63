package chart

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/font"
)

func TestTrendByRegion(t *testing.T) {
	c := mustCompare(t, monthly())
	f, note := trendByRegion(c, newTexts(vocab.Zh, c, ""))
	if f == nil {
		t.Fatalf("skipped: %s", note)
	}
	ts := f.trend
	if len(ts.lines) != 7 || len(ts.periods) != 26 || len(f.legend) != 7 {
		t.Fatalf("%d lines, %d periods, %d legend items", len(ts.lines), len(ts.periods), len(f.legend))
	}
	// The lines are the series' region members, in the regions' order.
	last := c.Series[25]
	for _, r := range last.Regions {
		i := 0
		for i < len(c.Regions) && c.Regions[i].Region != r.Region {
			i++
		}
		if got := ts.lines[i][25]; r.Members == nil && !math.IsNaN(got) || r.Members != nil && got != float64(*r.Members) {
			t.Errorf("%s at 2024-12 = %v, want %v", r.Region, got, r.Members)
		}
	}
	// Coverage changes: 广东's province-level figure ends after 2023-10,
	// one city in seven starts in 2024-07, and segment-only and new cities
	// appear in 2024-12 (sample.National).
	var marked []string
	for i, ch := range ts.changed {
		if ch {
			marked = append(marked, ts.periods[i].String())
		}
	}
	if strings.Join(marked, " ") != "2023-11 2024-07 2024-12" {
		t.Errorf("coverage marks at %v", marked)
	}
	if len(f.notes) != 1 || !strings.HasPrefix(f.notes[0], "虚线标出3个报送城市或省级口径较上期有变化的时期") {
		t.Errorf("notes = %q", f.notes)
	}
	if f.subtitle != "2022年11月至2024年12月，共26期 · 全部7个片区" {
		t.Errorf("subtitle = %q", f.subtitle)
	}
	l := measure(f, newTypeset(mustFace(t).Font))
	var labels []string
	for _, tk := range l.periodTicks() {
		labels = append(labels, tk.Label)
	}
	if got := strings.Join(labels, " "); got != "2022年12月 2023年4月 8月 12月 2024年4月 8月 12月" {
		t.Errorf("ticks = %s", got)
	}
}

func TestTickPeriod(t *testing.T) {
	for _, tc := range []struct {
		p        analysis.Period
		withYear bool
		lang     vocab.Lang
		want     string
	}{
		{analysis.Period{Year: 2024, Month: 3}, true, vocab.Zh, "2024年3月"},
		{analysis.Period{Year: 2024, Month: 3}, false, vocab.Zh, "3月"},
		{analysis.Period{Year: 2024, Month: 3}, true, vocab.En, "Mar 2024"},
		{analysis.Period{Year: 2024, Quarter: 2}, true, vocab.Zh, "2024年二季度"},
		{analysis.Period{Year: 2024, Quarter: 2}, false, vocab.En, "Q2"},
		{analysis.Period{Year: 2024}, false, vocab.Zh, "2024年"},
	} {
		if got := tickPeriod(tc.p, tc.withYear, tc.lang); got != tc.want {
			t.Errorf("tickPeriod(%v, %v, %s) = %q, want %q", tc.p, tc.withYear, tc.lang, got, tc.want)
		}
	}
}

func TestYoYByCity(t *testing.T) {
	c := mustCompare(t, monthly())
	f, note := yoyByCity(c, newTexts(vocab.En, c, ""))
	if f == nil {
		t.Fatalf("skipped: %s", note)
	}
	// The largest gain first, with its year-on-year change, not the 环比 one.
	var top *analysis.CityRow
	for i := range c.Cities {
		ct := &c.Cities[i]
		if ct.YoYChange != nil && (top == nil || *ct.YoYChange > *top.YoYChange) {
			top = ct
		}
	}
	if f.rows[0].values[0] != float64(*top.YoYChange) || !strings.Contains(f.subtitle, "December 2024 vs December 2023") {
		t.Errorf("first row %v (want %s %d), subtitle %q", f.rows[0].values, top.City, *top.YoYChange, f.subtitle)
	}
}

func mustFace(t *testing.T) *font.Face {
	t.Helper()
	face, err := font.Default()
	if err != nil {
		t.Fatal(err)
	}
	return face
}

// For years the year-ago period is the previous one: no second chart.
func TestYoYByCityYears(t *testing.T) {
	d := monthly()
	d.Period = analysis.Period{Year: 2024}
	c := mustCompare(t, d)
	if f, note := yoyByCity(c, newTexts(vocab.Zh, c, "")); f != nil || !strings.Contains(note, "is the previous one") {
		t.Errorf("yoy chart for years: %v %q", f != nil, note)
	}
}

// TestTrendBreaksAtCoverageChanges: a region's line is not drawn across a
// period whose coverage or basis changed for it, so a change of who
// reported never reads as growth or decline (the chart showed 华东 rising
// by half where cities started reporting): 广东's province-level figure
// ends in 2023-11 (华南 alone), cities start reporting everywhere in
// 2024-07 and 2024-12 (sample.National).
func TestTrendBreaksAtCoverageChanges(t *testing.T) {
	c := mustCompare(t, monthly())
	f, _ := trendByRegion(c, newTexts(vocab.Zh, c, ""))
	ts := f.trend
	got := map[string][]string{}
	for i, r := range c.Regions {
		for j, br := range ts.breaks[i] {
			if br {
				got[ts.periods[j].String()] = append(got[ts.periods[j].String()], r.Region)
			}
		}
	}
	if len(got) != 3 || len(got["2023-11"]) != 1 || got["2023-11"][0] != "华南" ||
		len(got["2024-07"]) != 7 || len(got["2024-12"]) != 7 {
		t.Errorf("breaks %v, want 华南 at 2023-11 and every region at 2024-07 and 2024-12", got)
	}
	// No run of a line spans a break.
	for i, ln := range ts.lines {
		for _, run := range runsOf(ln, ts.breaks[i]) {
			for j := run[0] + 1; j <= run[1]; j++ {
				if ts.breaks[i][j] {
					t.Errorf("%s drawn across %s", c.Regions[i].Region, ts.periods[j])
				}
			}
		}
	}
}

func TestRunsOf(t *testing.T) {
	n := math.NaN()
	for _, tc := range []struct {
		vals   []float64
		breaks []bool
		want   string
	}{
		{[]float64{1, 2, 3, 4}, nil, "[[0 3]]"},
		{[]float64{1, 2, n, 4}, nil, "[[0 1] [3 3]]"},
		{[]float64{1, 2, 3, 4}, []bool{false, false, true, false}, "[[0 1] [2 3]]"},
		{[]float64{1, n, 3, 4}, []bool{false, false, true, true}, "[[0 0] [2 2] [3 3]]"},
	} {
		if got := fmt.Sprint(runsOf(tc.vals, tc.breaks)); got != tc.want {
			t.Errorf("runsOf(%v, %v) = %s, want %s", tc.vals, tc.breaks, got, tc.want)
		}
	}
}

// withoutPeriod is d with every figure of period p removed, as an office
// that skipped a month sends it.
func withoutPeriod(d *analysis.Dataset, p analysis.Period) *analysis.Dataset {
	var figs []analysis.Figure
	for _, f := range d.Figures {
		if f.Period != p {
			figs = append(figs, f)
		}
	}
	d.Figures = figs
	var ps []analysis.Period
	for _, q := range d.Periods {
		if q != p {
			ps = append(ps, q)
		}
	}
	d.Periods = ps
	return d
}

// A month missing from the data is on the trend's axis with no value: the
// lines break there, a band marks it and the note names it. Before, the
// chart of 23 months drew 2024年10月 to 12月 as one step, with no mark,
// while the text said a month was missing.
func TestTrendMarksMissingPeriod(t *testing.T) {
	nov := analysis.Period{Year: 2024, Month: 11}
	c := mustCompare(t, withoutPeriod(monthly(), nov))
	if len(c.Series) != 25 {
		t.Fatalf("fixture: %d periods in the series, want 25", len(c.Series))
	}
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		f, note := trendByRegion(c, newTexts(lang, c, ""))
		if f == nil {
			t.Fatalf("skipped: %s", note)
		}
		ts := f.trend
		if len(ts.periods) != 26 || ts.periods[24] != nov || !ts.missing[24] {
			t.Fatalf("%s: axis of %d periods, [24] = %v missing %v; want 26 with 2024-11 missing", lang, len(ts.periods), ts.periods[24], ts.missing[24])
		}
		for i, ln := range ts.lines {
			if !math.IsNaN(ln[24]) {
				t.Errorf("%s: line %d has %v at the missing month", lang, i, ln[24])
			}
			for _, run := range runsOf(ln, ts.breaks[i]) {
				if run[0] <= 24 && run[1] >= 24 {
					t.Errorf("%s: line %d drawn across the missing month: periods %d to %d", lang, i, run[0], run[1])
				}
			}
			if math.IsNaN(ln[23]) || math.IsNaN(ln[25]) {
				t.Errorf("%s: line %d lost 2024-10 or 2024-12", lang, i)
			}
		}
		want := map[vocab.Lang]string{
			vocab.Zh: "数据中没有2024年11月的数字，图中以灰色竖条标出，折线在该处断开。",
			vocab.En: "The data hold no figures for November 2024: a grey band marks it, and the lines break there.",
		}[lang]
		if !slicesContain(f.notes, want) {
			t.Errorf("%s: notes %q lack %q", lang, f.notes, want)
		}
	}
	// Drawn: the band is on the picture, grey where the month would be.
	f, _ := trendByRegion(c, newTexts(vocab.Zh, c, ""))
	l := measure(f, newTypeset(mustFace(t).Font))
	l.measureTrend()
	x, _ := l.plot.Transforms(&l.data)
	if gx := x(24); gx <= x(23) || gx >= x(25) {
		t.Errorf("the missing month is not between its neighbours on the axis: %v %v %v", x(23), gx, x(25))
	}
}

func slicesContain(ss []string, s string) bool {
	for _, v := range ss {
		if v == s {
			return true
		}
	}
	return false
}
