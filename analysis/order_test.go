package analysis

import (
	"strings"
	"testing"
)

func names[T any](rows []T, name func(T) string) string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = name(r)
	}
	return strings.Join(out, "、")
}

func TestOfficialOrderWestern(t *testing.T) {
	c := mustCompare(t, western(), "")
	// The article's order, whatever cities.csv's or code-point order.
	if got := names(c.ProvincesInOrder(), func(p ProvinceRow) string { return p.Province }); got != "重庆、四川、贵州、云南、西藏、甘肃、青海、宁夏、新疆" {
		t.Errorf("provinces in order = %s", got)
	}
	if got := names(c.CitiesInOrder(), func(ct CityRow) string { return ct.City }); got != "重庆、成都、绵阳、贵阳、昆明、拉萨、兰州、西宁、银川、乌鲁木齐" {
		t.Errorf("cities in order = %s", got)
	}
	// summary.json's order is untouched: members, then code point.
	if got := names(c.Provinces, func(p ProvinceRow) string { return p.Province }); got != "重庆、四川、云南、宁夏、新疆、甘肃、西藏、贵州、青海" {
		t.Errorf("provinces (summary order) = %s", got)
	}
}

func TestOfficialOrderRules(t *testing.T) {
	d := &Dataset{Period: y2019}
	// cities.csv lists them in no particular order; names the table lacks
	// (两江新区, 天府新区, 兵团, 测试市) come after the known ones, in data order.
	for _, c := range [][3]string{
		{"天府新区", "四川省", "西部"}, {"测试市", "测试省", "西部"}, {"绵阳", "四川省", "西部"}, {"两江新区", "重庆", "西部"},
		{"石河子", "兵团", "西部"}, {"成都", "四川省", "西部"}, {"重庆", "重庆", "西部"}, {"鼓楼区", "江苏", "东部"},
		{"南京", "江苏", "东部"}, {"北京", "北京", "东部"}, {"仙桃", "湖北", "中部"}, {"武汉市", "湖北", "中部"},
	} {
		d.Cities = append(d.Cities, city(c[0], c[1], c[2], TierOther))
	}
	c := mustCompare(t, d, "")
	if got := names(c.RegionsInOrder(), func(r RegionRow) string { return r.Region }); got != "东部、中部、西部" {
		t.Errorf("regions in order = %s", got)
	}
	if got := names(c.ProvincesInOrder(), func(p ProvinceRow) string { return p.Province }); got != "北京、江苏、湖北、重庆、四川省、测试省、兵团" {
		t.Errorf("provinces in order = %s", got)
	}
	// 鼓楼区 is two places in 江苏 (南京's and 徐州's): not placed by code.
	if got := names(c.CitiesInOrder(), func(ct CityRow) string { return ct.City }); got != "北京、南京、鼓楼区、武汉市、仙桃、重庆、两江新区、成都、绵阳、天府新区、测试市、石河子" {
		t.Errorf("cities in order = %s", got)
	}
	// The notices list names officially too.
	if n := c.Notices[len(c.Notices)-1]; n.Code != CodeNoFigure || !strings.HasSuffix(n.Zh, "北京、南京、鼓楼区、武汉市、仙桃、重庆、两江新区、成都、绵阳、天府新区、测试市、石河子") {
		t.Errorf("notice = %+v", n)
	}
	for i, ct := range c.CitiesInOrder() {
		if ct.Order != i {
			t.Errorf("%s: Order %d at position %d", ct.City, ct.Order, i)
		}
	}
}

func TestOfficialOrderBasesAndFigures(t *testing.T) {
	d := &Dataset{Period: y2019, Cities: []City{city("绵阳", "四川", "西部", TierOther), city("成都", "四川", "西部", TierOther),
		city("重庆", "重庆", "西部", TierOther)}}
	d.Bases = []Base{{Name: "甲", City: "绵阳", Province: "四川"}, {Name: "乙", City: "成都", Province: "四川"}, {Name: "丙", City: "重庆", Province: "重庆"}}
	d.Figures = []Figure{fig("四川", "绵阳", y2019, 0, 5), fig("四川", "成都", y2019, 0, 5), fig("四川", "", y2019, 0, 20), fig("重庆", "重庆", y2019, 0, 5)}
	c := mustCompare(t, d, "")
	if got := names(c.Bases, func(b Base) string { return b.Name }); got != "丙、乙、甲" {
		t.Errorf("bases = %s, want 重庆's, 成都's, 绵阳's", got)
	}
	if got := names(c.Figures, func(f Figure) string { return f.Province + f.City }); got != "重庆重庆、四川、四川成都、四川绵阳" {
		t.Errorf("figures = %s", got)
	}
	// Tied members: summary.json keeps code-point order (成 U+6210, 绵 U+7EF5, 重 U+91CD).
	if got := names(c.Cities, func(ct CityRow) string { return ct.City }); got != "成都、绵阳、重庆" {
		t.Errorf("summary order = %s", got)
	}
}

func TestRegionFilterForms(t *testing.T) {
	d := western()
	d.Cities = append(d.Cities, city("深圳", "广东", "华南地区", TierPilot))
	for _, c := range []struct{ arg, spelled, notice string }{
		{"西部地区", "西部地区", ""},
		{"西部", "西部地区", "--region 西部 matched 西部地区 of cities.csv"},
		{"华南", "华南地区", "--region 华南 matched 华南地区 of cities.csv"},
	} {
		cmp := mustCompare(t, d, c.arg)
		if cmp.Region != c.spelled || len(cmp.Regions) != 1 || cmp.Regions[0].Region != c.spelled {
			t.Errorf("--region %s: region %q, rows %+v", c.arg, cmp.Region, cmp.Regions)
		}
		found := ""
		for _, n := range cmp.Notices {
			if n.Code == CodeNamesMatched {
				found = n.En
				if n.Zh == "" {
					t.Errorf("notice %q has no Chinese text", n.En)
				}
			}
		}
		if found != c.notice {
			t.Errorf("--region %s: notice %q, want %q", c.arg, found, c.notice)
		}
	}
	if _, err := Compare(d, "东部"); err == nil || !strings.Contains(err.Error(), `region "东部" is not in cities.csv`) {
		t.Errorf("unknown region: %v", err)
	}
}

func TestInReadingOrder(t *testing.T) {
	d := western()
	d.Figures = append(d.Figures, fig("新疆", "乌鲁木齐", y2019, 0, 1300000), fig("贵州", "贵阳", y2019, 0, 1300000))
	c := mustCompare(t, d, "")
	r := c.InReadingOrder()
	// Tied at 130万: 四川、贵州、新疆 officially (code point would give 四川、新疆、贵州).
	if got := names(r.Provinces, func(p ProvinceRow) string { return p.Province }); got != "重庆、四川、贵州、新疆、云南、西藏、甘肃、青海、宁夏" {
		t.Errorf("provinces = %s", got)
	}
	if got := names(r.Cities, func(ct CityRow) string { return ct.City }); got != "重庆、成都、贵阳、乌鲁木齐、绵阳、昆明、拉萨、兰州、西宁、银川" {
		t.Errorf("cities = %s", got)
	}
	if got := names(c.Provinces, func(p ProvinceRow) string { return p.Province }); got != "重庆、四川、新疆、贵州、云南、宁夏、甘肃、西藏、青海" {
		t.Errorf("summary order changed: %s", got)
	}
}
