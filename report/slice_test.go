package report

import (
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
	} {
		if got := SliceLine(tc.s, tc.lang); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
}
