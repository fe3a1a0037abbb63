package input

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The workbooks under testdata/xlsx-* are saved by LibreOffice, as an
// analyst's are saved by a spreadsheet program:
//
//	go test ./input -run TestMakeWorkbooks -makeworkbooks
//
// has LibreOffice 7.4 convert testdata/chinese's CSV files (its Chinese
// locale typing numbers and dates), and open and save the workbooks built
// here with excelize. The output is committed.
var makeWorkbooks = flag.Bool("makeworkbooks", false, "rebuild testdata/xlsx-* with LibreOffice")

func TestMakeWorkbooks(t *testing.T) {
	if !*makeWorkbooks {
		t.Skip("-makeworkbooks not set")
	}
	tmp := t.TempDir()
	for _, name := range []string{"cities", "bases", "figures"} {
		loConvert(t, filepath.Join("testdata", "chinese", name+".csv"), filepath.Join("testdata", "xlsx-csv"),
			"--infilter=CSV:44,34,76,1,,2052,false,true")
	}
	for dir, build := range map[string]func(*testing.T) *excelize.File{"xlsx-office": officeBook, "xlsx-bad": badBook} {
		path := filepath.Join(tmp, dir, "data.xlsx")
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := build(t).SaveAs(path); err != nil {
			t.Fatal(err)
		}
		loConvert(t, path, filepath.Join("testdata", dir))
	}
}

func loConvert(t *testing.T, file, outdir string, args ...string) {
	t.Helper()
	abs, _ := filepath.Abs(outdir)
	cmd := exec.Command("libreoffice", append(append([]string{"--headless"}, args...), "--convert-to", "xlsx", "--outdir", abs, file)...)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, b)
	}
}

// bookBuilder fills sheets with rows and styles, failing the test on the
// first error.
type bookBuilder struct {
	t *testing.T
	f *excelize.File
}

func (b bookBuilder) row(sheet, cell string, values ...any) {
	if err := b.f.SetSheetRow(sheet, cell, &values); err != nil {
		b.t.Fatal(err)
	}
}

func (b bookBuilder) style(sheet, cell, code string) {
	id, err := b.f.NewStyle(&excelize.Style{CustomNumFmt: &code})
	if err == nil {
		err = b.f.SetCellStyle(sheet, cell, cell, id)
	}
	if err != nil {
		b.t.Fatal(err)
	}
}

func (b bookBuilder) do(err error) {
	if err != nil {
		b.t.Fatal(err)
	}
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// citiesAndBases writes the 城市 and 基地 sheets of testdata/chinese.
func citiesAndBases(b bookBuilder) {
	b.do(b.f.SetSheetName("Sheet1", "城市"))
	b.row("城市", "A1", "城市", "省份", "片区", "类型", "备注")
	b.row("城市", "A2", "成都", "四川", "西部地区", "试点")
	b.row("城市", "A3", "绵阳", "四川", "西部地区", "推广")
	b.row("城市", "A4", "德阳", "四川", "西部地区")
	b.row("城市", "A5", "重庆", "重庆", "西部地区", "试点")
	_, err := b.f.NewSheet("基地")
	b.do(err)
	b.row("基地", "A1", "基地", "城市", "批次")
	b.row("基地", "A2", "培华社区示范点", "成都", "第二批")
}

// officeBook is a figures sheet as an office saves it: a merged title, a
// unit line, a province merged down its cities, months typed as dates in
// two formats, members shown with separators and in scientific notation,
// a text number, a =SUM totals row, a hidden row and a hidden column.
func officeBook(t *testing.T) *excelize.File {
	b := bookBuilder{t, excelize.NewFile()}
	citiesAndBases(b)
	const s = "人数"
	_, err := b.f.NewSheet(s)
	b.do(err)
	b.row(s, "A1", "2019年5月新的社会阶层人士统计表")
	b.do(b.f.MergeCell(s, "A1", "E1"))
	b.row(s, "A2", "单位：人")
	b.row(s, "A3", "省份", "城市", "时期", "人数", "来源", "核对人")
	b.row(s, "A4", "四川", "成都", day(2019, 5, 1), 1300000, "月报", "张")
	b.row(s, "B5", "绵阳", day(2019, 5, 1), 1234567, "月报")
	b.row(s, "B6", "德阳", day(2019, 5, 1), "21万", "月报")
	b.do(b.f.MergeCell(s, "A4", "A6"))
	b.style(s, "C4", `yyyy"年"m"月"`)
	b.style(s, "C5", "yyyy/m/d")
	b.style(s, "C6", `yyyy"年"m"月"`)
	b.style(s, "D4", "#,##0")
	b.style(s, "D5", "0.00E+00")
	b.row(s, "A7", "四川", "合计")
	b.do(b.f.SetCellFormula(s, "D7", "SUM(D4:D6)"))
	b.row(s, "A8", "重庆", "重庆", day(2019, 5, 1), "1400000", "月报")
	b.style(s, "C8", `yyyy"年"m"月"`)
	b.row(s, "A9", "重庆", "重庆", day(2019, 4, 1), 1390000, "月报")
	b.style(s, "C9", "yyyy/m/d")
	b.do(b.f.SetRowVisible(s, 8, false))
	b.do(b.f.SetColVisible(s, "F", false))
	return b.f
}

// badBook holds the mistakes a workbook can carry, each in a cell the
// error must name.
func badBook(t *testing.T) *excelize.File {
	b := bookBuilder{t, excelize.NewFile()}
	citiesAndBases(b)
	const s = "人数"
	_, err := b.f.NewSheet(s)
	b.do(err)
	b.row(s, "A1", "省份", "城市", "时期", "人数")
	b.row(s, "A2", "四川", "成都", "2019-05", "一百四十")
	b.row(s, "A3", "四川", "绵阳", 43586, 10)
	b.row(s, "A4", "四川", "广元", "2019-05", 10)
	b.row(s, "A5", "四川", "德阳", day(2019, 5, 1), "约10万")
	b.style(s, "C5", `yyyy"年"m"月"`)
	return b.f
}
