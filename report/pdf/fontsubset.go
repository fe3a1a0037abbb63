package pdf

import (
	"bytes"
	"reflect"
	"slices"

	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// The PDF embeds each face as a subset of the characters its document
// can set (font.Subset), not whole: fpdf parses what it is given twice
// per PDF (when the font is added and when it is cut on output), and the
// whole faces cost that for every briefing and annex, 31 times over with
// --slices. The characters are read from the document before drawing;
// runs checks every character measured or drawn against them, and a
// character outside them (text the renderer adds itself) means the PDF
// is drawn again with it added, so no width or glyph differs from a PDF
// of the whole faces (whose cut glyphs are these bytes: font.Subset).

// maxSubsetTries bounds the redraws before the whole faces are embedded.
const maxSubsetTries = 4

// docRunes lists the distinct characters of every string in doc (found by
// walking its fields, so a field added later is not missed), with Latin-1
// (fpdf lists the widths of 1–255 whatever the text) and what the
// renderer itself sets: the page number's dashes and the missing mark.
func docRunes(doc *document.Document) []rune {
	seen := map[rune]bool{'—': true, missingMark: true}
	for r := rune(0); r < 256; r++ {
		seen[r] = true
	}
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.String:
			for _, r := range v.String() {
				seen[r] = true
			}
		case reflect.Struct:
			for i := range v.NumField() {
				walk(v.Field(i))
			}
		case reflect.Slice, reflect.Array:
			if v.Type().Elem().Kind() == reflect.Uint8 {
				return // image bytes
			}
			for i := range v.Len() {
				walk(v.Index(i))
			}
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Map:
			it := v.MapRange()
			for it.Next() {
				walk(it.Key())
				walk(it.Value())
			}
		}
	}
	walk(reflect.ValueOf(doc))
	out := make([]rune, 0, len(seen))
	for r := range seen {
		out = append(out, r)
	}
	slices.Sort(out)
	return out
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
		if r >= 0 && r < 0x10000 {
			a[r>>6] |= 1 << (uint(r) & 63)
		}
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
