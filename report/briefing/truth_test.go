package briefing

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// Statements true as written: each case is a dataset and what its
// briefing must say (want) and must not (not), in the narrative, the key
// figures or the 导语.

func month(y, m int) analysis.Period { return analysis.Period{Year: y, Month: m} }

// small builds a dataset of the given cities (name, province) in one
// region with figures per period: figs[period][i] is city i's figure (< 0:
// none).
func small(cities [][2]string, figs map[analysis.Period][]int64) *analysis.Dataset {
	d := &analysis.Dataset{}
	for i, c := range cities {
		d.Cities = append(d.Cities, analysis.City{Name: c[0], Province: c[1], Region: "西部", Line: i + 2})
	}
	for p, vs := range figs {
		d.Periods = append(d.Periods, p)
		if d.Period.Less(p) {
			d.Period = p
		}
		for i, v := range vs {
			if v >= 0 {
				d.Figures = append(d.Figures, analysis.Figure{Province: cities[i][1], City: cities[i][0], Period: p, Members: v})
			}
		}
	}
	for i := 1; i < len(d.Periods); i++ { // ascending
		for j := i; j > 0 && d.Periods[j].Less(d.Periods[j-1]); j-- {
			d.Periods[j], d.Periods[j-1] = d.Periods[j-1], d.Periods[j]
		}
	}
	return d
}

var twoCities = [][2]string{{"成都", "四川"}, {"重庆", "重庆"}, {"贵阳", "贵州"}}

// docText is every paragraph and key figure of the document, one a line.
func docText(t *testing.T, d *analysis.Dataset, lang vocab.Lang) string {
	t.Helper()
	doc, err := Build(mustCompare(t, d), Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case document.Paragraph:
			out = append(out, b.Text)
		case document.KeyFigures:
			for _, k := range b.Items {
				out = append(out, k.Value+" | "+k.Label+" | "+k.Detail)
			}
		}
	}
	return strings.Join(out, "\n")
}

func TestStatementsTrueAsWritten(t *testing.T) {
	y := func(n int) analysis.Period { return analysis.Period{Year: n} }
	cases := []struct {
		name      string
		d         *analysis.Dataset
		want, not []string
	}{
		{"a tie is said as a tie", small(twoCities, map[analysis.Period][]int64{y(2019): {1400000, 1400000, 300000}}),
			[]string{"重庆、成都并列最多，均为140万；贵阳次之，为30万。"}, []string{"重庆最多", "成都最多"}},
		{"a month missing: the period compared is named", small(twoCities, map[analysis.Period][]int64{
			month(2019, 3): {1000000, 900000, 10000}, month(2019, 5): {1010000, 900000, 10000}}),
			[]string{"按可比口径比2019年3月增加1万人，增长0.5%。", "数据中没有2019年4月的数字，上述变化是与2019年3月相比。", "比2019年3月"},
			[]string{"比上月", "环比"}},
		{"adjacent months: 比上月 and 环比", small(twoCities, map[analysis.Period][]int64{
			month(2019, 4): {1000000, 900000, 10000}, month(2019, 5): {1004156, 900000, 10000}}),
			[]string{"按可比口径比上月增加4156人，增长0.2%。", "+4156 | 环比 |"}, []string{"4,156"}},
		{"two years apart is not 比上年", small(twoCities, map[analysis.Period][]int64{
			y(2017): {1000000, 900000, 10000}, y(2019): {1100000, 900000, 10000}}),
			[]string{"按可比口径比2017年增加10万人，增长5.2%。", "数据中没有2018年的数字"}, []string{"比上年", "环比"}},
		{"yearly data: 比上年, never 环比", small(twoCities, map[analysis.Period][]int64{
			y(2018): {1000000, 900000, 10000}, y(2019): {1100000, 900000, 10000}}),
			[]string{"按可比口径比上年增加10万人", "| 比上年 |"}, []string{"环比"}},
		{"tied largest rises are named together", small(twoCities, map[analysis.Period][]int64{
			month(2019, 4): {1000000, 900000, 10000}, month(2019, 5): {1010000, 910000, 10000}}),
			[]string{"城市中增加最多的是重庆、成都，均比上月增加1万人。"}, nil},
		{"a tiny fall is not -0.0%", small(twoCities, map[analysis.Period][]int64{
			month(2019, 4): {10000000, 900000, 10000}, month(2019, 5): {9999990, 900000, 10000}}),
			[]string{"减少10人，持平"}, []string{"-0.0%", "下降0.0%"}},
		{"coverage said, not 3 of 3", small(twoCities, map[analysis.Period][]int64{y(2019): {1400000, 1300000, 300000}}),
			[]string{"3个城市均已报送。", "| 各城市均已报送"}, []string{"3个城市中3个", "3个城市中有3个"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := docText(t, c.d, vocab.Zh)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q\ngot:\n%s", w, got)
				}
			}
			for _, w := range c.not {
				if strings.Contains(got, w) {
					t.Errorf("says %q\ngot:\n%s", w, got)
				}
			}
		})
	}
}

