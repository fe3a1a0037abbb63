package chart

import (
	"image"

	ftraster "github.com/golang/freetype/raster"
	"golang.org/x/image/math/fixed"
	"gonum.org/v1/plot/vg"
)

// fastFill switches pngCanvas's own filling of straight-edged paths; the
// test turns it off to compare with vgimg's.
var fastFill = true

// Fill fills p as vgimg does (vgimg.Canvas.Fill, then gg's MoveTo, LineTo,
// ClosePath and Fill: git.sr.ht/~sbinet/gg context.go): the same points,
// transformed by the context's matrix and rounded to 26.6 fixed point, the
// same path, rasterised by freetype's rasteriser with the non-zero rule.
// Only the painting differs: gg's RGBAPainter blends every pixel of every
// span with 16-bit arithmetic, where a bar's inside is whole spans of full
// coverage in an opaque colour, whose blend is that colour; fillPainter
// writes those at once and blends the rest with RGBAPainter's arithmetic
// (the same bytes: TestFastFill). Paths with arcs or curves go to vgimg.
func (c *pngCanvas) Fill(p vg.Path) {
	st := c.top()
	if !fastFill || st.color == nil || !straight(p) {
		c.Canvas.Fill(p)
		return
	}
	dpi := c.DPI()
	c.path = c.path[:0]
	var start fixed.Point26_6
	open := false // gg's hasCurrent
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			if open {
				c.path.Add1(start)
			}
			start = c.point(comp.Pos.X.Dots(dpi), comp.Pos.Y.Dots(dpi))
			c.path.Start(start)
			open = true
		case vg.LineComp:
			q := c.point(comp.Pos.X.Dots(dpi), comp.Pos.Y.Dots(dpi))
			if !open {
				start = q
				c.path.Start(q)
				open = true
				continue
			}
			c.path.Add1(q)
		case vg.CloseComp:
			if open {
				c.path.Add1(start)
			}
		}
	}
	if open { // gg's fill closes the last subpath
		c.path.Add1(start)
	}
	if c.rast == nil {
		b := c.img.Bounds().Size()
		c.rast = ftraster.NewRasterizer(b.X, b.Y)
	}
	c.rast.UseNonZeroWinding = true // gg's default fill rule, which vgimg keeps
	c.rast.Clear()
	c.rast.AddPath(c.path)
	r, g, b, a := st.color.RGBA()
	c.rast.Rasterize(&fillPainter{img: c.img, cr: r, cg: g, cb: b, ca: a})
}

// point is gg's transform of (x, y) by the context's matrix, then its
// Point.Fixed.
func (c *pngCanvas) point(x, y float64) fixed.Point26_6 {
	x, y = c.ctx.TransformPoint(x, y)
	return fixed.Point26_6{X: fix(x), Y: fix(y)}
}

// straight reports whether p has only moves, lines and closes.
func straight(p vg.Path) bool {
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp, vg.LineComp, vg.CloseComp:
		default:
			return false
		}
	}
	return true
}

// fillPainter is freetype's RGBAPainter with draw.Over (raster/paint.go),
// writing a span of full coverage in an opaque colour as that colour.
type fillPainter struct {
	img            *image.RGBA
	cr, cg, cb, ca uint32
}

func (r *fillPainter) Paint(ss []ftraster.Span, done bool) {
	b := r.img.Bounds()
	const m = 1<<16 - 1
	for _, s := range ss {
		if s.Y < b.Min.Y {
			continue
		}
		if s.Y >= b.Max.Y {
			return
		}
		s.X0, s.X1 = max(s.X0, b.Min.X), min(s.X1, b.Max.X)
		if s.X0 >= s.X1 {
			continue
		}
		ma := s.Alpha
		i0 := (s.Y-r.img.Rect.Min.Y)*r.img.Stride + (s.X0-r.img.Rect.Min.X)*4
		pix := r.img.Pix[i0 : i0+(s.X1-s.X0)*4]
		if ma == m && r.ca == m {
			// RGBAPainter's a is (m − m)·0x101 = 0: each byte is c·m/m >> 8.
			pix[0], pix[1], pix[2], pix[3] = uint8(r.cr>>8), uint8(r.cg>>8), uint8(r.cb>>8), uint8(r.ca>>8)
			for k := 4; k < len(pix); k *= 2 {
				copy(pix[k:], pix[:k])
			}
			continue
		}
		a := (m - (r.ca * ma / m)) * 0x101
		for i := 0; i < len(pix); i += 4 {
			d := pix[i : i+4 : i+4]
			d[0] = uint8((uint32(d[0])*a + r.cr*ma) / m >> 8)
			d[1] = uint8((uint32(d[1])*a + r.cg*ma) / m >> 8)
			d[2] = uint8((uint32(d[2])*a + r.cb*ma) / m >> 8)
			d[3] = uint8((uint32(d[3])*a + r.ca*ma) / m >> 8)
		}
	}
}

var _ ftraster.Painter = (*fillPainter)(nil)
