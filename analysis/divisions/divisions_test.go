package divisions

import (
	"strings"
	"testing"
)

func TestTableSize(t *testing.T) {
	counts := map[Level]int{}
	for _, p := range tab().places {
		counts[p.Level]++
	}
	// 342 prefecture rows less 9 placeholders, plus the 4 municipalities.
	if counts[LevelProvince] != 31 || counts[LevelPrefecture] != 337 || counts[LevelCounty] != 2978 {
		t.Errorf("levels = %v, want 31 provinces, 337 prefecture-level, 2978 county-level", counts)
	}
	ps := Provinces()
	if len(ps) != 31 || ps[0].Name != "北京市" || ps[30].Name != "新疆维吾尔自治区" {
		t.Errorf("provinces = %d, first %v, last %v", len(ps), ps[0], ps[len(ps)-1])
	}
}

func TestPrefectures(t *testing.T) {
	var got []string
	for _, p := range Prefectures("西藏") {
		got = append(got, p.Short())
	}
	if g := strings.Join(got, " "); g != "拉萨 日喀则 昌都 林芝 山南 那曲 阿里" {
		t.Errorf("西藏 = %s", g)
	}
	if ps := Prefectures("重庆市"); len(ps) != 1 || ps[0].Code != "5000" {
		t.Errorf("重庆 = %v", ps)
	}
	n := 0
	for _, p := range Provinces() {
		n += len(Prefectures(p.Name))
	}
	if n != 337 || Prefectures("兵团") != nil {
		t.Errorf("%d prefecture-level places", n)
	}
}

func TestProvince(t *testing.T) {
	cases := []struct{ name, code, full, short string }{
		{"四川", "51", "四川省", "四川"},
		{"四川省", "51", "四川省", "四川"},
		{"西藏", "54", "西藏自治区", "西藏"},
		{"西藏区", "54", "西藏自治区", "西藏"},
		{"西藏自治区", "54", "西藏自治区", "西藏"},
		{"内蒙古", "15", "内蒙古自治区", "内蒙古"},
		{"内蒙古自治区", "15", "内蒙古自治区", "内蒙古"},
		{"内蒙", "15", "内蒙古自治区", "内蒙古"},
		{"广西", "45", "广西壮族自治区", "广西"},
		{"广西壮族自治区", "45", "广西壮族自治区", "广西"},
		{"宁夏回族自治区", "64", "宁夏回族自治区", "宁夏"},
		{"新疆", "65", "新疆维吾尔自治区", "新疆"},
		{"重庆", "50", "重庆市", "重庆"},
		{"北京市", "11", "北京市", "北京"},
		{"黑龙江", "23", "黑龙江省", "黑龙江"},
	}
	for _, c := range cases {
		p, ok := Province(c.name)
		if !ok || p.Code != c.code || p.Name != c.full || p.Short() != c.short || p.Level != LevelProvince {
			t.Errorf("Province(%s) = %+v %v (short %s), want %s %s %s", c.name, p, ok, p.Short(), c.code, c.full, c.short)
		}
		if k := ProvinceKey(c.name); k != c.code {
			t.Errorf("ProvinceKey(%s) = %s, want %s", c.name, k, c.code)
		}
	}
	for _, name := range []string{"", "四", "省", "四川市", "新疆生产建设兵团", "香港", "Sichuan"} {
		if p, ok := Province(name); ok {
			t.Errorf("Province(%q) = %+v, want unknown", name, p)
		}
		if k := ProvinceKey(name); k != "="+name {
			t.Errorf("ProvinceKey(%q) = %s, want the name itself", name, k)
		}
	}
}

