package chart

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// A province slice's charts say what they show: its one region row holds
// the province alone, so the members chart printed "118.5万* · 100.0%"
// under 占所在片区比重 for 北京 (29.0% of 华北), and every subtitle named
// the region (华北) over the province's own cities.
func TestProvinceSliceChartsSayTheProvince(t *testing.T) {
	d := national()
	full := mustCompare(t, d)
	var p analysis.ProvinceRow
	for _, q := range full.Provinces {
		if q.Members != nil && q.RankInRegion != nil && *q.RankInRegion > 1 {
			p = q
			break
		}
	}
	if p.Province == "" {
		t.Fatal("fixture: no province ranked below first in its region")
	}
	c, err := analysis.CompareSlice(d, full, analysis.SliceProvince, p.Province)
	if err != nil {
		t.Fatal(err)
	}
	words := renderWords(t, c, vocab.Zh)
	members := words["members_by_province"]
	want := "row: " + p.Province + " | "
	share := " · " + vocab.Percent(*p.ShareOfRegion)
	if !strings.Contains(members, want) || !strings.Contains(members, share+"\n") {
		t.Errorf("%s slice: members_by_province does not give %s its share of %s (%s):\n%s", p.Province, p.Province, p.Region, share, members)
	}
	for name, w := range words {
		sub := strings.SplitN(strings.SplitN(w, "subtitle: ", 2)[1], "\n", 2)[0]
		if strings.Contains(sub, " · "+p.Region+" · ") || !strings.Contains(sub, p.Province) {
			t.Errorf("%s slice: %s subtitle %q names the region, not the province", p.Province, name, sub)
		}
	}
}
