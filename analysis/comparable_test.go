package analysis

import (
	"fmt"
	"strings"
	"testing"
)

func month(y, m int) Period   { return Period{Year: y, Month: m} }
func quarter(y, q int) Period { return Period{Year: y, Quarter: q} }

// cmpText writes a Comparable as basis members/previous change ratio cities,
// "-" for null, so one string states every field.
func cmpText(b Basis, c Comparable) string {
	ratio := "-"
	if c.ChangeRatio != nil {
		ratio = fmt.Sprintf("%.4f", *c.ChangeRatio)
	}
	cities := "-"
	if c.Cities != nil {
		cities = fmt.Sprint(*c.Cities)
	}
	s := fmt.Sprintf("%d/%d %d %s n=%s", i64(c.Members), i64(c.Previous), i64(c.Change), ratio, cities)
	if b != "" {
		s = string(b) + " " + s
	}
	return s
}

func codes(c *Comparison) string {
	var out []string
	for _, n := range c.Notices {
		if n.Code != CodeNoFigure {
			out = append(out, n.Code)
		}
	}
	return strings.Join(out, ",")
}

func notice(c *Comparison, code string) Notice {
	for _, n := range c.Notices {
		if n.Code == code {
			return n
		}
	}
	return Notice{}
}

// province 省 (cities 甲 乙 丙) and 他省 (丁) in region 区; t = 2019, s = 2018.
func twoProvinces(figs ...Figure) *Dataset {
	return &Dataset{Period: y2019, Cities: []City{city("甲", "省", "区", TierOther), city("乙", "省", "区", TierOther),
		city("丙", "省", "区", TierOther), city("丁", "他省", "区", TierOther)}, Figures: figs}
}

func province(c *Comparison, name string) ProvinceRow {
	for _, p := range c.Provinces {
		if p.Province == name {
			return p
		}
	}
	panic(name)
}

func TestComparableBasis(t *testing.T) {
	cases := []struct {
		name      string
		d         *Dataset
		prov      string // 省's basis and comparable against 2018
		members   string // 省's members/previous (raw)
		region    string // the region's comparable
		notices   string
		noticeEn  string // a substring of the first non-no_figure notice
		noticeZh  string
		cityCount int // 省's reporting cities
	}{
		{"basis by province figure",
			twoProvinces(fig("省", "", y2019, 0, 500), fig("省", "", y2018, 0, 400),
				fig("省", "甲", y2019, 0, 100), fig("省", "甲", y2018, 0, 90), fig("省", "乙", y2019, 0, 50)),
			"province 500/400 100 0.2500 n=1", "500/400", "500/400 100 0.2500 n=1",
			"coverage_changed", "Reporting cities differ between 2018 and 2019 in 1 provinces; the change compares only the cities that reported in both: 省 (1 entered)",
			"2018年与2019年报送人数的城市有变化，环比只比较两期均有数据的城市，不以报送范围的变化计为增减：省（新增1个）", 2},
		{"basis by cities, cities entering and leaving",
			twoProvinces(fig("省", "甲", y2019, 0, 100), fig("省", "甲", y2018, 0, 80), fig("省", "乙", y2019, 0, 50), fig("省", "丙", y2018, 0, 30),
				fig("他省", "丁", y2019, 0, 70), fig("他省", "丁", y2018, 0, 35)),
			// region: 省 100/80 + 他省 70/35 = 170/115, +55, 47.83 %
			"cities 100/80 20 0.2500 n=1", "150/110", "170/115 55 0.4783 n=2",
			"coverage_changed", "省 (1 entered, 1 left)", "省（新增1个、减少1个）", 2},
		{"switching from a province-level figure to a city sum",
			twoProvinces(fig("省", "", y2018, 0, 400), fig("省", "甲", y2019, 0, 120), fig("省", "甲", y2018, 0, 100), fig("省", "乙", y2019, 0, 90),
				fig("省", "乙", y2018, 0, 95)),
			// Raw 210 against 400 (−47.5 %) is the basis switching; like for like +15 (+7.69 %).
			"cities 210/195 15 0.0769 n=2", "210/400", "210/195 15 0.0769 n=2",
			"basis_changed", "1 provinces switched between a province-level figure and a sum of their cities between 2018 and 2019; their change is on a comparable basis, not the difference of the two totals: 省",
			"省在2018年与2019年的人数口径不同（一期为省级数据，另一期为所辖城市之和），环比按两期可比口径计算", 2},
		{"nothing comparable",
			twoProvinces(fig("省", "甲", y2019, 0, 100), fig("省", "乙", y2018, 0, 50)),
			"-1/-1 -1 - n=-", "100/50", "-1/-1 -1 - n=-",
			"coverage_changed", "省 (1 entered, 1 left)", "省（新增1个、减少1个）", 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := mustCompare(t, tc.d, "")
			p := province(c, "省")
			if got := cmpText(p.Basis, p.Comparable); got != tc.prov {
				t.Errorf("省 comparable = %q, want %q", got, tc.prov)
			}
			if got := fmt.Sprintf("%d/%d", i64(p.Members), i64(p.PreviousMembers)); got != tc.members {
				t.Errorf("省 members = %s, want %s", got, tc.members)
			}
			if got := cmpText("", c.Regions[0].Comparable); got != tc.region {
				t.Errorf("region comparable = %q, want %q", got, tc.region)
			}
			if got := cmpText("", c.Totals.Comparable); got != tc.region {
				t.Errorf("totals comparable = %q, want %q", got, tc.region)
			}
			if got := codes(c); got != tc.notices {
				t.Errorf("notices = %q, want %q", got, tc.notices)
			}
			n := notice(c, tc.notices)
			if !strings.Contains(n.En, tc.noticeEn) || !strings.Contains(n.Zh, tc.noticeZh) {
				t.Errorf("notice = %q / %q, want %q / %q", n.En, n.Zh, tc.noticeEn, tc.noticeZh)
			}
			if p.ReportingCities != tc.cityCount {
				t.Errorf("省 reporting cities = %d, want %d", p.ReportingCities, tc.cityCount)
			}
			if c.YearAgo != y2018 || p.YoYBasis != p.Basis || cmpText("", p.YoY) != cmpText("", p.Comparable) {
				t.Errorf("for years the year-ago period is the previous one: %v %q %q", c.YearAgo, p.YoYBasis, cmpText("", p.YoY))
			}
		})
	}
}

