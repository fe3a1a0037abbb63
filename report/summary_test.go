package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
)

func summaryOf(t *testing.T, d *analysis.Dataset) map[string]any {
	t.Helper()
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
	return got
}

func TestWriteSummaryFieldsAndNulls(t *testing.T) {
	d := &analysis.Dataset{
		Period: analysis.Period{Year: 2019, Month: 5},
		Cities: []analysis.City{
			{Name: "重庆", Province: "重庆", Region: "西部地区", Tier: analysis.TierPilot},
			{Name: "绵阳", Province: "四川", Region: "西部地区", Tier: analysis.TierOther},
		},
		Figures: []analysis.Figure{
			{Province: "重庆", City: "重庆", Period: analysis.Period{Year: 2019, Month: 5}, Members: 1400000},
			{Province: "重庆", City: "重庆", Period: analysis.Period{Year: 2019, Month: 4}, Members: 1250000},
		},
	}
	got := summaryOf(t, d)
	if got["period"] != "2019-05" || got["period_kind"] != "month" || got["previous_period"] != "2019-04" || got["year_ago_period"] != nil {
		t.Errorf("periods = %v, %v, %v, %v", got["period"], got["period_kind"], got["previous_period"], got["year_ago_period"])
	}
	cities := got["cities"].([]any)
	cq, my := cities[0].(map[string]any), cities[1].(map[string]any)
	want := map[string]any{"city": "重庆", "tier": "pilot", "members": 1400000.0, "previous_members": 1250000.0,
		"change": 150000.0, "change_ratio": 0.12, "share_of_region": 1.0, "rank_in_region": 1.0, "bases": 0.0,
		"year_ago_members": nil, "yoy_change": nil, "yoy_change_ratio": nil}
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
	// The contract's field counts, and the two fields it does not define
	// (top level "foreword", a city's "note": the whole free text the
	// briefing shortens): a mistyped or missing tag changes them.
	prov := got["provinces"].([]any)[1].(map[string]any)
	reg := got["regions"].([]any)[0].(map[string]any)
	tot := got["totals"].(map[string]any)
	for _, n := range []struct {
		what string
		m    map[string]any
		want int
	}{{"top level", got, 14}, {"city", cq, 16}, {"province", prov, 23 + 2}, {"region", reg, 19 + 2}, {"totals", tot, 19}} {
		if len(n.m) != n.want {
			t.Errorf("%s has %d fields, want the contract's %d: %v", n.what, len(n.m), n.want, n.m)
		}
	}
	// Beyond the contract (issue 25): a province's and a region's place in
	// the nation, null where the comparison is not of the nation (here one
	// region).
	for _, m := range []map[string]any{prov, reg} {
		if v, ok := m["share_of_nation"]; !ok || v != nil || m["rank_in_nation"] != nil {
			t.Errorf("share_of_nation %v (present %v), rank_in_nation %v; want null: data of one region", v, ok, m["rank_in_nation"])
		}
	}
	// 四川 has no figure in either period: every COMPARABLE field null.
	for _, k := range []string{"comparable_basis", "comparable_cities", "comparable_members", "change", "yoy_comparable_basis", "yoy_change_ratio"} {
		if v, ok := prov[k]; !ok || v != nil {
			t.Errorf("四川 %s = %v (present %v), want null", k, v, ok)
		}
	}
	if reg["members"] != 1400000.0 || reg["reporting_cities"] != 1.0 || reg["comparable_cities"] != 1.0 || reg["change"] != 150000.0 {
		t.Errorf("region = %v", reg)
	}
	if n := got["notices"].([]any); len(n) != 1 || n[0].(map[string]any)["code"] != "no_figure" || n[0].(map[string]any)["zh"] != "1个城市（共2个）没有2019年5月的人数数据：绵阳" {
		t.Errorf("notices = %v", n)
	}
	if n := got["narrative"].([]any); len(n) != 0 {
		t.Errorf("narrative = %v", n)
	}
}

