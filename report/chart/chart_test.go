package chart

import (
	"bytes"
	"errors"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/testutil"
	"github.com/basebrief/basebrief/report/font"
)

func chartNames(charts []Chart) []string {
	var out []string
	for _, c := range charts {
		out = append(out, c.Name)
	}
	return out
}

func TestRenderChartSet(t *testing.T) {
	noFigures := western()
	noFigures.Figures = nil
	noFigures.Bases = nil
	tests := []struct {
		name    string
		data    func() *analysis.Dataset
		charts  []string
		skipped []string // substrings, in order
	}{
		{"western", western,
			[]string{"members_by_city", "members_by_province", "bases_by_province", "coverage_by_province"},
			[]string{"change_by_city skipped: no period before 2019", "yoy_by_city skipped: no figures for 2018", "trend_by_region skipped: 1 periods"}},
		{"national", national,
			[]string{"members_by_city", "members_by_province", "bases_by_province", "change_by_city", "coverage_by_province"},
			[]string{"yoy_by_city skipped: no figures for 2023-12, a year before 2024-12", "trend_by_region skipped: 2 periods of 2024-12's kind in the data, fewer than three"}},
		{"no figures, no bases", func() *analysis.Dataset { return noFigures },
			[]string{"coverage_by_province"},
			[]string{"members_by_city skipped: no city has a member figure for 2019",
				"members_by_province skipped", "bases_by_province skipped: no bases", "change_by_city skipped", "yoy_by_city skipped", "trend_by_region skipped"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if testutil.Race && tt.name == "national" {
				t.Skip("slow under -race; covered by the normal run")
			}
			charts, skipped := renderCaseNotes(t, goldenCase{tt.name, vocab.Zh, tt.data})
			if got := chartNames(charts); !slices.Equal(got, tt.charts) {
				t.Errorf("charts %v, want %v", got, tt.charts)
			}
			if len(skipped) != len(tt.skipped) {
				t.Fatalf("skipped %q, want %d notes", skipped, len(tt.skipped))
			}
			for i, s := range tt.skipped {
				if !strings.Contains(skipped[i], s) {
					t.Errorf("note %d = %q, want it to contain %q", i, skipped[i], s)
				}
			}
		})
	}
}

func TestRenderEmptyComparison(t *testing.T) {
	charts, skipped, err := Render(&analysis.Comparison{Period: analysis.Period{Year: 2019}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) != 0 || len(skipped) != len(builders) {
		t.Errorf("got %d charts, %d notes; want none drawn and every one noted", len(charts), len(skipped))
	}
	if _, _, err := Render(nil, Options{}); err == nil {
		t.Error("Render(nil) gave no error")
	}
}

// TestDeterministic renders the same comparisons twice, the second time from
// several goroutines at once (as the packet does beside the PDF), and wants
// the same bytes.
func TestDeterministic(t *testing.T) {
	for _, gc := range goldenCases[:2] {
		if testutil.Race && gc.lang == vocab.En {
			continue
		}
		c := mustCompare(t, gc.data())
		first := renderCase(t, gc)
		var wg sync.WaitGroup
		for range 2 {
			wg.Go(func() {
				again, _, err := Render(c, Options{Lang: gc.lang})
				if err != nil {
					t.Error(err)
					return
				}
				for i := range first {
					if !bytes.Equal(first[i].PNG, again[i].PNG) || !bytes.Equal(first[i].SVG, again[i].SVG) {
						t.Errorf("%s/%s: second render differs", gc.name, first[i].Name)
					}
				}
			})
		}
		wg.Wait()
	}
}

func TestTitlesAndSource(t *testing.T) {
	c := mustCompare(t, western())
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		for _, b := range builders {
			f, _ := b(c, newTexts(lang, c, "会议报道"))
			if f == nil {
				continue
			}
			src := map[vocab.Lang]string{vocab.Zh: "资料来源：会议报道", vocab.En: "Source: 会议报道"}[lang]
			if f.source != src {
				t.Errorf("%s %s: source %q, want %q", lang, f.name, f.source, src)
			}
			if !strings.Contains(f.subtitle, "2019") {
				t.Errorf("%s %s: subtitle %q has no period", lang, f.name, f.subtitle)
			}
			hasHan := strings.ContainsFunc(f.title, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff })
			if hasHan != (lang == vocab.Zh) {
				t.Errorf("%s %s: title %q in the wrong language", lang, f.name, f.title)
			}
		}
	}
	// Without a source option the briefing's own source line is used.
	f, _ := membersByCity(c, newTexts(vocab.Zh, c, ""))
	if f.source != "资料来源："+articleSource {
		t.Errorf("default source %q", f.source)
	}
}

