package input

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basebrief/basebrief/analysis"
	"github.com/xuri/excelize/v2"
)

// folder makes a data folder of the three files.
func folder(cities, bases, figures string) fstest.MapFS {
	return fstest.MapFS{
		"cities.csv":  {Data: []byte("city,province,region,tier\n" + cities)},
		"bases.csv":   {Data: []byte("base,city,province,batch\n" + bases)},
		"figures.csv": {Data: []byte("province,city,period,members\n" + figures)},
	}
}

func loadErrors(t *testing.T, fsys fstest.MapFS) []string {
	t.Helper()
	_, err := Load(fsys, Options{})
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("want input errors, got %v", err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Error())
	}
	return out
}

func mustLoadFS(t *testing.T, fsys fstest.MapFS) *analysis.Dataset {
	t.Helper()
	d, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func noticeOf(d *analysis.Dataset, code string) analysis.Notice {
	for _, n := range d.Notices {
		if n.Code == code {
			return n
		}
	}
	return analysis.Notice{}
}

// fullCities is cities.csv in full official names.
const fullCities = "成都市,四川省,西部地区,pilot\n绵阳市,四川省,西部地区,\n拉萨市,西藏自治区,西部地区,\n重庆市,重庆市,西部地区,pilot\n" +
	"两江新区,重庆市,西部地区,\n恩施土家族苗族自治州,湖北省,中部地区,\n鼓楼区,江苏省,东部地区,\n"

func TestNamesMatchEveryForm(t *testing.T) {
	bases := "甲,成都,四川,2\n乙,恩施州,湖北,\n丙,重庆,,\n丁,两江新区,重庆,\n戊,鼓楼,江苏,\n己,拉萨,西藏区,\n"
	figures := "四川,成都,2019,100\n四川,绵阳,2019,50\n西藏,拉萨,2019,10\n重庆,重庆,2019,70\n重庆,两江新区,2019,5\n湖北,恩施,2019,20\n" +
		"江苏,鼓楼,2019,1\n四川,,2019,300\n内蒙古,,2019,1\n"
	_, err := Load(folder(fullCities, bases, figures), Options{})
	// 内蒙古 is a real province but not in cities.csv: an error, with no guess.
	if err == nil || err.Error() != "figures.csv:10:1: province 内蒙古 is unknown, expected a province listed in cities.csv" {
		t.Fatalf("err = %v", err)
	}
	figures = strings.TrimSuffix(figures, "内蒙古,,2019,1\n")
	d := mustLoadFS(t, folder(fullCities, bases, figures))
	var got []string
	for _, b := range d.Bases {
		got = append(got, b.Name+":"+b.City+"/"+b.Province)
	}
	want := "甲:成都市/四川省 乙:恩施土家族苗族自治州/湖北省 丙:重庆市/重庆市 丁:两江新区/重庆市 戊:鼓楼区/江苏省 己:拉萨市/西藏自治区"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("bases = %s\nwant    %s", g, want)
	}
	got = nil
	for _, f := range d.Figures {
		got = append(got, f.City+"/"+f.Province)
	}
	want = "成都市/四川省 绵阳市/四川省 拉萨市/西藏自治区 重庆市/重庆市 两江新区/重庆市 恩施土家族苗族自治州/湖北省 鼓楼区/江苏省 /四川省"
	if g := strings.Join(got, " "); g != want {
		t.Errorf("figures = %s\nwant      %s", g, want)
	}
	n := noticeOf(d, analysis.CodeNamesMatched)
	wantEn := "names written in another form were matched to cities.csv's spelling (names are compared after NFKC normalisation, with zero-width characters, BOM, soft hyphens and bidi controls removed): " +
		"四川 → 四川省 (bases.csv line 2, figures.csv 3 rows from line 2); 成都 → 成都市 (bases.csv line 2, figures.csv line 2); " +
		"恩施州 → 恩施土家族苗族自治州 (bases.csv line 3); 湖北 → 湖北省 (bases.csv line 3, figures.csv line 7); " +
		"重庆 → 重庆市 (bases.csv 2 rows from line 4, figures.csv 2 rows from line 5); 江苏 → 江苏省 (bases.csv line 6, figures.csv line 8); " +
		"鼓楼 → 鼓楼区 (bases.csv line 6, figures.csv line 8); 拉萨 → 拉萨市 (bases.csv line 7, figures.csv line 4); " +
		"西藏区 → 西藏自治区 (bases.csv line 7); 绵阳 → 绵阳市 (figures.csv line 3); 西藏 → 西藏自治区 (figures.csv line 4); " +
		"恩施 → 恩施土家族苗族自治州 (figures.csv line 7)"
	if n.En != wantEn {
		t.Errorf("notice =\n%s\nwant\n%s", n.En, wantEn)
	}
	if !strings.HasPrefix(n.Zh, "以下名称的写法与城市表不同，已按城市表的写法匹配（名称经NFKC规范化、去除零宽字符、BOM、软连字符和双向控制符后比较）：四川→四川省（bases.csv第2行；figures.csv3行，自第2行起）、成都→成都市（bases.csv第2行；figures.csv第2行）、") {
		t.Errorf("notice zh = %s", n.Zh)
	}
}

