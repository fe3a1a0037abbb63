package briefing

import (
	"testing"

	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// TestOneTableSizeNoGrey: every table is set at the type sheet's one size
// (a wide table and a small one alike, never under 9 pt), and notes,
// sources and items are black, not grey.
func TestOneTableSizeNoGrey(t *testing.T) {
	d := &pdfDoc{}
	for _, st := range []document.Style{document.Note, document.Source, document.Item, document.Body} {
		if p := d.style(st); p.colour != black {
			t.Errorf("style %d set in %v, want black", st, p.colour)
		}
	}
	doc, err := Build(scaled(t, 341, 0), testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	faces := mustFaces(t)
	pd := newPDFDoc(doc, faces, false)
	n := 0
	for _, b := range doc.Blocks {
		if tb, ok := b.(document.Table); ok {
			n++
			if got := pd.newTable(tb).size; got != document.TableSize || got < 9 {
				t.Errorf("%s %s set at %.1f pt, want %.1f", tb.Label, tb.Caption, got, document.TableSize)
			}
		}
	}
	if n < 3 {
		t.Errorf("%d tables", n)
	}
}

func mustFaces(tb testing.TB) *font.Set {
	tb.Helper()
	f, err := font.With(nil)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}
