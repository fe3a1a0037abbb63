package docx

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/internal/testutil"
	"github.com/basebrief/basebrief/report/document"
)

// toPDF converts a .docx with LibreOffice Writer; it skips unless
// BASEBRIEF_CHECK=1, and then fails when LibreOffice is missing.
func toPDF(t *testing.T, name string, docx []byte) []byte {
	t.Helper()
	lo := testutil.NeedCheck(t, "LibreOffice", "soffice", "libreoffice-writer")
	out := testutil.Convert{Name: name + ".docx", To: "pdf"}.Run(t, lo, docx)
	return testutil.ReadOut(t, out, name+".pdf", "Writer wrote no PDF (is libreoffice-writer installed?)")
}

// poppler runs a poppler-utils tool on pdf and returns what it printed.
func poppler(t *testing.T, tool string, pdf []byte, args ...string) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(tool, append(args, f, "-")...).Output()
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
	if n := testutil.PDFPages(t, pdf); n != 2 {
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

// TestLibreOfficeFiguresWhole sets the national briefing's key figures and
// a table closing on 3357.5万 in Writer, which widens every boundary
// between Chinese and Latin text by a quarter em whatever the file asks
// (ems): each figure and label reads whole on one line. Before, the
// key-figure box broke 3357.5 / 万 and 新的社会阶层人 / 士, and the 合计
// row 3357.5 / 万.
func TestLibreOfficeFiguresWhole(t *testing.T) {
	d := testDoc(t)
	d.Blocks = []document.Block{
		document.KeyFigures{Items: []document.KeyFigure{
			{Value: "31", Label: "省区市", Detail: "7个片区"},
			{Value: "341", Label: "城市", Detail: "试点15个，推广19个"},
			{Value: "347", Label: "实践创新基地", Detail: "其中重点项目117个"},
			{Value: "3357.5万", Label: "新的社会阶层人士", Detail: "各城市均已报送；含7个省级数据"},
			{Value: "+13.9万", Label: "环比", Detail: "可比口径，增长0.4%"},
		}},
		document.Table{Label: "表1", Caption: "各片区新的社会阶层人士和实践创新基地（2024年12月）",
			Header: []string{"片区", "省区市", "城市", "基地", "人数", "环比增减", "环比增减率", "人数最多的省区市", "人数最多的城市"},
			Align: []document.Align{document.Left, document.Right, document.Right, document.Right, document.Right,
				document.Right, document.Right, document.Left, document.Left},
			Rows: [][]string{
				{"华北", "5", "55", "55", "514.1万", "+2.4万", "+0.5%", "天津（172.6万）", "天津（149.3万）"},
				{"东北", "3", "33", "32", "395.5万", "-7504", "-0.2%", "黑龙江（151.8万）", "哈尔滨（124.9万）"},
				{"合计", "31", "341", "347", "3357.5万", "+13.9万", "+0.4%", "", ""},
			},
			Emphasis: map[int]bool{2: true}},
	}
	text := strings.ReplaceAll(poppler(t, "pdftotext", toPDF(t, "figures", render(t, d)), "-layout"), " ", "")
	for _, want := range []string{"3357.5万", "+13.9万", "新的社会阶层人士", "实践创新基地", "天津（172.6万）", "黑龙江（151.8万）"} {
		if !strings.Contains(text, want) {
			t.Errorf("Writer broke %q over lines:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "3357.5万"); n != 2 {
		t.Errorf("3357.5万 reads whole %d times, want 2 (the box and the 合计 row):\n%s", n, text)
	}
}
