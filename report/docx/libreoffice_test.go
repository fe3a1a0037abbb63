package docx

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// ToPDF converts a .docx with LibreOffice Writer, for the checks here and
// in package report; it skips unless BASEBRIEF_CHECK=1, and then fails
// when LibreOffice is missing.
func toPDF(t *testing.T, name string, docx []byte) []byte {
	t.Helper()
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		t.Skip("LibreOffice check: set BASEBRIEF_CHECK=1 (make check)")
	}
	lo, err := exec.LookPath("soffice")
	if err != nil {
		t.Fatalf("BASEBRIEF_CHECK=1 but soffice is missing (apt-get install libreoffice-writer): %v", err)
	}
	dir := t.TempDir()
	src := filepath.Join(dir, name+".docx")
	if err := os.WriteFile(src, docx, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	// A profile of its own, so parallel runs do not share one.
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", dir, src)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	pdf, err := os.ReadFile(filepath.Join(dir, name+".pdf"))
	if err != nil {
		t.Fatalf("Writer wrote no PDF (is libreoffice-writer installed?): %v", err)
	}
	return pdf
}

// pdfPages and pdfText read a PDF with poppler-utils.
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	out := poppler(t, "pdfinfo", pdf)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("pdfinfo: no page count in\n%s", out)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func poppler(t *testing.T, tool string, pdf []byte, args ...string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, append(args, f, "-")...).Output()
	if tool == "pdfinfo" {
		out, err = exec.Command(tool, f).Output()
	}
	if err != nil {
		t.Fatalf("%s (apt-get install poppler-utils): %v", tool, err)
	}
	return string(out)
}

// TestLibreOfficeWriter renders the test briefing in Writer: two pages
// (the figure starts the second), every text there, the page numbers as
// the footers' fields compute them on each page.
func TestLibreOfficeWriter(t *testing.T) {
	pdf := toPDF(t, "briefing", render(t, testDoc(t)))
	if n := pdfPages(t, pdf); n != 2 {
		t.Errorf("Writer made %d pages, want 2", n)
	}
	text := poppler(t, "pdftotext", pdf, "-layout")
	pages := strings.Split(text, "\f")
	for _, want := range []string{"新的社会阶层人士统战工作简报", "主要数据", "270万", "235.2", "图1", "报：中央统战部"} {
		if !strings.Contains(strings.ReplaceAll(text, " ", ""), want) {
			t.Errorf("Writer's PDF lacks %q", want)
		}
	}
	for i := range 2 {
		re := regexp.MustCompile(`—\s*` + strconv.Itoa(i+1) + `\s*—`)
		if !re.MatchString(pages[i]) {
			t.Errorf("page %d has no page number — %d —", i+1, i+1)
		}
	}
	// Odd pages carry the number at the right, even ones at the left.
	for i, x := range numberX(t, pdf) {
		if right := x > 595.0/2; right != (i%2 == 0) {
			t.Errorf("page %d: number at x = %.0f pt", i+1, x)
		}
	}
}

// numberX returns, page by page, where the page number (the lowest word
// that is a number) starts, in points from the left.
func numberX(t *testing.T, pdf []byte) []float64 {
	t.Helper()
	var xs []float64
	word := regexp.MustCompile(`<word xMin="([0-9.]+)" yMin="([0-9.]+)"[^>]*>(\d+)</word>`)
	for _, page := range strings.Split(poppler(t, "pdftotext", pdf, "-bbox"), "<page ")[1:] {
		x, low := -1.0, -1.0
		for _, m := range word.FindAllStringSubmatch(page, -1) {
			y, _ := strconv.ParseFloat(m[2], 64)
			if y > low {
				low = y
				x, _ = strconv.ParseFloat(m[1], 64)
			}
		}
		xs = append(xs, x)
	}
	return xs
}
