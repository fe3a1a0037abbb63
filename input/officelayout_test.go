package input

import (
	"reflect"
	"strings"
	"testing"
)

// Layouts offices keep, in GBK CSVs saved by LibreOffice from typed
// workbooks (testdata/office/make): the period in 年份 and 月份 columns,
// notes below the table and a remark beside a row, totals rows above the
// rows they close, 全市 as the city of a province's own figure.

// loadOffice loads the office fixture as figures.csv and returns its
// figures and warnings.
func loadOffice(t *testing.T, figures string) ([]string, []string) {
	t.Helper()
	d, err := Load(officeFS(t, figures), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	for _, w := range d.Warnings() {
		if !strings.HasPrefix(w, "bases.csv") && !strings.HasPrefix(w, "cities.csv") {
			warnings = append(warnings, w)
		}
	}
	return figureLines(d.Figures), warnings
}

func TestOfficeOtherLayouts(t *testing.T) {
	for _, tt := range []struct {
		file     string
		figures  []string
		warnings []string
	}{
		{"yearmonth.gbk.csv",
			[]string{"2 2019-04 成都 1280000", "3 2019-04 重庆 1390000", "4 2019-05 成都 1300000", "5 2019-05 重庆 1410000", "6 2019-05 绵阳 125000"},
			[]string{`figures.csv:1: columns "年份" and "月份" read together as one month (such as 2019-05)`}},
		{"footer.gbk.csv",
			[]string{"2 2019 成都 1300000", "3 2019 绵阳 125000", "4 2019 重庆 1410000"},
			[]string{
				"figures.csv: 1 row has text beside it, past the header's columns (a remark), ignored: lines 3",
				"figures.csv: 3 note rows below the table (注, 数据来源, 填表人 and the like) skipped, not read as data: lines 6, 7, 8",
			}},
		{"totalsabove.gbk.csv",
			[]string{"4 2019 成都 1300000", "5 2019 绵阳 125000", "7 2019 重庆 1410000"},
			[]string{"figures.csv: 3 totals rows skipped, not read as records: line 2 (合　计 2,835,000) equals the sum of its 3 rows; line 3 (小计 1,425,000) equals the sum of its 2 rows; line 6 (小计 1,410,000) equals the sum of its 1 row"}},
		{"provincetotal.gbk.csv",
			[]string{"2 2019 成都 1300000", "3 2019 绵阳 125000", "5 2019 重庆 1410000"},
			[]string{
				"figures.csv: 1 row has 合计 in the city column as a province's only row, read as the province-level figure: lines 5",
				"figures.csv: 1 totals row skipped, not read as records: line 4 (小计 1,425,000) equals the sum of its 2 rows",
			}},
		{"wholeprovince.gbk.csv",
			[]string{"2 2019 成都 1300000", "3 2019 绵阳 125000", "4 2019 重庆 1410000"},
			nil},
	} {
		t.Run(tt.file, func(t *testing.T) {
			figures, warnings := loadOffice(t, tt.file)
			if !reflect.DeepEqual(figures, tt.figures) {
				t.Errorf("figures\n got %q\nwant %q", figures, tt.figures)
			}
			if !reflect.DeepEqual(warnings, tt.warnings) {
				t.Errorf("warnings\n got %q\nwant %q", warnings, tt.warnings)
			}
		})
	}
}

// TestWholeProvinceCity: 全市 as a city is the province's own figure (no
// city), not a city named 全市.
func TestWholeProvinceCity(t *testing.T) {
	d, err := Load(officeFS(t, "wholeprovince.gbk.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := d.Figures[2]; f.City != "" || f.Province != "重庆" {
		t.Errorf("line 4 read as city %q of %q, want 重庆's province-level figure", f.City, f.Province)
	}
}

// TestYearMonthColumns: 年度 and 月份 written 5月, in either order; a year
// column alone stays the period.
func TestYearMonthColumns(t *testing.T) {
	for _, tt := range []struct{ name, csv, want string }{
		{"年度 and 5月", "省份,城市,年度,月份,人数\n四川,成都,2019年,4月,1\n四川,成都,2019年,5月,2\n", "2019-05"},
		{"月份 first", "月份,年份,省份,城市,人数\n4,2019,四川,成都,1\n5,2019,四川,成都,2\n", "2019-05"},
		{"a whole month in 月份", "省份,城市,年份,月份,人数\n四川,成都,2019,2019-04,1\n四川,成都,2019,2019-05,2\n", "2019-05"},
		{"年份 alone", "省份,城市,年份,人数\n四川,成都,2018,1\n四川,成都,2019,2\n", "2019"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := officeFS(t, "days.csv")
			fsys["figures.csv"].Data = []byte(tt.csv)
			d, err := Load(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Period.String() != tt.want || len(d.Figures) != 2 || d.Figures[1].Members != 2 {
				t.Errorf("period %v, figures %v; want %s", d.Period, figureLines(d.Figures), tt.want)
			}
		})
	}
	fsys := officeFS(t, "days.csv")
	fsys["figures.csv"].Data = []byte("省份,城市,年份,月份,人数\n四川,成都,2019,13,1\n四川,成都,,5,1\n")
	_, err := Load(fsys, Options{})
	if err == nil || !strings.Contains(err.Error(), `figures.csv:2:3: period "2019年13月" has month 13`) || !strings.Contains(err.Error(), `figures.csv:3:3: period "5" is not a period`) {
		t.Errorf("err = %v", err)
	}
}

// TestFootersNeverHideData: a row that is data is never a footer, and a
// stray number beside a row (1,400,000 unquoted) stays an error.
func TestFootersNeverHideData(t *testing.T) {
	fsys := officeFS(t, "days.csv")
	fsys["figures.csv"].Data = []byte("省份,城市,时期,人数\n四川,成都,2019,1,400,000\n四川,绵阳,2019,x\n")
	_, err := Load(fsys, Options{})
	if err == nil || !strings.Contains(err.Error(), "figures.csv:2: row has 6 fields, expected 4 as in the header") {
		t.Errorf("err = %v", err)
	}
}

// TestOfficeWideTables: a table kept wide (a members column per period)
// and headers over two rows read as the long table, with their notices;
// the 合计 row is checked period by period.
func TestOfficeWideTables(t *testing.T) {
	for _, tt := range []struct {
		file     string
		figures  []string
		warnings []string
	}{
		{"wide.gbk.csv",
			[]string{"2 2018 成都 1250000", "2 2019 成都 1300000", "3 2018 绵阳 120000", "3 2019 绵阳 125000", "4 2018 重庆 1400000", "4 2019 重庆 1410000"},
			[]string{
				"figures.csv (2017年): 1 totals row skipped, not read as records: line 5 (合计 2,550,000) equals the sum of its 2 rows",
				"figures.csv (2018年): 1 totals row skipped, not read as records: line 5 (合计 2,770,000) equals the sum of its 3 rows",
				"figures.csv (2019年): 1 totals row skipped, not read as records: line 5 (合计 2,835,000) equals the sum of its 3 rows",
				"figures.csv: 1 row has no members figure (empty, —, /, 暂无 or the like), read as not reported: lines 3",
				"figures.csv:1: a wide table, one members column per period (2017年, 2018年, 2019年), read as one row per place and period",
			}},
		{"widetwo.gbk.csv",
			[]string{"3 2018 成都 1200000", "3 2019 成都 1300000", "4 2018 重庆 1350000", "4 2019 重庆 1410000"},
			[]string{
				"figures.csv: a header over two rows (lines 1 and 2) read as one: 省份, 城市, 2018年, 2019年",
				"figures.csv:1: members read in 万人: 140 is 1,400,000",
				"figures.csv:2: a wide table, one members column per period (2018年, 2019年), read as one row per place and period",
			}},
		{"splitheader.gbk.csv",
			[]string{"3 2019 成都 1300000", "4 2019 重庆 1410000"},
			[]string{"figures.csv: a header over two rows (lines 1 and 2) read as one: 省份, 城市, 时期, 新的社会阶层人士人数"}},
	} {
		t.Run(tt.file, func(t *testing.T) {
			figures, warnings := loadOffice(t, tt.file)
			if !reflect.DeepEqual(figures, tt.figures) {
				t.Errorf("figures\n got %q\nwant %q", figures, tt.figures)
			}
			if !reflect.DeepEqual(warnings, tt.warnings) {
				t.Errorf("warnings\n got %q\nwant %q", warnings, tt.warnings)
			}
		})
	}
}

// TestWideTableForms: months and half-years in the header; an error names
// the cell's own column; a header with a period column is never wide.
func TestWideTableForms(t *testing.T) {
	fsys := officeFS(t, "days.csv")
	fsys["figures.csv"].Data = []byte("城市,省份,2019年4月,2019年5月\n成都,四川,128万,130万\n重庆,重庆,139万,141万\n")
	d, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(figureLines(d.Figures), "; "); d.Period.String() != "2019-05" || got != "2 2019-04 成都 1280000; 2 2019-05 成都 1300000; 3 2019-04 重庆 1390000; 3 2019-05 重庆 1410000" {
		t.Errorf("period %v figures %s", d.Period, got)
	}
	fsys["figures.csv"].Data = []byte("省份,城市,2018年下半年,2019年上半年\n四川,成都,125万,abc\n")
	_, err = Load(fsys, Options{})
	if err == nil || !strings.Contains(err.Error(), `figures.csv:2:4: members "abc" is not a number`) {
		t.Errorf("err = %v", err)
	}
	fsys["figures.csv"].Data = []byte("省份,城市,时期,人数,2019年\n四川,成都,2019,1300000,x\n")
	d, err = Load(fsys, Options{})
	if err != nil || len(d.Figures) != 1 || d.Figures[0].Members != 1300000 {
		t.Errorf("a long table with a column headed 2019年: %v, %v", err, d)
	}
}

// TestTotalAsCityStaysTotal: 合计 in the city column closing its own
// province's cities, or heading them, is a totals row.
func TestTotalAsCityStaysTotal(t *testing.T) {
	for name, csv := range map[string]string{
		"below": "省份,城市,时期,人数\n四川,成都,2019,1300000\n四川,绵阳,2019,125000\n四川,合计,2019,1425000\n重庆,重庆,2019,1410000\n重庆,合计,2019,1410000\n",
		"above": "省份,城市,时期,人数\n四川,合计,2019,1425000\n四川,成都,2019,1300000\n四川,绵阳,2019,125000\n重庆,合计,2019,1410000\n重庆,重庆,2019,1410000\n",
	} {
		t.Run(name, func(t *testing.T) {
			fsys := officeFS(t, "days.csv")
			fsys["figures.csv"].Data = []byte(csv)
			d, err := Load(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var lines []string
			for _, f := range d.Figures {
				if f.City == "" {
					t.Errorf("line %d read as %s's province-level figure", f.Line, f.Province)
				}
				lines = append(lines, f.City)
			}
			if len(lines) != 3 || !strings.Contains(strings.Join(d.Warnings(), "\n"), "2 totals rows skipped, not read as records: line") ||
				strings.Contains(strings.Join(d.Warnings(), "\n"), "differs") {
				t.Errorf("figures %v warnings %q", lines, d.Warnings())
			}
		})
	}
}
