package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/briefing"
	"github.com/basebrief/basebrief/report/document"
)

// fontRef is a font resource in a page's resources: fpdf names it by a
// hash of its definition, widths included, so the name differs between a
// subset and the whole face; the object it names does not.
var (
	fontRef   = regexp.MustCompile(`/F([0-9a-f]{40}) (\d+) 0 R`)
	fontID    = regexp.MustCompile(`/F[0-9a-f]{40}`)
	pdfObject = regexp.MustCompile(`(?s)\d+ 0 obj\n.*?endobj`)
	stream    = regexp.MustCompile(`(?s)/Length \d+(.*?)stream\n(.*)\nendstream`)
)

// pdfObjects lists a PDF's objects with their streams inflated and every
// font named by its object number, the resource lines sorted.
func pdfObjects(tb testing.TB, pdf []byte) []string {
	tb.Helper()
	names := map[string]string{}
	for _, m := range fontRef.FindAllSubmatch(pdf, -1) {
		names["/F"+string(m[1])] = "/Fobj" + string(m[2])
	}
	var out []string
	for _, o := range pdfObject.FindAll(pdf, -1) {
		if m := stream.FindSubmatchIndex(o); m != nil {
			if z, err := zlib.NewReader(bytes.NewReader(o[m[4]:m[5]])); err == nil {
				if data, err := io.ReadAll(z); err == nil {
					o = slices.Concat(o[:m[0]], o[m[2]:m[3]], data)
				}
			}
		}
		s := fontID.ReplaceAllStringFunc(string(o), func(id string) string { return names[id] })
		if strings.Contains(s, "/ProcSet") {
			lines := strings.Split(s, "\n")
			slices.Sort(lines)
			s = strings.Join(lines, "\n")
		}
		out = append(out, s)
	}
	return out
}

// TestSubsetPDFIsWholeFacePDF: a PDF with the faces cut to its characters
// is the PDF with the whole faces embedded, object for object (streams
// inflated) but for the font resources' names, for the briefing and the
// annex, Chinese and English, of a national fixture.
func TestSubsetPDFIsWholeFacePDF(t *testing.T) {
	faces := mustFaces(t)
	c := national(t, 341)
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		o := briefing.Options{Lang: lang, Created: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)}
		doc, err := briefing.Build(c, o)
		if err != nil {
			t.Fatal(err)
		}
		annex, err := briefing.BuildAnnex(c, o)
		if err != nil {
			t.Fatal(err)
		}
		for name, d := range map[string]*document.Document{"briefing": doc, "annex": annex} {
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				whole, missed, err := renderPDFRunes(d, faces, false, nil)
				if err != nil || missed != nil {
					t.Fatal(err, missed)
				}
				sub, err := renderPDF(d, faces, false)
				if err != nil {
					t.Fatal(err)
				}
				a, b := pdfObjects(t, whole), pdfObjects(t, sub)
				if len(a) != len(b) || len(a) < 20 {
					t.Fatalf("subset PDF %d objects, whole-face PDF %d", len(b), len(a))
				}
				for i := range a {
					if a[i] != b[i] {
						t.Fatalf("object %d differs:\n%.300q\nwhole faces:\n%.300q", i+1, b[i], a[i])
					}
				}
			})
		}
	}
}

// TestSubsetMissRedraws: a character outside the subset is found and the
// PDF drawn again with it.
func TestSubsetMissRedraws(t *testing.T) {
	faces := mustFaces(t)
	doc := build(t, national(t, 31), vocab.Zh)
	runes := docRunes(doc)
	var without []rune
	for _, r := range runes {
		if r != '的' {
			without = append(without, r)
		}
	}
	_, missed, err := renderPDFRunes(doc, faces, false, without)
	if err != nil || len(missed) != 1 || missed[0] != '的' {
		t.Fatalf("missed %q (%v), want 的 once", string(missed), err)
	}
}
