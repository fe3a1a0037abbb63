package chart

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// matrix is an affine transform: x' = a*x + c*y + e, y' = b*x + d*y + f.
type matrix [6]float64

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[2]*n[1],
		m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3],
		m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4],
		m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

func (m matrix) apply(p vg.Point) (x, y float64) {
	px, py := float64(p.X), float64(p.Y)
	return m[0]*px + m[2]*py + m[4], m[1]*px + m[3]*py + m[5]
}

// scale is the transform's mean linear scale, for line widths.
func (m matrix) scale() float64 { return math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2])) }

type svgState struct {
	ctm   matrix
	color color.Color
	width vg.Length
	dash  []vg.Length
	offs  vg.Length
}

// svgCanvas is a vg.Canvas that writes SVG with text as glyph outlines:
// each glyph used is defined once in <defs> (in font units) and placed with
// <use>, so the file stays small and needs no font on the viewer's machine.
// Output is deterministic: numbers are rounded to 0.01 and written in their
// shortest form, glyphs are numbered in order of first use.
type svgCanvas struct {
	w, h   vg.Length
	stack  []svgState
	body   bytes.Buffer
	glyphs *glyphSet
}

var _ vg.CanvasSizer = (*svgCanvas)(nil)

func newSVG(w, h vg.Length) *svgCanvas {
	c := &svgCanvas{w: w, h: h, glyphs: newGlyphSet()}
	c.stack = []svgState{{ctm: matrix{1, 0, 0, -1, 0, float64(h)}, color: color.Black, width: 1}}
	// A slice's chart body is 40–60 kB: grown once here, not doubled
	// there from nothing (a fifth of drawing an SVG went to growing it).
	c.body.Grow(bodyHint)
	return c
}

// bodyHint is the room an SVG's body starts with.
const bodyHint = 64 << 10

func (c *svgCanvas) top() *svgState           { return &c.stack[len(c.stack)-1] }
func (c *svgCanvas) Size() (w, h vg.Length)   { return c.w, c.h }
func (c *svgCanvas) SetLineWidth(w vg.Length) { c.top().width = w }
func (c *svgCanvas) SetLineDash(p []vg.Length, o vg.Length) {
	c.top().dash, c.top().offs = append([]vg.Length(nil), p...), o
}

func (c *svgCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	c.top().color = clr
}

func (c *svgCanvas) Rotate(rad float64) {
	s, co := math.Sincos(rad)
	c.top().ctm = c.top().ctm.mul(matrix{co, s, -s, co, 0, 0})
}

func (c *svgCanvas) Translate(pt vg.Point) {
	c.top().ctm = c.top().ctm.mul(matrix{1, 0, 0, 1, float64(pt.X), float64(pt.Y)})
}

func (c *svgCanvas) Scale(x, y float64) {
	c.top().ctm = c.top().ctm.mul(matrix{x, 0, 0, y, 0, 0})
}

func (c *svgCanvas) Push() {
	s := *c.top()
	s.dash = append([]vg.Length(nil), s.dash...)
	c.stack = append(c.stack, s)
}

func (c *svgCanvas) Pop() {
	if len(c.stack) > 1 {
		c.stack = c.stack[:len(c.stack)-1]
	}
}

func (c *svgCanvas) Fill(p vg.Path) {
	if flat(p) {
		return
	}
	b := &c.body
	mark := b.Len()
	b.WriteString("<path d=\"")
	if !c.pathData(p) {
		b.Truncate(mark)
		return
	}
	b.WriteByte('"')
	writePaint(b, "fill", c.top().color)
	b.WriteString("/>\n")
}

func (c *svgCanvas) Stroke(p vg.Path) {
	st := c.top()
	if st.width <= 0 {
		return
	}
	b := &c.body
	mark := b.Len()
	b.WriteString("<path d=\"")
	if !c.pathData(p) {
		b.Truncate(mark)
		return
	}
	k := st.ctm.scale()
	b.WriteString("\" fill=\"none\"")
	writePaint(b, "stroke", st.color)
	b.WriteString(" stroke-width=\"")
	writeNum(b, float64(st.width)*k, 100)
	b.WriteByte('"')
	if len(st.dash) > 0 {
		parts := make([]string, len(st.dash))
		for i, l := range st.dash {
			parts[i] = num(float64(l) * k)
		}
		fmt.Fprintf(&c.body, " stroke-dasharray=\"%s\" stroke-dashoffset=\"%s\"", strings.Join(parts, " "), num(float64(st.offs)*k))
	}
	c.body.WriteString("/>\n")
}

