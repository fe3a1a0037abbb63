package font

import (
	"errors"
	"math"
)

// Widths are a face's character widths as the PDF library measures them
// (codeberg.org/go-pdf/fpdf v0.12.0, utf8fontfile.go parseHMTXTable, and
// GetStringSymbolWidth in fpdf.go): report/pdf lays a document out with
// them to count its pages without adding the face to a PDF, which costs
// fpdf a parse of the face per document.
type Widths struct {
	// Char is fpdf's CharWidths: thousandths of an em for every rune of
	// the BMP, rounded; 65535 for a glyph of no advance; 0 for a rune the
	// face does not map (or maps to glyph 0). Char[0] is left 0: fpdf
	// puts a count of characters there, which differs between a face and
	// its subsets.
	Char []int
	// Missing is fpdf's MissingWidth: glyph 0's advance, rounded.
	Missing int
}

// PDFWidths returns the face's widths, read once for the run (from the
// table directory, character map and metrics Subset reads).
func (f *Face) PDFWidths() (*Widths, error) {
	f.readCutter()
	if f.cutErr != nil {
		return nil, f.cutErr
	}
	f.widthsOnce.Do(func() { f.widths, f.widthsErr = f.cut.widths() })
	return f.widths, f.widthsErr
}

// widths computes fpdf's table step for step: a glyph's advance from its
// long metric, the last long metric's for the glyphs after them, an
// advance of 2^15 or more read as 0 (only where fpdf clamps it: a glyph
// some rune maps to, or glyph 0).
func (c *cutter) widths() (w *Widths, err error) {
	defer func() {
		if r := recover(); r != nil { // tables too short for what they declare
			w, err = nil, errors.New("widths: the face's metrics cannot be read")
		}
	}()
	b := c.ttf
	unitsPerEm := int(be16(b, c.tables["head"][0]+18))
	numGlyphs := int(be16(b, c.tables["maxp"][0]+4))
	if unitsPerEm == 0 || c.hMetrics == 0 {
		return nil, errors.New("widths: no units per em or no horizontal metrics")
	}
	scale := 1000.0 / float64(unitsPerEm)
	hmtx := c.tables["hmtx"][0]
	used := make([]bool, max(numGlyphs, c.hMetrics))
	for r := range 0x10000 { // fpdf lists 0 and U+FFFF among a glyph's runes too
		if c.mapped[r] && int(c.glyph[r]) < len(used) {
			used[c.glyph[r]] = true
		}
	}
	advance := make([]int, len(used)) // by glyph; -1: no width
	last := 0
	for g := range used {
		if g < c.hMetrics {
			last = int(be16(b, hmtx+4*g))
			if (used[g] || g == 0) && last >= 1<<15 {
				last = 0
			}
		} else if g >= numGlyphs {
			advance[g] = -1
			continue
		}
		advance[g] = last
	}
	w = &Widths{Char: make([]int, 0x10000), Missing: int(math.Round(scale * float64(advance[0])))}
	for r := 1; r < 0xFFFF; r++ {
		g := int(c.glyph[r])
		if !c.mapped[r] || g == 0 || g >= len(advance) || advance[g] < 0 {
			continue
		}
		n := int(math.Round(scale * float64(advance[g])))
		if n == 0 {
			n = 65535
		}
		w.Char[r] = n
	}
	return w, nil
}

// Measure is fpdf's GetStringSymbolWidth of s in these widths: thousandths
// of an em (times the size in points, over 1000, is the width in points).
func (w *Widths) Measure(s string) int {
	n := 0
	for _, r := range s {
		n += w.Rune(r)
	}
	return n
}

// Rune is what r adds to Measure.
func (w *Widths) Rune(r rune) int {
	switch {
	case r >= 0 && r < rune(len(w.Char)) && w.Char[r] > 0:
		if w.Char[r] != 65535 {
			return w.Char[r]
		}
		return 0
	case w.Missing != 0:
		return w.Missing
	}
	return 500
}