// twentySixMonths is 2017-11 … 2019-12 (i = 0 … 25) for 成都, 绵阳 (四川),
// 重庆 (西部) and 广州, 深圳 (广东, 东部):
//
//	成都 1,000,000 + 10,000·i   重庆 1,400,000 + 5,000·i
//	绵阳 200,000 + 1,000·(i−14) from 2019-01 (i = 14)
//	广州 900,000 + 2,000·i      深圳 800,000 + 4,000·i, but not in 2019-11
//	广东 a province-level 2,000,000 in 2018-12 only.
func twentySixMonths() *analysis.Dataset {
	d := &analysis.Dataset{Period: analysis.Period{Year: 2019, Month: 12}}
	for _, c := range [][3]string{{"成都", "四川", "西部"}, {"绵阳", "四川", "西部"}, {"重庆", "重庆", "西部"}, {"广州", "广东", "东部"}, {"深圳", "广东", "东部"}} {
		d.Cities = append(d.Cities, analysis.City{Name: c[0], Province: c[1], Region: c[2]})
	}
	add := func(prov, city string, i int, n int64) {
		m := 11 + i
		p := analysis.Period{Year: 2017 + (m-1)/12, Month: (m-1)%12 + 1}
		d.Figures = append(d.Figures, analysis.Figure{Province: prov, City: city, Period: p, Members: n})
	}
	for i := range 26 {
		add("四川", "成都", i, 1000000+10000*int64(i))
		if i >= 14 {
			add("四川", "绵阳", i, 200000+1000*int64(i-14))
		}
		add("重庆", "重庆", i, 1400000+5000*int64(i))
		add("广东", "广州", i, 900000+2000*int64(i))
		if i != 24 {
			add("广东", "深圳", i, 800000+4000*int64(i))
		}
	}
	add("广东", "", 13, 2000000)
	return d
}

func TestSummaryTwentySixMonths(t *testing.T) {
	got := summaryOf(t, twentySixMonths())
	if got["period"] != "2019-12" || got["previous_period"] != "2019-11" || got["year_ago_period"] != "2018-12" {
		t.Fatalf("periods %v %v %v", got["period"], got["previous_period"], got["year_ago_period"])
	}
	// Worked by hand from the formulas above; t = 2019-12 (i 25), s = 2019-11 (i 24), y = 2018-12 (i 13).
	check := func(what string, row map[string]any, want map[string]any) {
		t.Helper()
		for k, v := range want {
			if row[k] != v {
				t.Errorf("%s %s = %v, want %v", what, k, row[k], v)
			}
		}
	}
	tot := got["totals"].(map[string]any)
	check("totals", tot, map[string]any{
		"members": 4836000.0, "reporting_cities": 5.0,
		// 环比: 成都 绵阳 重庆 广州 (深圳 missing in s): 3,936,000 against 3,918,000.
		"comparable_cities": 4.0, "comparable_members": 3936000.0, "comparable_previous": 3918000.0,
		"change": 18000.0, "change_ratio": 18000.0 / 3918000,
		// 同比: 四川 成都 only (绵阳 new), 重庆, 广东 by its cities (province-level only in y).
		"yoy_comparable_cities": 4.0, "yoy_comparable_members": 4625000.0, "yoy_comparable_previous": 4373000.0,
		"yoy_change": 252000.0, "yoy_change_ratio": 252000.0 / 4373000,
	})
	regions := got["regions"].([]any)
	check("西部", regions[0].(map[string]any), map[string]any{"region": "西部", "members": 2986000.0,
		"comparable_cities": 3.0, "comparable_members": 2986000.0, "comparable_previous": 2970000.0, "change": 16000.0, "change_ratio": 16000.0 / 2970000,
		"yoy_comparable_cities": 2.0, "yoy_comparable_members": 2775000.0, "yoy_comparable_previous": 2595000.0, "yoy_change": 180000.0, "yoy_change_ratio": 180000.0 / 2595000})
	check("东部", regions[1].(map[string]any), map[string]any{"region": "东部", "members": 1850000.0,
		"comparable_cities": 1.0, "comparable_members": 950000.0, "comparable_previous": 948000.0, "change": 2000.0,
		"yoy_comparable_cities": 2.0, "yoy_comparable_members": 1850000.0, "yoy_comparable_previous": 1778000.0, "yoy_change": 72000.0})
	provs := got["provinces"].([]any)
	check("广东", provs[0].(map[string]any), map[string]any{"province": "广东", "members": 1850000.0, "rank_in_region": 1.0,
		"comparable_basis": "cities", "comparable_cities": 1.0, "comparable_members": 950000.0, "comparable_previous": 948000.0, "change_ratio": 2000.0 / 948000,
		"yoy_comparable_basis": "cities", "yoy_comparable_cities": 2.0, "yoy_change": 72000.0, "yoy_change_ratio": 72000.0 / 1778000})
	check("重庆", provs[1].(map[string]any), map[string]any{"province": "重庆", "members": 1525000.0, "share_of_region": 1525000.0 / 2986000,
		"comparable_basis": "cities", "change": 5000.0, "yoy_change": 60000.0, "yoy_change_ratio": 60000.0 / 1465000})
	check("四川", provs[2].(map[string]any), map[string]any{"province": "四川", "members": 1461000.0,
		"comparable_members": 1461000.0, "comparable_previous": 1450000.0, "change": 11000.0,
		"yoy_comparable_cities": 1.0, "yoy_comparable_members": 1250000.0, "yoy_comparable_previous": 1130000.0, "yoy_change_ratio": 120000.0 / 1130000})
	cities := got["cities"].([]any)
	check("重庆", cities[0].(map[string]any), map[string]any{"city": "重庆", "members": 1525000.0, "previous_members": 1520000.0,
		"year_ago_members": 1465000.0, "yoy_change": 60000.0})
	check("绵阳", cities[4].(map[string]any), map[string]any{"city": "绵阳", "members": 211000.0, "previous_members": 210000.0, "change": 1000.0,
		"year_ago_members": nil, "yoy_change": nil, "yoy_change_ratio": nil})
	check("深圳", cities[3].(map[string]any), map[string]any{"city": "深圳", "members": 900000.0, "previous_members": nil, "change": nil,
		"year_ago_members": 852000.0, "yoy_change": 48000.0})

	series := got["series"].([]any)
	if len(series) != 26 {
		t.Fatalf("series has %d points, want 26", len(series))
	}
	for _, w := range []struct {
		i    int
		want string
	}{
		{0, "2017-11 4100000/4 西部=2400000/2 东部=1700000/2"},
		{13, "2018-12 4595000/4 西部=2595000/2 东部=2000000/2"}, // 广东's province-level figure
		{24, "2019-11 3918000/4 西部=2970000/3 东部=948000/1"},
		{25, "2019-12 4836000/5 西部=2986000/3 东部=1850000/2"},
	} {
		p := series[w.i].(map[string]any)
		s := fmt.Sprintf("%s %.0f/%.0f", p["period"], p["members"], p["reporting_cities"])
		for _, r := range p["regions"].([]any) {
			r := r.(map[string]any)
			s += fmt.Sprintf(" %s=%.0f/%.0f", r["region"], r["members"], r["reporting_cities"])
		}
		if s != w.want {
			t.Errorf("series[%d] = %s, want %s", w.i, s, w.want)
		}
	}
	var codes []string
	for _, n := range got["notices"].([]any) {
		n := n.(map[string]any)
		codes = append(codes, fmt.Sprint(n["code"], ": ", n["en"]))
	}
	wantCodes := []string{
		"basis_changed: 1 provinces switched between a province-level figure and a sum of their cities between 2018-12 and 2019-12; their change is on a comparable basis, not the difference of the two totals: 广东",
		"coverage_changed: Reporting cities differ between 2018-12 and 2019-12 in 1 provinces; the change compares only the cities that reported in both: 四川 (1 entered)",
		"coverage_changed: Reporting cities differ between 2019-11 and 2019-12 in 1 provinces; the change compares only the cities that reported in both: 广东 (1 entered)",
	}
	if fmt.Sprint(codes) != fmt.Sprint(wantCodes) {
		t.Errorf("notices\n got %q\nwant %q", codes, wantCodes)
	}
}