// flat reports whether p is a polygon with no area (a zero-length bar,
// which gonum/plot's bar charts draw for a zero value): filling it paints
// nothing, and writing it would only grow the file.
func flat(p vg.Path) bool {
	if len(p) == 0 {
		return true
	}
	first := p[0].Pos
	sameX, sameY := true, true
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp, vg.LineComp:
			sameX = sameX && comp.Pos.X == first.X
			sameY = sameY && comp.Pos.Y == first.Y
		case vg.CloseComp:
		default:
			return false
		}
	}
	return sameX || sameY
}

// pathData writes p in SVG coordinates to the body, and reports whether it
// wrote anything; arcs become line segments, which is exact enough at print
// size and keeps the writer simple.
func (c *svgCanvas) pathData(p vg.Path) bool {
	m := c.top().ctm
	b := &c.body
	start := b.Len()
	pt := func(cmd string, q vg.Point) {
		x, y := m.apply(q)
		b.WriteString(cmd)
		writeNum(b, x, 100)
		b.WriteByte(' ')
		writeNum(b, y, 100)
	}
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			pt("M", comp.Pos)
		case vg.LineComp:
			pt("L", comp.Pos)
		case vg.CurveComp:
			switch len(comp.Control) {
			case 1:
				pt("Q", comp.Control[0])
				pt(" ", comp.Pos)
			case 2:
				pt("C", comp.Control[0])
				pt(" ", comp.Control[1])
				pt(" ", comp.Pos)
			}
		case vg.ArcComp:
			n := int(math.Ceil(math.Abs(comp.Angle) / (math.Pi / 32)))
			for i := 0; i <= n; i++ {
				a := comp.Start + comp.Angle*float64(i)/float64(max(n, 1))
				q := vg.Point{X: comp.Pos.X + comp.Radius*vg.Length(math.Cos(a)), Y: comp.Pos.Y + comp.Radius*vg.Length(math.Sin(a))}
				cmd := "L"
				if i == 0 && b.Len() == start {
					cmd = "M"
				}
				pt(cmd, q)
			}
		case vg.CloseComp:
			b.WriteString("Z")
		}
	}
	return b.Len() > start
}

// FillString places each glyph of text as a <use> of its outline.
func (c *svgCanvas) FillString(f font.Face, pt vg.Point, text string) {
	if f.Font.Size == 0 || f.Face == nil || text == "" {
		return
	}
	k := float64(f.Font.Size) / float64(f.Face.UnitsPerEm())
	placed := c.glyphs.layout(f.Face, text)
	if len(placed) == 0 {
		return
	}
	st := c.top()
	b := &c.body
	b.WriteString("<g")
	writePaint(b, "fill", st.color)
	b.WriteByte('>')
	for _, g := range placed {
		// Glyph outlines are in font units with y down; place the origin
		// on the baseline and scale by size/em, flipping y into vg space.
		local := matrix{k, 0, 0, -k, float64(pt.X) + g.x*k, float64(pt.Y)}
		m := st.ctm.mul(local)
		if m[1] == 0 && m[2] == 0 && m[0] == m[3] {
			b.WriteString("<use xlink:href=\"#")
			b.WriteString(g.id)
			b.WriteString("\" transform=\"translate(")
			writeNum(b, m[4], 100)
			b.WriteByte(' ')
			writeNum(b, m[5], 100)
			b.WriteString(") scale(")
			writeNum(b, m[0], 10000)
			b.WriteString(")\"/>")
		} else {
			fmt.Fprintf(&c.body, "<use xlink:href=\"#%s\" transform=\"matrix(%s %s %s %s %s %s)\"/>", g.id,
				num4(m[0]), num4(m[1]), num4(m[2]), num4(m[3]), num(m[4]), num(m[5]))
		}
	}
	c.body.WriteString("</g>\n")
}

