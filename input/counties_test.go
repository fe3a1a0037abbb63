package input

import (
	"reflect"
	"testing"
)

// TestCountyBesidePrefecture loads testdata/names/county: 都江堰市 and 武侯区
// listed beside 成都市, 渝中区 beside 重庆, are a warning naming both (the
// county's code lies in the prefecture's); 仙桃 (governed by its province)
// and 两江新区 (no division) are not.
func TestCountyBesidePrefecture(t *testing.T) {
	d, err := LoadDir("testdata/names/county", Options{})
	if err != nil {
		t.Fatal(err)
	}
	n := noticeOf(d, codeCounty)
	want := "cities.csv lists county-level units beside the prefecture that contains them: counted twice? (a prefecture's figure usually includes its counties'): " +
		"都江堰市 (line 3) and 武侯区 (line 4) in 成都市 (line 2); 渝中区 (line 7) in 重庆 (line 6)"
	if n.En != want {
		t.Errorf("notice\n got %q\nwant %q", n.En, want)
	}
	wantZh := "cities.csv将县级单位与其所属地级市同列，人数是否被重复计算？（地级市的人数通常已包含所辖县区）：都江堰市（第3行）、武侯区（第4行）属成都市（第2行）；渝中区（第7行）属重庆（第6行）"
	if n.Zh != wantZh {
		t.Errorf("notice zh\n got %q\nwant %q", n.Zh, wantZh)
	}
}

// TestRenamedDivisions loads testdata/names/renamed: old names (思茅市,
// 襄樊市, 毕节地区) are today's places with a notice saying so, while 思茅
// stays 思茅区, the district it is today.
func TestRenamedDivisions(t *testing.T) {
	d, err := LoadDir("testdata/names/renamed", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for k := range d.History.Periods {
		for j := range d.History.Periods[k].Len() {
			f := d.History.Figure(k, j)
			got[f.Period.String()+" "+f.City] = f.Members
		}
	}
	want := map[string]int64{"2006 普洱市": 1000, "2007 普洱市": 1100, "2009 襄阳": 2000, "2010 襄阳": 2100,
		"2010 毕节市": 3000, "2011 毕节市": 3100, "2011 思茅区": 500}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("figures %v, want %v", got, want)
	}
	if d.Bases[0].City != "普洱市" {
		t.Errorf("base in %s, want 普洱市", d.Bases[0].City)
	}
	n := noticeOf(d, codeRenamed)
	if want := "the data uses old division names; a renamed place is matched to cities.csv under either name: 襄樊市 was renamed 襄阳市 in 2010; 毕节地区 was renamed 毕节市 in 2011; 思茅市 was renamed 普洱市 in 2007"; n.En != want {
		t.Errorf("notice\n got %q\nwant %q", n.En, want)
	}
	if want := "数据中有已变更的区划名称，更名的按现名与城市表匹配：襄樊市已于2010年更名为襄阳市；毕节地区已于2011年更名为毕节市；思茅市已于2007年更名为普洱市"; n.Zh != want {
		t.Errorf("notice zh\n got %q\nwant %q", n.Zh, want)
	}
}

// TestOldNameUnknown: an old name whose place cities.csv lacks says what
// became of it, never "did you mean 思茅区".
func TestOldNameUnknown(t *testing.T) {
	_, err := LoadDir("testdata/names/renamed-unknown", Options{})
	want := `figures.csv:2:2: city 思茅市 is unknown, expected a city listed in cities.csv; 思茅市 was renamed 普洱市 in 2007: expected 普洱市 (or 思茅市) in cities.csv
figures.csv:3:2: city 莱芜市 is unknown, expected a city listed in cities.csv; 莱芜市 was merged into 济南市 (its 莱芜区 and 钢城区) in 2019: expected 莱芜市 in cities.csv as the data names it, or its figures given to 济南市
figures.csv:4:2: city 思茅区 is unknown, expected a city listed in cities.csv`
	if err == nil || err.Error() != want {
		t.Errorf("errors\n got %v\nwant %s", err, want)
	}
}
