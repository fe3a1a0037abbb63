package input

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basebrief/basebrief/analysis"
)

// The office fixtures (testdata/office) are workbooks saved by LibreOffice
// as CSV in UTF-8 and GBK and as UTF-16 "Unicode text", the ways Excel,
// WPS and LibreOffice save them (testdata/office/make writes them).

// officeFS is a data folder of the office cities.csv and bases.csv with
// figures.csv read from the office fixture named.
func officeFS(t *testing.T, figures string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range map[string]string{"cities.csv": "cities.csv", "bases.csv": "bases.csv", "figures.csv": figures} {
		b, err := os.ReadFile(filepath.Join("testdata", "office", src))
		if err != nil {
			t.Fatal(err)
		}
		fsys[name] = &fstest.MapFile{Data: b}
	}
	return fsys
}

// figureLines lists figures as "line period city members" for comparing.
func figureLines(fs []analysis.Figure) []string {
	var out []string
	for _, f := range fs {
		place := f.City
		if place == "" {
			place = f.Province
		}
		if f.Segment != analysis.SegmentAll {
			place += "/" + f.Segment.Short()
		}
		out = append(out, fmt.Sprintf("%d %s %s %d", f.Line, f.Period, place, f.Members))
	}
	return out
}

func zhNotices(ns []analysis.Notice) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Code+": "+n.Zh)
	}
	return out
}

// layoutNotices are the warnings of testdata/office/layout, in every encoding.
var layoutNotices = []string{
	"bases.csv has no rows: no bases or key projects are counted",
	`cities.csv: 1 row above the header (line 3) skipped: line 1 "试点、推广城市名单"`,
	"figures.csv: 1 row has no members figure (empty, —, /, 暂无 or the like), read as not reported: lines 9",
	`figures.csv: 2 rows above the header (line 3) skipped: line 1 "2019年西部地区新的社会阶层人士人数统计表"; line 2 "单位：万人"`,
	"figures.csv: 2 totals rows skipped, not read as records, 1 of them not equal to the sum of their rows: line 7 (小计 2,805,000) equals the sum of its 3 rows; line 11 (小计 2,720,000) differs from the sum of its 2 rows, 2,710,000",
	"figures.csv: the period column mixes months with first- or last-of-month days (one column, two cell formats); 2 day-form rows read as their months: lines 8, 9",
	"figures.csv:2: members read in 万人: 140 is 1,400,000",
}

