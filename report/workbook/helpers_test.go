package workbook

import (
	"bytes"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// stamp stands for SOURCE_DATE_EPOCH.
var stamp = time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)

// defaultComparison is the comparison of the embedded default dataset.
func defaultComparison(tb testing.TB) *analysis.Comparison {
	tb.Helper()
	d, err := input.Load(defaultdata.FS, input.Options{})
	if err != nil {
		tb.Fatalf("load default data: %v", err)
	}
	return mustCompare(tb, d)
}

// nationalComparison is a multi-period national fixture.
func nationalComparison(tb testing.TB) *analysis.Comparison {
	tb.Helper()
	return mustCompare(tb, sample.National(sample.Options{Cities: 120, Previous: true}))
}

func mustCompare(tb testing.TB, d *analysis.Dataset) *analysis.Comparison {
	tb.Helper()
	c, err := analysis.Compare(d, "")
	if err != nil {
		tb.Fatalf("compare: %v", err)
	}
	return c
}

// mustWrite writes the workbook with checks kept and opens it again.
func mustWrite(tb testing.TB, c *analysis.Comparison, lang vocab.Lang, limit int) (*book, []byte, *excelize.File) {
	tb.Helper()
	var buf bytes.Buffer
	b, err := write(&buf, c, Options{Lang: lang, Modified: stamp}, config{limit: limit, checks: true})
	if err != nil {
		tb.Fatalf("write workbook: %v", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		tb.Fatalf("open workbook: %v", err)
	}
	tb.Cleanup(func() { f.Close() })
	return b, buf.Bytes(), f
}

// dump writes every cell of every sheet as text: reference, type, value or
// formula, and number format; the golden files hold it.
func dump(tb testing.TB, f *excelize.File) string {
	tb.Helper()
	var out strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&out, "== %s\n", sheet)
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			tb.Fatalf("read %s: %v", sheet, err)
		}
		for r, row := range rows {
			for c := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				line := cellText(tb, f, sheet, ref)
				if line != "" {
					fmt.Fprintf(&out, "%s %s\n", ref, line)
				}
			}
		}
	}
	return out.String()
}

func cellText(tb testing.TB, f *excelize.File, sheet, ref string) string {
	tb.Helper()
	form, err := f.GetCellFormula(sheet, ref)
	if err != nil {
		tb.Fatalf("formula %s!%s: %v", sheet, ref, err)
	}
	numFmt := ""
	if id, err := f.GetCellStyle(sheet, ref); err == nil && id > 0 {
		if st, err := f.GetStyle(id); err == nil {
			switch {
			case st.CustomNumFmt != nil:
				numFmt = " [" + *st.CustomNumFmt + "]"
			case st.NumFmt != 0:
				numFmt = fmt.Sprintf(" [fmt %d]", st.NumFmt)
			}
		}
	}
	// The value as written: for a formula, its cached value (excelize reads
	// <v> and computes nothing).
	v, _ := f.GetCellValue(sheet, ref, excelize.Options{RawCellValue: true})
	if form != "" {
		return "f =" + form + " -> " + strconv.Quote(v) + numFmt
	}
	if v == "" {
		return ""
	}
	typ, _ := f.GetCellType(sheet, ref)
	kind := "n"
	if typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString {
		kind = "s"
	}
	return fmt.Sprintf("%s %q%s", kind, v, numFmt)
}
