package briefing

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/pdf"
)

// The tests in this file read the PDF back with poppler-utils and qpdf.
// They run when BASEBRIEF_CHECK=1 (make check) and then fail, not skip,
// when a tool is missing.

func needTool(t *testing.T, name string) string {
	t.Helper()
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		t.Skipf("set BASEBRIEF_CHECK=1 to check the PDF with %s", name)
	}
	p, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("BASEBRIEF_CHECK=1 but %s is not installed (apt-get install poppler-utils qpdf)", name)
	}
	return p
}

func writeTemp(t *testing.T, c *analysis.Comparison, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := writePDF(&b, c, opts); err != nil {
		t.Fatalf("write: %v", err)
	}
	p := filepath.Join(t.TempDir(), "briefing.pdf")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// squeeze drops all white space and the page numbers (— 12 —), so names
// broken across lines and pages match.
func squeeze(s string) string {
	return pageNumber.ReplaceAllString(strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s), "")
}

var pageNumber = regexp.MustCompile(`—[0-9]+—`)

// expected lists what must appear, in this order: every heading and
// paragraph of the document and every table's cells, as the PDF sets them.
func expected(t *testing.T, c *analysis.Comparison, opts Options) []string {
	doc, err := Build(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, b := range doc.Blocks {
		switch v := b.(type) {
		case document.Heading:
			want = append(want, v.Text)
		case document.Paragraph:
			want = append(want, v.Lead+v.Text)
		case document.Table:
			// The rows' names: pdftotext may read a row's figures in
			// another order than its cells.
			want = append(want, v.Caption)
			for _, r := range v.Rows {
				for _, cell := range r {
					if len([]rune(cell)) >= 2 && hasHanzi(cell) {
						want = append(want, cell)
						break
					}
				}
			}
		}
	}
	return want
}

func assertInOrder(t *testing.T, text string, want []string) {
	t.Helper()
	text = squeeze(text)
	at := 0
	for _, s := range want {
		i := strings.Index(text[at:], squeeze(s))
		if i < 0 {
			ctx := text[at:min(len(text), at+300)]
			t.Fatalf("%q not found after position %d; text there: %q", s, at, ctx)
		}
		at += i + len(squeeze(s))
	}
}

func TestCheckTextInOrder(t *testing.T) {
	tool := needTool(t, "pdftotext")
	cases := []struct {
		name string
		c    *analysis.Comparison
		lang vocab.Lang
	}{
		{"western zh", western(t), vocab.Zh},
		{"western en", western(t), vocab.En},
		{"national zh", national(t), vocab.Zh},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := testOptions(t)
			opts.Lang = tc.lang
			p := writeTemp(t, tc.c, opts)
			text := run(t, tool, "-enc", "UTF-8", p, "-")
			assertInOrder(t, text, expected(t, tc.c, opts))
		})
	}
}

func TestCheckWesternFacts(t *testing.T) {
	tool := needTool(t, "pdftotext")
	raw := run(t, tool, "-enc", "UTF-8", writeTemp(t, western(t), testOptions(t)), "-")
	for _, s := range []string{"—1—", "—2—"} {
		if !strings.Contains(strings.Join(strings.Fields(raw), ""), s) {
			t.Errorf("no page number %q", s)
		}
	}
	text := squeeze(raw)
	for _, s := range []string{
		"新的社会阶层人士统战工作简报", "第1期", "2019年5月17日",
		// 51.9% is 重庆's share of what the region's cities reported (140
		// of 270万: two of its ten cities report), so the sentence says 报送数.
		"重庆最多，为140万，占西部地区报送数的51.9%；成都次之，为130万。",
		"记录在册的重点项目2个，会议公布25个。",
		"MFG创客联邦", "数博大道\"1A+6S\"新阶层工作圈", "巴渝新锋·网络大V同心圆工程",
		"第二批重点项目", "第三批重点项目", "2019年5月17日印发",
	} {
		if !strings.Contains(text, squeeze(s)) {
			t.Errorf("briefing text lacks %q", s)
		}
	}
}

func TestCheckQPDF(t *testing.T) {
	tool := needTool(t, "qpdf")
	for name, c := range map[string]*analysis.Comparison{"western": western(t), "national": national(t)} {
		out := run(t, tool, "--check", writeTemp(t, c, testOptions(t)))
		if !strings.Contains(out, "No syntax or stream encoding errors") {
			t.Errorf("%s: qpdf --check:\n%s", name, out)
		}
	}
}

func TestCheckFontsEmbedded(t *testing.T) {
	tool := needTool(t, "pdffonts")
	out := run(t, tool, writeTemp(t, western(t), testOptions(t)))
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no font:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type... encoding emb sub uni object ID: emb is 5th from the end.
		if len(f) < 6 || f[len(f)-5] != "yes" || f[len(f)-4] != "yes" {
			t.Errorf("font not embedded as a subset: %s", l)
		}
	}
}

// TestCheckOutline reads the bookmarks of the briefing and of its 数据说明
// (annex.pdf), where the reconciliation with the meeting's figures and the
// data's quality and sources went when the briefing became the page to
// circulate.
func TestCheckOutline(t *testing.T) {
	tool := needTool(t, "qpdf")
	annex := func(t *testing.T) string {
		doc, err := BuildAnnex(western(t), testOptions(t))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := pdf.Write(&b, doc, pdf.Options{Face: testOptions(t).Face}); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(t.TempDir(), "annex.pdf")
		if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct {
		name string
		file func(*testing.T) string
		want []string
	}{
		{"briefing", func(t *testing.T) string { return writeTemp(t, western(t), testOptions(t)) },
			[]string{"一、主要数据", "二、基本情况", "三、各省区市情况", "（一）重庆", "（九）新疆", "四、图表", "五、数据表", "版记"}},
		{"annex", annex, []string{"一、会议公布数字与记录核对", "二、数据质量与来源"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out := run(t, tool, "--json", "--json-key=outlines", tt.file(t))
			for _, s := range tt.want {
				if !strings.Contains(out, s) {
					t.Errorf("outline lacks %q", s)
				}
			}
		})
	}
}

// TestCheckLineBreaks reads the lines of the default and national
// briefings back: none starts with closing punctuation or with a unit
// whose number ends the line before, none ends with opening punctuation.
func TestCheckLineBreaks(t *testing.T) {
	tool := needTool(t, "pdftotext")
	for name, c := range map[string]*analysis.Comparison{"western": western(t), "national": national(t)} {
		text := run(t, tool, "-enc", "UTF-8", writeTemp(t, c, testOptions(t)), "-")
		var prev string
		for _, l := range strings.Split(text, "\n") {
			l = strings.TrimSpace(l)
			if l == "" {
				prev = ""
				continue
			}
			first := []rune(l)[0]
			if prev != "" {
				last := []rune(prev)[len([]rune(prev))-1]
				if strings.ContainsRune("，。、；：？！）》”", first) {
					t.Errorf("%s: line starts with %q: %q after %q", name, first, l, prev)
				}
				if strings.ContainsRune("万亿个%", first) && unicode.IsDigit(last) {
					t.Errorf("%s: unit %q parted from its number: %q / %q", name, first, prev, l)
				}
				if strings.ContainsRune("（《“", last) {
					t.Errorf("%s: line ends with %q: %q", name, last, prev)
				}
			}
			prev = l
		}
	}
}
