package chart

import (
	"math"
	"strings"
	"sync/atomic"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// measuredText is gonum/plot's text.Plain with each string's width
// measured once: gonum measures a tick label several times to place it
// (Style.Height and Rectangle measure it too), and font.Face.Width
// allocates a glyph buffer on each call (60 MB of the 31 province slices'
// charts, most of their garbage). Box and Draw are text.Plain's
// (gonum.org/v1/plot text/plain.go), the widths from width.
type measuredText struct{ text.Plain }

func (h measuredText) Box(txt string, fnt font.Font) (w, height, depth vg.Length) {
	face := h.Fonts.Lookup(fnt, fnt.Size)
	ext := face.Extents()
	return width(face, txt), ext.Ascent, ext.Descent
}

func (h measuredText) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if len(txt) == 0 {
		return
	}
	fnt := h.Fonts.Lookup(sty.Font, sty.Font.Size)
	c.SetColor(sty.Color)
	if sty.Rotation != 0 {
		c.Push()
		c.Rotate(sty.Rotation)
	}
	sin64, cos64 := math.Sincos(sty.Rotation)
	cos := vg.Length(cos64)
	sin := vg.Length(sin64)
	pt.X, pt.Y = pt.Y*sin+pt.X*cos, pt.Y*cos-pt.X*sin
	lines := h.Lines(txt)
	ht := sty.Height(txt)
	pt.Y += ht*vg.Length(sty.YAlign) - fnt.Extents().Ascent
	for i, line := range lines {
		xoffs := vg.Length(sty.XAlign) * width(fnt, line)
		n := vg.Length(len(lines) - i)
		c.FillString(fnt, pt.Add(vg.Point{X: xoffs, Y: n * sty.Font.Size}), line)
	}
	if sty.Rotation != 0 {
		c.Pop()
	}
}

// widths keeps font.Face.Width's results from chart to chart and render to
// render (tick labels, titles and place names come back in every slice),
// up to maxWidths of them; past that a width is measured each time. A
// cache, not a sync.Map: its key, boxed into an interface, was an
// allocation per text measured, and hashed field by field (the whole
// font.Font, strings and a float).
var (
	widths    cache[widthKey, vg.Length]
	widthsLen atomic.Int64
)

const maxWidths = 1 << 16

// widthKey is what Width reads of a face (gonum.org/v1/plot font.go): its
// font and size (float64 bits), and the text.
type widthKey struct {
	face *sfnt.Font
	size uint64
	s    string
}

// width is face.Width(s), from widths if it is there.
func width(face font.Face, s string) vg.Length {
	key := widthKey{face.Face, math.Float64bits(float64(face.Font.Size)), s}
	shard := uint(len(s))
	if len(s) > 0 {
		shard += uint(s[len(s)-1])
	}
	if w, ok := widths.load(shard, key); ok {
		return w
	}
	w := face.Width(s)
	if widthsLen.Load() < maxWidths {
		if _, loaded := widths.loadOrStore(shard, key, w); !loaded {
			widthsLen.Add(1)
		}
	}
	return w
}