// DrawImage embeds img as a PNG data URI (unused by the charts, here to
// complete vg.Canvas).
func (c *svgCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return
	}
	x0, y0 := c.top().ctm.apply(rect.Min)
	x1, y1 := c.top().ctm.apply(rect.Max)
	fmt.Fprintf(&c.body, "<image x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,%s\"/>\n",
		num(math.Min(x0, x1)), num(math.Min(y0, y1)), num(math.Abs(x1-x0)), num(math.Abs(y1-y0)), base64.StdEncoding.EncodeToString(buf.Bytes()))
}

// WriteTo writes the whole document.
func (c *svgCanvas) WriteTo(w io.Writer) (int64, error) {
	W, H := num(float64(c.w)), num(float64(c.h))
	head := "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
		fmt.Sprintf("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\" width=\"%spt\" height=\"%spt\" viewBox=\"0 0 %s %s\">\n", W, H, W, H)
	rect := fmt.Sprintf("<rect width=\"%s\" height=\"%s\" fill=\"#ffffff\"/>\n", W, H)
	const end = "</svg>\n"
	// Everything goes straight to w, grown once if it can be: the glyph
	// definitions (a few hundred kilobytes of outlines) were written into
	// a buffer of their own, grown step by step, then copied.
	if g, ok := w.(interface{ Grow(int) }); ok {
		g.Grow(len(head) + c.glyphs.defsLen() + len(rect) + c.body.Len() + len(end))
	}
	cw := &countingWriter{w: w}
	cw.WriteString(head)
	c.glyphs.writeDefs(cw)
	cw.WriteString(rect)
	cw.Write(c.body.Bytes())
	cw.WriteString(end)
	return cw.n, cw.err
}

// countingWriter counts what it writes to w and keeps its first error,
// after which it writes nothing.
type countingWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}

func (c *countingWriter) WriteString(s string) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := io.WriteString(c.w, s)
	c.n += int64(n)
	c.err = err
	return n, err
}

// paint writes a fill or stroke colour attribute, with its opacity when
// not opaque.
func paint(attr string, clr color.Color) string {
	r, g, b, a := clr.RGBA()
	if a == 0 {
		return fmt.Sprintf(" %s=\"none\"", attr)
	}
	// Un-premultiply and round to 8 bits, so the hex colour is the one the
	// chart asked for (0xe3e3 is #e3, not #e4).
	un := func(v uint32) uint32 { return (v*0xffff/a*0xff + 0x7fff) / 0xffff }
	s := fmt.Sprintf(" %s=\"#%02x%02x%02x\"", attr, min(un(r), 255), min(un(g), 255), min(un(b), 255))
	if a != 0xffff {
		s += fmt.Sprintf(" %s-opacity=\"%s\"", attr, num4(float64(a)/0xffff))
	}
	return s
}

// writePaint writes paint(attr, clr) to b; a colour of the charts' own (opaque)
// without formatting.
func writePaint(b *bytes.Buffer, attr string, clr color.Color) {
	r, g, bl, a := clr.RGBA()
	if a != 0xffff {
		b.WriteString(paint(attr, clr))
		return
	}
	// Opaque: un-premultiplying is (v·0xff + 0x7fff) / 0xffff, v's high byte.
	const hex = "0123456789abcdef"
	b.WriteByte(' ')
	b.WriteString(attr)
	b.WriteString("=\"#")
	for _, v := range [3]uint32{r, g, bl} {
		v = min((v*0xff+0x7fff)/0xffff, 255)
		b.WriteByte(hex[v>>4])
		b.WriteByte(hex[v&15])
	}
	b.WriteByte('"')
}

// writeNum writes roundTo(v, k) to b without making a string.
func writeNum(b *bytes.Buffer, v, k float64) {
	r := math.Round(v*k) / k
	if r == 0 {
		b.WriteByte('0')
		return
	}
	var tmp [32]byte
	b.Write(strconv.AppendFloat(tmp[:0], r, 'f', -1, 64))
}

// num writes v rounded to 0.01 in its shortest form (deterministic, no -0).
func num(v float64) string { return roundTo(v, 100) }

// num4 is num with four decimals, for scale factors.
func num4(v float64) string { return roundTo(v, 10000) }

func roundTo(v, k float64) string {
	r := math.Round(v*k) / k
	if r == 0 {
		return "0"
	}
	return strconv.FormatFloat(r, 'f', -1, 64)
}
