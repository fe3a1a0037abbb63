package chart

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"

	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// placed is one glyph of a laid-out string: its <defs> id and its pen
// position in font units.
type placed struct {
	id string
	x  float64
}

type glyphKey struct {
	font *sfnt.Font
	idx  sfnt.GlyphIndex
}

// glyphSet collects the outlines a document uses, in order of first use.
type glyphSet struct {
	buf   sfnt.Buffer
	ids   map[glyphKey]string // "" for a glyph with no outline (space)
	order []glyphDef
}

// A glyphDef is an outline's <defs> id and path data.
type glyphDef struct{ id, path string }

// newGlyphSet makes room for glyphsHint glyphs: a chart's SVG defines
// 59–119 (the national packet and its slices), and the maps grown from
// nothing were a third of defining them.
func newGlyphSet() *glyphSet {
	return &glyphSet{ids: make(map[glyphKey]string, glyphsHint), order: make([]glyphDef, 0, glyphsHint)}
}

const glyphsHint = 128

// glyphIDs are the first ids, made once: "g0", "g1", …
var glyphIDs = func() (ids [glyphsHint]string) {
	for i := range ids {
		ids[i] = "g" + strconv.Itoa(i)
	}
	return ids
}()

// layout places the glyphs of text the way gonum/plot's font.Face.Width
// measures it (unhinted advances plus kerning, in font units), so SVG text
// lines up with the widths the layout was computed from.
func (s *glyphSet) layout(f *sfnt.Font, text string) []placed {
	var out []placed
	for _, g := range s.run(f, text) {
		if id := s.define(f, g.idx); id != "" {
			out = append(out, placed{id: id, x: g.x})
		}
	}
	return out
}

// A glyphPos is a glyph of a laid-out string and its pen position in font
// units.
type glyphPos struct {
	idx sfnt.GlyphIndex
	x   float64
}

type runKey struct {
	font *sfnt.Font
	text string
}

// runs keeps each text's laid-out glyphs from chart to chart and render to
// render (titles, ticks, legends and place names come back in every
// slice), up to maxRuns texts; past that a text is laid out each time.
var (
	runs    cache[runKey, []glyphPos]
	runsLen atomic.Int64
)

const maxRuns = 1 << 14

// run is text's glyphs and pen positions, from runs if it is there.
func (s *glyphSet) run(f *sfnt.Font, text string) []glyphPos {
	key := runKey{f, text}
	shard := uint(len(text))
	if len(text) > 0 {
		shard += uint(text[len(text)-1])
	}
	if r, ok := runs.load(shard, key); ok {
		return r
	}
	ppem := fixed.Int26_6(f.UnitsPerEm()) // raw values are then font units
	var out []glyphPos
	x := 0
	var prev sfnt.GlyphIndex
	for i, r := range text {
		idx, err := f.GlyphIndex(&s.buf, r)
		if err != nil {
			continue
		}
		if i > 0 {
			if k, err := f.Kern(&s.buf, prev, idx, ppem, xfont.HintingNone); err == nil {
				x += int(k)
			}
		}
		out = append(out, glyphPos{idx, float64(x)})
		adv, err := f.GlyphAdvance(&s.buf, idx, ppem, xfont.HintingNone)
		if err == nil {
			x += int(adv)
		}
		prev = idx
	}
	if runsLen.Load() < maxRuns {
		if _, loaded := runs.loadOrStore(shard, key, out); !loaded {
			runsLen.Add(1)
		}
	}
	return out
}

// define returns the id of glyph idx, loading its outline on first use.
func (s *glyphSet) define(f *sfnt.Font, idx sfnt.GlyphIndex) string {
	key := glyphKey{f, idx}
	if id, ok := s.ids[key]; ok {
		return id
	}
	d, err := outlineOf(&s.buf, f, idx)
	if err != nil || d == "" {
		s.ids[key] = ""
		return ""
	}
	var id string
	if n := len(s.order); n < len(glyphIDs) {
		id = glyphIDs[n]
	} else {
		id = "g" + strconv.Itoa(n)
	}
	s.ids[key] = id
	s.order = append(s.order, glyphDef{id, d})
	return id
}

// outlines keeps every glyph's path data once made: each chart's SVG
// defines the glyphs it uses, and with --slices 224 SVGs used mostly the
// same few hundred. A cache, not a sync.Map, whose key boxed into an
// interface was an allocation per glyph defined.
var outlines cache[glyphKey, string]

func outlineOf(buf *sfnt.Buffer, f *sfnt.Font, idx sfnt.GlyphIndex) (string, error) {
	key := glyphKey{f, idx}
	if d, ok := outlines.load(uint(idx), key); ok {
		return d, nil
	}
	d, err := outline(buf, f, idx)
	if err == nil {
		outlines.loadOrStore(uint(idx), key, d)
	}
	return d, err
}

// outline writes a glyph's segments as SVG path data in font units, y down
// (sfnt's convention, and SVG's).
func outline(buf *sfnt.Buffer, f *sfnt.Font, idx sfnt.GlyphIndex) (string, error) {
	segs, err := f.LoadGlyph(buf, idx, fixed.Int26_6(f.UnitsPerEm()), nil)
	if err != nil {
		if errors.Is(err, sfnt.ErrNotFound) {
			return "", nil
		}
		return "", fmt.Errorf("load glyph %d: %w", idx, err)
	}
	var b strings.Builder
	open := false
	for _, sg := range segs {
		switch sg.Op {
		case sfnt.SegmentOpMoveTo:
			if open {
				b.WriteByte('Z')
			}
			b.WriteByte('M')
			writePts(&b, sg.Args[:1])
			open = true
		case sfnt.SegmentOpLineTo:
			b.WriteByte('L')
			writePts(&b, sg.Args[:1])
		case sfnt.SegmentOpQuadTo:
			b.WriteByte('Q')
			writePts(&b, sg.Args[:2])
		case sfnt.SegmentOpCubeTo:
			b.WriteByte('C')
			writePts(&b, sg.Args[:3])
		}
	}
	if open {
		b.WriteByte('Z')
	}
	return b.String(), nil
}

// writePts writes points whose raw 26.6 values are font units; TrueType
// points are whole units, implied on-curve points may be halves.
func writePts(b *strings.Builder, pts []fixed.Point26_6) {
	for i, p := range pts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(num(float64(p.X)))
		b.WriteByte(' ')
		b.WriteString(num(float64(p.Y)))
	}
}

// writeDefs writes the outlines used, in order of first use, for the
// body's <use> elements.
func (s *glyphSet) writeDefs(w io.StringWriter) {
	if len(s.order) == 0 {
		return
	}
	w.WriteString(defsStart)
	for _, g := range s.order {
		w.WriteString(pathStart)
		w.WriteString(g.id)
		w.WriteString(pathMid)
		w.WriteString(g.path)
		w.WriteString(pathEnd)
	}
	w.WriteString(defsEnd)
}

const (
	defsStart, defsEnd          = "<defs>\n", "</defs>\n"
	pathStart, pathMid, pathEnd = "<path id=\"", "\" d=\"", "\"/>\n"
)

// defsLen is the length of what writeDefs writes.
func (s *glyphSet) defsLen() int {
	if len(s.order) == 0 {
		return 0
	}
	n := len(defsStart) + len(defsEnd)
	for _, g := range s.order {
		n += len(pathStart) + len(g.id) + len(pathMid) + len(g.path) + len(pathEnd)
	}
	return n
}
