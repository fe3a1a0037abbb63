package input

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/xuri/excelize/v2"
)

// testdata/xlsx-shown holds a workbook for each way a cell can mean other
// than its stored value (issue 21) or a package can mislead a reader
// (issue 22). The ones a spreadsheet can make are built with excelize and
// saved by LibreOffice (as an analyst's program saves them); the ones only
// Excel or a script writes (fullCalcOnLoad, no cached value, a part name
// in two cases, bytes no spreadsheet would write) are written as Excel
// writes its parts (excelbook_test.go). Rebuild with
//
//	go test ./input -run TestMakeShownWorkbooks -makeworkbooks
const shownDir = "testdata/xlsx-shown"

func TestMakeShownWorkbooks(t *testing.T) {
	if !*makeWorkbooks {
		t.Skip("-makeworkbooks not set")
	}
	tmp := t.TempDir()
	for name, build := range shownByLibreOffice {
		path := filepath.Join(tmp, name)
		if err := build(t).SaveAs(path); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(tmp, "out")
		profile := "file://" + filepath.Join(tmp, "profile")
		cmd := exec.Command("libreoffice", "-env:UserInstallation="+profile, "--headless", "--convert-to", "xlsx", "--outdir", out, path)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("libreoffice: %v\n%s", err, b)
		}
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		writeShown(t, name, b)
	}
	for name, build := range shownByHand {
		writeShown(t, name, build(t))
	}
}

