package report

import (
	"bytes"
	"encoding/json"
	"math"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

func TestSliceLine(t *testing.T) {
	n := func(v int64) *int64 { return &v }
	f := func(v float64) *float64 { return &v }
	i := func(v int) *int { return &v }
	sichuan := &analysis.Scope{Kind: analysis.SliceProvince, Name: "四川", Members: n(1300000),
		Region: "西部地区", RegionMembers: n(2700000), ShareOfRegion: f(1300000.0 / 2700000), RankInRegion: i(2), RegionPeers: 9,
		WholeMembers: n(5300000), ShareOfWhole: f(1300000.0 / 5300000), RankInWhole: i(3), WholePeers: 11}
	east := &analysis.Scope{Kind: analysis.SliceRegion, Name: "东部地区", Members: n(2600000),
		WholeMembers: n(5300000), ShareOfWhole: f(2600000.0 / 5300000), RankInWhole: i(2), WholePeers: 2}
	west := *sichuan
	west.Whole, west.WholeMembers, west.ShareOfWhole, west.RankInWhole, west.WholePeers = "西部地区", west.RegionMembers, west.ShareOfRegion, west.RankInRegion, 9
	tibet := &analysis.Scope{Kind: analysis.SliceProvince, Name: "西藏", Region: "西部地区", RegionPeers: 9, WholePeers: 11}
	// The slice of data of one province (an office's own 市州): its whole
	// is its region, holding it alone.
	alone := &analysis.Scope{Kind: analysis.SliceProvince, Name: "四川", Whole: "西南", Members: n(825000),
		Region: "西南", RegionMembers: n(825000), ShareOfRegion: f(1), RankInRegion: i(1), RegionPeers: 1,
		WholeMembers: n(825000), ShareOfWhole: f(1), RankInWhole: i(1), WholePeers: 1}
	lone := *alone // the whole the nation, of one province
	lone.Whole = ""
	oneRegion := &analysis.Scope{Kind: analysis.SliceRegion, Name: "西部地区", Whole: "西部地区", Members: n(2700000),
		WholeMembers: n(2700000), ShareOfWhole: f(1), RankInWhole: i(1), WholePeers: 1} // the embedded data's one region
	for _, tc := range []struct {
		s    *analysis.Scope
		lang vocab.Lang
		want string
	}{
		{sichuan, vocab.Zh, "四川新的社会阶层人士130万，占西部地区的48.1%，在9个省区市中居第2位；占全国的24.5%，在11个省区市中居第3位。"},
		{sichuan, vocab.En, "Sichuan: 1.3 million members of the new social strata, 48.1% of the Western region, 2nd of 9 provinces; 24.5% of the nation, 3rd of 11 provinces."},
		{east, vocab.Zh, "东部地区新的社会阶层人士260万，占全国的49.1%，在2个片区中居第2位。"},
		{east, vocab.En, "Eastern region: 2.6 million members of the new social strata, 49.1% of the nation, 2nd of 2 regions."},
		{&west, vocab.En, "Sichuan: 1.3 million members of the new social strata, 48.1% of the Western region, 2nd of 9 provinces."},
		{&west, vocab.Zh, "四川新的社会阶层人士130万，占西部地区的48.1%，在9个省区市中居第2位。"},
		{tibet, vocab.Zh, "西藏本期未报送新的社会阶层人士人数。"},
		{alone, vocab.Zh, "四川新的社会阶层人士82.5万。"},
		{alone, vocab.En, "Sichuan: 825,000 members of the new social strata."},
		{&lone, vocab.Zh, "四川新的社会阶层人士82.5万。"},
		{oneRegion, vocab.Zh, "西部地区新的社会阶层人士270万。"},
	} {
		if got := SliceLine(tc.s, tc.lang); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}

// A slice's summary.json places the slice in its region and the nation as
// the whole's comparison does: a province slice's own row is not "100%,
// first" of a region that holds it alone (issue 25).
func TestSliceSummaryPlaces(t *testing.T) {
	y := analysis.Period{Year: 2019}
	city := func(name, prov, region string) analysis.City {
		return analysis.City{Name: name, Province: prov, Region: region}
	}
	fig := func(prov, name string, n int64) analysis.Figure {
		return analysis.Figure{Province: prov, City: name, Period: y, Members: n}
	}
	d := &analysis.Dataset{Period: y,
		Cities: []analysis.City{city("重庆", "重庆", "西部地区"), city("成都", "四川", "西部地区"), city("绵阳", "四川", "西部地区"),
			city("上海", "上海", "东部地区"), city("杭州", "浙江", "东部地区")},
		Figures: []analysis.Figure{fig("重庆", "重庆", 1400000), fig("四川", "成都", 1000000), fig("四川", "绵阳", 300000),
			fig("上海", "上海", 2000000), fig("浙江", "杭州", 600000)}}
	full, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	type place struct {
		Province, Region string
		ShareOfRegion    *float64 `json:"share_of_region"`
		RankInRegion     *int     `json:"rank_in_region"`
		ShareOfNation    *float64 `json:"share_of_nation"`
		RankInNation     *int     `json:"rank_in_nation"`
	}
	read := func(c *analysis.Comparison) (provinces, regions map[string]place) {
		var buf bytes.Buffer
		if err := WriteSummary(&buf, c); err != nil {
			t.Fatal(err)
		}
		var s struct{ Provinces, Regions []place }
		if err := json.Unmarshal(buf.Bytes(), &s); err != nil {
			t.Fatal(err)
		}
		provinces, regions = map[string]place{}, map[string]place{}
		for _, p := range s.Provinces {
			provinces[p.Province] = p
		}
		for _, r := range s.Regions {
			regions[r.Region] = r
		}
		return provinces, regions
	}
	f := func(p *float64) float64 {
		if p == nil {
			return -1
		}
		return math.Round(*p*1e6) / 1e6
	}
	i := func(p *int) int {
		if p == nil {
			return -1
		}
		return *p
	}
	r6 := func(v float64) float64 { return math.Round(v*1e6) / 1e6 }
	// The whole: 四川 1,300,000 of 西部地区's 2,700,000 (2nd of 2) and
	// of the nation's 5,300,000 (3rd of 4); 东部地区 2,600,000 (2nd of 2).
	ps, rs := read(full)
	if p := ps["四川"]; f(p.ShareOfRegion) != r6(1300000.0/2700000) || i(p.RankInRegion) != 2 ||
		f(p.ShareOfNation) != r6(1300000.0/5300000) || i(p.RankInNation) != 3 {
		t.Errorf("whole: 四川 %+v", p)
	}
	if r := rs["东部地区"]; f(r.ShareOfNation) != r6(2600000.0/5300000) || i(r.RankInNation) != 2 {
		t.Errorf("whole: 东部地区 %+v", r)
	}
	sc, err := analysis.CompareSlice(d, full, analysis.SliceProvince, "四川")
	if err != nil {
		t.Fatal(err)
	}
	ps, rs = read(sc)
	if p := ps["四川"]; len(ps) != 1 || f(p.ShareOfRegion) != r6(1300000.0/2700000) || i(p.RankInRegion) != 2 ||
		f(p.ShareOfNation) != r6(1300000.0/5300000) || i(p.RankInNation) != 3 {
		t.Errorf("slice 四川: %+v", ps)
	}
	if r := rs["西部地区"]; r.ShareOfNation != nil || r.RankInNation != nil {
		t.Errorf("slice 四川: its region row (四川 alone) has a place in the nation: %+v", r)
	}
	east, err := analysis.CompareSlice(d, full, analysis.SliceRegion, "东部地区")
	if err != nil {
		t.Fatal(err)
	}
	ps, rs = read(east)
	if r := rs["东部地区"]; len(rs) != 1 || f(r.ShareOfNation) != r6(2600000.0/5300000) || i(r.RankInNation) != 2 {
		t.Errorf("slice 东部地区: %+v", rs)
	}
	if p := ps["浙江"]; f(p.ShareOfRegion) != r6(600000.0/2600000) || i(p.RankInRegion) != 2 ||
		f(p.ShareOfNation) != r6(600000.0/5300000) || i(p.RankInNation) != 4 {
		t.Errorf("slice 东部地区: 浙江 %+v", p)
	}
}

// A slice's subject names the slice once: the region slice of the
// embedded data (one region) was titled 片会（西部地区）（西部地区）.
func TestSliceSubjectNamesItOnce(t *testing.T) {
	n := func(v int64) *int64 { return &v }
	for _, tc := range []struct {
		subject, name string
		lang          vocab.Lang
		want          string
	}{
		{"经验交流推广片会（西部地区）", "西部地区", vocab.Zh, "经验交流推广片会（西部地区）"},
		{"经验交流推广片会（西部地区）", "西部地区", vocab.En, "经验交流推广片会（西部地区）"},
		{"经验交流推广片会（西部地区）", "四川", vocab.Zh, "经验交流推广片会（西部地区）（四川）"},
		{"经验交流推广片会（西部地区）", "四川", vocab.En, "经验交流推广片会（西部地区） (Sichuan)"},
		{"Meeting (Sichuan)", "四川", vocab.En, "Meeting (Sichuan)"},
	} {
		c := &analysis.Comparison{Meta: analysis.Meta{Subject: tc.subject},
			Scope: &analysis.Scope{Kind: analysis.SliceProvince, Name: tc.name, Members: n(1)}}
		if got := sliced(c, tc.lang).Meta.Subject; got != tc.want {
			t.Errorf("%s, slice %s, %s: %q, want %q", tc.subject, tc.name, tc.lang, got, tc.want)
		}
	}
}
