package template

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/xuri/excelize/v2"
)

func sample() *analysis.Dataset {
	return &analysis.Dataset{
		Cities: []analysis.City{
			{Name: "成都", Province: "四川", Region: "西部地区", Tier: analysis.TierPilot, Note: "文章"},
			{Name: "绵阳", Province: "四川", Region: "西部地区", Tier: analysis.TierPromotion},
		},
		Bases: []analysis.Base{
			{Name: "培华社区示范点", City: "成都", Province: "四川", Batch: 12, Kind: "社会组织", Segment: analysis.SegmentSocialOrg, Since: "2018"},
		},
		Figures: []analysis.Figure{
			{Province: "四川", City: "成都", Period: analysis.Period{Year: 2019}, Members: 1300000, Source: "文章"},
		},
	}
}

func write(t *testing.T, l Lang) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, sample(), Options{Lang: l}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestSheetsAndRows(t *testing.T) {
	tests := []struct {
		lang   Lang
		sheets []string
		rows   map[string][][]string
	}{
		{Chinese, []string{"说明", "城市", "基地", "人数"}, map[string][][]string{
			"城市": {{"城市", "省份", "片区", "类型", "备注"}, {"成都", "四川", "西部地区", "试点", "文章"}, {"绵阳", "四川", "西部地区", "推广"}},
			"基地": {{"基地", "城市", "省份", "批次", "领域", "群体", "设立时间", "来源"}, {"培华社区示范点", "成都", "四川", "第十二批", "社会组织", "中介组织和社会组织从业人员", "2018"}},
			"人数": {{"省份", "城市", "时期", "人数", "群体", "来源"}, {"四川", "成都", "2019", "1300000", "", "文章"}},
		}},
		{English, []string{"instructions", "cities", "bases", "figures"}, map[string][][]string{
			"cities":  {{"city", "province", "region", "tier", "note"}, {"成都", "四川", "西部地区", "pilot", "文章"}, {"绵阳", "四川", "西部地区", "promotion"}},
			"bases":   {{"base", "city", "province", "batch", "kind", "segment", "since", "source"}, {"培华社区示范点", "成都", "四川", "12", "社会组织", "中介组织和社会组织从业人员", "2018"}},
			"figures": {{"province", "city", "period", "members", "segment", "source"}, {"四川", "成都", "2019", "1300000", "", "文章"}},
		}},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			f := write(t, tt.lang)
			if got := f.GetSheetList(); !reflect.DeepEqual(got, tt.sheets) {
				t.Errorf("sheets %q, want %q", got, tt.sheets)
			}
			for sheet, want := range tt.rows {
				got, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s rows\n got %q\nwant %q", sheet, got, want)
				}
			}
		})
	}
}

// The sheet helps typing: members shown 1,300,000, periods kept as typed,
// dropdowns on the columns with fixed values, the header frozen.
func TestFillingAids(t *testing.T) {
	f := write(t, Chinese)
	if v, _ := f.GetCellValue("人数", "D2"); v != "1,300,000" {
		t.Errorf("人数!D2 shows %q, want 1,300,000", v)
	}
	for sheet, cells := range map[string][]string{"人数": {"C2", "C500"}, "基地": {"G2"}} {
		for _, cell := range cells {
			st, _ := f.GetCellStyle(sheet, cell)
			s, err := f.GetStyle(st)
			if err != nil || s.NumFmt != fmtText {
				t.Errorf("%s!%s number format %d, want text (49)", sheet, cell, s.NumFmt)
			}
		}
	}
	if st, _ := f.GetCellStyle("人数", "D900"); st == 0 {
		t.Error("人数!D900 has no style: new members would not show separators")
	}
	want := map[string]map[string]string{
		"城市": {"C2:C1048576": `"东部地区,中部地区,西部地区,东北地区"`, "D2:D1048576": `"试点,推广"`},
		"基地": {"D2:D1048576": `"第一批,第二批,第三批,第四批,第五批,第六批,第七批,第八批,第九批,第十批"`,
			"F2:F1048576": `"民营企业和外商投资企业管理技术人员,中介组织和社会组织从业人员,自由职业人员,新媒体从业人员"`},
		"人数": {"E2:E1048576": `"民营企业和外商投资企业管理技术人员,中介组织和社会组织从业人员,自由职业人员,新媒体从业人员"`},
	}
	for sheet, lists := range want {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, dv := range dvs {
			got[dv.Sqref] = dv.Formula1
		}
		if !reflect.DeepEqual(got, lists) {
			t.Errorf("%s dropdowns\n got %q\nwant %q", sheet, got, lists)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s panes %+v, want the header row frozen", sheet, panes)
		}
	}
}

func TestDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := Write(buf, sample(), Options{}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes differ")
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "第一批", 2: "第二批", 10: "第十批", 12: "第十二批", 20: "第二十批", 99: "第九十九批", 100: "100"} {
		if got := batchText(n, Chinese); got != want {
			t.Errorf("batchText(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestPeriodFormsListed: the instructions name every period kind the input
// reads, half-years among them, and how a column in 万人 says so.
func TestPeriodFormsListed(t *testing.T) {
	for lang, want := range map[Lang][]string{Chinese: {"2019年上半年", "2019-H1", "2019年末", "2019-Q2", "人数（万人）"}, English: {"half-year (2019-H1", "quarter (2019-Q2)", "人数（万人）: 130.5 with no unit is refused"}} {
		f := write(t, lang)
		rows, err := f.GetRows(f.GetSheetList()[0])
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, r := range rows {
			all = append(all, r...)
		}
		text := strings.Join(all, "\n")
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s instructions lack %q", lang, w)
			}
		}
	}
}