func TestValueLabels(t *testing.T) {
	c := mustCompare(t, western())
	tz := newTexts(vocab.Zh, c, "")
	f, _ := membersByCity(c, tz)
	var got []string
	for _, r := range f.rows {
		got = append(got, r.label+" "+r.text)
	}
	if want := []string{"重庆 140万", "成都 130万"}; !slices.Equal(got, want) {
		t.Errorf("members_by_city rows %q, want %q", got, want)
	}
	f, _ = membersByProvince(c, tz)
	if got := f.rows[0].text; got != "140万 · 51.9%" {
		t.Errorf("members_by_province first label %q", got)
	}
	f, _ = basesByProvince(c, tz)
	if f.rows[0].label != "四川" || !slices.Equal(f.rows[0].values, []float64{1, 1, 2}) || f.rows[0].text != "4" {
		t.Errorf("bases_by_province first row %+v", f.rows[0])
	}
	var legend []string
	for _, it := range f.legend {
		legend = append(legend, it.label)
	}
	if want := []string{"第二批重点项目", "第三批重点项目", "其他基地（未列入批次）"}; !slices.Equal(legend, want) {
		t.Errorf("legend %q, want %q", legend, want)
	}
	f, _ = coverageByProvince(c, tz)
	if f.rows[0].label != "四川" || f.rows[0].text != "1/2" {
		t.Errorf("coverage first row %+v", f.rows[0])
	}
}

// TestScale: 300 cities give at most topCities bars plus one "其余" row, 31
// provinces all appear under their region headings.
func TestScale(t *testing.T) {
	c := mustCompare(t, national())
	tz := newTexts(vocab.Zh, c, "")
	f, _ := membersByCity(c, tz)
	if n := len(f.rows); n != topCities+1 || !f.rows[n-1].rest || !strings.HasPrefix(f.rows[n-1].label, "其余") {
		t.Errorf("members_by_city: %d rows, last %+v", n, f.rows[n-1])
	}
	f, _ = membersByProvince(c, tz)
	bars, heads := 0, 0
	for _, r := range f.rows {
		if r.heading {
			heads++
		} else {
			bars++
		}
	}
	if bars != 31 || heads != len(c.Regions) {
		t.Errorf("members_by_province: %d bars, %d headings; want 31 and %d", bars, heads, len(c.Regions))
	}
	f, _ = changeByCity(c, tz)
	if len(f.rows) != 2*changeEnds+1 {
		t.Errorf("change_by_city: %d rows", len(f.rows))
	}
}

// TestNoOverlap measures every chart of every fixture, plus one where the
// longest city name leads, and checks that no two texts or a text and a bar
// share space and nothing leaves the canvas.
func TestNoOverlap(t *testing.T) {
	long := longNames()
	face, err := font.Default()
	if err != nil {
		t.Fatal(err)
	}
	ts := newTypeset(face.Font)
	fixtures := map[string]*analysis.Dataset{"western": western(), "national": national(), "long": long}
	for name, d := range fixtures {
		c := mustCompare(t, d)
		for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
			for _, b := range builders {
				f, _ := b(c, newTexts(lang, c, ""))
				if f == nil {
					continue
				}
				checkLayout(t, name+"/"+string(lang)+"/"+f.name, measure(f, ts))
			}
		}
	}
	c := mustCompare(t, long)
	f, _ := membersByCity(c, newTexts(vocab.Zh, c, ""))
	l := measure(f, ts)
	if l.labels[0] != "阿克陶县" {
		t.Errorf("long city label %q, want 阿克陶县", l.labels[0])
	}
}

