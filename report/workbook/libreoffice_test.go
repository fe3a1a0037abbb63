package workbook

import (
	"bytes"
	"encoding/csv"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/testutil"
)

// csvFilter makes LibreOffice write every sheet to its own UTF-8 file; the
// plain csv filter garbles Chinese (PITFALLS).
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// needLibreOffice skips unless BASEBRIEF_CHECK=1, and then fails when
// LibreOffice is missing.
func needLibreOffice(t *testing.T) string {
	t.Helper()
	return testutil.NeedCheck(t, "LibreOffice", "libreoffice", "libreoffice-calc")
}

// TestLibreOfficeRecalculates opens the workbooks in LibreOffice, which
// computes every formula on load, and checks each result against the
// Comparison figure it stands for, and that no error value shows anywhere.
func TestLibreOfficeRecalculates(t *testing.T) {
	lo := needLibreOffice(t)
	tests := []struct {
		name string
		c    *analysis.Comparison
		lang vocab.Lang
	}{
		{"default", defaultComparison(t), vocab.Zh},
		{"national", nationalComparison(t), vocab.En},
		{"26 months", mustCompare(t, sample.National(sample.Options{Cities: 120, Months: 26})), vocab.Zh},
		{"province slice", provinceSlice(t), vocab.Zh},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, data, _ := mustWrite(t, tt.c, tt.lang, maxRows)
			if len(b.checks) < 50 {
				t.Fatalf("only %d formulas recorded", len(b.checks))
			}
			// The trend's region columns are formulas over 分省趋势: each
			// region in each period is among the cells checked (a cell is
			// recorded again when its column width is measured).
			if b.hasTrend() {
				cells := map[string]bool{}
				for _, ck := range b.checks {
					if ck.sheet == b.tl.trend && strings.Contains(ck.formula, quote(b.tl.trendProvinces)) {
						cells[ck.cell] = true
					}
				}
				if n, want := len(cells), len(tt.c.Regions)*len(tt.c.Series); n != want {
					t.Errorf("%d trend region formulas recorded, want %d", n, want)
				}
			}
			sheets := convertCSV(t, lo, tt.name, data)
			if len(sheets) != len(b.f.GetSheetList()) {
				t.Errorf("LibreOffice wrote %d sheets, want %d", len(sheets), len(b.f.GetSheetList()))
			}
			checkRecalculated(t, b, sheets)
			for sheet, rows := range sheets {
				for r, row := range rows {
					for c, v := range row {
						if isError(v) {
							ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
							t.Errorf("%s!%s shows %q", sheet, ref, v)
						}
					}
				}
			}
		})
	}
}

func isError(v string) bool {
	for _, e := range []string{"#REF!", "#VALUE!", "#NAME?", "#DIV/0!", "#N/A", "#NUM!", "#NULL!", "Err:", "#ERR"} {
		if strings.Contains(v, e) {
			return true
		}
	}
	return false
}

// convertCSV converts the workbook with LibreOffice and returns every
// sheet's cells by sheet name.
func convertCSV(t *testing.T, lo, name string, data []byte) map[string][][]string {
	t.Helper()
	// A profile that recalculates every formula on load (the cells' own
	// values otherwise).
	out := testutil.Convert{Name: name + ".xlsx", To: csvFilter, Out: "csv", Profile: recalcProfile}.Run(t, lo, data)
	files, err := filepath.Glob(filepath.Join(out, name+"-*.csv"))
	if err != nil || len(files) == 0 {
		t.Fatalf("libreoffice wrote no csv files (%v)", err)
	}
	sheets := map[string][][]string{}
	for _, f := range files {
		sheet := strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), name+"-"), ".csv")
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(fh)
		r.FieldsPerRecord = -1
		rows, err := r.ReadAll()
		fh.Close()
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		sheets[sheet] = rows
	}
	return sheets
}

// checkRecalculated checks every formula b recorded against the value
// LibreOffice computed for its cell in sheets.
func checkRecalculated(t *testing.T, b *book, sheets map[string][][]string) {
	t.Helper()
	for _, ck := range b.checks {
		col, row, err := excelize.CellNameToCoordinates(ck.cell)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if rows := sheets[ck.sheet]; row <= len(rows) && col <= len(rows[row-1]) {
			got = rows[row-1][col-1]
		}
		if msg := compare(got, ck.want); msg != "" {
			t.Errorf("%s!%s =%s: %s", ck.sheet, ck.cell, ck.formula, msg)
		}
	}
}

// recalcProfile is a LibreOffice profile that recalculates every formula of
// an Excel file on load (Tools > Options > Calc > Formula > "Recalculation
// on file load: Excel 2007 and newer: Always"; the default never does, and
// keeps the cached values as written).
const recalcProfile = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`

// recalculate has LibreOffice load data, recalculating every formula, and
// save it again as xlsx; it returns the saved file.
func recalculate(t *testing.T, lo string, data []byte) []byte {
	t.Helper()
	out := testutil.Convert{Name: "in.xlsx", To: "xlsx:Calc MS Excel 2007 XML", Out: "out", Profile: recalcProfile}.Run(t, lo, data)
	return testutil.ReadOut(t, out, "in.xlsx", "libreoffice wrote no workbook")
}

// TestLibreOfficeKeepsCachedValues: LibreOffice, made to recalculate every
// formula on load, changes no cached value of the workbook. First it must
// be seen to recalculate: a stale cached value is replaced.
func TestLibreOfficeKeepsCachedValues(t *testing.T) {
	lo := needLibreOffice(t)
	t.Run("stale value replaced", func(t *testing.T) {
		f := excelize.NewFile()
		defer f.Close()
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		if err := sw.SetRow("A1", []any{2, excelize.Cell{Formula: "A1*2", Value: 999}}); err != nil {
			t.Fatal(err)
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		g := openBytes(t, recalculate(t, lo, buf.Bytes()))
		if v, _ := g.GetCellValue("Sheet1", "B1", excelize.Options{RawCellValue: true}); v != "4" {
			t.Fatalf("B1 = %q after LibreOffice, want 4: it did not recalculate", v)
		}
	})
	for _, tt := range valueCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			b, data, f := mustWrite(t, tt.c, tt.lang, maxRows)
			g := openBytes(t, recalculate(t, lo, data))
			n := 0
			for _, ck := range b.checks {
				was, _ := f.GetCellValue(ck.sheet, ck.cell, excelize.Options{RawCellValue: true})
				now, _ := g.GetCellValue(ck.sheet, ck.cell, excelize.Options{RawCellValue: true})
				if msg := sameValue(was, now); msg != "" {
					t.Errorf("%s!%s =%s: cached %q, LibreOffice %q", ck.sheet, ck.cell, ck.formula, was, now)
				}
				n++
			}
			if n < 50 {
				t.Errorf("only %d formula cells compared", n)
			}
		})
	}
}

// sameValue compares two cached values: numbers within rounding (a file
// keeps 15 significant digits), text exactly; "" when they agree.
func sameValue(a, b string) string {
	if a == b {
		return ""
	}
	x, err1 := strconv.ParseFloat(a, 64)
	y, err2 := strconv.ParseFloat(b, 64)
	if err1 == nil && err2 == nil && math.Abs(x-y) <= 1e-12*math.Max(1, math.Abs(x)) {
		return ""
	}
	return "differ"
}

func openBytes(t *testing.T, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("open workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
