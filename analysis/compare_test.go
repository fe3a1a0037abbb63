package analysis

import (
	"fmt"
	"strings"
	"testing"
)

var (
	y2018 = Period{Year: 2018}
	y2019 = Period{Year: 2019}
)

func city(name, prov, region string, tier Tier) City {
	return City{Name: name, Province: prov, Region: region, Tier: tier}
}

func fig(prov, city string, p Period, seg Segment, n int64) Figure {
	return Figure{Province: prov, City: city, Period: p, Segment: seg, Members: n}
}

// western mirrors the default dataset: ten cities in nine provinces, two figures.
func western() *Dataset {
	d := &Dataset{Period: y2019, Periods: []Period{y2019}}
	for _, c := range [][2]string{{"重庆", "重庆"}, {"成都", "四川"}, {"绵阳", "四川"}, {"贵阳", "贵州"}, {"昆明", "云南"},
		{"拉萨", "西藏"}, {"兰州", "甘肃"}, {"西宁", "青海"}, {"银川", "宁夏"}, {"乌鲁木齐", "新疆"}} {
		tier := TierPromotion
		if c[0] == "重庆" || c[0] == "成都" {
			tier = TierPilot
		}
		d.Cities = append(d.Cities, city(c[0], c[1], "西部地区", tier))
		d.Bases = append(d.Bases, Base{Name: c[0] + "基地", City: c[0], Province: c[1]})
	}
	d.Bases = append(d.Bases, Base{Name: "培华", City: "成都", Province: "四川", Batch: 2},
		Base{Name: "法律", City: "成都", Province: "四川", Batch: 3})
	d.Figures = []Figure{fig("重庆", "重庆", y2019, SegmentAll, 1400000), fig("四川", "成都", y2019, SegmentAll, 1300000)}
	d.Meta.Stated = []Stated{{Label: "重点项目", Value: 25, Measure: "key_projects"}, {Label: "片会", Value: 4}}
	return d
}

