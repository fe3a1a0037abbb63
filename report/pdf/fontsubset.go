package pdf

import (
	"bytes"

	"github.com/basebrief/basebrief/report/font"
)

// The PDF embeds each face as a subset of the characters it draws
// (font.Subset), not whole, and a face that draws nothing not at all:
// fpdf parses what it is given twice per PDF (when the font is added and
// when it is cut on output), hashes a JSON dump of its 65,536 widths for
// its font id, and on output deflates a 128 KB glyph map and the cut font
// with a fresh zlib writer each, for every face added to every briefing
// and annex, 31 times over with --slices (issue 25). What each face draws
// is what the layout drew with it (Layout): the PDF is the layout's
// recording played onto fpdf, so it draws those characters and no others.
// The glyphs fpdf cuts from a subset are the bytes it cuts from the whole
// face (font.Subset). Drawing a document directly (renderPDFRunes: the
// whole faces, and the tests' reference) checks every character drawn
// against its face's subset and reports one outside it.

// faceRunes are characters by the face that draws them.
type faceRunes map[*font.Face][]rune

// faceWidths are the faces' widths; nil if one's cannot be read.
func faceWidths(faces *font.Set) map[*font.Face]*font.Widths {
	out := map[*font.Face]*font.Widths{}
	for _, f := range faces.All() {
		w, err := f.PDFWidths()
		if err != nil {
			return nil
		}
		out[f] = w
	}
	return out
}

// isEmbedded reports whether f is added to the PDF (a pager has all).
func (d *pdfDoc) isEmbedded(f *font.Face) bool {
	if d.embedded == nil {
		return true
	}
	_, ok := d.embedded[f]
	return ok
}

// draws notes the characters of r as drawn by its face and reports whether
// the PDF can draw them, the face being embedded. A character outside the
// face's subset, or of a face not embedded, is missed, once.
func (d *pdfDoc) draws(r span) bool {
	set := d.drawn[r.face]
	if set == nil {
		set = make(allowed, 0x10000/64)
		d.drawn[r.face] = set
	}
	sub, embedded := d.embedded[r.face]
	for _, c := range r.text {
		if set.has(c) {
			continue
		}
		set.add(c)
		if d.embedded != nil && (!embedded || !sub.has(c)) {
			d.missed[r.face] = append(d.missed[r.face], c)
		}
	}
	return d.isEmbedded(r.face)
}

// faceBytes is what fpdf is given for f: its subset of runes, or (runes
// nil, or a face the subsetter cannot read) a copy of the whole face —
// a copy, since fpdf writes into the font it cuts.
func faceBytes(f *font.Face, runes []rune) []byte {
	if runes != nil {
		if b, err := f.Subset(runes); err == nil {
			return b
		}
	}
	return bytes.Clone(f.TTF)
}

// allowed is a set of characters: bit r of the Basic Multilingual Plane.
type allowed []uint64

func newAllowed(runes []rune) allowed {
	if runes == nil {
		return nil
	}
	a := make(allowed, 0x10000/64)
	for _, r := range runes {
		a.add(r)
	}
	return a
}

// has reports whether r is in the set; a nil set has every character.
func (a allowed) has(r rune) bool {
	return a == nil || r >= 0 && r < 0x10000 && a[r>>6]&(1<<(uint(r)&63)) != 0
}

func (a allowed) add(r rune) {
	if a != nil && r >= 0 && r < 0x10000 {
		a[r>>6] |= 1 << (uint(r) & 63)
	}
}

// runes lists the set's characters in order.
func (a allowed) runes() []rune {
	out := []rune{}
	for i, w := range a {
		for b := 0; w != 0; b, w = b+1, w>>1 {
			if w&1 != 0 {
				out = append(out, rune(i*64+b))
			}
		}
	}
	return out
}