func TestNamesInCitiesFile(t *testing.T) {
	// A province or region written two ways in cities.csv is one place,
	// spelled as first written.
	d := mustLoadFS(t, folder("成都,四川,西部,\n绵阳,四川省,西部地区,\n拉萨,西藏自治区,西部地区,\n日喀则,西藏,西部,\n", "", ""))
	var got []string
	for _, c := range d.Cities {
		got = append(got, c.Name+"/"+c.Province+"/"+c.Region)
	}
	if g := strings.Join(got, " "); g != "成都/四川/西部 绵阳/四川/西部 拉萨/西藏自治区/西部 日喀则/西藏自治区/西部" {
		t.Errorf("cities = %s", g)
	}
	if n := noticeOf(d, analysis.CodeNamesMatched); n.En != "names written in another form were matched to cities.csv's spelling (names are compared after NFKC normalisation, with zero-width characters, BOM, soft hyphens and bidi controls removed): "+
		"四川省 → 四川 (cities.csv line 3); 西部地区 → 西部 (cities.csv 2 rows from line 3); 西藏 → 西藏自治区 (cities.csv line 5)" {
		t.Errorf("notice = %s", n.En)
	}
	// One region per province holds across forms: 西部 and 西部地区 agree.
	if _, err := Load(folder("成都,四川,西部,\n绵阳,四川省,西部地区,\n", "", ""), Options{}); err != nil {
		t.Errorf("region forms: %v", err)
	}
}

func TestNearDuplicates(t *testing.T) {
	cases := []struct {
		name                   string
		cities, bases, figures string
		want                   []string
	}{
		{"city twice in cities.csv", "成都,四川,西部,\n绵阳,四川,西部,\n成都市,四川省,西部,\n", "", "",
			[]string{"cities.csv:4:1: city 成都市 (四川) is 成都 of line 2 written another way, expected each city once, in one form"}},
		{"autonomous prefecture twice", "恩施土家族苗族自治州,湖北,中部,\n恩施州,湖北,中部,\n", "", "",
			[]string{"cities.csv:3:1: city 恩施州 (湖北) is 恩施土家族苗族自治州 of line 2 written another way, expected each city once, in one form"}},
		{"municipality twice", "重庆,重庆,西部,\n重庆市,重庆市,西部,\n", "", "",
			[]string{"cities.csv:3:1: city 重庆市 (重庆) is 重庆 of line 2 written another way, expected each city once, in one form"}},
		{"repeated county name twice", "鼓楼区,江苏,东部,\n鼓楼,江苏省,东部,\n", "", "",
			[]string{"cities.csv:3:1: city 鼓楼 (江苏) is 鼓楼区 of line 2 written another way, expected each city once, in one form"}},
		{"a figure for each form in one period", "成都市,四川省,西部,\n", "", "四川,成都,2019,1\n四川省,成都市,2019,2\n四川,成都,2018,1\n四川,成都,2018,1\n",
			[]string{
				"figures.csv:3:2: duplicate figure for 成都市 (四川省), 2019, total, first on line 2, expected one figure per city, period and segment",
				"figures.csv:5:2: duplicate figure for 成都市 (四川省), 2018, total, first on line 4 (written 成都 on this row), expected one figure per city, period and segment",
			}},
		{"a province-level figure for each form", "成都市,四川省,西部,\n", "", "四川省,,2019,1\n四川,,2019,2\n",
			[]string{"figures.csv:3:1: duplicate province-level figure for 四川省, 2019, total, first on line 2 (written 四川 on this row), expected one figure per province, period and segment"}},
		{"a base in each form of its city", "成都市,四川省,西部,\n", "示范点,成都,,\n示范点,成都市,四川省,\n", "",
			[]string{"bases.csv:3:1: duplicate base 示范点 in 成都市, first on line 2, expected each base once per city"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := loadErrors(t, folder(c.cities, c.bases, c.figures))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("errors:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
			}
		})
	}
	// Distinct places whose names share a stem are not duplicates: 朝阳市 and 朝阳县.
	mustLoadFS(t, folder("朝阳市,辽宁,东北,\n朝阳县,辽宁,东北,\n", "", "辽宁,朝阳,2019,1\n辽宁,朝阳县,2019,2\n"))
}

