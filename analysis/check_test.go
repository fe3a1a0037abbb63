package analysis

import (
	"fmt"
	"slices"
	"testing"
)

// A province's own figure stands for its cities in every total; the
// cities' own sum is kept beside it, and a gap over CheckTolerance is a
// matter to verify (需核实) with both figures.
func TestCitiesMembersAndChecks(t *testing.T) {
	d := &Dataset{Period: y2019, Periods: []Period{y2019}}
	d.Cities = []City{city("广州", "广东", "华南", TierOther), city("深圳", "广东", "华南", TierOther),
		city("南宁", "广西", "华南", TierOther), city("桂林", "广西", "华南", TierOther), city("海口", "海南", "华南", TierOther)}
	d.Figures = []Figure{
		fig("广东", "广州", y2019, SegmentAll, 5000000), fig("广东", "深圳", y2019, SegmentAll, 4012000),
		fig("广东", "", y2019, SegmentAll, 5593000), // 38% below its cities
		fig("广西", "南宁", y2019, SegmentAll, 1000000), fig("广西", "桂林", y2019, SegmentAll, 1000000),
		fig("广西", "", y2019, SegmentAll, 2040000), // 2% off: within tolerance
		fig("海南", "", y2019, SegmentAll, 300000),  // no city reports: nothing to check
	}
	c := mustCompare(t, d, "")
	if got, want := i64(c.Totals.Members), int64(5593000+2040000+300000); got != want {
		t.Errorf("total members = %d, want %d", got, want)
	}
	if got, want := i64(c.Totals.CitiesMembers), int64(5000000+4012000+2000000); got != want {
		t.Errorf("total cities' members = %d, want %d", got, want)
	}
	if len(c.Checks) != 1 {
		t.Fatalf("checks = %+v, want 广东 only", c.Checks)
	}
	k := c.Checks[0]
	if k.Province != "广东" || k.ProvinceMembers != 5593000 || k.CitiesMembers != 9012000 || k.ReportingCities != 2 || k.Cities != 2 {
		t.Errorf("check = %+v", k)
	}
	if k.Gap < 0.61 || k.Gap > 0.62 {
		t.Errorf("gap = %v, want (9012000-5593000)/5593000 = 0.611", k.Gap)
	}
}

func TestAdjacent(t *testing.T) {
	cases := []struct {
		p, prev Period
		want    bool
	}{
		{Period{Year: 2019, Month: 5}, Period{Year: 2019, Month: 4}, true},
		{Period{Year: 2019, Month: 5}, Period{Year: 2019, Month: 3}, false},
		{Period{Year: 2019, Month: 1}, Period{Year: 2018, Month: 12}, true},
		{Period{Year: 2019}, Period{Year: 2018}, true},
		{Period{Year: 2019}, Period{Year: 2017}, false},
		{Period{Year: 2019, Quarter: 1}, Period{Year: 2018, Quarter: 4}, true},
		{Period{Year: 2019, Month: 3, Day: 1}, Period{Year: 2019, Month: 2, Day: 28}, true},
		{Period{Year: 2019}, Period{}, false},
		{Period{Year: 2020, Half: 1}, Period{Year: 2019, Half: 2}, true},
		{Period{Year: 2019, Half: 2}, Period{Year: 2019, Half: 1}, true},
		{Period{Year: 2020, Half: 2}, Period{Year: 2019, Half: 2}, false},
	}
	for _, c := range cases {
		if got := c.p.Adjacent(c.prev); got != c.want {
			t.Errorf("%v.Adjacent(%v) = %v, want %v", c.p, c.prev, got, c.want)
		}
	}
}

// A region whose figures stop before the data's latest month is briefed
// on its own latest month.
func TestRegionPeriod(t *testing.T) {
	may, mar := Period{Year: 2019, Month: 5}, Period{Year: 2019, Month: 3}
	d := &Dataset{Period: may, Periods: []Period{mar, may}}
	d.Cities = []City{city("武汉", "湖北", "中部", TierOther), city("成都", "四川", "西部", TierOther), city("长沙", "湖南", "中部", TierOther)}
	d.Figures = []Figure{fig("湖北", "武汉", mar, SegmentAll, 10), fig("四川", "成都", may, SegmentAll, 20),
		fig("湖南", "", mar, SegmentAll, 30), fig("湖北", "武汉", Period{Year: 2020}, SegmentAll, 10)}
	if got := RegionPeriod(d, "中部"); got != mar {
		t.Errorf("RegionPeriod(中部) = %v, want %v", got, mar)
	}
	if got := RegionPeriod(d, "西部"); got != may {
		t.Errorf("RegionPeriod(西部) = %v, want %v", got, may)
	}
	if got := RegionPeriod(d, "东部"); !got.IsZero() {
		t.Errorf("RegionPeriod(东部) = %v, want none", got)
	}
}

// The 导语 names the first few checks, so they come widest gap first, not
// largest province first (the review's 新疆 −11.5% named after 北京 −9.1%).
func TestChecksWidestGapFirst(t *testing.T) {
	d := &Dataset{Period: y2019, Periods: []Period{y2019}}
	d.Cities = []City{city("广州", "广东", "华南", TierOther), city("南宁", "广西", "华南", TierOther),
		city("海口", "海南", "华南", TierOther)}
	d.Figures = []Figure{
		fig("广东", "广州", y2019, SegmentAll, 9000000), fig("广东", "", y2019, SegmentAll, 10000000), // −10%, 100万
		fig("广西", "南宁", y2019, SegmentAll, 1880000), fig("广西", "", y2019, SegmentAll, 2000000), // −6%, 12万
		fig("海南", "海口", y2019, SegmentAll, 130000), fig("海南", "", y2019, SegmentAll, 100000), // +30%, 3万
	}
	c := mustCompare(t, d, "")
	var got []string
	for _, k := range c.Checks {
		got = append(got, fmt.Sprintf("%s %+.2f", k.Province, k.Gap))
	}
	if want := []string{"海南 +0.30", "广东 -0.10", "广西 -0.06"}; !slices.Equal(got, want) {
		t.Errorf("checks = %v, want %v", got, want)
	}
}
