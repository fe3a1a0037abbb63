package workbook

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/testutil"
)

// TestPrintedPages prints each workbook as it opens, every sheet with its
// print setup, to PDF with LibreOffice, counts the pages and reads which
// sheet each page is of (the footer names it): the summary sheets, each
// in readable pages, and no page of a data list longer than a page (the
// 说明 sheet says how to print one). Measured before (c020966): 19 pages
// for the national sample (the province sheet's 26 columns shrunk onto one
// page), 118 over 24 months (the 人数 history), 3,000 units did not finish
// in 10 minutes; then 24, 26 and 24 with a first page of each long list;
// now the national data of gendata prints 19 pages, not 26.
// BASEBRIEF_PAGES_DIR keeps the PDFs there to look at.
func TestPrintedPages(t *testing.T) {
	lo := needLibreOffice(t)
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is missing (apt-get install poppler-utils): %v", tool, err)
		}
	}
	summary := []string{"概览", "图表", "片区", "省份", "趋势", "数据质量", "说明"}
	for _, tt := range []struct {
		name string
		c    *analysis.Comparison
		max  int
	}{
		{"national", nationalComparison(t), 22},
		{"24 months", mustCompare(t, sample.National(sample.Options{Cities: 300, Months: 24})), 24},
		{"3000 units", mustCompare(t, sample.National(sample.Options{Cities: 3000, Previous: true})), 22},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, data, f := mustWrite(t, tt.c, vocab.Zh, maxRows)
			pdf := printPDF(t, lo, data)
			if dir := os.Getenv("BASEBRIEF_PAGES_DIR"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, tt.name+".pdf"), pdf, 0o644)
			}
			n := testutil.PDFPages(t, pdf)
			printed := pageSheets(t, pdf)
			t.Logf("%s: %d pages: %v", tt.name, n, printed)
			if n > tt.max {
				t.Errorf("%s prints %d pages, want at most %d", tt.name, n, tt.max)
			}
			if len(printed) != n {
				t.Fatalf("read a sheet name on %d of %d pages", len(printed), n)
			}
			var want []string
			for _, s := range summary {
				if slices.Contains(f.GetSheetList(), s) {
					want = append(want, s)
				}
			}
			if got := slices.Compact(slices.Clone(printed)); !slices.Equal(got, want) {
				t.Errorf("printed sheets %v, want the summary sheets %v", got, want)
			}
		})
	}
}

// pageSheets returns the sheet each page of a printed workbook is of,
// read from its footer ("sheet … page / pages", applyPrint).
func pageSheets(t *testing.T, pdf []byte) []string {
	t.Helper()
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = bytes.NewReader(pdf)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	footer := regexp.MustCompile(`^(\S+)\s+\d+ / \d+\s*$`)
	var sheets []string
	for _, page := range strings.Split(string(out), "\f") {
		lines := strings.Split(page, "\n")
		for i := len(lines) - 1; i >= 0; i-- {
			if m := footer.FindStringSubmatch(lines[i]); m != nil {
				sheets = append(sheets, m[1])
				break
			}
		}
	}
	return sheets
}

func printPDF(t *testing.T, lo string, data []byte) []byte {
	t.Helper()
	out := testutil.Convert{Name: "book.xlsx", To: "pdf", Timeout: 5 * time.Minute}.Run(t, lo, data)
	return testutil.ReadOut(t, out, "book.pdf", "libreoffice wrote no PDF")
}
