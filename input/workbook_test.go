package input

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basebrief/basebrief/analysis"
	"github.com/xuri/excelize/v2"
)

// testdata/xlsx-csv is testdata/chinese opened by LibreOffice (its Chinese
// locale typing 12,000 as a number and dates as dates) and saved as three
// workbooks: they load to the same records, on the same lines, as the CSV.
func TestWorkbooksLikeCSV(t *testing.T) {
	csv, err := LoadDir(filepath.Join("testdata", "chinese"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	book, err := LoadDir(filepath.Join("testdata", "xlsx-csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(book.Cities, csv.Cities) || !reflect.DeepEqual(book.Bases, csv.Bases) ||
		!reflect.DeepEqual(book.Figures, csv.Figures) || !reflect.DeepEqual(book.Periods, csv.Periods) {
		t.Errorf("workbooks read\n%+v\n%+v\n%+v\nwant\n%+v\n%+v\n%+v", book.Cities, book.Bases, book.Figures, csv.Cities, csv.Bases, csv.Figures)
	}
	var names, encodings []string
	for _, f := range book.Files {
		names, encodings = append(names, f.Name), append(encodings, f.Encoding)
	}
	if want := []string{"cities.xlsx", "bases.xlsx", "figures.xlsx"}; !reflect.DeepEqual(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	if want := []string{"xlsx", "xlsx", "xlsx"}; !reflect.DeepEqual(encodings, want) {
		t.Errorf("encodings %q, want %q", encodings, want)
	}
	want := strings.Replace(kindsWarning, "figures.csv", "figures.xlsx:figures", 1) // LibreOffice names the sheet after the CSV
	if got := book.Warnings(); !reflect.DeepEqual(got, []string{want}) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}

// testdata/xlsx-office/data.xlsx is one workbook as an office keeps it
// (xlsx_fixtures_test.go): the figures come out exact, each month a month.
func TestOfficeWorkbook(t *testing.T) {
	d, err := LoadDir(filepath.Join("testdata", "xlsx-office"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"4 2019-05 成都 1300000", // #,##0; 四川 merged down A4:A6
		"5 2019-05 绵阳 1234567", // 0.00E+00 shows 1.23E+06; 2019/5/1 read as a month
		"6 2019-05 德阳 210000",  // the text 21万
		"8 2019-05 重庆 1400000", // a hidden row, the text 1400000
		"9 2019-04 重庆 1390000",
	}
	if got := figureLines(d.Figures); !reflect.DeepEqual(got, want) {
		t.Errorf("figures\n got %q\nwant %q", got, want)
	}
	if d.Period.String() != "2019-05" || d.Previous.String() != "2019-04" {
		t.Errorf("period %v, previous %v; want 2019-05, 2019-04", d.Period, d.Previous)
	}
	sum := fileSHA(t, filepath.Join("testdata", "xlsx-office", "data.xlsx"))
	wantFiles := []analysis.InputFile{
		{Name: "data.xlsx:城市", SHA256: sum, Encoding: "xlsx", Rows: 4},
		{Name: "data.xlsx:基地", SHA256: sum, Encoding: "xlsx", Rows: 1},
		{Name: "data.xlsx:人数", SHA256: sum, Encoding: "xlsx", Rows: 6}, // the 合计 row counted, skipped
	}
	if !reflect.DeepEqual(d.Files, wantFiles) {
		t.Errorf("files\n got %+v\nwant %+v", d.Files, wantFiles)
	}
	wantWarnings := []string{
		`data.xlsx:人数!3:3: unknown column "核对人" ignored`,
		// LibreOffice's =SUM(D4:D6) leaves out the text 21万, which the rules read.
		"data.xlsx:人数: 1 totals row skipped, not read as records, 1 of them not equal to the sum of their rows: line 7 (合计 2,534,567) differs from the sum of its 3 rows, 2,744,567",
		`data.xlsx:人数: 2 rows above the header (line 3) skipped: line 1 "2019年5月新的社会阶层人士统计表"; line 2 "单位：人"`,
		"data.xlsx:人数: the period column mixes months with first- or last-of-month days (one column, two cell formats); 2 day-form rows read as their months: lines 5, 9",
	}
	if got := d.Warnings(); !reflect.DeepEqual(got, wantWarnings) {
		t.Errorf("warnings\n got %q\nwant %q", got, wantWarnings)
	}
}

// Errors in a workbook name the cell.
func TestWorkbookErrors(t *testing.T) {
	_, err := LoadDir(filepath.Join("testdata", "xlsx-bad"), Options{})
	want := []string{
		`data.xlsx:人数!D2: members "一百四十" is not a number, expected a count such as 1400000, 1,400,000, 140万, 1.4M or 0.014亿`,
		`data.xlsx:人数!C3: period "43586" looks like an Excel date serial (2019-05-01), expected the period as text such as 2019-05: format the column as a date or as text before saving`,
		`data.xlsx:人数!B4: city 广元 is unknown, expected a city listed in cities.csv`,
		`data.xlsx:人数!D5: members "约10万" is an approximate value, expected the exact count reported (such as 1400000 or 140万)`,
	}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors\n got %q\nwant %q", got, want)
	}
}

func errorLines(err error) []string {
	var es Errors
	if !errors.As(err, &es) {
		return nil
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Error()
	}
	return out
}

func fileSHA(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256Hex(b)
}

// Which file a table comes from, and what is refused.
func TestTableSources(t *testing.T) {
	read := func(dir, name string) *fstest.MapFile {
		b, err := os.ReadFile(filepath.Join("testdata", dir, name))
		if err != nil {
			t.Fatal(err)
		}
		return &fstest.MapFile{Data: b}
	}
	csvs := func() fstest.MapFS {
		return fstest.MapFS{
			"cities.csv": read("chinese", "cities.csv"), "bases.csv": read("chinese", "bases.csv"), "figures.csv": read("chinese", "figures.csv"),
		}
	}
	office := read("xlsx-office", "data.xlsx")
	tests := []struct {
		name   string
		fsys   fstest.MapFS
		errors []string // nil: loads
		files  []string
	}{
		{"csv and xlsx", with(csvs(), "figures.xlsx", read("xlsx-csv", "figures.xlsx")),
			[]string{"figures.csv: the figures table is given 2 times (figures.csv, figures.xlsx), expected one source: remove or rename the others"}, nil},
		{"csv and data.xlsx", with(csvs(), "data.xlsx", office), []string{
			"cities.csv: the cities table is given 2 times (cities.csv, data.xlsx sheet 城市), expected one source: remove or rename the others",
			"bases.csv: the bases table is given 2 times (bases.csv, data.xlsx sheet 基地), expected one source: remove or rename the others",
			"figures.csv: the figures table is given 2 times (figures.csv, data.xlsx sheet 人数), expected one source: remove or rename the others",
		}, nil},
		{"xls", without(with(csvs(), "figures.xls", read("../internal/sheet/testdata", "old.xls")), "figures.csv"),
			[]string{"figures.xls: an old-format workbook (.xls, or WPS .et), expected .xlsx: open it in Excel or WPS and save it as Excel Workbook (*.xlsx) under the same name"}, nil},
		{"data.et once", fstest.MapFS{"data.et": &fstest.MapFile{Data: []byte("x")}},
			[]string{"data.et: an old-format workbook (.xls, or WPS .et), expected .xlsx: open it in Excel or WPS and save it as Excel Workbook (*.xlsx) under the same name"}, nil},
		{"xls inside xlsx", without(with(csvs(), "figures.xlsx", read("../internal/sheet/testdata", "old.xls")), "figures.csv"),
			[]string{"figures.xlsx: an old binary workbook (.xls or WPS .et format inside), expected .xlsx: open it in Excel or WPS and save it as Excel Workbook (*.xlsx)"}, nil},
		{"password", without(with(csvs(), "figures.xlsx", read("../internal/sheet/testdata", "locked.xlsx")), "figures.csv"),
			[]string{"figures.xlsx: the workbook is password-protected, expected an open workbook: remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password; WPS: 文件 > 文档加密) and save it again"}, nil},
		{"corrupt data.xlsx said once", fstest.MapFS{"data.xlsx": &fstest.MapFile{Data: office.Data[:len(office.Data)/2]}},
			[]string{"data.xlsx: not an .xlsx workbook (not a zip archive): save it again from Excel or WPS as Excel Workbook (*.xlsx)"}, nil},
		{"nothing", fstest.MapFS{"cities.csv": read("chinese", "cities.csv"), "bases.csv": read("chinese", "bases.csv")},
			[]string{"figures.csv: file not found, expected figures.csv in the data folder with columns province, period, members (or figures.xlsx, or a sheet 人数 or figures in data.xlsx)"}, nil},
		{"data.xlsx and a csv", fstest.MapFS{"data.xlsx": &fstest.MapFile{Data: typedOnly(t, office.Data)}, "bases.csv": text("基地,城市\n甲,成都\n")},
			nil, []string{"bases.csv", "data.xlsx:人数", "data.xlsx:城市"}},
		{"first of two sheets", fstest.MapFS{"figures.xlsx": &fstest.MapFile{Data: twoSheets(t)}, "bases.csv": text("基地,城市\n"),
			"cities.csv": text("城市,省份,片区\n成都,四川,西部地区\n")},
			nil, []string{"bases.csv", "cities.csv", "figures.xlsx"}},
		{"sheet named in figures.xlsx", fstest.MapFS{"figures.xlsx": office, "bases.csv": text("基地,城市\n"),
			"cities.csv": text("城市,省份,片区\n成都,四川,西部地区\n绵阳,四川,西部地区\n德阳,四川,西部地区\n重庆,重庆,西部地区\n")},
			nil, []string{"bases.csv", "cities.csv", "figures.xlsx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Load(tt.fsys, Options{})
			if tt.name == "first of two sheets" {
				want := `figures.xlsx: the figures table read from sheet "Sheet1", the one sheet holding its columns`
				if err != nil || !slices.Contains(d.Warnings(), want) {
					t.Errorf("warnings %q, want %q", d.Warnings(), want)
				}
			}
			if got := errorLines(err); !reflect.DeepEqual(got, tt.errors) {
				t.Fatalf("errors\n got %q\nwant %q", got, tt.errors)
			}
			if tt.errors != nil {
				return
			}
			var names []string
			for _, f := range d.Files {
				names = append(names, f.Name)
			}
			if slicesSorted(names); !reflect.DeepEqual(names, tt.files) {
				t.Errorf("files %q, want %q", names, tt.files)
			}
		})
	}
}

func text(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

func with(m fstest.MapFS, name string, f *fstest.MapFile) fstest.MapFS {
	m[name] = f
	return m
}

func without(m fstest.MapFS, name string) fstest.MapFS {
	delete(m, name)
	return m
}

func slicesSorted(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

// twoSheets is a figures workbook whose sheets are not named after it.
func twoSheets(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"省份", "城市", "时期", "人数"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"四川", "成都", "2019", 5})
	f.NewSheet("Sheet2")
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// typedOnly returns the office workbook with its 基地 sheet renamed, so
// that bases come from elsewhere.
func typedOnly(t *testing.T, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetName("基地", "其他"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A =SUM total a program saved without calculating (excelize, scripts) has
// no value: it is an error naming the cell, never a 0 or "not reported"
// (issue 21; it was read as empty before).
func TestUncalculatedTotals(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "人数")
	f.SetSheetRow("人数", "A1", &[]any{"省份", "城市", "时期", "人数"})
	f.SetSheetRow("人数", "A2", &[]any{"四川", "成都", "2019", 1300000})
	f.SetSheetRow("人数", "A3", &[]any{"四川", "绵阳", "2019", 100000})
	f.SetSheetRow("人数", "A4", &[]any{"四川", "合计", "2019"})
	if err := f.SetCellFormula("人数", "D4", "SUM(D2:D3)"); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	_, err := Load(fstest.MapFS{
		"figures.xlsx": &fstest.MapFile{Data: buf.Bytes()},
		"bases.csv":    text("基地,城市\n"),
		"cities.csv":   text("城市,省份,片区\n成都,四川,西部地区\n绵阳,四川,西部地区\n"),
	}, Options{})
	want := []string{"figures.xlsx:人数!D4: formula with no calculated value (the file was saved by a program that does not calculate), expected a value: open and save it in Excel or WPS, or paste as values"}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors\n got %q\nwant %q", got, want)
	}
}

// A large figures workbook with bad cells among its rows reads the same,
// rows and errors, on one goroutine and on the pipeline; its part is past
// the size the sheet reader inflates on a goroutine of its own.
func TestWorkbookParallelSameResult(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "人数")
	sw, err := f.NewStreamWriter("人数")
	if err != nil {
		t.Fatal(err)
	}
	sw.SetRow("A1", []any{"省份", "城市", "时期", "人数", "来源"})
	for i := 2; i <= 6000; i++ {
		row := []any{"四川", "成都", 1000 + i, i, "月报：四川省统计局新的社会阶层人士统计"}
		switch i % 101 {
		case 3:
			row[3] = "一百四十"
		case 5:
			row[1] = "西安"
		case 7:
			row[2] = "1999-13"
		}
		cell, _ := excelize.CoordinatesToCellName(1, i)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" && zf.UncompressedSize64 < 1<<20 {
			t.Fatalf("sheet of %d bytes, want 1 MiB or more", zf.UncompressedSize64)
		}
	}
	fsys := fstest.MapFS{
		"figures.xlsx": &fstest.MapFile{Data: buf.Bytes()},
		"bases.csv":    text("基地,城市\n"),
		"cities.csv":   text("城市,省份,片区\n成都,四川,西部地区\n"),
	}
	err = sameBothWays(t, fsys, Options{MaxErrors: 1 << 20})
	var all Errors
	errors.As(err, &all)
	if len(all) < 3 || !strings.HasPrefix(all[0].Error(), `figures.xlsx:人数!D3: members "一百四十" is not a number`) {
		t.Errorf("errors %d, first %v", len(all), all)
	}
}

// FuzzWorkbookLoad loads a folder whose data.xlsx is random bytes or a
// damaged workbook: an error or a dataset, never a panic.
func FuzzWorkbookLoad(f *testing.F) {
	for _, path := range []string{"testdata/xlsx-office/data.xlsx", "testdata/xlsx-bad/data.xlsx"} {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)*2/3])
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Load(fstest.MapFS{"data.xlsx": &fstest.MapFile{Data: data}}, Options{})
		if (d == nil) == (err == nil) {
			t.Fatalf("dataset %v and error %v", d != nil, err)
		}
	})
}
