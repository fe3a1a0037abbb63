package chart

import (
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