// TestOfficeLayout reads one monthly sheet as offices save it — a merged
// title, 单位：万人, the city column headed 城市名称, a period column in two
// cell formats, a dash for "not reported", subtotals — saved as CSV in
// UTF-8 and GBK, as UTF-16 "Unicode text" with tabs, and with old Mac line
// ends: the same figures and warnings each time.
func TestOfficeLayout(t *testing.T) {
	for _, tt := range []struct{ file, encoding, extra string }{
		{"layout.csv", "UTF-8", ""},
		{"layout.gbk.csv", "GB18030", ""},
		{"layout.u16.txt", "UTF-16LE", ""},
		{"layout.cr.csv", "UTF-8", "figures.csv: lines end with a lone CR (old Mac Excel), read as line ends"},
	} {
		t.Run(tt.file, func(t *testing.T) {
			d, err := Load(officeFS(t, tt.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"4 2019-11 成都 1280000", "5 2019-11 绵阳 125000", "6 2019-11 重庆 1400000", "8 2019-12 成都 1300000", "10 2019-12 重庆 1410000"}
			if got := figureLines(d.Figures); !reflect.DeepEqual(got, want) {
				t.Errorf("figures\n got %q\nwant %q", got, want)
			}
			if d.Period.String() != "2019-12" || d.Previous.String() != "2019-11" {
				t.Errorf("period %v, previous %v; want 2019-12, 2019-11", d.Period, d.Previous)
			}
			if f := d.Files[2]; f.Encoding != tt.encoding || f.Rows != 8 {
				t.Errorf("figures.csv read as %s, %d rows; want %s, 8", f.Encoding, f.Rows, tt.encoding)
			}
			notices := slices.Clone(layoutNotices)
			if tt.extra != "" {
				notices = append(notices, tt.extra)
				slices.Sort(notices)
			}
			if got := d.Warnings(); !reflect.DeepEqual(got, notices) {
				t.Errorf("warnings\n got %q\nwant %q", got, notices)
			}
		})
	}
	d, err := Load(officeFS(t, "layout.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantZh := []string{
		"bases_empty: bases.csv：表中没有基地，各项基地数均为0",
		"rows_above_header: cities.csv：表头（第3行）之上的1行已跳过：第1行“试点、推广城市名单”",
		"not_reported: figures.csv：1行人数未填报（空白、—、/、暂无等），按无数据处理：第9行",
		"rows_above_header: figures.csv：表头（第3行）之上的2行已跳过：第1行“2019年西部地区新的社会阶层人士人数统计表”；第2行“单位：万人”",
		"totals_rows: figures.csv：2个合计行已跳过（不作为记录），其中1行与其各行之和不等：第7行（小计 280.5万）等于其3行之和；第11行（小计 272万）不等于其2行之和271万",
		"month_day_mixed: figures.csv：时期列既有月份又有月初或月末的日期（同一列的两种单元格格式），2行日期按所在月份读取：第8、9行",
		"members_unit: figures.csv:2：人数按“万人”读取（140即140万）",
	}
	if got := zhNotices(d.Notices); !reflect.DeepEqual(got, wantZh) {
		t.Errorf("notices\n got %q\nwant %q", got, wantZh)
	}
}

// TestOfficeValues reads quarters written four ways, a narrow column's
// 1.11E+06, a space-grouped count, 暂无, and compact days and date-times at
// midnight.
func TestOfficeValues(t *testing.T) {
	tests := []struct {
		file             string
		period, previous string
		figures, notices []string
	}{
		{"values.csv", "2019-Q2", "2019-Q1",
			[]string{"2 2019-Q1 成都 1110000", "3 2019-Q1 重庆 1400000", "4 2019-Q2 成都 1300000", "5 2019-Q2 重庆 1410000"},
			[]string{
				"figures.csv: 1 row gives members in scientific notation with 4 or fewer significant digits (1.21E+06, a narrow column's rounding), read as shown; check the exact figures: lines 2",
				"figures.csv: 1 row has no members figure (empty, —, /, 暂无 or the like), read as not reported: lines 6",
			}},
		{"days.csv", "2019-05-17", "2019-05-16",
			[]string{"2 2019-05-16 成都 1300000", "3 2019-05-17 成都 1310000", "4 2019-05-17 重庆 1410000"}, nil},
	}
	common := []string{"bases.csv has no rows: no bases or key projects are counted", `cities.csv: 1 row above the header (line 3) skipped: line 1 "试点、推广城市名单"`}
	for _, tt := range tests {
		d, err := Load(officeFS(t, tt.file), Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if got := figureLines(d.Figures); !reflect.DeepEqual(got, tt.figures) || d.Period.String() != tt.period || d.Previous.String() != tt.previous {
			t.Errorf("%s: %v after %v, figures %q; want %s after %s, %q", tt.file, d.Period, d.Previous, got, tt.period, tt.previous, tt.figures)
		}
		if got, want := d.Warnings(), append(slices.Clone(common), tt.notices...); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: warnings\n got %q\nwant %q", tt.file, got, want)
		}
	}
}

// TestOfficeErrors checks the errors of sheets that cannot be read right,
// one message per problem, and the warnings returned beside them.
func TestOfficeErrors(t *testing.T) {
	tests := []struct {
		file   string
		errors []string
		notice string
	}{
		{"errors.csv", []string{
			`figures.csv:1:1: unit "个" is not a count of people, expected the members in 人, 万人 or 亿人 (单位：万人 means 140 is 1,400,000)`,
			`figures.csv:3:4: members "约130万" is an approximate value, expected the exact count reported (such as 1400000 or 140万); 3 rows like this: lines 3, 5, 8`,
			`figures.csv:4:4: members "约13万" is an approximate value, expected the exact count reported (such as 1400000 or 140万)`,
			`figures.csv:6:3: period "43602" looks like an Excel date serial (2019-05-17), expected the period as text such as 2019-05: format the column as a date or as text before saving`,
			`figures.csv:7:3: period "2019-05-17 14:30" has a time of day 14:30, expected a date (a period has no time; at midnight, 00:00:00, it is dropped)`,
		}, `figures.csv: 1 row above the header (line 2) skipped: line 1 "单位：个"`},
		{"citycolumn.csv", []string{
			`figures.csv:1:2: column "城市名" holds city names of cities.csv (成都, 绵阳, 重庆) but its header is not a name of the city column, expected the header 城市 or one of city, 城市, 城市名称, 地市, 市州, 地级市, 所属城市, 所在城市: unread, its rows would be taken for province-level figures`,
			"figures.csv:3:1: duplicate province-level figure for 四川, 2019, total, first on line 2, expected one figure per province, period and segment",
		}, `figures.csv:1: unknown column "城市名" ignored`},
	}
	for _, tt := range tests {
		_, err := Load(officeFS(t, tt.file), Options{})
		var inv *Invalid
		if !errors.As(err, &inv) {
			t.Fatalf("%s: error %v, want *Invalid", tt.file, err)
		}
		if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tt.errors) {
			t.Errorf("%s: errors\n got %q\nwant %q", tt.file, got, tt.errors)
		}
		var es Errors
		if !errors.As(err, &es) || len(es) != len(tt.errors) {
			t.Errorf("%s: errors.As found %d errors, want %d", tt.file, len(es), len(tt.errors))
		}
		if !slices.ContainsFunc(inv.Notices, func(n analysis.Notice) bool { return n.En == tt.notice }) {
			t.Errorf("%s: notices %q lack %q", tt.file, inv.Notices, tt.notice)
		}
	}
}
