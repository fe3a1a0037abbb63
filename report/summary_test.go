package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/basebrief/basebrief/analysis"
)

func TestWriteSummaryFieldsAndNulls(t *testing.T) {
	d := &analysis.Dataset{
		Period:   analysis.Period{Year: 2019, Month: 5},
		Previous: analysis.Period{Year: 2019, Month: 4},
		Cities: []analysis.City{
			{Name: "重庆", Province: "重庆", Region: "西部地区", Tier: analysis.TierPilot},
			{Name: "绵阳", Province: "四川", Region: "西部地区", Tier: analysis.TierOther},
		},
		Figures: []analysis.Figure{
			{Province: "重庆", City: "重庆", Period: analysis.Period{Year: 2019, Month: 5}, Members: 1400000},
			{Province: "重庆", City: "重庆", Period: analysis.Period{Year: 2019, Month: 4}, Members: 1250000},
		},
	}
	c, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSummary(&buf, c); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got["period"] != "2019-05" || got["previous_period"] != "2019-04" {
		t.Errorf("periods = %v, %v", got["period"], got["previous_period"])
	}
	cities := got["cities"].([]any)
	cq, my := cities[0].(map[string]any), cities[1].(map[string]any)
	want := map[string]any{"city": "重庆", "tier": "pilot", "members": 1400000.0, "previous_members": 1250000.0,
		"change": 150000.0, "change_ratio": 0.12, "share_of_region": 1.0, "rank_in_region": 1.0, "bases": 0.0}
	for k, v := range want {
		if cq[k] != v {
			t.Errorf("重庆 %s = %v, want %v", k, cq[k], v)
		}
	}
	for _, k := range []string{"tier", "members", "previous_members", "change", "change_ratio", "share_of_region", "rank_in_region"} {
		v, ok := my[k]
		if !ok || v != nil {
			t.Errorf("绵阳 %s = %v (present %v), want null", k, v, ok)
		}
	}
	if len(cq) != 12 {
		t.Errorf("city has %d fields, want the contract's 12", len(cq))
	}
	prov := got["provinces"].([]any)[0].(map[string]any)
	if len(prov) != 11 || prov["province"] != "重庆" || prov["share_of_region"] != 1.0 {
		t.Errorf("province = %v", prov)
	}
	reg := got["regions"].([]any)[0].(map[string]any)
	if len(reg) != 9 || reg["members"] != 1400000.0 || reg["reporting_cities"] != 1.0 {
		t.Errorf("region = %v", reg)
	}
}
