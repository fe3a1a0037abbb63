package input

import (
	"errors"
	"strings"
	"testing"
	"testing/fstest"
)

// base is a small valid data folder the error cases modify.
var base = map[string]string{
	"cities.csv":  "city,province,region,tier\n成都,四川,西部,pilot\n绵阳,四川,西部,promotion\n重庆,重庆,西部,\n鼓楼区,江苏,华东,\n鼓楼区,福建,华东,\n",
	"bases.csv":   "base,city,province,batch,segment\n示范点,成都,四川,第二批,社会组织\n",
	"figures.csv": "province,city,period,members,segment\n四川,成都,2019,130万,\n",
}

// dataFS is base with files replaced; a value of "-" removes the file.
func dataFS(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, s := range base {
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	for name, s := range files {
		if s == "-" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(s)}
	}
	return fsys
}

const (
	figHeader   = "province,city,period,members,segment\n"
	cityHeader  = "city,province,region,tier\n"
	baseHeader  = "base,city,province,batch,segment\n"
	segExpected = "expected one of 民营企业和外商投资企业管理技术人员 (企业), 中介组织和社会组织从业人员 (社会组织), 自由职业人员 (自由职业), 新媒体从业人员 (新媒体) or empty"
	quoteHint   = `expected a value containing quotes to be wrapped in double quotes, with each inner quote doubled ("")`
)

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"missing file", map[string]string{"figures.csv": "-"},
			[]string{"figures.csv: file not found, expected figures.csv in the data folder with columns province, period, members (or figures.xlsx, or a sheet 人数 or figures in data.xlsx)"}},
		{"empty file", map[string]string{"figures.csv": ""},
			[]string{"figures.csv: file is empty, expected a header row naming the columns province, period, members"}},
		{"blank file", map[string]string{"cities.csv": "\n , \n\n"},
			[]string{"cities.csv: file is empty, expected a header row naming the columns city, province, region"}},
		{"missing column", map[string]string{"figures.csv": "省份,城市,时期\n四川,成都,2019\n"},
			[]string{`figures.csv:1: missing column members (人数); the header read is "省份,城市,时期", expected a header naming it`}},
		{"missing columns", map[string]string{"cities.csv": "name,tier\n成都,pilot\n"},
			[]string{
				`cities.csv:1: missing column city (城市); the header read is "name,tier", expected a header naming it`,
				`cities.csv:1: missing column province (省份); the header read is "name,tier", expected a header naming it`,
				`cities.csv:1: missing column region (片区); the header read is "name,tier", expected a header naming it`,
			}},
		{"repeated column", map[string]string{"cities.csv": "city,城市,province,region\n成都,成都,四川,西部\n"},
			[]string{`cities.csv:1:2: column "城市" repeats column 1 (city), expected each column once`}},
		{"ragged row", map[string]string{"figures.csv": figHeader + "四川,成都,2019,130万,\n四川,绵阳,2019,1万\n四川,绵阳,2019,1万,,x\n"},
			[]string{
				"figures.csv:3: row has 4 fields, expected 5 as in the header",
				"figures.csv:4: row has 6 fields, expected 5 as in the header",
			}},
		{"empty required values", map[string]string{"cities.csv": cityHeader + "成都,四川,西部,pilot\n,四川,西部,\n绵阳, ,　,\n"},
			[]string{
				"cities.csv:3:1: empty city, expected a value",
				"cities.csv:4:2: empty province, expected a value",
				"cities.csv:4:3: empty region, expected a value",
			}},
		{"bad number", map[string]string{"figures.csv": figHeader + "四川,成都,2019,一百四十,\n"},
			[]string{`figures.csv:2:4: members "一百四十" is not a number, expected a count such as 1400000, 1,400,000, 140万, 1.4M or 0.014亿`}},
		{"negative members", map[string]string{"figures.csv": figHeader + "四川,成都,2019,-5,\n"},
			[]string{`figures.csv:2:4: members "-5" is negative, expected a count of zero or more`}},
		{"empty members and period", map[string]string{"figures.csv": figHeader + "四川,成都,,,\n"},
			[]string{
				"figures.csv:2:3: empty period, expected a year (2019), half-year (2019-H1, 2019年上半年), quarter (2019-Q2, 2019年第二季度), month (2019-05, 2019年5月, 201905) or day (2019-05-17, 2019年5月17日, 20190517)",
			}},
		{"bad period", map[string]string{"figures.csv": figHeader + "四川,成都,2019-13,130万,\n四川,成都,二〇一九,130万,\n"},
			[]string{
				`figures.csv:2:3: period "2019-13" has month 13, expected a month 1–12`,
				`figures.csv:3:3: period "二〇一九" is not a period, expected a year (2019), half-year (2019-H1, 2019年上半年), quarter (2019-Q2, 2019年第二季度), month (2019-05, 2019年5月, 201905) or day (2019-05-17, 2019年5月17日, 20190517)`,
			}},
		{"bad batch", map[string]string{"bases.csv": baseHeader + "示范点,成都,四川,第X批,\n"},
			[]string{`bases.csv:2:4: batch "第X批" is not a batch, expected a positive number such as 2, 第2批 or 第二批, or empty`}},
		{"bad tier", map[string]string{"cities.csv": cityHeader + "成都,四川,西部,示范\n"},
			[]string{`cities.csv:2:4: tier "示范" is not a tier, expected pilot/试点/创新试点城市, promotion/推广/创新推广城市 or empty`}},
		{"unknown segment", map[string]string{"figures.csv": figHeader + "四川,成都,2019,130万,学生\n", "bases.csv": baseHeader + "示范点,成都,四川,,学生\n"},
			[]string{
				`bases.csv:2:5: segment "学生" is unknown, ` + segExpected,
				`figures.csv:2:5: segment "学生" is unknown, ` + segExpected,
			}},
		{"unknown city", map[string]string{"figures.csv": figHeader + "陕西,西安,2019,100万,\n", "bases.csv": baseHeader + "示范点,西安,,,\n"},
			[]string{
				"bases.csv:2:2: city 西安 is unknown, expected a city listed in cities.csv",
				"figures.csv:2:2: city 西安 is unknown, expected a city listed in cities.csv",
			}},
		{"province mismatch", map[string]string{"figures.csv": figHeader + "重庆,成都,2019,130万,\n", "bases.csv": baseHeader + "示范点,成都,重庆,,\n"},
			[]string{
				"bases.csv:2:3: province 重庆 does not match city 成都, expected 四川 as in cities.csv",
				"figures.csv:2:1: province 重庆 does not match city 成都, expected 四川 as in cities.csv",
			}},
		{"ambiguous city", map[string]string{"bases.csv": baseHeader + "示范点,鼓楼区,,,\n示范点,鼓楼区,福建,,\n"},
			[]string{"bases.csv:2:3: city 鼓楼区 is in several provinces (江苏, 福建), expected the province column to say which"}},
		{"unknown province", map[string]string{"figures.csv": figHeader + "陕西,,2019,100万,\n,,2019,1,\n"},
			[]string{
				"figures.csv:2:1: province 陕西 is unknown, expected a province listed in cities.csv",
				"figures.csv:3:1: empty province, expected the province of the figure (and its city, unless it is a province-level figure)",
			}},
		{"region conflict", map[string]string{"cities.csv": cityHeader + "成都,四川,西部,\n绵阳,四川,西南,\n"},
			[]string{"cities.csv:3:3: region 西南 differs from 西部 given to province 四川 on line 2, expected one region per province"}},
		{"duplicate city", map[string]string{"cities.csv": cityHeader + "成都,四川,西部,\n 成都 ,四川,西部,pilot\n"},
			[]string{"cities.csv:3:1: duplicate city 成都 (四川), first on line 2, expected each city once"}},
		{"duplicate base", map[string]string{"bases.csv": baseHeader + "示范点,成都,四川,,\n示范点,成都,,2,\n示范点,绵阳,,,\n"},
			[]string{"bases.csv:3:1: duplicate base 示范点 in 成都, first on line 2, expected each base once per city"}},
		{"duplicate figure", map[string]string{"figures.csv": figHeader +
			"四川,成都,2019,130万,\n四川,成都,2019年,131万,\n四川,成都,2019,1万,企业\n四川,成都,2019,2万,民营企业和外商投资企业管理技术人员\n" +
			"四川,,2019,500万,\n四川,,2019,501万,\n四川,成都,2019-01,1,\n"},
			[]string{
				"figures.csv:3:2: duplicate figure for 成都 (四川), 2019, total, first on line 2, expected one figure per city, period and segment",
				"figures.csv:5:2: duplicate figure for 成都 (四川), 2019, 企业, first on line 4, expected one figure per city, period and segment",
				"figures.csv:7:1: duplicate province-level figure for 四川, 2019, total, first on line 6, expected one figure per province, period and segment",
			}},
		{"bare quote", map[string]string{"bases.csv": baseHeader + "数博大道 \"1A+6S\" 工作圈,成都,四川,,\n示范点,成都,四川,X,\n"},
			[]string{
				`bases.csv:2: stray quote " in an unquoted value, ` + quoteHint,
				`bases.csv:3:4: batch "X" is not a batch, expected a positive number such as 2, 第2批 or 第二批, or empty`,
			}},
		{"unclosed quote", map[string]string{"bases.csv": baseHeader + "\"示范点,成都,四川,,\n示范点,成都,四川,,\n"},
			[]string{`bases.csv:2: quoted value not closed properly (a quote left open or text after the closing quote), ` + quoteHint}},
		{"NUL byte", map[string]string{"figures.csv": figHeader + "四川,成都,2019,130万,\n四川,绵阳,2019,1\x00万,\n"},
			[]string{"figures.csv:3: NUL byte: binary content, expected CSV text"}},
		{"binary file", map[string]string{"figures.csv": "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"},
			[]string{"figures.csv:3: NUL byte: binary content, expected CSV text"}},
		{"UTF-16 file", map[string]string{"cities.csv": "\xFF\xFEc\x00i\x00t\x00y\x00"},
			[]string{
				`cities.csv:1: missing column province (省份); the header read is "city", expected a header naming it`,
				`cities.csv:1: missing column region (片区); the header read is "city", expected a header naming it`,
			}},
		{"neither UTF-8 nor GB18030", map[string]string{"figures.csv": figHeader + "四川,成都,2019,130\xff\xfe万,\n"},
			[]string{"figures.csv:2: byte sequence invalid in GB18030 (the file is neither UTF-8 nor GB18030), expected UTF-8 or GB18030 text"}},
		{"damaged UTF-8", map[string]string{"figures.csv": figHeader + "四川,成都,2019,130万,新媒体从业人员\n四川,绵阳,2019,1\xff万,\n"},
			[]string{"figures.csv:3: invalid UTF-8 byte sequence, expected UTF-8 text"}},
		{"BOM then invalid UTF-8", map[string]string{"figures.csv": "\xEF\xBB\xBF" + figHeader + "四川,\xcb\xc4,2019,1,\n"},
			[]string{"figures.csv:2: invalid UTF-8 byte sequence, expected UTF-8 text"}},
		{"long line", map[string]string{"figures.csv": figHeader + "四川,成都,2019,130万,\n四川,绵阳,2019,1," + strings.Repeat("x", 70000) + "\n"},
			[]string{"figures.csv:3: row longer than 64 KiB, expected CSV rows of ordinary length"}},
		{"open quote", map[string]string{"figures.csv": figHeader + "四川,成都,2019,130万,\"" + strings.Repeat("x\n", 40000) + "\n"},
			[]string{"figures.csv:2: quoted value longer than 64 KiB (a quote left open?), expected CSV rows of ordinary length"}},
		{"too many columns", map[string]string{"figures.csv": figHeader[:len(figHeader)-1] + strings.Repeat(",x", 1000) + "\n"},
			[]string{"figures.csv:1: row has 1005 columns, expected at most 1000"}},
		{"briefing syntax", map[string]string{"briefing.toml": "title = \"简报\"\nissue = \n"},
			[]string{"briefing.toml:2:9: expected value but found '\\n' instead (at key issue), expected TOML such as title = \"...\""}},
		{"briefing values", map[string]string{"briefing.toml": "date = \"2019-05\"\ncopies = -1\n\n[[stated]]\nvalue = 3\nmeasure = \"people\"\n"},
			[]string{
				`briefing.toml:1: date "2019-05" is not a day, expected date = "2019-05-17"`,
				"briefing.toml:2: copies -1 is negative, expected a count of printed copies or 0",
				`briefing.toml:4: [[stated]] #1 has no label, expected label = "..."`,
				`briefing.toml:4: [[stated]] #1 measure "people" is unknown, expected one of bases, cities, key_projects, members, pilot_cities, promotion_cities, provinces, regions, reporting_cities or none`,
			}},
		{"errors in every file", map[string]string{
			"cities.csv":  cityHeader + "成都,四川,西部,x\n",
			"bases.csv":   baseHeader + "示范点,成都,四川,x,\n",
			"figures.csv": figHeader + "四川,成都,x,1,\n",
		},
			[]string{
				`cities.csv:2:4: tier "x" is not a tier, expected pilot/试点/创新试点城市, promotion/推广/创新推广城市 or empty`,
				`bases.csv:2:4: batch "x" is not a batch, expected a positive number such as 2, 第2批 or 第二批, or empty`,
				`figures.csv:2:3: period "x" is not a period, expected a year (2019), half-year (2019-H1, 2019年上半年), quarter (2019-Q2, 2019年第二季度), month (2019-05, 2019年5月, 201905) or day (2019-05-17, 2019年5月17日, 20190517)`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Load(dataFS(tt.files), Options{})
			if err == nil {
				t.Fatalf("Load succeeded with %d figures, want errors %q", len(d.Figures), tt.want)
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("error %T %v is not Errors", err, err)
			}
			got := strings.Split(err.Error(), "\n")
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(tt.want, "\n     "))
			}
		})
	}
}