func TestPlaces(t *testing.T) {
	cases := []struct {
		prov, name string
		want       string // codes, comma-separated; "" for unknown
	}{
		// Prefecture-level: full and short forms.
		{"四川", "成都", "5101"},
		{"四川省", "成都市", "5101"},
		{"湖北", "恩施州", "4228"},
		{"湖北", "恩施", "4228"},
		{"湖北", "恩施土家族苗族自治州", "4228"},
		{"新疆", "克州", "6530"},
		{"新疆", "克孜勒苏", "6530"},
		{"新疆", "巴州", "6528"},
		{"新疆", "巴音郭楞州", "6528"},
		{"贵州", "黔东南州", "5226"},
		{"云南", "西双版纳州", "5328"},
		{"黑龙江", "大兴安岭", "2327"},
		{"西藏", "阿里", "5425"},
		{"内蒙古", "锡林郭勒", "1525"},
		{"青海", "海南州", "6325"},
		{"青海", "海南", "6325"}, // the province's context: not 海南省
		{"吉林", "吉林", "2202"},
		// A municipality is its own city.
		{"重庆", "重庆", "5000"},
		{"重庆市", "重庆市", "5000"},
		{"北京", "北京", "1100"},
		// Prefecture-level wins over county-level: 朝阳 is 朝阳市, 朝阳县 is written so.
		{"辽宁", "朝阳", "2113"},
		{"辽宁", "朝阳县", "211321"},
		// A prefecture-level city without counties is also its own county-level unit.
		{"海南", "儋州市", "4604"},
		{"广东", "东莞", "4419"},
		// County-level units: districts of municipalities, directly governed cities, autonomous counties.
		{"重庆", "渝中区", "500103"},
		{"重庆", "渝中", "500103"},
		{"重庆", "石柱", "500240"},
		{"重庆", "石柱县", "500240"},
		{"湖北", "仙桃", "429004"},
		{"湖北", "神农架", "429021"},
		{"内蒙古", "鄂温克旗", "150724"},
		{"甘肃", "东乡县", "622926"},
		// Repeated county names: every place the name may mean in the province.
		{"江苏", "鼓楼区", "320106,320302"},
		{"江苏", "鼓楼", "320106,320302"},
		{"福建", "鼓楼区", "350102"},
		// Unknown: names the table lacks, wrong province, one-character forms.
		{"重庆", "两江新区", ""},
		{"陕西", "西咸新区", ""},
		{"四川", "重庆", ""},
		{"江苏", "沛", ""},
		{"", "成都", ""},
		{"四川", "", ""},
	}
	for _, c := range cases {
		var got []string
		for _, p := range Places(c.prov, c.name) {
			got = append(got, p.Code)
		}
		if g := strings.Join(got, ","); g != c.want {
			t.Errorf("Places(%s, %s) = %s, want %s", c.prov, c.name, g, c.want)
		}
		p, ok := City(c.prov, c.name)
		if single := c.want != "" && !strings.Contains(c.want, ","); ok != single || (ok && p.Code != c.want) {
			t.Errorf("City(%s, %s) = %v %v", c.prov, c.name, p, ok)
		}
		keys := strings.Join(CityKeys(c.prov, c.name), ",")
		if want := c.want; (want == "" && keys != "="+c.name) || (want != "" && keys != want) {
			t.Errorf("CityKeys(%s, %s) = %s, want %s", c.prov, c.name, keys, want)
		}
	}
}

func TestForms(t *testing.T) {
	cases := []struct {
		prov, name string
		forms      string
	}{
		{"四川", "成都市", "成都市 成都"},
		{"湖北", "恩施州", "恩施土家族苗族自治州 恩施州 恩施"},
		{"新疆", "克州", "克孜勒苏柯尔克孜自治州 克孜勒苏州 克孜勒苏 克州"},
		{"重庆", "重庆", "重庆市 重庆"},
		{"重庆", "石柱", "石柱土家族自治县 石柱县 石柱"},
		{"江苏", "沛县", "沛县"},
		{"甘肃", "积石山县", "积石山保安族东乡族撒拉族自治县 积石山县 积石山"},
	}
	for _, c := range cases {
		p, ok := City(c.prov, c.name)
		if got := strings.Join(p.Forms(), " "); !ok || got != c.forms {
			t.Errorf("forms of %s = %s, want %s", c.name, got, c.forms)
		}
	}
}

func TestRegionKey(t *testing.T) {
	for _, c := range [][2]string{{"东部", "东部"}, {"东部地区", "东部"}, {"西部片区", "西部"}, {"地区", "地区"},
		{"华地区", "华地区"}, {"西南", "西南"}, {"", ""}} {
		if got := RegionKey(c[0]); got != c[1] {
			t.Errorf("RegionKey(%s) = %s, want %s", c[0], got, c[1])
		}
	}
}

func TestSuggest(t *testing.T) {
	cases := []struct{ prov, name, want string }{
		{"四川", "城都", "成都"},
		{"四川", "城都市", "成都市"},
		{"四川省", "绵杨", "绵阳"},
		{"", "乌鲁木其", "乌鲁木齐"},
		{"新疆", "乌鲁木其市", "乌鲁木齐市"},
		{"四川", "北京", "北川"}, // 北川羌族自治县
		{"四川", "纽约", ""},
		{"四川", "完全不同的名字", ""}, // too far
	}
	for _, c := range cases {
		_, got, ok := Suggest(c.prov, c.name)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("Suggest(%s, %s) = %q %v, want %q", c.prov, c.name, got, ok, c.want)
		}
	}
	if _, s, ok := SuggestProvince("四州"); !ok || s != "四川" {
		t.Errorf("SuggestProvince(四州) = %s %v", s, ok)
	}
}