func TestNameSuggestions(t *testing.T) {
	cities := "成都市,四川省,西部,\n绵阳,四川省,西部,\n乌鲁木齐,新疆,西部,\n两江新区,重庆,西部,\n朝阳县,辽宁,东北,\n鼓楼区,江苏,东部,\n鼓楼区,福建,东部,\n"
	cases := []struct {
		name, bases, figures string
		want                 []string
	}{
		{"a typo of a city in the data", "", "四川,城都,2019,1\n",
			[]string{"figures.csv:2:2: city 城都 is unknown, expected a city listed in cities.csv; did you mean 成都市 (line 2)?"}},
		{"a typo with no province", "示范点,乌鲁木其,,\n", "",
			[]string{"bases.csv:2:2: city 乌鲁木其 is unknown, expected a city listed in cities.csv; did you mean 乌鲁木齐 (新疆, line 4)?"}},
		{"a typo of a place not in the data", "", "四川,德杨,2019,1\n",
			[]string{"figures.csv:2:2: city 德杨 is unknown, expected a city listed in cities.csv; did you mean 德阳 (德阳市 in the official divisions, not in cities.csv)?"}},
		{"a real place missing from the data: no guess", "", "四川,德阳,2019,1\n",
			[]string{"figures.csv:2:2: city 德阳 is unknown, expected a city listed in cities.csv"}},
		{"朝阳 is 朝阳市, not the 朝阳县 of cities.csv", "", "辽宁,朝阳,2019,1\n",
			[]string{"figures.csv:2:2: city 朝阳 is unknown, expected a city listed in cities.csv"}},
		{"a province typo", "", "四州,,2019,1\n",
			[]string{"figures.csv:2:1: province 四州 is unknown, expected a province listed in cities.csv; did you mean 四川省 (line 2)?"}},
		{"a name the table lacks matches only as written", "", "重庆,两江,2019,1\n",
			[]string{"figures.csv:2:2: city 两江 is unknown, expected a city listed in cities.csv; did you mean 两江新区 (line 5)?"}},
		{"a repeated county name needs its province", "示范点,鼓楼,,\n", "",
			[]string{"bases.csv:2:3: city 鼓楼 is in several provinces (江苏, 福建), expected the province column to say which"}},
		{"a short form in the wrong province", "", "新疆,成都,2019,1\n",
			[]string{"figures.csv:2:1: province 新疆 does not match city 成都, expected 四川省 as in cities.csv"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := loadErrors(t, folder(cities, c.bases, c.figures))
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("errors:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(c.want, "\n     "))
			}
		})
	}
}

