package report_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/cmd/gendata/synth"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
	"github.com/basebrief/basebrief/internal/testutil"
	"github.com/basebrief/basebrief/report"
	"github.com/basebrief/basebrief/report/briefing"
)

type wordCase struct {
	name string
	c    *analysis.Comparison
	lang vocab.Lang
}

func wordCases(tb testing.TB) []wordCase {
	tb.Helper()
	d, err := input.Load(defaultdata.FS, input.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	western, err := analysis.Compare(d, "")
	if err != nil {
		tb.Fatal(err)
	}
	national, err := analysis.Compare(sample.National(sample.Options{Previous: true, Cities: 341}), "")
	if err != nil {
		tb.Fatal(err)
	}
	// gendata -cities 50 -periods 24: two years of months, English
	// (Writer set it on 7 pages to the PDF's 6 before the Word tables
	// were fitted by the type sheet's rule and kept whole).
	dir := tb.TempDir()
	if err := synth.Write(dir, synth.Options{Cities: 50, Periods: 24, Seed: 1}); err != nil {
		tb.Fatal(err)
	}
	d24, err := input.LoadDir(dir, input.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	months, err := analysis.Compare(d24, "")
	if err != nil {
		tb.Fatal(err)
	}
	return []wordCase{{"default", western, vocab.Zh}, {"default-en", western, vocab.En}, {"national", national, vocab.Zh},
		{"national-en", national, vocab.En}, {"months24", months, vocab.Zh}, {"months24-en", months, vocab.En}}
}

// packetFiles renders a packet and returns its files by path.
func packetFiles(tb testing.TB, c *analysis.Comparison, lang vocab.Lang) map[string][]byte {
	tb.Helper()
	files, _, err := report.Packet(c, report.Options{Lang: lang, Time: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

// wordParagraphs returns the text of every paragraph of a .docx's body.
func wordParagraphs(tb testing.TB, docx []byte) []string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		tb.Fatal(err)
	}
	f, err := zr.Open("word/document.xml")
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var paras []string
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("document.xml: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			inText = t.Name.Local == "t"
			if t.Name.Local == "p" {
				cur.Reset()
			}
		case xml.EndElement:
			inText = false
			if t.Name.Local == "p" {
				paras = append(paras, cur.String())
			}
		case xml.CharData:
			if inText {
				cur.Write(t)
			}
		}
	}
	return paras
}

// TestPacketWordNarrative wants briefing.docx in the packet and every
// narrative paragraph of summary.json in it, whole and in order: the Word
// file says what the PDF says.
func TestPacketWordNarrative(t *testing.T) {
	for _, tc := range wordCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			files := packetFiles(t, tc.c, tc.lang)
			if dir := os.Getenv("DOCX_DUMP"); dir != "" { // to look at by hand
				for _, name := range []string{"briefing.docx", "briefing.pdf"} {
					if err := os.WriteFile(filepath.Join(dir, tc.name+"-"+name), files[name], 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			docx, ok := files["briefing.docx"]
			if !ok {
				t.Fatal("no briefing.docx in the packet")
			}
			paras := wordParagraphs(t, docx)
			narrative := briefing.Narrative(tc.c, tc.lang)
			if len(narrative) == 0 {
				t.Fatal("no narrative")
			}
			at := 0
			for _, n := range narrative {
				found := false
				for ; at < len(paras); at++ {
					if strings.HasSuffix(paras[at], n.Text) {
						found = true
						break
					}
				}
				if !found {
					t.Errorf("narrative paragraph not in briefing.docx (in order): %q", n.Text)
					return
				}
			}
		})
	}
}

// TestPacketWordPages renders briefing.docx with LibreOffice Writer and
// wants no more pages than briefing.pdf, and at most a page or a fifth
// fewer (Writer here sets Times New Roman in DejaVu Serif, a fifth wider).
func TestPacketWordPages(t *testing.T) {
	lo := testutil.NeedCheck(t, "LibreOffice", "soffice", "libreoffice-writer")
	for _, tc := range wordCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			files := packetFiles(t, tc.c, tc.lang)
			out := testutil.Convert{Name: "briefing.docx", To: "pdf"}.Run(t, lo, files["briefing.docx"])
			word := testutil.PDFPages(t, testutil.ReadOut(t, out, "briefing.pdf", "Writer wrote no PDF (is libreoffice-writer installed?)"))
			pdf := testutil.PDFPages(t, files["briefing.pdf"])
			t.Logf("briefing.pdf %d pages, briefing.docx in Writer %d", pdf, word)
			if d := word - pdf; d < -max(1, pdf/5) || d > 0 {
				t.Errorf("briefing.docx is %d pages in Writer, briefing.pdf %d", word, pdf)
			}
		})
	}
}
