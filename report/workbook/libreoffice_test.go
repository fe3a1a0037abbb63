package workbook

import (
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// csvFilter makes LibreOffice write every sheet to its own UTF-8 file; the
// plain csv filter garbles Chinese (PITFALLS).
const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

// needLibreOffice skips unless BASEBRIEF_CHECK=1, and then fails when
// LibreOffice is missing.
func needLibreOffice(t *testing.T) string {
	t.Helper()
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		t.Skip("LibreOffice check: set BASEBRIEF_CHECK=1 (make check)")
	}
	path, err := exec.LookPath("libreoffice")
	if err != nil {
		t.Fatalf("BASEBRIEF_CHECK=1 but libreoffice is missing (apt-get install libreoffice-calc): %v", err)
	}
	return path
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
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, data, _ := mustWrite(t, tt.c, tt.lang, maxRows)
			if len(b.checks) < 50 {
				t.Fatalf("only %d formulas recorded", len(b.checks))
			}
			sheets := convertCSV(t, lo, tt.name, data)
			if len(sheets) != len(b.f.GetSheetList()) {
				t.Errorf("LibreOffice wrote %d sheets, want %d", len(sheets), len(b.f.GetSheetList()))
			}
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
	dir := t.TempDir()
	src := filepath.Join(dir, name+".xlsx")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "csv")
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A profile of its own, so parallel runs do not share one.
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", csvFilter, "--outdir", out, src)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, msg)
	}
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
