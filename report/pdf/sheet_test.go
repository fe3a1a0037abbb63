package pdf

import (
	"testing"

	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
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
	doc := build(t, national(t, 341), vocab.Zh)
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