// A province's own figure far from its cities' sum is a matter to verify
// on page 1, with both figures; the total uses the province's figure.
func TestProvinceFigureToVerify(t *testing.T) {
	d := small([][2]string{{"广州", "广东"}, {"深圳", "广东"}, {"南宁", "广西"}}, map[analysis.Period][]int64{
		month(2019, 5): {5000000, 4012000, 1000000}})
	d.Figures = append(d.Figures, analysis.Figure{Province: "广东", Period: month(2019, 5), Members: 5593000})
	got := docText(t, d, vocab.Zh)
	for _, w := range []string{
		"2019年5月，西部新的社会阶层人士人数合计659.3万。3个城市均已报送，广东以省级数据计入总数。",
		"需核实：广东省级数据为559.3万，所辖2个城市报送数之和为901.2万，相差61.1%。",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("lacks %q\ngot:\n%s", w, got)
		}
	}
	doc, err := Build(mustCompare(t, d), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Checks) != 1 {
		t.Errorf("document checks = %q, want the one of 广东", doc.Checks)
	}
}

// "增加最多的是银川" was false where 宁夏's own figure rose more (+2.5万
// against 银川's +2.4万): the sentence compares cities and says so.
func TestLargestRiseAmongCities(t *testing.T) {
	d := small(twoCities, map[analysis.Period][]int64{
		month(2019, 4): {1000000, 900000, 10000}, month(2019, 5): {1024000, 900000, 10000}})
	d.Figures = append(d.Figures,
		analysis.Figure{Province: "贵州", Period: month(2019, 4), Members: 100000},
		analysis.Figure{Province: "贵州", Period: month(2019, 5), Members: 125000})
	for lang, want := range map[vocab.Lang]string{
		vocab.Zh: "城市中增加最多的是成都，比上月增加2.4万人，增长2.4%。",
		vocab.En: "Among cities, the largest rise is in Chengdu, up 24,000 people (2.4%) on last month.",
	} {
		if got := docText(t, d, lang); !strings.Contains(got, want) {
			t.Errorf("lacks %q\ngot:\n%s", want, got)
		}
	}
}

// A province checked against one city has no "sum" and no "cities add up"
// (m50: 所辖1个城市报送数之和为105.4万; "its 1 reporting city add up to").
func TestOneCityToVerify(t *testing.T) {
	d := small(twoCities, map[analysis.Period][]int64{month(2019, 5): {1000000, 900000, 10000}})
	d.Figures = append(d.Figures, analysis.Figure{Province: "贵州", Period: month(2019, 5), Members: 125000})
	for lang, want := range map[vocab.Lang]string{
		vocab.Zh: "需核实：贵州省级数据为12.5万，所辖城市报送数为1万，相差92.0%。",
		vocab.En: "To verify: Guizhou's province-level figure is 125,000, its one reporting city has 10,000, 92.0% apart.",
	} {
		if got := docText(t, d, lang); !strings.Contains(got, want) {
			t.Errorf("lacks %q\ngot:\n%s", want, got)
		}
	}
	d.Cities = append(d.Cities, analysis.City{Name: "遵义", Province: "贵州", Region: "西部", Line: 9})
	for lang, want := range map[vocab.Lang]string{
		vocab.Zh: "需核实：贵州省级数据为12.5万，所辖2个城市中仅1个报送，报送数为1万，相差92.0%。",
		vocab.En: "its one reporting city has 10,000",
	} {
		if got := docText(t, d, lang); !strings.Contains(got, want) {
			t.Errorf("lacks %q\ngot:\n%s", want, got)
		}
	}
}

// Notes explain only the marks a table carries, in one 注： paragraph
// (review: "*为省级数据；†为各群体人数之和" under tables with neither; two
// 注： lines under one table).
func TestTableNotesOnlyTheirMarks(t *testing.T) {
	d := small([][2]string{{"广州", "广东"}, {"深圳", "广东"}, {"南宁", "广西"}, {"桂林", "广西"}}, map[analysis.Period][]int64{
		month(2019, 5): {5000000, 4012000, 1000000, -1}})
	d.Figures = append(d.Figures, analysis.Figure{Province: "广东", Period: month(2019, 5), Members: 5593000})
	doc, err := Build(mustCompare(t, d), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range doc.Blocks {
		if tb, ok := b.(document.Table); ok && strings.HasPrefix(tb.Caption, "各") {
			got = append(got, strings.Join(tb.Notes, "|"))
		}
	}
	want := []string{
		"注：*为省级数据。", // provinces: 广东 559.3万*, every province has a figure, no † anywhere
		"注：“—”表示本期未报送，不按零计算。本表合计1001.2万为各城市报送数之和；简报总数为659.3万，广东以省级数据559.3万计入总数（所辖城市报送数之和为901.2万）。",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("table notes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