func checkLayout(t *testing.T, name string, l *layout) {
	t.Helper()
	const eps = 0.01
	inner := l.W - marginL - marginR
	hang := sizeSource // one closing punctuation mark may hang past the margin
	for _, s := range []struct {
		text string
		size float64
	}{{l.title, sizeTitle}, {l.subtitle, sizeSub}} {
		if w := l.ts.width(s.text, s.size); w > inner+eps {
			t.Errorf("%s: %q is %.1f pt wide, room %.1f", name, s.text, w, inner)
		}
	}
	for _, fl := range l.foot {
		if w := l.ts.width(fl.text, fl.size); w > inner+hang {
			t.Errorf("%s: footer %q is %.1f pt wide, room %.1f", name, fl.text, w, inner)
		}
	}
	for i, r := range l.f.rows {
		if r.heading {
			continue
		}
		if w := l.ts.width(l.labels[i], sizeLabel); l.labels[i] != r.label && w > maxLabelW+eps {
			t.Errorf("%s: label %q too wide", name, l.labels[i])
		}
		if w := l.ts.width(l.labels[i], sizeLabel); l.labelX-w < marginL-eps {
			t.Errorf("%s: label %q leaves the canvas", name, l.labels[i])
		}
		if r.rest {
			if end := l.x(0) + valueGap + l.ts.width(r.text, sizeValue); end > l.W-marginR+eps {
				t.Errorf("%s: rest text %q ends at %.1f", name, r.text, end)
			}
			continue
		}
		w := l.ts.width(r.text, sizeValue)
		if tot := r.total(); tot >= 0 {
			if end := l.x(tot) + valueGap + w; end > l.W-marginR+eps {
				t.Errorf("%s: value %q ends at %.1f, past %.1f", name, r.text, end, l.W-marginR)
			}
		} else if start := l.x(tot) - valueGap - w; start < l.labelX+labelGap-eps {
			t.Errorf("%s: value %q starts at %.1f, into the labels (%.1f)", name, r.text, start, l.labelX)
		}
	}
	if x0 := float64(l.data.Min.X); x0 < l.labelX+labelGap-eps {
		t.Errorf("%s: bars start at %.1f, into the labels (%.1f)", name, x0, l.labelX)
	}
	ticks := l.plot.X.Tick.Marker.Ticks(l.plot.X.Min, l.plot.X.Max)
	for i := 1; i < len(ticks); i++ {
		a, b := ticks[i-1], ticks[i]
		right := l.x(a.Value) + l.ts.width(a.Label, sizeTick)/2
		left := l.x(b.Value) - l.ts.width(b.Label, sizeTick)/2
		if left-right < sizeTick {
			t.Errorf("%s: ticks %q and %q collide", name, a.Label, b.Label)
		}
	}
}

