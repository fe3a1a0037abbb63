package workbook

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
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
			n := pdfPages(t, pdf)
			t.Logf("%s: %d pages", tt.name, n)
			if n > tt.max {
				t.Errorf("%s prints %d pages, want at most %d", tt.name, n, tt.max)
			}
		})
	}
}

func printPDF(t *testing.T, lo string, data []byte) []byte {
	t.Helper()
	dir := t.TempDir()
	src := filepath.Join(dir, "book.xlsx")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, src)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, msg)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, "book.pdf"))
	if err != nil {
		t.Fatalf("libreoffice wrote no PDF: %v", err)
	}
	return pdf
}

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	path := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo gave no page count:\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