func TestDistanceAndCompare(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"成都", "成都", 0}, {"成都", "成都市", 1}, {"城都", "成都", 1}, {"", "成都", 2}, {"abc", "acb", 2}} {
		if got := Distance(c.a, c.b); got != c.d || Distance(c.b, c.a) != c.d {
			t.Errorf("Distance(%s, %s) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
	order := []string{"50", "5000", "500103", "51", "5101", "510104", "5102", "52", ""}
	for i := 1; i < len(order); i++ {
		if Compare(order[i-1], order[i]) >= 0 || Compare(order[i], order[i-1]) <= 0 {
			t.Errorf("%q should sort before %q", order[i-1], order[i])
		}
	}
}

// TestEveryFormFindsItsPlace holds the table to its own forms: each
// spelling of a place leads back to it, except where another place of its
// province takes precedence (a prefecture's short form over a county's).
func TestEveryFormFindsItsPlace(t *testing.T) {
	tb := tab()
	for _, p := range tb.places {
		if p.Level == LevelProvince {
			for _, f := range p.Forms() {
				if q, ok := Province(f); !ok || q.Code != p.Code {
					t.Errorf("Province(%s) = %v, want %s", f, q, p.Code)
				}
			}
			continue
		}
		for _, f := range p.Forms() {
			found := false
			for _, q := range Places(provinceName(p), f) {
				found = found || q.Code == p.Code
			}
			if !found && p.Level == LevelPrefecture {
				t.Errorf("%s (%s): form %s does not find it", p.Name, p.Code, f)
			}
		}
	}
}

func provinceName(p Place) string {
	for _, q := range Provinces() {
		if q.Code == p.ProvinceCode() {
			return q.Name
		}
	}
	return ""
}

func TestProvincesOrder(t *testing.T) {
	// The western meeting's provinces, as the source article lists them.
	western := []string{"新疆", "宁夏", "青海", "甘肃", "西藏", "云南", "贵州", "四川", "重庆"}
	var codes []string
	for _, n := range western {
		p, _ := Province(n)
		codes = append(codes, p.Code)
	}
	for i := 1; i < len(codes); i++ {
		if Compare(codes[i], codes[i-1]) >= 0 {
			t.Errorf("%s should sort before %s", western[i], western[i-1])
		}
	}
}

func FuzzLookup(f *testing.F) {
	for _, s := range [][2]string{{"四川", "成都"}, {"江苏", "鼓楼"}, {"新疆维吾尔自治区", "克州"}, {"", ""}, {"重庆", "两江新区"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, prov, name string) {
		keys := CityKeys(prov, name)
		if len(keys) == 0 {
			t.Fatal("no keys")
		}
		for _, p := range Places(prov, name) {
			if p.Level == LevelProvince || !strings.HasPrefix(p.Code, ProvinceKey(prov)) {
				t.Fatalf("Places(%q, %q) gave %+v outside the province", prov, name, p)
			}
		}
		if p, ok := Province(prov); ok && ProvinceKey(p.Name) != p.Code {
			t.Fatalf("province %q: key of its full name %s", prov, ProvinceKey(p.Name))
		}
		if k := RegionKey(name); !strings.HasPrefix(name, k) {
			t.Fatalf("RegionKey(%q) = %q is not a prefix", name, k)
		}
		if p, s, ok := Suggest(prov, name); ok && (Distance(name, s) > 2 || !contains(p.Forms(), s)) {
			t.Fatalf("Suggest(%q, %q) = %q", prov, name, s)
		}
	})
}

func TestPrefecture(t *testing.T) {
	cases := []struct{ prov, name, want string }{
		{"四川", "都江堰市", "5101 成都市"},
		{"四川", "武侯区", "5101 成都市"},
		{"重庆", "渝中区", "5000 重庆市"},
		{"重庆", "石柱县", "5000 重庆市"},
		{"北京", "朝阳区", "1100 北京市"},
		{"湖北", "仙桃市", ""}, // governed by the province directly
		{"四川", "成都市", ""}, // not county-level
		{"安徽", "巢湖市", "3401 合肥市"},
	}
	for _, c := range cases {
		p, ok := City(c.prov, c.name)
		if !ok {
			t.Fatalf("City(%s, %s) unknown", c.prov, c.name)
		}
		got := ""
		if q, ok := Prefecture(p); ok {
			got = q.Code + " " + q.Name
		}
		if got != c.want {
			t.Errorf("Prefecture(%s) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestChanges(t *testing.T) {
	cases := []struct{ prov, name, want string }{
		{"云南", "思茅市", "5308"},   // renamed 普洱市 2007
		{"云南省", "思茅市", "5308"},  // any form of the province
		{"湖北", "襄樊市", "4206"},   // 襄阳市
		{"湖北", "襄樊", "4206"},    // its short form, no place of today
		{"贵州", "毕节地区", "5205"},  // 毕节市
		{"西藏", "日喀则地区", "5402"}, // 日喀则市
		{"新疆", "哈密地区", "6505"},
		{"云南", "思茅", "530802"},  // 思茅区 today: never read as 普洱
		{"山东", "莱芜市", ""},       // merged into 济南: not 济南's figure
		{"安徽", "巢湖市", "340181"}, // today a county-level city of 合肥
		{"四川", "思茅市", ""},       // not in that province
	}
	for _, c := range cases {
		var got []string
		for _, p := range Places(c.prov, c.name) {
			got = append(got, p.Code)
		}
		if g := strings.Join(got, ","); g != c.want {
			t.Errorf("Places(%s, %s) = %s, want %s", c.prov, c.name, g, c.want)
		}
	}
	for _, c := range changes {
		p, ok := Province(c.Province)
		if !ok {
			if p, ok = provinceByCode(c.Province); !ok {
				t.Fatalf("%s: province %s unknown", c.Old, c.Province)
			}
		}
		if len(current(p.Code, c.Old)) > 0 && c.Kind == Renamed {
			t.Errorf("%s is still a place of the 2023 table", c.Old)
		}
		if c.New != "" && len(current(p.Code, c.New)) == 0 {
			t.Errorf("%s: new name %s is not in the 2023 table", c.Old, c.New)
		}
		if c.Year < 2007 || c.Year > 2023 {
			t.Errorf("%s: year %d", c.Old, c.Year)
		}
	}
	if c, ok := FindChange("", "莱芜市"); !ok || c.Describe() != "莱芜市 was merged into 济南市 (its 莱芜区 and 钢城区) in 2019" {
		t.Errorf("莱芜市: %+v %v", c, ok)
	}
	if c, ok := FindChange("云南", "思茅市"); !ok || c.Describe() != "思茅市 was renamed 普洱市 in 2007" || c.DescribeZh() != "思茅市已于2007年更名为普洱市" {
		t.Errorf("思茅市: %+v %v", c, ok)
	}
	pe, _ := City("云南", "普洱市")
	if got := strings.Join(FormerNames(pe), " "); got != "思茅市" {
		t.Errorf("former names of 普洱市: %s", got)
	}
	xy, _ := City("湖北", "襄阳")
	if got := strings.Join(FormerNames(xy), " "); got != "襄樊市 襄樊" {
		t.Errorf("former names of 襄阳市: %s", got)
	}
}

func provinceByCode(code string) (Place, bool) {
	for _, p := range Provinces() {
		if p.Code == code {
			return p, true
		}
	}
	return Place{}, false
}

func TestEnglish(t *testing.T) {
	cases := []struct{ province, city, want string }{
		{"四川", "", "Sichuan"}, {"四川省", "", "Sichuan"}, {"内蒙古", "", "Inner Mongolia"}, {"陕西", "", "Shaanxi"},
		{"四川", "成都市", "Chengdu"}, {"四川", "成都", "Chengdu"}, {"重庆", "重庆", "Chongqing"}, {"安徽", "蚌埠", "Bengbu"},
		{"陕西", "西安", "Xi'an"}, {"湖北", "恩施州", "Enshi Prefecture"}, {"贵州", "六盘水", "Liupanshui"}, {"安徽", "六安", "Lu'an"},
		{"新疆", "乌鲁木齐", "Urumqi"},
	}
	for _, c := range cases {
		got, ok := EnglishProvince(c.province)
		if c.city != "" {
			got, ok = EnglishCity(c.province, c.city)
		}
		if !ok || got != c.want {
			t.Errorf("English(%s %s) = %q, %v; want %q", c.province, c.city, got, ok, c.want)
		}
	}
	// Every place of the table has one.
	for _, p := range tab().places {
		if p.English() == "" {
			t.Errorf("%s %s has no English name", p.Code, p.Name)
		}
	}
}