func TestAbbreviate(t *testing.T) {
	tests := map[string]string{
		"新疆维吾尔自治区":        "新疆",
		"广西壮族自治区":         "广西",
		"四川省":             "四川",
		"重庆市":             "重庆",
		"延边朝鲜族自治州":        "延边州",
		"黔东南苗族侗族自治州":      "黔东南州",
		"克孜勒苏柯尔克孜自治州阿克陶县": "阿克陶县",
		"成都": "成都",
	}
	for in, want := range tests {
		if got := abbreviate(in); got != want {
			t.Errorf("abbreviate(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestShortenKeepsDistinctLabels(t *testing.T) {
	face, _ := font.Default()
	ts := newTypeset(face.Font)
	rows := []row{{label: "新的社会阶层人士实践创新基地甲"}, {label: "新的社会阶层人士实践创新基地乙"}, {label: "成都"}}
	got := shortenAll(ts, rows, sizeLabel, 60)
	if got[0] == got[1] {
		t.Errorf("two rows share the label %q", got[0])
	}
	if got[2] != "成都" {
		t.Errorf("short label changed to %q", got[2])
	}
	if s := shorten(ts, "新的社会阶层人士实践创新基地甲", sizeLabel, 60); !strings.HasSuffix(s, ellipsis) || ts.width(s, sizeLabel) > 60 {
		t.Errorf("shorten gave %q", s)
	}
}

func TestWrap(t *testing.T) {
	face, _ := font.Default()
	ts := newTypeset(face.Font)
	src := "资料来源：" + articleSource
	lines := wrap(ts, src, sizeSource, 200)
	if len(lines) < 2 || strings.Join(lines, "") != src {
		t.Fatalf("wrap lost text: %q", lines)
	}
	for _, ln := range lines {
		if noLineStart(ln) {
			t.Errorf("line starts with closing punctuation: %q", ln)
		}
		if w := ts.width(ln, sizeSource); w > 200+sizeSource {
			t.Errorf("line %q is %.1f pt wide", ln, w)
		}
	}
	if got := wrap(ts, "Source: reported records (cities.csv, bases.csv)", sizeSource, 100); strings.Contains(strings.Join(got, "|"), "rec|ords") {
		t.Errorf("broke inside a word: %q", got)
	}
}

func TestChineseOrdinal(t *testing.T) {
	for n, want := range map[int]string{1: "一", 2: "二", 10: "十", 12: "十二", 20: "二十", 25: "二十五", 99: "九十九", 100: "100"} {
		if got := chineseOrdinal(n); got != want {
			t.Errorf("chineseOrdinal(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestPeopleTicks(t *testing.T) {
	zh, en := texts{lang: vocab.Zh}, texts{lang: vocab.En}
	tests := []struct {
		name   string
		fn     func([]float64) []string
		vals   []float64
		labels []string
	}{
		{"zh", zh.peopleTicks(false), []float64{0, 200000, 400000}, []string{"0", "20万", "40万"}},
		{"zh 亿", zh.peopleTicks(false), []float64{0, 5e7, 1e8, 1.5e8}, []string{"0", "5000万", "1亿", "1.5亿"}},
		{"en millions", en.peopleTicks(false), []float64{0, 5e5, 1e6, 1.5e6}, []string{"0", "0.5", "1", "1.5 million"}},
		{"en thousands", en.peopleTicks(false), []float64{0, 2000, 4000}, []string{"0", "2,000", "4,000"}},
		{"en signed", en.peopleTicks(true), []float64{-1e6, 0, 1e6, 2e6}, []string{"-1", "0", "+1", "+2 million"}},
		{"zh signed", zh.peopleTicks(true), []float64{-100000, 0, 100000}, []string{"-10万", "0", "+10万"}},
	}
	for _, tt := range tests {
		if got := tt.fn(tt.vals); !slices.Equal(got, tt.labels) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.labels)
		}
	}
}

func TestPeriodText(t *testing.T) {
	tests := []struct {
		p      analysis.Period
		zh, en string
	}{
		{analysis.Period{Year: 2019}, "2019年", "2019"},
		{analysis.Period{Year: 2024, Month: 12}, "2024年12月", "December 2024"},
		{analysis.Period{Year: 2019, Month: 5, Day: 17}, "2019年5月17日", "17 May 2019"},
		{analysis.Period{}, "", ""},
	}
	for _, tt := range tests {
		if got := periodText(tt.p, vocab.Zh); got != tt.zh {
			t.Errorf("zh %v: %q, want %q", tt.p, got, tt.zh)
		}
		if got := periodText(tt.p, vocab.En); got != tt.en {
			t.Errorf("en %v: %q, want %q", tt.p, got, tt.en)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	county := func() *analysis.Dataset { return sample.National(sample.Options{Previous: true, Cities: 2800}) }
	for _, gc := range []goldenCase{{"western", vocab.Zh, western}, {"national", vocab.Zh, national}, {"cities=2800", vocab.Zh, county}} {
		c := mustCompare(b, gc.data())
		b.Run(gc.name, func(b *testing.B) {
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				if _, _, err := Render(c, Options{Lang: gc.lang}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
	// The province slices as --slices province renders them on national
	// data (gendata -cities 341 -periods 24): every province's charts in
	// turn, rasters kept from render to render; and one province of them.
	d := sample.National(sample.Options{Cities: 341, Months: 24})
	full := mustCompare(b, d)
	var provinces []*analysis.Comparison
	for _, p := range full.Provinces {
		provinces = append(provinces, sliceOf(b, d, p.Province))
	}
	for _, tc := range []struct {
		name string
		cs   []*analysis.Comparison
	}{{"slices", provinces}, {"slice", []*analysis.Comparison{sliceOf(b, d, benchProvince)}}} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			rasters := &Rasters{}
			cpu := cpuTime()
			for b.Loop() {
				for _, c := range tc.cs {
					if _, _, err := Render(c, Options{Lang: vocab.Zh, Rasters: rasters}); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

func TestValueTicker(t *testing.T) {
	face, err := font.Default()
	if err != nil {
		t.Fatal(err)
	}
	ts := newTypeset(face.Font)
	zh, en := texts{lang: vocab.Zh}, texts{lang: vocab.En}
	tests := []struct {
		name     string
		tk       valueTicker
		min, max float64
		labels   []string
	}{
		{"zh 万 on a long axis", valueTicker{lo: 0, hi: 1.4e6, width: 400, label: zh.peopleTicks(false)}, 0, 1.5e6,
			[]string{"0", "20万", "40万", "60万", "80万", "100万", "120万", "140万"}},
		{"en millions, fewer where labels are wide", valueTicker{lo: 0, hi: 1.4e6, width: 200, label: en.peopleTicks(false)}, 0, 1.5e6,
			[]string{"0", "0.5", "1 million"}},
		{"counts stay whole", valueTicker{lo: 0, hi: 4, width: 400, integer: true, label: countTicks}, 0, 4.2,
			[]string{"0", "1", "2", "3", "4"}},
		{"signed, inside the data only", valueTicker{lo: -4e4, hi: 4.23e5, width: 300, label: zh.peopleTicks(true)}, -1e5, 5e5,
			[]string{"0", "+10万", "+20万", "+30万", "+40万"}},
	}
	for _, tt := range tests {
		tk := tt.tk
		tk.ts = ts
		ticks := tk.Ticks(tt.min, tt.max)
		var got []string
		for _, tick := range ticks {
			got = append(got, tick.Label)
			if tick.Value < tk.lo || tick.Value > tk.hi {
				t.Errorf("%s: tick %v outside the data [%v, %v]", tt.name, tick.Value, tk.lo, tk.hi)
			}
		}
		if !slices.Equal(got, tt.labels) {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.labels)
		}
		if again := tk.Ticks(tt.min, tt.max); &again[0] != &ticks[0] {
			t.Errorf("%s: ticks computed again for the same range", tt.name)
		}
	}
}

// cpuTime is the process's CPU time so far (user and system, all threads)
// in nanoseconds: on a shared machine it varies far less than wall time.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

// TestRasterOncePerGoroutine: charts are drawn largest first, so each
// rendering goroutine allocates its raster once, at its first chart's size,
// and never grows it (fresh memory each time, every page faulted in again:
// most of the embedded dataset's page faults). The national charts run
// from 3,500 to 17 MB of pixels.
func TestRasterOncePerGoroutine(t *testing.T) {
	c := mustCompare(t, monthly())
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	sizes := countRasters(t)
	charts, _, err := Render(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(charts) < 4 {
		t.Fatalf("%d charts, want the national set", len(charts))
	}
	if len(*sizes) > 2 {
		t.Errorf("%d rasters allocated for %d charts on 2 goroutines (bytes %v), want at most 2", len(*sizes), len(charts), *sizes)
	}
}

// TestRastersKeptAcrossSlices: the charts of every province slice, rendered
// one after another in shared rasters, are drawn in the rasters of the
// first slices, not in rasters allocated again when a chart is a few rows
// taller than the raster it is given (7 rasters, 67 MB, in a national run
// with its slices, where 2 would do for its 2 cores).
func TestRastersKeptAcrossSlices(t *testing.T) {
	if testing.Short() {
		t.Skip("renders every province slice")
	}
	d := sample.National(sample.Options{Cities: 341, Months: 24})
	full := mustCompare(t, d)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	sizes := countRasters(t)
	rasters := &Rasters{}
	names := analysis.SliceNames(full, analysis.SliceProvince)
	for _, name := range names {
		c, err := analysis.CompareSlice(d, full, analysis.SliceProvince, name)
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := Render(c, Options{Rasters: rasters}); err != nil {
			t.Fatal(err)
		}
	}
	if len(*sizes) > 2 {
		t.Errorf("%d rasters allocated for %d slices on 2 goroutines (bytes %v), want 2", len(*sizes), len(names), *sizes)
	}
}

// TestRastersAtMostGOMAXPROCS: renders at once sharing Rasters (the whole
// packet beside its slices) make at most GOMAXPROCS rasters between them;
// more were made before, each allocated and filled white, while the others
// were in use (four in a national run with its slices on two cores).
func TestRastersAtMostGOMAXPROCS(t *testing.T) {
	if testing.Short() {
		t.Skip("renders province slices")
	}
	d := sample.National(sample.Options{Cities: 341, Months: 24})
	full := mustCompare(t, d)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	cs := []*analysis.Comparison{full}
	for _, name := range analysis.SliceNames(full, analysis.SliceProvince)[:7] {
		c, err := analysis.CompareSlice(d, full, analysis.SliceProvince, name)
		if err != nil {
			t.Fatal(err)
		}
		cs = append(cs, c)
	}
	rasters := &Rasters{}
	errs := make([]error, len(cs))
	var wg sync.WaitGroup
	for i, c := range cs {
		wg.Go(func() { _, _, errs[i] = Render(c, Options{Rasters: rasters}) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if n := len(rasters.free); n > 2 {
		t.Errorf("%d rasters made by %d renders at once on 2 cores, want at most 2", n, len(cs))
	}
}

// TestRasterTakenBeforeMeasuring: a render takes its first raster as it
// starts, before building and measuring its charts: the whole packet,
// whose render starts before its slices', so has one to size for its own
// charts; it took its rasters once measured, after a slice's (fewer,
// smaller charts) had taken them, and grew them (four rasters, 52 MB, in
// some national runs with their slices, two of them 18 MB). And it never
// waits for a second: with the other raster held elsewhere, it draws every
// chart in its one.
func TestRasterTakenBeforeMeasuring(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	rasters := &Rasters{}
	held := rasters.get() // another render's
	defer rasters.put(held)
	made := -1
	saved := builders
	t.Cleanup(func() { builders = saved })
	builders = []builder{func(c *analysis.Comparison, tx texts) (*figure, string) {
		rasters.mu.Lock()
		made = rasters.made
		rasters.mu.Unlock()
		return membersByCity(c, tx)
	}, changeByCity}
	done := make(chan error, 1)
	go func() {
		_, _, err := Render(sliceOf(t, monthly(), benchProvince), Options{Rasters: rasters})
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(time.Minute):
		t.Fatal("the render waits for the raster held elsewhere")
	}
	if made != 2 {
		t.Errorf("%d rasters made when the first chart was built, want 2 (one held elsewhere, one the render's)", made)
	}
}

// countRasters records the size of every chart raster allocated until the
// test ends.
func countRasters(t *testing.T) *[]int {
	var sizes []int
	var mu sync.Mutex
	alloc := newRaster
	t.Cleanup(func() { newRaster = alloc })
	newRaster = func(n int) []uint8 {
		mu.Lock()
		sizes = append(sizes, n)
		mu.Unlock()
		return alloc(n)
	}
	return &sizes
}

// TestNamesAreTheBuilders: national data over 26 months draw every chart,
// and Names lists exactly those, in order.
func TestNamesAreTheBuilders(t *testing.T) {
	if testing.Short() {
		t.Skip("renders the national charts")
	}
	c := mustCompare(t, sample.National(sample.Options{Cities: 120, Months: 26}))
	charts, notes, err := Render(c, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := chartNames(charts); !slices.Equal(got, Names()) {
		t.Errorf("drawn %q (skipped: %q), Names %q", got, notes, Names())
	}
	if len(Names()) != len(builders) {
		t.Errorf("%d names for %d builders", len(Names()), len(builders))
	}
}

// TestWidthKeyedByWhatWidthReads: a text's width is kept under the face's
// font, its size and the text, what font.Face.Width reads, and found
// again in a hash of those: the sync.Map it was kept in before hashed the
// whole font.Font (names, style, weight) into its key, field by field, at
// every lookup (a fifth of the charts' measuring), and kept a second
// entry for the same font and size under another name.
func TestWidthKeyedByWhatWidthReads(t *testing.T) {
	f, err := font.Default()
	if err != nil {
		t.Fatal(err)
	}
	face := newTypeset(f.Font).face(9)
	renamed := face
	renamed.Font.Typeface = "another name"
	widths.clear()
	widthsLen.Store(0)
	a, b := width(face, "各城市报送人数"), width(renamed, "各城市报送人数")
	if a != b || a != face.Width("各城市报送人数") {
		t.Errorf("widths %v and %v, want %v", a, b, face.Width("各城市报送人数"))
	}
	if n := widthsLen.Load(); n != 1 {
		t.Errorf("%d widths kept for one text in one font and size, want 1", n)
	}
}