// monthly is 省 (甲, 乙) over months; 乙 starts reporting in 2019-05.
func monthly(figs ...Figure) *Dataset {
	d := &Dataset{Cities: []City{city("甲", "省", "区", TierOther), city("乙", "省", "区", TierOther), city("丙", "他省", "西", TierOther)}, Figures: figs}
	for _, f := range figs {
		if d.Period.Less(f.Period) {
			d.Period = f.Period
		}
	}
	return d
}

func TestYearOnYear(t *testing.T) {
	withAgo := monthly(fig("省", "甲", month(2018, 5), 0, 800), fig("省", "甲", month(2019, 4), 0, 950), fig("省", "甲", month(2019, 5), 0, 1000),
		fig("省", "乙", month(2019, 5), 0, 300), fig("省", "乙", month(2018, 5), SegmentFreelance, 100), fig("省", "乙", month(2018, 5), SegmentNewMedia, 140),
		fig("省", "", month(2018, 5), 0, 1500), Figure{Province: "省", City: "甲", Period: y2019, Members: 5}) // a yearly figure: another kind
	c := mustCompare(t, withAgo, "")
	if c.Period != month(2019, 5) || c.Previous != month(2019, 4) || c.YearAgo != month(2018, 5) {
		t.Fatalf("periods %v %v %v", c.Period, c.Previous, c.YearAgo)
	}
	a := c.Cities[0]
	if a.City != "甲" || i64(a.YearAgoMembers) != 800 || i64(a.YoYChange) != 200 || *a.YoYChangeRatio != 0.25 || i64(a.Change) != 50 {
		t.Errorf("甲 = %+v", a)
	}
	b := c.Cities[1]
	if i64(b.YearAgoMembers) != 240 || i64(b.YoYChange) != 60 || *b.YoYChangeRatio != 0.25 || b.PreviousMembers != nil || b.Change != nil {
		t.Errorf("乙 (year-ago from segments) = %+v", b)
	}
	p := province(c, "省")
	// 同比: 1500 is a province-level figure, 2019-05 a city sum: basis cities, 甲 and 乙 both.
	if got := cmpText(p.YoYBasis, p.YoY); got != "cities 1300/1040 260 0.2500 n=2" {
		t.Errorf("省 yoy = %q", got)
	}
	if got := cmpText(p.Basis, p.Comparable); got != "cities 1000/950 50 0.0526 n=1" {
		t.Errorf("省 环比 = %q", got)
	}
	if got := codes(c); got != "basis_changed,coverage_changed" {
		t.Errorf("notices = %q", got)
	}
	if !strings.Contains(notice(c, CodeBasisChanged).Zh, "同比按两期可比口径计算") {
		t.Errorf("basis notice = %q", notice(c, CodeBasisChanged).Zh)
	}
	if other := province(c, "他省"); other.YoYBasis != BasisNone || other.YoY.Cities != nil || other.YoY.Members != nil {
		t.Errorf("他省 yoy = %+v", other.YoY)
	}
	if got := cmpText("", c.Totals.YoY); got != "1300/1040 260 0.2500 n=2" {
		t.Errorf("totals yoy = %q", got)
	}
	if len(c.Figures) != 7 || c.Figures[0].Period != month(2018, 5) {
		t.Errorf("figures used = %d, first %v", len(c.Figures), c.Figures[0].Period)
	}

	without := monthly(fig("省", "甲", month(2019, 4), 0, 950), fig("省", "甲", month(2019, 5), 0, 1000))
	c = mustCompare(t, without, "")
	p = province(c, "省")
	if !c.YearAgo.IsZero() || c.Cities[0].YearAgoMembers != nil || c.Cities[0].YoYChange != nil || p.YoYBasis != BasisNone ||
		p.YoY.Members != nil || c.Totals.YoY.Cities != nil || c.Totals.YoY.Change != nil {
		t.Errorf("no year-ago period: %v %+v %+v", c.YearAgo, c.Cities[0], c.Totals.YoY)
	}
	if got := cmpText(p.Basis, p.Comparable); got != "cities 1000/950 50 0.0526 n=1" {
		t.Errorf("省 环比 = %q", got)
	}
}