func mustCompare(t *testing.T, d *Dataset, region string) *Comparison {
	t.Helper()
	c, err := Compare(d, region)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func i64(v *int64) int64 {
	if v == nil {
		return -1
	}
	return *v
}

func rank(v *int) int {
	if v == nil {
		return -1
	}
	return *v
}

func TestCompareWestern(t *testing.T) {
	c := mustCompare(t, western(), "")
	r := c.Regions[0]
	if len(c.Regions) != 1 || r.Region != "西部地区" || r.Provinces != 9 || r.Cities != 10 || r.PilotCities != 2 ||
		r.PromotionCities != 8 || r.ReportingCities != 2 || i64(r.Members) != 2700000 || r.Bases != 12 || r.KeyProjects != 2 {
		t.Fatalf("region = %+v", r)
	}
	wantCities := []struct {
		name    string
		members int64
		rank    int
		share   float64
	}{{"重庆", 1400000, 1, 1400000.0 / 2700000}, {"成都", 1300000, 2, 1300000.0 / 2700000}, {"乌鲁木齐", -1, -1, -1}}
	for i, w := range wantCities {
		got := c.Cities[i]
		if got.City != w.name || i64(got.Members) != w.members || rank(got.RankInRegion) != w.rank {
			t.Errorf("cities[%d] = %s %d rank %d, want %s %d rank %d", i, got.City, i64(got.Members), rank(got.RankInRegion), w.name, w.members, w.rank)
		}
		if (got.ShareOfRegion == nil) != (w.share < 0) || (got.ShareOfRegion != nil && *got.ShareOfRegion != w.share) {
			t.Errorf("cities[%d] share = %v, want %v", i, got.ShareOfRegion, w.share)
		}
	}
	// Null members sort last, then by name in code-point order: 乌 (U+4E4C) < 兰 (U+5170).
	if c.Cities[3].City != "兰州" || c.Cities[9].City != "银川" {
		t.Errorf("null cities order: %s … %s", c.Cities[3].City, c.Cities[9].City)
	}
	p := c.Provinces[1]
	if p.Province != "四川" || p.Cities != 2 || i64(p.Members) != 1300000 || p.Bases != 4 || p.KeyProjects != 2 ||
		p.ReportingCities != 1 || p.NoBatch != 2 || len(p.BasesByBatch) != 3 || p.BasesByBatch[1] != 1 || p.BasesByBatch[2] != 1 {
		t.Errorf("四川 = %+v", p)
	}
	if c.Provinces[2].Members != nil || c.Provinces[2].RankInRegion != nil || c.Provinces[2].ShareOfRegion != nil {
		t.Errorf("non-reporting province has figures: %+v", c.Provinces[2])
	}
	if c.Stated[0].Recorded == nil || *c.Stated[0].Recorded != 2 || c.Stated[1].Recorded != nil {
		t.Errorf("stated = %+v", c.Stated)
	}
	if !c.Previous.IsZero() || c.Cities[0].Change != nil {
		t.Errorf("no previous period expected")
	}
	if len(c.Warnings) != 1 || !strings.HasPrefix(c.Warnings[0], "8 of 10 cities have no members figure for 2019: 绵阳, 贵阳") {
		t.Errorf("warnings = %q", c.Warnings)
	}
	if len(c.Notices) != 1 || c.Notices[0].Code != CodeNoFigure || c.Notices[0].En != c.Warnings[0] ||
		!strings.HasPrefix(c.Notices[0].Zh, "8个城市（共10个）没有2019年的人数数据：绵阳、贵阳") {
		t.Errorf("notices = %+v", c.Notices)
	}
	if c.Bases[0].City != "重庆" || c.Bases[1].Name != "培华" || c.Bases[2].Name != "法律" || c.Bases[3].Name != "成都基地" {
		t.Errorf("bases order: %v %v %v %v", c.Bases[0].Name, c.Bases[1].Name, c.Bases[2].Name, c.Bases[3].Name)
	}
}

func TestCompareRules(t *testing.T) {
	cases := []struct {
		name  string
		build func() *Dataset
		check func(t *testing.T, c *Comparison)
	}{
		{"ties share a rank", func() *Dataset {
			d := &Dataset{Period: y2019}
			for _, n := range []string{"甲", "乙", "丙", "丁"} {
				d.Cities = append(d.Cities, city(n, "省", "区", TierOther))
			}
			d.Figures = []Figure{fig("省", "甲", y2019, 0, 100), fig("省", "乙", y2019, 0, 200), fig("省", "丙", y2019, 0, 200), fig("省", "丁", y2019, 0, 50)}
			return d
		}, func(t *testing.T, c *Comparison) {
			got := ""
			for _, ct := range c.Cities {
				got += ct.City + string(rune('0'+rank(ct.RankInRegion)))
			}
			if got != "丙1乙1甲3丁4" { // 丙 U+4E19 < 乙 U+4E59
				t.Errorf("ranks = %s", got)
			}
		}},
		{"province-level figure wins over the city sum", func() *Dataset {
			d := &Dataset{Period: y2019, Cities: []City{city("甲", "省", "区", TierOther), city("乙", "省", "区", TierOther), city("丙", "他省", "区", TierOther)}}
			d.Figures = []Figure{fig("省", "甲", y2019, 0, 100), fig("省", "", y2019, 0, 500), fig("他省", "丙", y2019, 0, 250)}
			return d
		}, func(t *testing.T, c *Comparison) {
			p := c.Provinces[0]
			if p.Province != "省" || i64(p.Members) != 500 || !p.ProvinceLevel || p.ReportingCities != 1 || rank(p.RankInRegion) != 1 {
				t.Errorf("province = %+v", p)
			}
			if i64(c.Regions[0].Members) != 750 || *c.Provinces[1].ShareOfRegion != 250.0/750 {
				t.Errorf("region members %d share %v", i64(c.Regions[0].Members), *c.Provinces[1].ShareOfRegion)
			}
		}},
		{"segment-only city sums its segments", func() *Dataset {
			d := &Dataset{Period: y2019, Cities: []City{city("甲", "省", "区", TierOther), city("乙", "省", "区", TierOther)}}
			d.Figures = []Figure{fig("省", "甲", y2019, SegmentFreelance, 30), fig("省", "甲", y2019, SegmentNewMedia, 12),
				fig("省", "乙", y2019, SegmentAll, 40), fig("省", "乙", y2019, SegmentEnterprise, 25)}
			return d
		}, func(t *testing.T, c *Comparison) {
			if c.Cities[0].City != "甲" || i64(c.Cities[0].Members) != 42 || !c.Cities[0].FromSegments || i64(c.Cities[0].BySegment[SegmentFreelance]) != 30 {
				t.Errorf("甲 = %+v", c.Cities[0])
			}
			if i64(c.Cities[1].Members) != 40 || c.Cities[1].FromSegments {
				t.Errorf("乙 = %+v (the total row wins over segments)", c.Cities[1])
			}
			if !strings.Contains(strings.Join(c.Warnings, "\n"), "1 cities have only segment rows for 2019; their total is the sum of the segments: 甲") {
				t.Errorf("warnings = %q", c.Warnings)
			}
		}},
		{"change against the previous period", func() *Dataset {
			d := &Dataset{Period: y2019, Previous: y2018, Cities: []City{city("甲", "省", "区", TierOther), city("乙", "省", "区", TierOther), city("丙", "省", "区", TierOther)}}
			d.Figures = []Figure{fig("省", "甲", y2019, 0, 110), fig("省", "甲", y2018, 0, 100), fig("省", "乙", y2019, 0, 5),
				fig("省", "乙", y2018, 0, 0), fig("省", "丙", y2018, 0, 70)}
			return d
		}, func(t *testing.T, c *Comparison) {
			a, b, x := c.Cities[0], c.Cities[1], c.Cities[2]
			if i64(a.Change) != 10 || a.ChangeRatio == nil || *a.ChangeRatio != 0.1 {
				t.Errorf("甲 change %d ratio %v", i64(a.Change), a.ChangeRatio)
			}
			if i64(b.Change) != 5 || b.ChangeRatio != nil {
				t.Errorf("乙 (previous 0) change %d ratio %v", i64(b.Change), b.ChangeRatio)
			}
			if x.Members != nil || i64(x.PreviousMembers) != 70 || x.Change != nil {
				t.Errorf("丙 = %+v", x)
			}
			if i64(c.Regions[0].PreviousMembers) != 170 || len(c.Figures) != 5 || c.Figures[0].Period != y2018 {
				t.Errorf("previous region %d, figures %d", i64(c.Regions[0].PreviousMembers), len(c.Figures))
			}
		}},
		{"region filter", func() *Dataset {
			d := western()
			d.Cities = append(d.Cities, city("深圳", "广东", "华南", TierPilot))
			d.Figures = append(d.Figures, fig("广东", "深圳", y2019, 0, 2000000))
			return d
		}, func(t *testing.T, c *Comparison) {
			if len(c.Regions) != 1 || len(c.Cities) != 10 || i64(c.Totals.Members) != 2700000 || len(c.Figures) != 2 {
				t.Errorf("filtered: regions %d cities %d total %d", len(c.Regions), len(c.Cities), i64(c.Totals.Members))
			}
		}},
		{"rank in region and overall", func() *Dataset {
			d := western()
			d.Cities = append(d.Cities, city("深圳", "广东", "华南", TierPilot), city("广州", "广东", "华南", TierPilot))
			d.Figures = append(d.Figures, fig("广东", "深圳", y2019, 0, 2000000), fig("广东", "广州", y2019, 0, 1300000))
			return d
		}, func(t *testing.T, c *Comparison) {
			got := ""
			for _, ct := range c.Cities[:4] {
				got += fmt.Sprintf("%s%d/%d ", ct.City, rank(ct.RankInRegion), rank(ct.RankOverall))
			}
			if got != "深圳1/1 重庆1/2 广州2/3 成都2/3 " {
				t.Errorf("ranks = %q", got)
			}
			if c.Regions[0].Region != "华南" || c.Totals.Regions != 2 || i64(c.Totals.Members) != 6000000 || c.Totals.Cities != 12 {
				t.Errorf("regions %v totals %+v", c.Regions[0].Region, c.Totals)
			}
		}},
		{"no figures at all: nulls, never zero", func() *Dataset {
			return &Dataset{Cities: []City{city("甲", "省", "区", TierOther)}}
		}, func(t *testing.T, c *Comparison) {
			if c.Regions[0].Members != nil || c.Provinces[0].Members != nil || c.Totals.Members != nil || c.Cities[0].ShareOfRegion != nil {
				t.Errorf("want nulls: %+v", c.Regions[0])
			}
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			region := ""
			if tc.name == "region filter" {
				region = "西部地区"
			}
			tc.check(t, mustCompare(t, tc.build(), region))
		})
	}
}

func TestCompareUnknownRegion(t *testing.T) {
	_, err := Compare(western(), "东部")
	if err == nil || err.Error() != `region "东部" is not in cities.csv; regions there: 西部地区` {
		t.Fatalf("err = %v", err)
	}
}

func TestPeriodOrderAndString(t *testing.T) {
	ps := []Period{{Year: 2019}, {Year: 2019, Quarter: 1}, {Year: 2019, Month: 1}, {Year: 2019, Month: 1, Day: 1}, {Year: 2019, Month: 2}, {Year: 2019, Month: 3}, {Year: 2019, Quarter: 2}, {Year: 2019, Month: 4}, {Year: 2020}}
	halves := []Period{{Year: 2019}, {Year: 2019, Half: 1}, {Year: 2019, Quarter: 1}, {Year: 2019, Month: 6}, {Year: 2019, Half: 2}, {Year: 2019, Quarter: 3}, {Year: 2019, Month: 7}, {Year: 2020}}
	for i := 1; i < len(halves); i++ {
		if !halves[i-1].Less(halves[i]) || halves[i].Less(halves[i-1]) {
			t.Errorf("%v should sort before %v", halves[i-1], halves[i])
		}
	}
	h2 := Period{Year: 2019, Half: 2}
	if h2.String() != "2019-H2" || h2.Kind().String() != "half" || h2.YearAgo() != (Period{Year: 2018, Half: 2}) ||
		(Period{Year: 2019, Month: 9, Day: 30}).In(KindHalf) != h2 || (Period{Year: 2019, Quarter: 2}).In(KindHalf) != (Period{Year: 2019, Half: 1}) ||
		h2.In(KindYear) != (Period{Year: 2019}) || !(KindYear < KindHalf && KindHalf < KindQuarter) {
		t.Errorf("half-year %v: kind %v, year ago %v", h2, h2.Kind(), h2.YearAgo())
	}
	for _, c := range []struct {
		p    Period
		want string
	}{{Period{Year: 2019}, "2019-01-01"}, {h2, "2019-07-01"}, {Period{Year: 2019, Quarter: 2}, "2019-04-01"}, {Period{Year: 2019, Month: 5}, "2019-05-01"}, {Period{Year: 2019, Month: 5, Day: 17}, "2019-05-17"}} {
		if y, m, d := c.p.Start(); fmt.Sprintf("%04d-%02d-%02d", y, m, d) != c.want {
			t.Errorf("%v.Start() = %d-%d-%d, want %s", c.p, y, m, d, c.want)
		}
	}
	for i := 1; i < len(ps); i++ {
		if !ps[i-1].Less(ps[i]) || ps[i].Less(ps[i-1]) {
			t.Errorf("%v should sort before %v", ps[i-1], ps[i])
		}
	}
	if s := ps[3].String() + " " + ps[4].String() + " " + ps[0].String() + " " + ps[6].String(); s != "2019-01-01 2019-02 2019 2019-Q2" {
		t.Errorf("String = %q", s)
	}
	for _, c := range []struct {
		p    Period
		kind string
	}{{ps[0], "year"}, {ps[1], "quarter"}, {ps[2], "month"}, {ps[3], "day"}, {Period{}, ""}} {
		if k := c.p.Kind().String(); k != c.kind {
			t.Errorf("%v.Kind() = %q, want %q", c.p, k, c.kind)
		}
	}
}

func BenchmarkCompare(b *testing.B) {
	d := western()
	for b.Loop() {
		if _, err := Compare(d, ""); err != nil {
			b.Fatal(err)
		}
	}
}
