package briefing

import (
	"strings"
	"testing"
	"unicode"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
)

func TestNarrativeWestern(t *testing.T) {
	got := narrativeString(western(t), vocab.Zh)
	for _, want := range []string{
		"本期简报涵盖西部地区9个省区市的10个城市，其中创新试点城市2个、创新推广城市8个（城市类别部分系推定，见《数据说明》）；记录在册的实践创新基地12个，其中全国重点项目2个。",
		"2019年，西部地区10个城市中有2个报送新的社会阶层人士人数，合计270万。",
		"重庆最多，为140万，占西部地区报送数的51.9%；成都次之，为130万。",
		"基地数量以四川最多，有4个，其中重点项目2个。",
		"数据中只有2019年一期，暂不能与上期比较。",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("narrative lacks %q\ngot:\n%s", want, got)
		}
	}
	// The provinces' leaders are the cities' leaders here: said once.
	if strings.Contains(got, "分省区市看") {
		t.Errorf("narrative repeats the city lead for provinces:\n%s", got)
	}
}

func TestNarrativeEnglish(t *testing.T) {
	got := narrativeString(western(t), vocab.En)
	for _, want := range []string{
		"This briefing covers 10 cities in 9 provinces in the Western region: 2 pilot and 8 promotion cities (some tiers inferred; see the annex).",
		"Among cities, Chongqing leads with 1.4 million, 51.9% of the Western region's reported total; Chengdu follows with 1.3 million.",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("narrative lacks %q\ngot:\n%s", want, got)
		}
	}
	if hasHan(got) { // place names too are in English
		t.Errorf("English narrative has Chinese:\n%s", got)
	}
}

func narrativeString(c *analysis.Comparison, lang vocab.Lang) string {
	var out []string
	for _, p := range Narrative(c, lang) {
		out = append(out, p.Text)
	}
	return strings.Join(out, "\n")
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func TestNarrativeChangeAndRegions(t *testing.T) {
	c := national(t)
	got := narrativeString(c, vocab.Zh)
	for _, want := range []string{"7个片区31个省区市的300个城市", "分片区看，华东", "2024年12月，各片区300个城市中有222个报送新的社会阶层人士人数，合计1.6亿，按可比口径比上月增加561.9万人，增长4.6%。海南以省级数据计入总数。", "城市中增加最多的是湖南永宁，比上月增加42.3万人，增长28.5%。", "城市中减少最多的是安徽南湖，比上月减少4万人，下降7.4%。"} {
		if !strings.Contains(got, want) {
			t.Errorf("narrative lacks %q\ngot:\n%s", want, got)
		}
	}
}

func TestNarrativeNoFigures(t *testing.T) {
	d := westernDataset()
	d.Figures = nil
	d.Period, d.Periods = analysis.Period{}, nil
	c := mustCompare(t, d)
	got := narrativeString(c, vocab.Zh)
	if !strings.Contains(got, "数据中还没有新的社会阶层人士人数") {
		t.Errorf("narrative does not say that no figure is reported:\n%s", got)
	}
	if _, err := writeBytes(c, testOptions(t)); err != nil {
		t.Fatalf("write without figures: %v", err)
	}
}

func TestWriteNationalDeterministicWithSameWidthCharts(t *testing.T) {
	c := mustCompare(t, sample.National(sample.Options{Previous: true, Cities: 60}))
	opts := testOptions(t)
	for i := 0; i < 3; i++ {
		opts.Charts = append(opts.Charts, Figure{Name: "extra", Title: "同宽图表", PNG: testChart(t, 1600, 900)})
	}
	a, err := writeBytes(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		b, err := writeBytes(c, opts)
		if err != nil {
			t.Fatal(err)
		}
		if string(a) != string(b) {
			t.Fatal("two writes differ")
		}
	}
}

func TestPeriodsSentence(t *testing.T) {
	months := func(n int) []analysis.Period {
		var ps []analysis.Period
		for i := 0; i < n; i++ {
			ps = append(ps, analysis.Period{Year: 2022 + i/12, Month: 1 + i%12})
		}
		return ps
	}
	cases := []struct {
		name string
		ps   []analysis.Period
		lang vocab.Lang
		want string
	}{
		{"one year", []analysis.Period{{Year: 2019}}, vocab.Zh, "本期比较2019年。数据中的期间：2019年。"},
		{"two months listed", months(2), vocab.Zh, "本期比较2022年2月，上期为2022年1月。数据中的期间：2022年1月、2022年2月。"},
		{"history as a span", months(36), vocab.Zh, "本期比较2024年12月，上期为2024年11月。数据中的期间：2022年1月至2024年12月，共36期。"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cmp := &analysis.Comparison{Periods: c.ps, Period: c.ps[len(c.ps)-1]}
			if len(c.ps) > 1 {
				cmp.Previous = c.ps[len(c.ps)-2]
			}
			if got := periodsSentence(cmp, newWords(c.lang)); got != c.want {
				t.Errorf("periodsSentence =\n %q, want\n %q", got, c.want)
			}
		})
	}
}