func TestQuarters(t *testing.T) {
	d := monthly(fig("省", "甲", quarter(2018, 2), 0, 700), fig("省", "甲", quarter(2019, 1), 0, 760), fig("省", "甲", quarter(2019, 2), 0, 770),
		fig("省", "甲", month(2019, 6), 0, 1), fig("省", "甲", y2019, 0, 2)) // a month and a year: other kinds
	d.Period = quarter(2019, 2)
	c := mustCompare(t, d, "")
	if c.Previous != quarter(2019, 1) || c.YearAgo != quarter(2018, 2) || c.Source != c.Period {
		t.Fatalf("periods %v %v %v", c.Previous, c.YearAgo, c.Source)
	}
	a := c.Cities[0]
	if i64(a.Members) != 770 || i64(a.Change) != 10 || i64(a.YoYChange) != 70 || *a.YoYChangeRatio != 0.1 {
		t.Errorf("甲 = %+v", a)
	}
	var ps []string
	for _, s := range c.Series {
		ps = append(ps, fmt.Sprintf("%s:%d", s.Period, i64(s.Members)))
	}
	if got := strings.Join(ps, " "); got != "2018-Q2:700 2019-Q1:760 2019-Q2:770" {
		t.Errorf("series = %s", got)
	}
}

func half(y, h int) Period { return Period{Year: y, Half: h} }

// TestHalves compares half-years like quarters: the previous period is the
// half before, 同比 the same half a year earlier, like for like.
func TestHalves(t *testing.T) {
	d := monthly(fig("省", "甲", half(2018, 1), 0, 700), fig("省", "甲", half(2018, 2), 0, 740), fig("省", "乙", half(2018, 2), 0, 90),
		fig("省", "甲", half(2019, 1), 0, 770), fig("省", "乙", half(2019, 1), 0, 100),
		fig("省", "甲", quarter(2019, 2), 0, 1), fig("省", "甲", y2019, 0, 2)) // a quarter and a year: other kinds
	d.Period = half(2019, 1)
	c := mustCompare(t, d, "")
	if c.Previous != half(2018, 2) || c.YearAgo != half(2018, 1) || c.Source != c.Period {
		t.Fatalf("periods %v %v %v", c.Previous, c.YearAgo, c.Source)
	}
	p := province(c, "省")
	if got := cmpText(p.Basis, p.Comparable); got != "cities 870/830 40 0.0482 n=2" {
		t.Errorf("省 环比 = %q", got)
	}
	if got := cmpText(p.YoYBasis, p.YoY); got != "cities 770/700 70 0.1000 n=1" {
		t.Errorf("省 同比 = %q", got)
	}
	var ps []string
	for _, s := range c.Series {
		ps = append(ps, fmt.Sprintf("%s:%d", s.Period, i64(s.Members)))
	}
	if got := strings.Join(ps, " "); got != "2018-H1:700 2018-H2:830 2019-H1:870" {
		t.Errorf("series = %s", got)
	}

	// The half-year view of monthly figures: June stands for H1, December for H2.
	d = monthly(fig("省", "甲", month(2018, 6), 0, 600), fig("省", "甲", month(2018, 12), 0, 650), fig("省", "甲", month(2019, 3), 0, 660),
		fig("省", "甲", month(2019, 5), 0, 690), fig("省", "甲", month(2019, 8), 0, 700))
	d.Period = half(2019, 1)
	c = mustCompare(t, d, "")
	if c.Source != month(2019, 5) || c.Previous != half(2018, 2) || c.PreviousSource != month(2018, 12) || c.YearAgo != half(2018, 1) || c.YearAgoSource != month(2018, 6) {
		t.Fatalf("half view %v %v/%v %v/%v", c.Source, c.Previous, c.PreviousSource, c.YearAgo, c.YearAgoSource)
	}
	n := notice(c, CodePeriodEnd)
	if n.Zh != "2019年上半年按半年末数比较：各地采用2019年5月的数据，2018年下半年采用2018年12月，2018年上半年采用2018年6月。" ||
		n.En != "2019-H1 is compared by its half-year-end figures: each place's figure for 2019-05; 2018-H2 by 2018-12, 2018-H1 by 2018-06" {
		t.Errorf("notice = %q / %q", n.Zh, n.En)
	}
}

