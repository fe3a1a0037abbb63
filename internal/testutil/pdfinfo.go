package testutil

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
)

var pagesLine = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// PDFPages counts the pages of pdf with poppler's pdfinfo.
func PDFPages(tb testing.TB, pdf []byte) int {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "p.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		tb.Fatal(err)
	}
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		tb.Fatalf("pdfinfo (apt-get install poppler-utils): %v", err)
	}
	m := pagesLine.FindSubmatch(out)
	if m == nil {
		tb.Fatalf("pdfinfo: no page count in\n%s", out)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}