func writeShown(t *testing.T, name string, b []byte) {
	if err := os.MkdirAll(shownDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(shownDir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// figureSheet starts a workbook whose sheet name holds a figures header.
func figureSheet(t *testing.T, name string) bookBuilder {
	b := bookBuilder{t, excelize.NewFile()}
	b.do(b.f.SetSheetName("Sheet1", name))
	b.row(name, "A1", "省份", "城市", "时期", "人数")
	return b
}

var shownByLibreOffice = map[string]func(*testing.T) *excelize.File{
	// Months typed 2019.10 and 2019.09 in a column formatted 0.00: stored
	// as 2019.1 and 2019.09, shown as typed.
	"period.xlsx": func(t *testing.T) *excelize.File {
		b := figureSheet(t, "人数")
		b.row("人数", "A2", "四川", "成都", 2019.1, 130)
		b.row("人数", "A3", "四川", "绵阳", 2019.1, 120)
		b.row("人数", "A4", "四川", "成都", 2019.09, 125)
		b.row("人数", "A5", "四川", "绵阳", 2019.09, 118)
		for _, c := range []string{"C2", "C3", "C4", "C5"} {
			b.style("人数", c, "0.00")
		}
		return b.f
	},
	// Members in 万人 by the number format, as offices show them.
	"units.xlsx": func(t *testing.T) *excelize.File {
		b := figureSheet(t, "人数")
		b.row("人数", "A2", "四川", "成都", "2019", 130)
		b.row("人数", "A3", "四川", "绵阳", "2019", 120.5)
		b.style("人数", "D2", `0.00"万人"`)
		b.style("人数", "D3", `0.00"万人"`)
		return b.f
	},
	// One cell of the column lost the format: 1350000 shown bare among 万人.
	"unitmix.xlsx": func(t *testing.T) *excelize.File {
		b := figureSheet(t, "人数")
		b.row("人数", "A2", "四川", "成都", "2019", 130)
		b.row("人数", "A3", "四川", "绵阳", "2019", 1350000)
		b.style("人数", "D2", `0.00"万人"`)
		return b.f
	},
	// Formulas that failed: LibreOffice saves their error values.
	"errors.xlsx": func(t *testing.T) *excelize.File {
		b := figureSheet(t, "人数")
		b.row("人数", "A2", "四川", "成都", "2019")
		b.row("人数", "A3", "四川", "绵阳", "2019")
		b.do(b.f.SetCellFormula("人数", "D2", "NA()"))
		b.do(b.f.SetCellFormula("人数", "D3", "1/0"))
		return b.f
	},
	// data.xlsx with an out-of-date 人数 sheet hidden.
	"hidden.xlsx": func(t *testing.T) *excelize.File {
		b := bookBuilder{t, excelize.NewFile()}
		b.do(b.f.SetSheetName("Sheet1", "城市"))
		b.row("城市", "A1", "城市", "省份", "片区")
		b.row("城市", "A2", "成都", "四川", "西部地区")
		_, err := b.f.NewSheet("基地")
		b.do(err)
		b.row("基地", "A1", "基地", "城市")
		_, err = b.f.NewSheet("人数")
		b.do(err)
		b.row("人数", "A1", "省份", "城市", "时期", "人数")
		b.row("人数", "A2", "四川", "成都", "2018", 100)
		b.do(b.f.SetSheetVisible("人数", false))
		return b.f
	},
	// The table on a sheet named 人数统计表, after an empty Sheet1.
	"sheetname.xlsx": func(t *testing.T) *excelize.File {
		b := bookBuilder{t, excelize.NewFile()}
		_, err := b.f.NewSheet("人数统计表")
		b.do(err)
		b.row("人数统计表", "A1", "省份", "城市", "时期", "人数")
		b.row("人数统计表", "A2", "四川", "成都", "2019", 1300000)
		return b.f
	},
	// A month column shown in Chinese numerals ([DBNum1]): 二〇一九年五月.
	"dbnum.xlsx": func(t *testing.T) *excelize.File {
		b := figureSheet(t, "人数")
		b.row("人数", "A2", "四川", "成都", day(2019, 5, 1), 1300000)
		b.style("人数", "C2", `[DBNum1]yyyy"年"m"月"`)
		return b.f
	},
}

// shownCities and shownBases complete a folder around a figures fixture.
func shownFolder(name string, data []byte) fstest.MapFS {
	if name == dataBook {
		return fstest.MapFS{name: &fstest.MapFile{Data: data}}
	}
	return fstest.MapFS{
		name:         &fstest.MapFile{Data: data},
		"cities.csv": text("城市,省份,片区\n成都,四川,西部地区\n绵阳,四川,西部地区\n"),
		"bases.csv":  text("基地,城市\n"),
	}
}

func readShown(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(shownDir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Each cell is read as the analyst sees it, or refused naming the cell.
func TestShownWorkbooks(t *testing.T) {
	const recalc = "open and save it in Excel or WPS, or paste as values"
	tests := []struct {
		fixture, as string
		figures     []string // with no errors
		period      string
		errors      []string
		warning     string // one of the warnings
	}{
		{fixture: "period.xlsx", as: "figures.xlsx", period: "2019-10",
			figures: []string{"2 2019-10 成都 130", "3 2019-10 绵阳 120", "4 2019-09 成都 125", "5 2019-09 绵阳 118"}},
		{fixture: "units.xlsx", as: "figures.xlsx", period: "2019",
			figures: []string{"2 2019 成都 1300000", "3 2019 绵阳 1205000"}},
		{fixture: "unitmix.xlsx", as: "figures.xlsx", errors: []string{
			`figures.xlsx:人数!D3: number shown without the unit 万人 that D2 shows by its number format, expected one unit in the column: give the cell the same number format, or put the unit in the header (人数（万人）) and clear the formats`}},
		{fixture: "errors.xlsx", as: "figures.xlsx", errors: []string{
			"figures.xlsx:人数!D2: the error #N/A, expected a value: correct the formula or what it refers to, or type the value",
			"figures.xlsx:人数!D3: the error #DIV/0!, expected a value: correct the formula or what it refers to, or type the value"}},
		{fixture: "hidden.xlsx", as: "data.xlsx", period: "2018", figures: []string{"2 2018 成都 100"},
			warning: `data.xlsx: sheet "人数" is hidden and was read all the same: make sure it is the table meant (right-click a sheet tab > Unhide)`},
		{fixture: "sheetname.xlsx", as: "figures.xlsx", period: "2019", figures: []string{"2 2019 成都 1300000"},
			warning: `figures.xlsx: the figures table read from sheet "人数统计表", the one sheet holding its columns`},
		{fixture: "dbnum.xlsx", as: "figures.xlsx", period: "2019-05", figures: []string{"2 2019-05 成都 1300000"}},
		{fixture: "uncalculated.xlsx", as: "figures.xlsx", errors: []string{
			"figures.xlsx:人数!D4: formula with no calculated value (the file was saved by a program that does not calculate), expected a value: " + recalc}},
		{fixture: "fullcalc.xlsx", as: "figures.xlsx", errors: []string{
			"figures.xlsx:人数!D2: formula whose stored value may be stale (the workbook is set to recalculate when opened, fullCalcOnLoad), expected a calculated value: " + recalc + "; 2 rows like this: rows 2, 3"}},
		{fixture: "text.xlsx", as: "figures.xlsx", errors: []string{
			"figures.xlsx:人数!B2: NUL character: binary content, expected text",
			"figures.xlsx:人数!E3: invalid UTF-8 byte sequence, expected UTF-8 text: the workbook is damaged; retype the cell, or open and save the workbook in Excel or WPS"}},
		{fixture: "long.xlsx", as: "figures.xlsx", errors: []string{
			"figures.xlsx:人数!E2: text longer than 32767 characters (the most a cell holds in Excel), expected a shorter text"}},
		{fixture: "caseparts.xlsx", as: "figures.xlsx", errors: []string{
			"figures.xlsx: the workbook is damaged (parts xl/worksheets/sheet1.xml and xl/worksheets/Sheet1.xml differ only in case, and a package may not hold both (part names are compared without regard to case: ECMA-376 Part 2, M1.12)): open it in Excel or WPS and save it again as Excel Workbook (*.xlsx)"}},
		{fixture: "forged.xlsx", as: "figures.xlsx", period: "2019", figures: []string{"2 2019 成都 1300000", "3 2019 绵阳 100000"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			d, err := Load(shownFolder(tt.as, readShown(t, tt.fixture)), Options{})
			if got := errorLines(err); !reflect.DeepEqual(got, tt.errors) {
				t.Fatalf("errors\n got %q\nwant %q", got, tt.errors)
			}
			if err != nil {
				return
			}
			if got := figureLines(d.Figures); !reflect.DeepEqual(got, tt.figures) {
				t.Errorf("figures\n got %q\nwant %q", got, tt.figures)
			}
			if got := d.Period.String(); got != tt.period {
				t.Errorf("period %s, want %s", got, tt.period)
			}
			if tt.warning != "" && !slices.Contains(d.Warnings(), tt.warning) {
				t.Errorf("warnings %q, want %q among them", d.Warnings(), tt.warning)
			}
		})
	}
}

var shownByHand = map[string]func(testing.TB) []byte{
	// A total a script wrote as a formula and never calculated.
	"uncalculated.xlsx": func(t testing.TB) []byte {
		return xbook{sheets: []xsheet{{name: "人数", rows: xrow(1, "s0", "s1", "s2", "s3") +
			xrow(2, "s4", "s5", "s7", "1300000") + xrow(3, "s4", "s6", "s7", "100000") +
			xrow(4, "s4", "s8", "s7", `<c ><f>SUM(D2:D3)</f></c>`)}},
			strs: []string{"省份", "城市", "时期", "人数", "四川", "成都", "绵阳", "2019", "合计"}}.bytes(t)
	},
	// Saved by Excel with its values, and set to recalculate on opening:
	// what the file stores is not what a spreadsheet shows.
	"fullcalc.xlsx": func(t testing.TB) []byte {
		return xbook{sheets: []xsheet{{name: "人数", rows: xrow(1, "s0", "s1", "s2", "s3", "s8") +
			xrow(2, "s4", "s5", "s7", `<c ><f>E2*10000</f><v>1300000</v></c>`, "130") +
			xrow(3, "s4", "s6", "s7", `<c ><f>E3*10000</f><v>1000000</v></c>`, "110")}},
			strs:   []string{"省份", "城市", "时期", "人数", "四川", "成都", "绵阳", "2019", "万人"},
			calcPr: `<calcPr calcId="191029" fullCalcOnLoad="1"/>`}.bytes(t)
	},
	// A NUL escaped as Excel escapes control characters, and a byte that
	// is not UTF-8 in a shared string: what a CSV file may not hold either.
	"text.xlsx": func(t testing.TB) []byte {
		return xbook{sheets: []xsheet{{name: "人数", rows: xrow(1, "s0", "s1", "s2", "s3", "s9") +
			xrow(2, "s4", "s5", "s7", "1300000") + xrow(3, "s4", "s6", "s7", "100000", "s8")}},
			strs: []string{"省份", "城市", "时期", "人数", "四川", "成都_x0000_", "绵阳", "2019", "统计\xff", "来源"}}.bytes(t)
	},
	// A source note past Excel's 32,767 characters.
	"long.xlsx": func(t testing.TB) []byte {
		return xbook{sheets: []xsheet{{name: "人数", rows: xrow(1, "s0", "s1", "s2", "s3", "s6") +
			xrow(2, "s4", "s5", "s7", "1300000", "s8")}},
			strs: []string{"省份", "城市", "时期", "人数", "四川", "成都", "来源", "2019", strings.Repeat("统计", 20000)}}.bytes(t)
	},
	// Two sheet parts whose names differ only in case: a package the spec
	// does not recognise (M1.12), LibreOffice reads the one named
	// (sheet1.xml, 成都) and Excel may read the other (绵阳 999).
	"caseparts.xlsx": func(t testing.TB) []byte {
		b := xbook{sheets: []xsheet{{name: "人数", rows: xrow(1, "s0", "s1", "s2", "s3") + xrow(2, "s4", "s5", "s7", "1300000")}},
			strs: []string{"省份", "城市", "时期", "人数", "四川", "成都", "绵阳", "2019"}}
		b.extra = map[string]string{"xl/worksheets/Sheet1.xml": xmlHead + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			xrow(1, "s0", "s1", "s2", "s3") + xrow(2, "s4", "s6", "s7", "999") + `</sheetData></worksheet>`}
		return b.bytes(t)
	},
	// Text in a cell that looks like the merge list: were 成都 merged down
	// B2:B3, the row below would be a second 成都.
	"forged.xlsx": func(t testing.TB) []byte {
		return xbook{sheets: []xsheet{{name: "人数", rows: xrow(1, "s0", "s1", "s2", "s3", "s8") +
			xrow(2, "s4", "s5", "s7", "1300000", `<c t="inlineStr"><is><t><![CDATA[</sheetData><mergeCells count="1"><mergeCell ref="B2:B3"/></mergeCells>]]></t></is></c>`) +
			xrow(3, "s4", "s6", "s7", "100000")}},
			strs: []string{"省份", "城市", "时期", "人数", "四川", "成都", "绵阳", "2019", "来源"}}.bytes(t)
	},
}

// The fixtures written by hand are what the builders write (so the
// committed files can be rebuilt).
func TestShownByHandCurrent(t *testing.T) {
	for name, build := range shownByHand {
		if !bytes.Equal(build(t), readShown(t, name)) {
			t.Errorf("%s differs from what its builder writes: rebuild with -makeworkbooks", name)
		}
	}
}