func TestYearView(t *testing.T) {
	d := monthly(fig("省", "甲", month(2017, 12), 0, 500), fig("省", "甲", month(2018, 6), 0, 600), fig("省", "甲", month(2018, 11), 0, 650),
		fig("省", "乙", month(2018, 11), 0, 100), fig("省", "甲", month(2019, 3), 0, 690), fig("省", "甲", month(2019, 12), 0, 720),
		fig("省", "乙", month(2019, 12), SegmentEnterprise, 130), fig("省", "甲", month(2020, 1), 0, 730))
	d.Period = y2019
	c := mustCompare(t, d, "")
	if c.Source != month(2019, 12) || c.Previous != y2018 || c.PreviousSource != month(2018, 11) || c.YearAgo != y2018 || c.YearAgoSource != month(2018, 11) {
		t.Fatalf("sources %v %v/%v %v/%v", c.Source, c.Previous, c.PreviousSource, c.YearAgo, c.YearAgoSource)
	}
	p := province(c, "省")
	if i64(p.Members) != 850 || cmpText(p.Basis, p.Comparable) != "cities 850/750 100 0.1333 n=2" || cmpText(p.YoYBasis, p.YoY) != cmpText(p.Basis, p.Comparable) {
		t.Errorf("省 %d %q %q", i64(p.Members), cmpText(p.Basis, p.Comparable), cmpText(p.YoYBasis, p.YoY))
	}
	var ps []string
	for _, s := range c.Series {
		ps = append(ps, fmt.Sprintf("%s(%s):%d/%d", s.Period, s.Source, i64(s.Members), s.ReportingCities))
	}
	if got := strings.Join(ps, " "); got != "2017(2017-12):500/1 2018(2018-11):750/2 2019(2019-12):850/2" {
		t.Errorf("series = %s", got)
	}
	n := notice(c, CodePeriodEnd)
	if n.En != "2019 is compared by its year-end figures: each place's figure for 2019-12; 2018 by 2018-11" ||
		n.Zh != "2019年按年末数比较：各地采用2019年12月的数据，2018年采用2018年11月。" {
		t.Errorf("notice = %q / %q", n.En, n.Zh)
	}
	// Figures list cities in official order: names the table lacks in cities.csv's order (甲, 乙).
	if len(c.Figures) != 4 || c.Figures[3].Period != month(2019, 12) || c.Figures[3].Segment != SegmentEnterprise || c.Figures[3].City != "乙" {
		t.Errorf("figures used = %+v", c.Figures)
	}

	d.Period = quarter(2019, 1) // the quarter view: 2019-03 stands for 2019-Q1, 2018-Q4 by 2018-11
	c = mustCompare(t, d, "")
	if c.Source != month(2019, 3) || c.Previous != quarter(2018, 4) || c.PreviousSource != month(2018, 11) || !c.YearAgo.IsZero() {
		t.Errorf("quarter view %v %v/%v %v", c.Source, c.Previous, c.PreviousSource, c.YearAgo)
	}
	if !strings.HasPrefix(notice(c, CodePeriodEnd).Zh, "2019年第一季度按季末数比较：各地采用2019年3月的数据，2018年第四季度采用2018年11月") || len(c.Series) != 4 {
		t.Errorf("quarter notice %q, %d points", notice(c, CodePeriodEnd).Zh, len(c.Series))
	}
}

