package pdf

import (
	"bytes"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
	"github.com/basebrief/basebrief/report/briefing"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// The briefings the tests draw: the embedded default data and a national
// sample of n cities, built by report/briefing as the packet builds them.
func western(tb testing.TB) *analysis.Comparison {
	tb.Helper()
	d, err := input.Load(defaultdata.FS, input.Options{})
	if err != nil {
		tb.Fatalf("load the default dataset: %v", err)
	}
	return compare(tb, d)
}

func national(tb testing.TB, n int) *analysis.Comparison {
	tb.Helper()
	return compare(tb, sample.National(sample.Options{Previous: true, Cities: n}))
}

func compare(tb testing.TB, d *analysis.Dataset) *analysis.Comparison {
	tb.Helper()
	c, err := analysis.Compare(d, "")
	if err != nil {
		tb.Fatalf("compare: %v", err)
	}
	return c
}

func build(tb testing.TB, c *analysis.Comparison, lang vocab.Lang) *document.Document {
	tb.Helper()
	doc, err := briefing.Build(c, briefing.Options{Lang: lang, Created: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		tb.Fatal(err)
	}
	return doc
}

func write(tb testing.TB, doc *document.Document, opts Options) []byte {
	tb.Helper()
	var b bytes.Buffer
	if err := Write(&b, doc, opts); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func mustFaces(tb testing.TB) *font.Set {
	tb.Helper()
	f, err := font.With(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// drawnRunes lays doc out without drawing it and returns the characters
// each face draws, page numbers included; a face that draws nothing is
// absent. An error: a face's widths cannot be read. (The PDF takes them
// from its Layout; the tests ask for them alone.)
func drawnRunes(doc *document.Document, faces *font.Set) (faceRunes, error) {
	l, err := lay(doc, faces)
	if err != nil {
		return nil, err
	}
	return l.runes, nil
}

// newPDFDoc is the PDF of doc, each face it draws embedded as the subset
// of what it draws, to be drawn directly (not from a Layout).
func newPDFDoc(doc *document.Document, faces *font.Set, compress bool) *pdfDoc {
	runes, err := drawnRunes(doc, faces)
	if err != nil {
		runes = nil // whole faces
	}
	return newPDFDocRunes(doc, faces, compress, runes)
}
