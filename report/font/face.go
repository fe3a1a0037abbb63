package font

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"os"
	"sync"

	"golang.org/x/image/font/sfnt"
)

//go:embed wqy-microhei.ttf
var wqyMicroHei []byte

// Face is a parsed TrueType face with its raw bytes (for the PDF, which
// embeds a subset) and its outlines (for charts and SVG text).
type Face struct {
	Name string // family name, e.g. "WenQuanYi Micro Hei"
	TTF  []byte
	Font *sfnt.Font

	once sync.Once
	has  []uint64 // bit r: the face has a glyph for rune r (BMP only)

	cutOnce sync.Once // Subset reads the face once, for every PDF of the run
	cut     *cutter
	cutErr  error

	widthsOnce sync.Once // PDFWidths, once for the run
	widths     *Widths
	widthsErr  error
}

// probe holds characters every face must draw: the mixed strings of the
// default data (Chinese, Latin letters, digits, punctuation).
const probe = "成都重庆新的社会阶层人士MFG创客联邦1A+6S0123456789万%，。（）—"

var (
	defaultOnce sync.Once
	defaultFace *Face
	defaultErr  error
)

// Default returns the embedded WenQuanYi Micro Hei face.
func Default() (*Face, error) {
	defaultOnce.Do(func() {
		defaultFace, defaultErr = Parse("WenQuanYi Micro Hei", wqyMicroHei)
	})
	return defaultFace, defaultErr
}

// Load reads a TrueType file given with --font. An empty path is Default.
func Load(path string) (*Face, error) {
	if path == "" {
		return Default()
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read font %s: %w", path, err)
	}
	f, err := Parse(path, b)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", path, err)
	}
	return f, nil
}

// Parse checks that b is a single TrueType (glyf) face that draws Chinese,
// Latin letters and digits, and parses it.
func Parse(name string, b []byte) (*Face, error) {
	switch {
	case len(b) < 12:
		return nil, errors.New("not a font file (too short)")
	case bytes.HasPrefix(b, []byte("ttcf")):
		return nil, errors.New("a TrueType collection (.ttc) cannot be embedded; extract one face to a .ttf (see README)")
	case bytes.HasPrefix(b, []byte("OTTO")):
		return nil, errors.New("an OpenType/CFF font cannot be embedded in the PDF; use a TrueType (glyf) font")
	case !bytes.HasPrefix(b, []byte{0, 1, 0, 0}) && !bytes.HasPrefix(b, []byte("true")):
		return nil, errors.New("not a TrueType font")
	}
	if err := checkTables(b); err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(b)
	if err != nil {
		return nil, fmt.Errorf("parse TrueType: %w", err)
	}
	face := &Face{Name: name, TTF: b, Font: f}
	if fam, err := f.Name(nil, sfnt.NameIDFamily); err == nil && fam != "" {
		face.Name = fam
	}
	if missing := face.Missing(probe); len(missing) > 0 {
		return nil, fmt.Errorf("font has no glyphs for %q: it cannot render the briefing's Chinese and Latin text", string(missing))
	}
	return face, nil
}

// Missing returns the distinct runes of s the face has no glyph for
// (spaces and control characters are ignored).
func (f *Face) Missing(s string) []rune {
	var buf sfnt.Buffer
	var out []rune
	seen := map[rune]bool{}
	for _, r := range s {
		if r <= ' ' || seen[r] {
			continue
		}
		seen[r] = true
		if gi, err := f.Font.GlyphIndex(&buf, r); err != nil || gi == 0 {
			out = append(out, r)
		}
	}
	return out
}