// FuzzNames feeds names written any way to the matcher: a load never
// panics, and every name it accepts takes cities.csv's spelling.
func FuzzNames(f *testing.F) {
	for _, s := range [][2]string{{"成都", "四川"}, {"恩施州", "湖北"}, {"鼓楼", ""}, {"两江", "重庆"}, {"城都", "四州"}, {"", "西藏区"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, city, province string) {
		if strings.ContainsAny(city+province, "\",\r\n") {
			return // CSV syntax is FuzzLoad's
		}
		d, err := Load(folder(fullCities, "甲,"+city+","+province+",\n", province+","+city+",2019,1\n"), Options{})
		if err != nil {
			return
		}
		known := map[[2]string]bool{}
		for _, c := range d.Cities {
			known[[2]string{c.Name, c.Province}] = true
		}
		for _, b := range d.Bases {
			if !known[[2]string{b.City, b.Province}] {
				t.Fatalf("base in %s/%s, not a cities.csv row", b.City, b.Province)
			}
		}
		for _, fg := range d.Figures {
			if !known[[2]string{fg.City, fg.Province}] && (fg.City != "" || !strings.Contains(fullCities, ","+fg.Province+",")) {
				t.Fatalf("figure for %s/%s, not a cities.csv row", fg.City, fg.Province)
			}
		}
	})
}

// TestOneMessagePerSpelling: every row spelling a name one wrong way is one
// message, with its count and first lines, whatever file it is in.
func TestOneMessagePerSpelling(t *testing.T) {
	var figures strings.Builder
	for y := 2001; y <= 2012; y++ {
		fmt.Fprintf(&figures, "四川,城都,%d,1\n四川,绵阳,%d,1\n", y, y)
	}
	got := loadErrors(t, folder("成都市,四川省,西部,\n绵阳,四川省,西部,\n", "甲,城都,四川,\n乙,城都,四川,\n", figures.String()))
	want := []string{
		"bases.csv:2:2: city 城都 is unknown, expected a city listed in cities.csv; did you mean 成都市 (line 2)?; 2 rows like this: lines 2, 3",
		"figures.csv:2:2: city 城都 is unknown, expected a city listed in cities.csv; did you mean 成都市 (line 2)?; 12 rows like this: lines 2, 4, 6, 8, 10, …",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

// TestShortNamesColumnUnnamed: a column of cities.csv's cities written
// short (成都 for 成都市) under an unknown header is still recognised as a
// city column, not read as province-level figures.
func TestShortNamesColumnUnnamed(t *testing.T) {
	fsys := folder("成都市,四川省,西部,\n绵阳市,四川省,西部,\n", "", "")
	fsys["figures.csv"] = &fstest.MapFile{Data: []byte("province,单位,period,members\n四川,成都,2019,1\n四川,绵阳,2019,2\n")}
	got := loadErrors(t, fsys)
	if len(got) == 0 || !strings.HasPrefix(got[0], `figures.csv:1:2: column "单位" holds city names of cities.csv (成都, 绵阳) but its header is not a name of the city column`) {
		t.Errorf("errors = %q", got)
	}
}

// TestNamesInWorkbook: matches in a workbook's sheets are named by sheet and row.
func TestNamesInWorkbook(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	sheets := map[string][][]any{
		"城市": {{"城市", "省份", "片区"}, {"成都市", "四川省", "西部地区"}},
		"基地": {{"基地", "城市"}, {"示范点", "成都市"}},
		"人数": {{"省份", "城市", "时期", "人数"}, {"四川", "成都", "2019", 100}, {"四川省", "成都市", "2018", 90}, {"四川", "成都", "2017", 80}},
	}
	for _, name := range []string{"城市", "基地", "人数"} {
		if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for i, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	d := mustLoadFS(t, fstest.MapFS{"data.xlsx": {Data: buf.Bytes()}})
	want := "names written in another form were matched to cities.csv's spelling (names are compared after NFKC normalisation, with zero-width characters, BOM, soft hyphens and bidi controls removed): 四川 → 四川省 (data.xlsx:人数 2 rows from row 2); 成都 → 成都市 (data.xlsx:人数 2 rows from row 2)"
	if n := noticeOf(d, analysis.CodeNamesMatched); n.En != want {
		t.Errorf("notice = %s\nwant     %s", n.En, want)
	}
}
