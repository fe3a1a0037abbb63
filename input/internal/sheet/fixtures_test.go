package sheet

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The workbooks in testdata are written by LibreOffice, as analysts' files
// are written by a spreadsheet program: go test -run TestMakeFixtures
// -makefixtures builds each with excelize and has LibreOffice open and save
// it (LibreOffice 7.4 was used; its output is committed).
var makeFixtures = flag.Bool("makefixtures", false, "rebuild testdata/*.xlsx with LibreOffice")

func TestMakeFixtures(t *testing.T) {
	if !*makeFixtures {
		t.Skip("-makefixtures not set")
	}
	tmp := t.TempDir()

	// A CSV as an analyst types it, opened by LibreOffice with its Chinese
	// locale detecting numbers and dates, and saved as .xlsx.
	csv := "省份,城市,时期,人数,来源\n" +
		"四川,成都,2019/5/17,\"1,400,000\",统计\n" +
		"四川,绵阳,2019-05,140万,统计\n" +
		"四川,,2019年5月,1.21E+06,\n"
	mustWrite(t, filepath.Join(tmp, "csv.csv"), csv)
	convert(t, tmp, "csv.csv", "xlsx", `--infilter=CSV:44,34,76,1,,2052,false,true`)
	copyOut(t, filepath.Join(tmp, "csv.xlsx"), "csv.xlsx")

	f := typedWorkbook(t)
	mustSave(t, f, filepath.Join(tmp, "typed.xlsx"))
	convert(t, tmp, "typed.xlsx", "xlsx")
	convert(t, tmp, "typed.xlsx", "xls")
	copyOut(t, filepath.Join(tmp, "out", "typed.xlsx"), "typed.xlsx")
	copyOut(t, filepath.Join(tmp, "out", "typed.xls"), "old.xls")

	// Written by excelize alone: formulas without cached values, as a
	// program that never calculates saves them; and a password.
	f = excelize.NewFile()
	f.SetSheetName("Sheet1", "人数")
	f.SetSheetRow("人数", "A1", &[]any{"省份", "人数"})
	f.SetSheetRow("人数", "A2", &[]any{"四川", 5})
	f.SetSheetRow("人数", "A3", &[]any{"合计"})
	f.SetCellFormula("人数", "B3", "SUM(B2:B2)")
	mustSave(t, f, filepath.Join(testdataDir(t), "nocache.xlsx"))
	mustSave(t, f, filepath.Join(testdataDir(t), "locked.xlsx"), excelize.Options{Password: "basebrief"})
}

// typedWorkbook is the sheet an office saves: a merged title, a unit line,
// a province merged down its cities, dates in two formats, numbers shown
// with separators and in scientific notation, text numbers, a hidden row
// and column and a =SUM totals row.
func typedWorkbook(t *testing.T) *excelize.File {
	f := excelize.NewFile()
	const s = "人数"
	f.SetSheetName("Sheet1", s)
	f.NewSheet("城市")
	f.SetSheetRow("城市", "A1", &[]any{"城市", "省份", "片区"})
	f.SetSheetRow("城市", "A2", &[]any{"成都", "四川", "西部"})
	style := func(code string) int {
		id, err := f.NewStyle(&excelize.Style{CustomNumFmt: &code})
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	month, day, sep, sci := style(`yyyy"年"m"月"`), style("yyyy/m/d"), style("#,##0"), style("0.00E+00")
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

	f.SetCellValue(s, "A1", "2019年新的社会阶层人士统计表")
	f.MergeCell(s, "A1", "E1")
	f.SetCellValue(s, "A2", "单位：人")
	f.SetSheetRow(s, "A3", &[]any{"省份", "城市", "时期", "人数", "来源", "备注"})
	f.SetCellValue(s, "A4", "四川")
	f.MergeCell(s, "A4", "A6")
	f.SetSheetRow(s, "B4", &[]any{"成都", date(2019, 5, 1), 1400000, "统计局", "隐藏列"})
	f.SetSheetRow(s, "B5", &[]any{"绵阳", date(2019, 5, 1), 1234567})
	f.SetSheetRow(s, "B6", &[]any{"德阳", date(2019, 5, 17), "140万"})
	f.SetCellStyle(s, "C4", "C4", month)
	f.SetCellStyle(s, "C5", "C5", day)
	f.SetCellStyle(s, "C6", "C6", month)
	f.SetCellStyle(s, "D4", "D4", sep)
	f.SetCellStyle(s, "D5", "D5", sci)
	f.SetSheetRow(s, "A7", &[]any{"四川", "合计"})
	f.SetCellFormula(s, "D7", "SUM(D4:D6)")
	f.SetSheetRow(s, "A8", &[]any{"重庆", "渝中", date(2019, 5, 1), "1400000"})
	f.SetCellStyle(s, "C8", "C8", month)
	f.SetCellFormula(s, "E8", `"统"&"计"`)
	f.SetSheetRow(s, "A10", &[]any{"云南", "昆明", 2019, 12.5})
	f.SetRowVisible(s, 8, false)
	f.SetColVisible(s, "F", false)
	return f
}

func testdataDir(t *testing.T) string {
	dir, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func convert(t *testing.T, dir, file, to string, args ...string) {
	t.Helper()
	out := dir
	if to != "xlsx" || filepath.Ext(file) == ".xlsx" {
		out = filepath.Join(dir, "out")
	}
	cmd := exec.Command("libreoffice", append(append([]string{"--headless"}, args...), "--convert-to", to, "--outdir", out, file)...)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, b)
	}
}

func copyOut(t *testing.T, from, name string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(testdataDir(t), name), string(b))
}

func mustWrite(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

func mustSave(t *testing.T, f *excelize.File, path string, opts ...excelize.Options) {
	t.Helper()
	if err := f.SaveAs(path, opts...); err != nil {
		t.Fatal(err)
	}
}