// The whole of a 20,000-character foreword and of ten long notes is in
// summary.json ("foreword", a city's "note"), however much the briefing
// shortens them; an empty one is null. Before, neither was there.
func TestSummaryKeepsWholeText(t *testing.T) {
	d := &analysis.Dataset{Period: analysis.Period{Year: 2019}}
	long := func(seed string, n int) string {
		var b strings.Builder
		for i := 0; b.Len() < n*4; i++ {
			fmt.Fprintf(&b, "%s第%d句，情况说明的内容很长。", seed, i)
		}
		return string([]rune(b.String())[:n])
	}
	d.Meta.Foreword = long("前言", 12000) + "\n" + long("第二段", 8000)
	want := map[string]any{"无备注": nil}
	for i := range 10 {
		name := fmt.Sprintf("城市%d", i)
		n := long(name, 5000*(i+1)) // 5,000 to 50,000 characters
		d.Cities = append(d.Cities, analysis.City{Name: name, Province: "四川", Region: "西部", Note: n})
		want[name] = n
	}
	d.Cities = append(d.Cities, analysis.City{Name: "无备注", Province: "四川", Region: "西部"})
	got := summaryOf(t, d)
	if got["foreword"] != d.Meta.Foreword {
		t.Errorf("foreword: %d characters, want the whole %d", len([]rune(fmt.Sprint(got["foreword"]))), len([]rune(d.Meta.Foreword)))
	}
	for _, c := range got["cities"].([]any) {
		c := c.(map[string]any)
		if w, ok := want[c["city"].(string)]; !ok || c["note"] != w {
			t.Errorf("%s: note of %d characters, want %d", c["city"], len([]rune(fmt.Sprint(c["note"]))), len([]rune(fmt.Sprint(w))))
		}
	}
	if d.Meta.Foreword = " \n "; summaryOf(t, d)["foreword"] != nil {
		t.Error("a blank foreword is not null")
	}
}
