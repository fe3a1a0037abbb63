package chart

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// chartWords is every word a chart prints, one line each: title,
// subtitle, legend, rows (label and value text), notes, source.
func chartWords(f *figure) string {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s\ntitle: %s\nsubtitle: %s\n", f.name, f.title, f.subtitle)
	for _, l := range f.legend {
		fmt.Fprintf(&b, "legend: %s\n", l.label)
	}
	for _, r := range f.rows {
		kind := "row"
		switch {
		case r.heading:
			kind = "heading"
		case r.rest:
			kind = "rest"
		}
		fmt.Fprintf(&b, "%s: %s | %s\n", kind, r.label, r.text)
	}
	for _, n := range f.notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	fmt.Fprintf(&b, "source: %s\n", f.source)
	return b.String()
}

// renderWords builds every chart of c as Render does and returns its words.
func renderWords(tb testing.TB, c *analysis.Comparison, lang vocab.Lang) map[string]string {
	tb.Helper()
	c, t := prepared(c, Options{Lang: lang})
	out := map[string]string{}
	for _, build := range builders {
		if f, _ := build(c, t); f != nil {
			out[f.name] = chartWords(f)
		}
	}
	return out
}

// TestChartWordsGolden pins the charts' words exactly (go test -run
// ChartWordsGolden -update to accept a change; read the diff): a tolerant
// pixel diff lets a wrong word through, this does not.
func TestChartWordsGolden(t *testing.T) {
	for _, fx := range []struct {
		name string
		lang vocab.Lang
		data func() *analysis.Dataset
	}{
		{"western", vocab.Zh, western}, {"western_en", vocab.En, western},
		{"monthly", vocab.Zh, monthly}, {"monthly_en", vocab.En, monthly},
	} {
		t.Run(fx.name, func(t *testing.T) {
			words := renderWords(t, mustCompare(t, fx.data()), fx.lang)
			var got strings.Builder
			for _, name := range []string{"members_by_city", "members_by_province", "bases_by_province", "change_by_city", "coverage_by_province", "yoy_by_city", "trend_by_region"} {
				got.WriteString(words[name])
			}
			path := filepath.Join("testdata", "golden", fx.name+".words.txt")
			if *update {
				if err := os.WriteFile(path, []byte(got.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if got.String() != string(want) {
				gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
				for i := range max(len(gl), len(wl)) {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("%s differs at line %d (run with -update and read the diff):\nwant %s\n got %s", path, i+1, w, g)
					}
				}
			}
		})
	}
}

// TestChartWordsFollowTheBriefing: the change chart names the period
// compared as the narrative does (比上月 for the adjacent month, the month
// itself over a gap, never 较上期), and English charts name places in
// English from the division table (四川 → Sichuan, 成都 → Chengdu, 西部 →
// Western region), as the English briefing does.
func TestChartWordsFollowTheBriefing(t *testing.T) {
	// The month before the last missing: the change is against the one
	// before it.
	gap := monthly()
	last := gap.Period
	var drop analysis.Period
	for _, p := range gap.Periods {
		if p.Less(last) && drop.Less(p) {
			drop = p
		}
	}
	gap.Figures = slices.DeleteFunc(slices.Clone(gap.Figures), func(f analysis.Figure) bool { return f.Period == drop })
	gap.Periods = slices.DeleteFunc(slices.Clone(gap.Periods), func(p analysis.Period) bool { return p == drop })
	prev := analysis.Period{Year: drop.Year, Month: drop.Month - 1}
	if prev.Month == 0 {
		prev = analysis.Period{Year: drop.Year - 1, Month: 12}
	}
	before := vocab.Period(prev.Year, prev.Half, prev.Quarter, prev.Month, prev.Day, vocab.Zh)
	cases := []struct {
		name string
		d    *analysis.Dataset
		lang vocab.Lang
		want string
	}{
		{"adjacent month zh", monthly(), vocab.Zh, "title: 各城市新的社会阶层人士人数比上月增减\n"},
		{"adjacent month en", monthly(), vocab.En, "title: Change in members by city since last month\n"},
		{"a month missing zh", gap, vocab.Zh, "title: 各城市新的社会阶层人士人数比" + before + "增减\n"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := renderWords(t, mustCompare(t, tc.d), tc.lang)["change_by_city"]
			if !strings.Contains(got, tc.want) {
				t.Errorf("change_by_city lacks %q:\n%s", tc.want, got)
			}
			if strings.Contains(got, "较上期") {
				t.Errorf("change_by_city says 较上期:\n%s", got)
			}
		})
	}

	en := renderWords(t, mustCompare(t, western()), vocab.En)
	for _, want := range []string{"row: Chongqing | 1.4 million\n", "row: Chengdu | 1.3 million\n", "subtitle: 2019 · Western region", "row: Sichuan | 4\n"} {
		found := false
		for _, w := range en {
			found = found || strings.Contains(w, want)
		}
		if !found {
			t.Errorf("no English chart says %q", want)
		}
	}
	// Labels of places the division table knows are never Chinese.
	for name, w := range en {
		for _, line := range strings.Split(w, "\n") {
			if !strings.HasPrefix(line, "row: ") && !strings.HasPrefix(line, "heading: ") && !strings.HasPrefix(line, "legend: ") {
				continue
			}
			label, _, _ := strings.Cut(strings.SplitN(line, ": ", 2)[1], " | ")
			if strings.IndexFunc(label, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0 {
				t.Errorf("%s: Chinese label in an English chart: %q", name, line)
			}
		}
	}
}

// Full coverage is said as such, not "3000个城市中3000个报送人数"; English
// counts carry thousands separators (u3k review).
func TestCoverageWords(t *testing.T) {
	c := mustCompare(t, western())
	for _, tc := range []struct {
		lang              vocab.Lang
		reporting, cities int
		want              string
	}{
		{vocab.Zh, 3000, 3000, "各城市均已报送"},
		{vocab.En, 3000, 3000, "all 3,000 cities reported"},
		{vocab.Zh, 2975, 3000, "3000个城市中2975个报送人数"},
		{vocab.En, 2975, 3000, "2,975 of 3,000 cities reported"},
	} {
		if got := newTexts(tc.lang, c, "").coverage(tc.reporting, tc.cities); got != tc.want {
			t.Errorf("%s coverage(%d, %d) = %q, want %q", tc.lang, tc.reporting, tc.cities, got, tc.want)
		}
	}
	d := western()
	d.Cities = d.Cities[:0]
	for _, ct := range western().Cities {
		if ct.Name == "重庆" || ct.Name == "成都" {
			d.Cities = append(d.Cities, ct)
		}
	}
	full := mustCompare(t, d)
	if f, _ := membersByCity(full, newTexts(vocab.Zh, full, "")); !strings.HasSuffix(f.subtitle, "各城市均已报送") {
		t.Errorf("members_by_city subtitle %q, want 各城市均已报送", f.subtitle)
	}
}
