package workbook

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/testutil"
)

// TestPrintedPages prints each workbook as it opens, every sheet with its
// print setup, to PDF with LibreOffice and counts the pages: the summary
// sheets in readable pages, the long lists only a first page each (the
// 说明 sheet says how to print them whole). Measured before (c020966):
// 19 pages for the national sample (the province sheet's 26 columns shrunk
// onto one page), 118 over 24 months (the 人数 history), 3,000 units did
// not finish in 10 minutes; after: 24, 26 and 24.
// BASEBRIEF_PAGES_DIR keeps the PDFs there to look at.
func TestPrintedPages(t *testing.T) {
	lo := needLibreOffice(t)
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Fatalf("pdfinfo is missing (apt-get install poppler-utils): %v", err)
	}
	for _, tt := range []struct {
		name string
		c    *analysis.Comparison
		max  int
	}{
		{"national", nationalComparison(t), 25},
		{"24 months", mustCompare(t, sample.National(sample.Options{Cities: 300, Months: 24})), 28},
		{"3000 units", mustCompare(t, sample.National(sample.Options{Cities: 3000, Previous: true})), 25},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, data, _ := mustWrite(t, tt.c, vocab.Zh, maxRows)
			pdf := printPDF(t, lo, data)
			if dir := os.Getenv("BASEBRIEF_PAGES_DIR"); dir != "" {
				_ = os.WriteFile(filepath.Join(dir, tt.name+".pdf"), pdf, 0o644)
			}
			n := testutil.PDFPages(t, pdf)
			t.Logf("%s: %d pages", tt.name, n)
			if n > tt.max {
				t.Errorf("%s prints %d pages, want at most %d", tt.name, n, tt.max)
			}
		})
	}
}

func printPDF(t *testing.T, lo string, data []byte) []byte {
	t.Helper()
	out := testutil.Convert{Name: "book.xlsx", To: "pdf", Timeout: 5 * time.Minute}.Run(t, lo, data)
	return testutil.ReadOut(t, out, "book.pdf", "libreoffice wrote no PDF")
}