func TestTruncatedEncodings(t *testing.T) {
	// A GBK file whose only Chinese character is cut off at the end is
	// read as GB18030 and fails there; a proven UTF-8 file cut mid-character
	// fails as UTF-8.
	_, err := Load(dataFS(map[string]string{"figures.csv": figHeader + "\xcb\xc4\xb4\xa8,,2019,1,\n\xcb"}), Options{})
	if want := "figures.csv:3: byte sequence invalid in GB18030 (the file is neither UTF-8 nor GB18030), expected UTF-8 or GB18030 text"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	_, err = Load(dataFS(map[string]string{"figures.csv": figHeader + "四川,成都,2019,1,新媒体从业人员\n\xe5\x9b"}), Options{})
	if want := "figures.csv:3: incomplete UTF-8 sequence at the end of the file, expected UTF-8 text"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestNoCascades(t *testing.T) {
	// A city row with a bad tier or no region is still a known city: the
	// figures and bases naming it get no errors of their own.
	_, err := Load(dataFS(map[string]string{
		"cities.csv":  cityHeader + "成都,四川,西部,x\n绵阳,四川,,\n",
		"bases.csv":   baseHeader + "示范点,绵阳,四川,,\n",
		"figures.csv": figHeader + "四川,成都,2019,1,\n四川,绵阳,2019,1,\n",
	}), Options{})
	want := `cities.csv:2:4: tier "x" is not a tier, expected pilot/试点/创新试点城市, promotion/推广/创新推广城市 or empty` + "\n" +
		"cities.csv:3:3: empty region, expected a value"
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}
