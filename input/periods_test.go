package input

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basebrief/basebrief/analysis"
)

// The period forms offices use, in GBK CSVs saved by LibreOffice from
// typed workbooks (testdata/office/make): half-years, year-end forms,
// Chinese-numeral dates and month-end days among months.

// comparedText states what a comparison compares and the total's
// like-for-like changes: "2019-H1 prev 2018-H2 ago 2018-H1 | 环比 a/b | 同比 c/d".
func comparedText(t *testing.T, d *analysis.Dataset) string {
	t.Helper()
	c, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	v := func(p *int64) string {
		if p == nil {
			return "-"
		}
		return fmt.Sprint(*p)
	}
	tt := c.Totals
	return fmt.Sprintf("%s %s prev %s ago %s | members %s | 环比 %s/%s | 同比 %s/%s", c.Period, c.Period.Kind(), c.Previous, c.YearAgo,
		v(tt.Members), v(tt.Comparable.Members), v(tt.Comparable.Previous), v(tt.YoY.Members), v(tt.YoY.Previous))
}

func TestOfficeHalfYears(t *testing.T) {
	d, err := Load(officeFS(t, "halves.gbk.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"4 2018-H2 成都 1250000", "5 2018-H2 重庆 1350000", "7 2019-H1 成都 1300000", "8 2019-H1 重庆 1400000", "9 2019-H1 绵阳 120000"}
	if got := figureLines(d.Figures); !reflect.DeepEqual(got, want) {
		t.Errorf("figures\n got %q\nwant %q", got, want)
	}
	var ps []string
	for _, p := range d.Periods {
		ps = append(ps, p.String())
	}
	if got := strings.Join(ps, " "); got != "2018 2018-H1 2018-H2 2019-H1" {
		t.Errorf("periods %s", got)
	}
	// 2018年末 is the year 2018, another kind: said, never compared with a half.
	wantWarn := "figures.csv: the periods are of several kinds (years, half-years); compared: 2019-H1, a half-year; periods of different kinds are never compared with each other"
	if got := d.Warnings(); !contains(got, wantWarn) {
		t.Errorf("warnings %q\nwant among them %q", got, wantWarn)
	}
	// 绵阳 reports only in 2019-H1: like for like, 成都 and 重庆 compare.
	if got := comparedText(t, d); got != "2019-H1 half prev 2018-H2 ago 2018-H1 | members 2820000 | 环比 2700000/2600000 | 同比 2700000/2500000" {
		t.Errorf("compared %s", got)
	}
	d, err = Load(officeFS(t, "halves.gbk.csv"), Options{Period: analysis.Period{Year: 2018}})
	if err != nil {
		t.Fatal(err)
	}
	if got := comparedText(t, d); got != "2018 year prev  ago  | members 1260000 | 环比 -/- | 同比 -/-" {
		t.Errorf("--period 2018: %s", got)
	}
}

func TestOfficeChineseNumeralDates(t *testing.T) {
	d, err := Load(officeFS(t, "numerals.gbk.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2 2019-04 成都 1280000", "3 2019-04 重庆 1390000", "4 2019-05 成都 1300000", "5 2019-05 重庆 1410000", "6 2019-05 绵阳 125000"}
	if got := figureLines(d.Figures); !reflect.DeepEqual(got, want) {
		t.Errorf("figures\n got %q\nwant %q", got, want)
	}
	if got := comparedText(t, d); got != "2019-05 month prev 2019-04 ago  | members 2835000 | 环比 2710000/2670000 | 同比 -/-" {
		t.Errorf("compared %s", got)
	}
}

// TestOfficeMonthEndDays: 2019/11/30 on two rows among months (one column,
// two cell formats) is November, never a day compared on its own.
func TestOfficeMonthEndDays(t *testing.T) {
	d, err := Load(officeFS(t, "monthend.gbk.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"2 2019-10 成都 1280000", "3 2019-10 绵阳 120000", "4 2019-10 重庆 1400000", "5 2019-11 成都 1300000", "6 2019-11 绵阳 125000", "7 2019-11 重庆 1410000"}
	if got := figureLines(d.Figures); !reflect.DeepEqual(got, want) {
		t.Errorf("figures\n got %q\nwant %q", got, want)
	}
	wantWarn := []string{
		"bases.csv has no rows: no bases or key projects are counted",
		`cities.csv: 1 row above the header (line 3) skipped: line 1 "试点、推广城市名单"`,
		"figures.csv: the period column mixes months with first- or last-of-month days (one column, two cell formats); 2 day-form rows read as their months: lines 5, 7",
	}
	if got := d.Warnings(); !reflect.DeepEqual(got, wantWarn) {
		t.Errorf("warnings\n got %q\nwant %q", got, wantWarn)
	}
	if got := comparedText(t, d); got != "2019-11 month prev 2019-10 ago  | members 2835000 | 环比 2835000/2800000 | 同比 -/-" {
		t.Errorf("compared %s", got)
	}
}

// TestMonthEndAndMidMonthDays: days within a month are real days, so the
// table keeps its days as days; last-of-month days alone (no month rows)
// stay days too.
func TestMonthEndAndMidMonthDays(t *testing.T) {
	for _, tt := range []struct{ name, rows, period string }{
		{"mid-month day", "四川,成都,2019年10月,1\n四川,成都,2019/11/15,2\n", "2019-11-15"},
		{"month ends only", "四川,成都,2019/10/31,1\n四川,成都,2019/11/30,2\n", "2019-11-30"},
		{"leap February", "四川,成都,2020年1月,1\n四川,成都,2020/2/29,2\n", "2020-02"},
		{"not the end of February", "四川,成都,2019年1月,1\n四川,成都,2019/2/29,2\n", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := officeFS(t, "days.csv")
			fsys["figures.csv"].Data = []byte("省份,城市,时期,人数\n" + tt.rows)
			d, err := Load(fsys, Options{})
			if tt.period == "" {
				if err == nil {
					t.Fatalf("no error; period %v", d.Period)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.Period.String() != tt.period {
				t.Errorf("period %v, want %s", d.Period, tt.period)
			}
		})
	}
}

// TestOfficePeriodWorkbooks reads the workbooks the period CSVs were saved
// from (typed dates, a [DBNum1] format) as figures.xlsx: the same figures.
func TestOfficePeriodWorkbooks(t *testing.T) {
	for _, name := range []string{"halves", "numerals", "monthend", "yearmonth", "footer", "totalsabove", "wholeprovince", "wide", "widetwo", "splitheader", "provincetotal"} {
		t.Run(name, func(t *testing.T) {
			csv, err := Load(officeFS(t, name+".gbk.csv"), Options{})
			if err != nil {
				t.Fatal(err)
			}
			fsys := officeFS(t, name+".gbk.csv")
			delete(fsys, "figures.csv")
			b, err := os.ReadFile(filepath.Join("testdata", "office", "xlsx", name+".xlsx"))
			if err != nil {
				t.Fatal(err)
			}
			fsys["figures.xlsx"] = &fstest.MapFile{Data: b}
			book, err := Load(fsys, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := figureLines(book.Figures), figureLines(csv.Figures); !reflect.DeepEqual(got, want) {
				t.Errorf("figures.xlsx\n got %q\nwant %q (the CSV)", got, want)
			}
		})
	}
}