func TestSeries(t *testing.T) {
	// 省 reports 甲 in Jan, 甲 and 乙 in Feb, a province-level figure in Mar;
	// 他省 (region 西) 丙 throughout.
	d := monthly(fig("省", "甲", month(2019, 1), 0, 100), fig("他省", "丙", month(2019, 1), 0, 10),
		fig("省", "甲", month(2019, 2), 0, 110), fig("省", "乙", month(2019, 2), 0, 40), fig("他省", "丙", month(2019, 2), 0, 12),
		fig("省", "", month(2019, 3), 0, 200), fig("省", "甲", month(2019, 3), 0, 120), fig("省", "乙", month(2019, 3), 0, 45), fig("他省", "丙", month(2019, 3), 0, 13))
	c := mustCompare(t, d, "")
	var ps []string
	for _, s := range c.Series {
		regions := ""
		for _, r := range s.Regions {
			regions += fmt.Sprintf(" %s=%d/%d", r.Region, i64(r.Members), r.ReportingCities)
		}
		ps = append(ps, fmt.Sprintf("%s:%d/%d%s changed=%v", s.Period, i64(s.Members), s.ReportingCities, regions, s.CoverageChanged))
	}
	want := "2019-01:110/2 区=100/1 西=10/1 changed=false|" +
		"2019-02:162/3 区=150/2 西=12/1 changed=true|" +
		"2019-03:213/3 区=200/2 西=13/1 changed=true"
	if got := strings.Join(ps, "|"); got != want {
		t.Errorf("series\n got %s\nwant %s", got, want)
	}
	// Provinces by official position: 他省 is unknown to the division
	// table, after 省 in data order… both unknown, so data order.
	for _, p := range c.Provinces {
		if got := c.Series[0].Provinces[p.Order]; p.Province == "省" && i64(got) != 100 || p.Province == "他省" && i64(got) != 10 {
			t.Errorf("2019-01 %s = %d", p.Province, i64(got))
		}
	}
	if !c.Series[2].ProvinceLevel[province(c, "省").Order] || c.Series[1].ProvinceLevel[province(c, "省").Order] {
		t.Errorf("province-level flags: %v %v", c.Series[1].ProvinceLevel, c.Series[2].ProvinceLevel)
	}
	c = mustCompare(t, d, "西")
	if len(c.Series) != 3 || i64(c.Series[2].Members) != 13 || len(c.Series[2].Regions) != 1 || c.Series[1].CoverageChanged {
		t.Errorf("series within 西: %+v", c.Series)
	}
}

// The periods a dataset holds in Figures win over its History: a dataset
// changed after loading compares what it now holds.
func TestFiguresOverrideHistory(t *testing.T) {
	d := twoProvinces(fig("省", "甲", y2019, 0, 100), fig("省", "甲", y2018, 0, 80))
	d.History = historyOf(d.Figures)
	d.Figures = []Figure{fig("省", "乙", y2019, 0, 7)}
	c := mustCompare(t, d, "")
	p := province(c, "省")
	if i64(p.Members) != 7 || i64(p.PreviousMembers) != 80 || p.Basis != BasisNone || len(c.Series) != 2 {
		t.Errorf("省 = %d/%d %q, %d points", i64(p.Members), i64(p.PreviousMembers), p.Basis, len(c.Series))
	}
	d.Figures, d.Period = nil, y2019
	if c := mustCompare(t, d, ""); c.Totals.Members != nil || len(c.Series) != 0 {
		t.Errorf("figures dropped: members %v, series %d", c.Totals.Members, len(c.Series))
	}
}

// The year-ago and previous periods' rows, not kept as Figures, are listed
// from the history with their lines and sources.
func TestFiguresFromHistoryKeepLines(t *testing.T) {
	figs := []Figure{
		{Province: "省", City: "甲", Period: month(2018, 5), Members: 800, Line: 2, Source: "年报"},
		{Province: "省", City: "甲", Period: month(2019, 4), Members: 950, Line: 3, Source: "月报"},
		{Province: "省", City: "甲", Period: month(2019, 5), Members: 1000, Line: 4, Source: "月报"},
	}
	d := monthly(figs...)
	d.History = historyOf(figs)
	d.Figures = figs[2:] // input keeps the compared period in full
	c := mustCompare(t, d, "")
	var got []string
	for _, f := range c.Figures {
		got = append(got, fmt.Sprintf("%s %d %s", f.Period, f.Line, f.Source))
	}
	if strings.Join(got, "|") != "2018-05 2 年报|2019-04 3 月报|2019-05 4 月报" {
		t.Errorf("figures used = %q", got)
	}
}
