package workbook

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// openpyxlScript prints, as JSON, every formula cell of the workbook and
// the value openpyxl reads for it without recalculating (data_only: the
// cached value, what file previews, pandas and Excel's protected view
// show). openpyxl reads the cell twice: once for its formula, once for
// its value (https://openpyxl.readthedocs.io/en/stable/usage.html,
// "data_only controls whether cells with formulae have either the
// formula (default) or the value stored the last time Excel read the
// sheet").
const openpyxlScript = `
import json, sys, openpyxl
wf = openpyxl.load_workbook(sys.argv[1], data_only=False)
wv = openpyxl.load_workbook(sys.argv[1], data_only=True)
out = []
for ws in wf.worksheets:
    vs = wv[ws.title]
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.value.startswith("="):
                v = vs[c.coordinate].value
                out.append([ws.title, c.coordinate, c.value, v if isinstance(v, (int, float, str)) or v is None else str(v)])
json.dump(out, sys.stdout, ensure_ascii=False)
`

// needOpenpyxl skips unless BASEBRIEF_CHECK=1, and then fails when
// Debian's python3-openpyxl is missing (make check installs it). The
// system Python is asked, not whatever python3 comes first on PATH.
func needOpenpyxl(t *testing.T) string {
	t.Helper()
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		t.Skip("openpyxl check: set BASEBRIEF_CHECK=1 (make check)")
	}
	py := "/usr/bin/python3"
	if msg, err := exec.Command(py, "-c", "import openpyxl").CombinedOutput(); err != nil {
		t.Fatalf("BASEBRIEF_CHECK=1 but openpyxl is missing (apt-get install python3-openpyxl): %v\n%s", err, msg)
	}
	return py
}

// valueCase is a workbook whose cached values a reader is held to.
type valueCase struct {
	name string
	c    *analysis.Comparison
	lang vocab.Lang
}

// valueCases are the workbooks whose cached values LibreOffice
// (TestLibreOfficeKeepsCachedValues) and openpyxl (TestOpenpyxlSeesEveryValue)
// check: the default data, a national one and 26 months in English.
func valueCases(t *testing.T) []valueCase {
	return []valueCase{
		{"default", defaultComparison(t), vocab.Zh},
		{"national", nationalComparison(t), vocab.Zh},
		{"26 months", mustCompare(t, sample.National(sample.Options{Cities: 120, Months: 26})), vocab.En},
		{"province slice", provinceSlice(t), vocab.Zh},
	}
}

type openpyxlCell struct {
	sheet, cell, formula string
	value                any // nil: openpyxl shows the cell blank
}

// readOpenpyxl gives every formula cell of data as openpyxl reads it.
func readOpenpyxl(t *testing.T, py string, data []byte) []openpyxlCell {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	cmd := exec.Command(py, "-c", openpyxlScript, src)
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, stderr.Bytes())
	}
	var rows [][4]any
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("openpyxl output: %v", err)
	}
	cells := make([]openpyxlCell, len(rows))
	for i, r := range rows {
		cells[i] = openpyxlCell{sheet: r[0].(string), cell: r[1].(string), formula: r[2].(string), value: r[3]}
	}
	return cells
}

// TestOpenpyxlSeesEveryValue: a reader that does not recalculate (here
// openpyxl, as pandas uses it) shows every formula cell of the workbook
// with the value basebrief computed, national data included (issue 24:
// "opens with every value visible in openpyxl without recalculation").
func TestOpenpyxlSeesEveryValue(t *testing.T) {
	py := needOpenpyxl(t)
	t.Run("a formula without its value is seen blank", func(t *testing.T) {
		// Which wrong code this catches: a formula written with no cached
		// value reads as blank here, so the cases below can fail.
		f := excelize.NewFile()
		defer f.Close()
		if err := f.SetCellValue("Sheet1", "A1", 2); err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellFormula("Sheet1", "B1", "A1*2"); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		cells := readOpenpyxl(t, py, buf.Bytes())
		if len(cells) != 1 || cells[0].value != nil {
			t.Fatalf("openpyxl read %+v, want B1 blank", cells)
		}
	})
	for _, tt := range valueCases(t) {
		t.Run(tt.name, func(t *testing.T) {
			b, data, _ := mustWrite(t, tt.c, tt.lang, maxRows)
			wants := map[string]*float64{}
			for _, ck := range b.checks {
				wants[ck.sheet+"!"+ck.cell] = ck.want
			}
			cells := readOpenpyxl(t, py, data)
			if len(cells) < 50 {
				t.Fatalf("openpyxl found only %d formula cells", len(cells))
			}
			compared := 0
			for _, c := range cells {
				key := c.sheet + "!" + c.cell
				want, known := wants[key]
				switch {
				case c.value == nil && (!known || want != nil):
					// A formula whose result is "" may read blank; one with
					// a number must not, nor one basebrief did not record.
					t.Errorf("%s %s: openpyxl shows it blank", key, c.formula)
				case known && want != nil:
					got, ok := c.value.(float64)
					if !ok || math.Abs(got-*want) > 1e-9*math.Max(1, math.Abs(*want)) {
						t.Errorf("%s %s: openpyxl shows %v, want %v", key, c.formula, c.value, *want)
					}
					compared++
				}
			}
			if compared < 50 {
				t.Errorf("only %d values compared", compared)
			}
			t.Logf("%d formula cells, %d numbers compared", len(cells), compared)
		})
	}
}
