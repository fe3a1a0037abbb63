package analysis

import (
	"math"
	"slices"
	"testing"
)

// twoRegions is western() with an eastern region added: 上海 2,000,000 and
// 杭州 (浙江) 600,000 beside 重庆 1,400,000 and 成都 (四川) 1,300,000.
func twoRegions() *Dataset {
	d := western()
	d.Cities = append(d.Cities, city("上海", "上海", "东部地区", TierPilot), city("杭州", "浙江", "东部地区", TierPromotion))
	d.Figures = append(d.Figures, fig("上海", "上海", y2019, SegmentAll, 2000000), fig("浙江", "杭州", y2019, SegmentAll, 600000))
	return d
}

func TestCompareSlice(t *testing.T) {
	d := twoRegions()
	full := mustCompare(t, d, "")
	for _, tc := range []struct {
		kind, name                 string
		cities, provinces, members int64
		share, shareWhole          float64 // -1: nil
		rank, peers, rankWhole     int
		wholePeers                 int
	}{
		{SliceProvince, "四川", 2, 1, 1300000, 1300000.0 / 2700000, 1300000.0 / 5300000, 2, 9, 3, 11},
		{SliceProvince, "浙江", 1, 1, 600000, 600000.0 / 2600000, 600000.0 / 5300000, 2, 2, 4, 11},
		{SliceProvince, "西藏", 1, 1, -1, -1, -1, -1, 9, -1, 11},
		{SliceRegion, "东部地区", 2, 2, 2600000, -1, 2600000.0 / 5300000, -1, 0, 2, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := CompareSlice(d, full, tc.kind, tc.name)
			if err != nil {
				t.Fatal(err)
			}
			if int64(c.Totals.Cities) != tc.cities || int64(c.Totals.Provinces) != tc.provinces || i64(c.Totals.Members) != tc.members {
				t.Errorf("totals: %d cities, %d provinces, %d members", c.Totals.Cities, c.Totals.Provinces, i64(c.Totals.Members))
			}
			s := c.Scope
			if s.Kind != tc.kind || s.Name != tc.name || i64(s.Members) != tc.members || i64(s.WholeMembers) != 5300000 {
				t.Errorf("scope %+v", s)
			}
			if !near(s.ShareOfRegion, tc.share) || rank(s.RankInRegion) != tc.rank || s.RegionPeers != tc.peers {
				t.Errorf("in region: share %v rank %d of %d", s.ShareOfRegion, rank(s.RankInRegion), s.RegionPeers)
			}
			if !near(s.ShareOfWhole, tc.shareWhole) || rank(s.RankInWhole) != tc.rankWhole || s.WholePeers != tc.wholePeers {
				t.Errorf("in whole: share %v rank %d of %d", s.ShareOfWhole, rank(s.RankInWhole), s.WholePeers)
			}
			// The province's own row says where it stands in its region,
			// not 100% and first of a region holding it alone: every
			// renderer prints it under 占片区 (浙江 is 600,000 of 东部's
			// 2,600,000, second).
			if tc.kind == SliceProvince {
				p := c.Provinces[0]
				if !near(p.ShareOfRegion, tc.share) || rank(p.RankInRegion) != tc.rank {
					t.Errorf("province row: share of region %v rank %d, want %v and %d", p.ShareOfRegion, rank(p.RankInRegion), tc.share, tc.rank)
				}
			}
		})
	}
	if got := SliceNames(full, SliceRegion); !slices.Equal(got, []string{"东部地区", "西部地区"}) {
		t.Errorf("region slices %v (official order: east before west)", got)
	}
	w := western()
	if c, _ := CompareSlice(w, mustCompare(t, w, ""), SliceProvince, "四川"); c.Scope.Whole != "西部地区" {
		t.Errorf("data of one region: whole %q, want 西部地区 (not the nation)", c.Scope.Whole)
	}
	if _, err := CompareSlice(d, full, SliceProvince, "台湾"); err == nil {
		t.Error("a province not in cities.csv gave a slice")
	}
}

func near(v *float64, want float64) bool {
	if want < 0 {
		return v == nil
	}
	return v != nil && math.Abs(*v-want) < 1e-12
}

// A slice does not set the meeting's stated figures beside its own
// records: they are of the whole the meeting covered (a 四川 slice of
// national data said 需核实：记录在册的城市11个，会议公布49个). The whole
// keeps its check.
func TestSliceHasNoStatedCheck(t *testing.T) {
	d := twoRegions()
	d.Meta.Stated = []Stated{{Label: "城市", Value: 49, Unit: "个", Measure: "cities"}}
	full := mustCompare(t, d, "")
	if len(full.Stated) != 1 {
		t.Fatalf("the whole: %d stated checks, want 1", len(full.Stated))
	}
	c, err := CompareSlice(d, full, SliceProvince, "四川")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Stated) != 0 {
		t.Errorf("the 四川 slice checks the meeting's figures against its own records: %+v", c.Stated)
	}
}
