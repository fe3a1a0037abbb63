package chart

import (
	"encoding/binary"
	"image"
	"image/color"
	"image/draw"
	"math"
	"slices"
	"sync"
	"sync/atomic"

	"git.sr.ht/~sbinet/gg"
	ftraster "github.com/golang/freetype/raster"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// pngCanvas is vgimg's canvas with a faster FillString. vgimg draws text
// through gg, which composites each glyph's coverage mask onto the image
// with golang.org/x/image/draw's bilinear Kernel.Transform, generic code
// that calls At and Set per pixel (git.sr.ht/~sbinet/gg context.go,
// drawString): most of a chart's PNG time went there. The charts never
// rotate or scale text, so the transform is a whole-pixel translation, the
// kernel weighs one source pixel 1 and the others 0, and the result is the
// mask's coverage composited Over the image; compositeGlyph does exactly
// that arithmetic on the pixels directly (the same bytes: TestFastText).
// Text under any other transform goes to vgimg as before.
type pngCanvas struct {
	*vgimg.Canvas
	w, h  vg.Length // the size: vgimg's may be of the one pixel it filled
	img   *image.RGBA
	ctx   *gg.Context              // vgimg's, for its transform (Fill)
	faces map[vg.Length]xfont.Face // the glyph rasteriser of each size
	stack []textState              // Push and Pop, as vgimg keeps them
	rast  *ftraster.Rasterizer     // Fill's, made at the first fill
	path  ftraster.Path
	// blends: each text colour's blends by coverage (blendOf).
	blends map[rgba64]*[256]blend
}

// textState is what FillString needs of the graphics state.
type textState struct {
	color color.Color // nil until SetColor: then vgimg draws
	moved bool        // a Translate, Rotate or Scale since the start
}

// fastText switches pngCanvas's own text drawing; the test turns it off to
// compare with vgimg's.
var fastText = true

func newPNGCanvas(c *vgimg.Canvas, img *image.RGBA, ctx *gg.Context, w, h vg.Length) *pngCanvas {
	return &pngCanvas{Canvas: c, w: w, h: h, img: img, ctx: ctx, faces: map[vg.Length]xfont.Face{}, stack: []textState{{}}}
}

// Size is the canvas's size in points.
func (c *pngCanvas) Size() (w, h vg.Length) { return c.w, c.h }

func (c *pngCanvas) top() *textState { return &c.stack[len(c.stack)-1] }

func (c *pngCanvas) SetColor(clr color.Color) {
	c.Canvas.SetColor(clr)
	if clr == nil {
		clr = color.Black // as vgimg does
	}
	c.top().color = clr
}

func (c *pngCanvas) Push() {
	c.Canvas.Push()
	c.stack = append(c.stack, *c.top())
}

func (c *pngCanvas) Pop() {
	c.Canvas.Pop()
	if len(c.stack) > 1 {
		c.stack = c.stack[:len(c.stack)-1]
	}
}

func (c *pngCanvas) Translate(pt vg.Point) { c.Canvas.Translate(pt); c.top().moved = true }
func (c *pngCanvas) Rotate(rad float64)    { c.Canvas.Rotate(rad); c.top().moved = true }
func (c *pngCanvas) Scale(x, y float64)    { c.Canvas.Scale(x, y); c.top().moved = true }

// FillString draws text as vgimg does (vgimg.Canvas.FillString, then gg's
// DrawString and drawString): the pen at the point in device pixels, y
// from the top, kerning and advances from an opentype face of the size at
// the canvas's resolution.
func (c *pngCanvas) FillString(f font.Face, pt vg.Point, text string) {
	st := c.top()
	if !fastText || st.moved || st.color == nil || f.Font.Size == 0 {
		c.vgimgFillString(f, pt, text)
		return
	}
	face := c.faces[f.Font.Size]
	if face == nil {
		face = f.FontFace(c.DPI())
		c.faces[f.Font.Size] = face
	}
	dpi := c.DPI()
	_, h := c.Size()
	dot := fixed.Point26_6{X: fix(pt.X.Dots(dpi)), Y: fix(h.Dots(dpi) - pt.Y.Dots(dpi))}
	src := c.blendOf(st.color)
	srcKey := premultiplied(st.color)
	prev := rune(-1)
	for _, r := range text {
		if prev >= 0 {
			dot.X += face.Kern(prev, r)
		}
		g := glyphAt(f, dpi, r, dot)
		if !g.ok {
			continue
		}
		whole := image.Point{X: int(dot.X >> 6), Y: int(dot.Y >> 6)}
		c.drawGlyph(g, g.rect.Add(whole), srcKey, src)
		dot.X += g.advance
		prev = r
	}
}

// vgimgFillString is vgimg's FillString (vgimg.Canvas.FillString) with
// the canvas's height, where vgimg's own canvas was given one pixel of the
// image: then it would place the text from that pixel's height.
func (c *pngCanvas) vgimgFillString(f font.Face, pt vg.Point, text string) {
	if !keepWhite {
		c.Canvas.FillString(f, pt, text)
		return
	}
	if f.Font.Size == 0 {
		return
	}
	c.ctx.Push()
	defer c.ctx.Pop()
	face := f.FontFace(c.DPI())
	defer face.Close()
	c.ctx.SetFontFace(face)
	x, y, h := pt.X.Dots(c.DPI()), pt.Y.Dots(c.DPI()), c.h.Dots(c.DPI())
	c.ctx.InvertY()
	c.ctx.DrawString(text, x, h-y)
}

// drawGlyph draws g's mask in src (whose blends are t) at r: copied in
// from its block over white (whiteBlock) where r is white and the block is
// kept, else blended. A glyph made for this string alone (the glyph cache
// is full) is blended: its pixels over white would be kept for nothing.
func (c *pngCanvas) drawGlyph(g *glyphMask, r image.Rectangle, src rgba64, t *[256]blend) {
	if g.kept && r.In(c.img.Rect) && white(c.img, r) {
		if b := whiteBlock(g, src, t); b != nil {
			copyBlock(c.img, r, b)
			return
		}
	}
	compositeGlyph(c.img, r, &g.mask, image.Point{}, t)
}

// glyphs keeps glyph masks from chart to chart and render to render: a
// mask depends on the face, size, character and the pen's position within
// its pixel (26.6 fixed point: 64 × 64 phases), and titles, ticks, units
// and the source line come back at the same phases chart after chart.
// Bounded to maxGlyphs masks (about 6 MB at the charts' sizes); past it
// a mask is made each time, as vgimg does.
var (
	glyphs    cache[glyphKey26, *glyphMask]
	glyphsLen atomic.Int64
)

const maxGlyphs = 8192

type glyphKey26 struct {
	face      *sfnt.Font
	size, dpi uint64 // their float64 bits: the key hashes as bytes
	r         rune
	fx, fy    fixed.Int26_6 // the pen's phase within its pixel
}

type glyphMask struct {
	rect    image.Rectangle // relative to the pen's whole pixel
	mask    image.Alpha     // origin at rect.Min
	advance fixed.Int26_6
	ok      bool
	kept    bool  // in glyphs: whiteBlocks may keep its pixels over white
	shard   uint8 // its cache shard, and its white blocks'
}

// glyphAt is face's Glyph of r at dot, from the cache if it is there; if
// not, rasterised from r's outline at f's size (sizedOutlineOf), as
// face.Glyph would.
func glyphAt(f font.Face, dpi float64, r rune, dot fixed.Point26_6) *glyphMask {
	key := glyphKey26{f.Face, math.Float64bits(float64(f.Font.Size)), math.Float64bits(dpi), r, dot.X & 63, dot.Y & 63}
	shard := uint(r) ^ uint(key.fx)
	if g, ok := glyphs.load(shard, key); ok {
		return g
	}
	g := &glyphMask{shard: uint8(shard)}
	g.rect, g.mask, g.advance, g.ok = rasterise(sizedOutlineOf(f, dpi, r), dot)
	if glyphsLen.Load() < maxGlyphs {
		g.kept = true // before it is shared; if another goroutine's is kept, that one is returned
		kept, loaded := glyphs.loadOrStore(shard, key, g)
		if loaded {
			return kept
		}
		glyphsLen.Add(1)
	}
	return g
}

// sizedOutlines keeps each character's outline at each size and resolution
// from chart to chart, as opentype's Face.Glyph loads it for every mask it
// makes (its glyph index, advance and segments: a third of making a mask):
// a mask is made for each pen phase, the outline is one per size. Bounded
// to maxSizedOutlines; past it an outline is loaded each time.
var (
	sizedOutlines    cache[sizedKey, *sizedOutline]
	sizedOutlinesLen atomic.Int64
)

const maxSizedOutlines = 1 << 14

type sizedKey struct {
	face  *sfnt.Font
	scale fixed.Int26_6
	r     rune
}

type sizedOutline struct {
	segs    sfnt.Segments // in pixels (26.6), y down, origin at the pen
	bounds  fixed.Rectangle26_6
	advance fixed.Int26_6
	ok      bool // loaded, and a glyph of the font (index ≠ 0): Glyph's ok
}

// sfntBuffers are scratch for loading outlines.
var sfntBuffers = sync.Pool{New: func() any { return new(sfnt.Buffer) }}

// sizedOutlineOf is r's outline in f at dpi, as opentype's Face.Glyph
// loads it (golang.org/x/image/font/opentype, opentype.go): the scale is
// its NewFace's, hinting none (gonum/plot's font.Face.FontFace gives no
// hinting), the glyph index, then the advance, then the segments.
func sizedOutlineOf(f font.Face, dpi float64, r rune) *sizedOutline {
	scale := fixed.Int26_6(0.5 + (f.Font.Size.Points() * dpi * 64 / 72))
	key := sizedKey{f.Face, scale, r}
	shard := uint(r)
	if o, ok := sizedOutlines.load(shard, key); ok {
		return o
	}
	o := loadOutline(f.Face, scale, r)
	if sizedOutlinesLen.Load() < maxSizedOutlines {
		if _, loaded := sizedOutlines.loadOrStore(shard, key, o); !loaded {
			sizedOutlinesLen.Add(1)
		}
	}
	return o
}

// loadOutline loads r's outline in face at scale (a variable: tests count
// the loads).
var loadOutline = func(face *sfnt.Font, scale fixed.Int26_6, r rune) *sizedOutline {
	o := new(sizedOutline)
	buf := sfntBuffers.Get().(*sfnt.Buffer)
	defer sfntBuffers.Put(buf)
	if x, err := face.GlyphIndex(buf, r); err == nil {
		if adv, err := face.GlyphAdvance(buf, x, scale, xfont.HintingNone); err == nil {
			if segs, err := face.LoadGlyph(buf, x, scale, nil); err == nil {
				o.segs = slices.Clone(segs) // segs are buf's until its next use
				o.bounds, o.advance, o.ok = segs.Bounds(), adv, x != 0
			}
		}
	}
	return o
}

// rasterisers are scratch for making glyph masks.
var rasterisers = sync.Pool{New: func() any { return new(vector.Rasterizer) }}

// rasterise makes o's mask with the pen at dot, as opentype's Face.Glyph
// does (the same bounds, bias and float32 arithmetic, the same rasteriser
// and operator): its rectangle relative to dot's whole pixel, the mask
// (origin at the rectangle's corner), the advance and Glyph's ok. A glyph
// Glyph says no to (not loaded, the font's .notdef) is not drawn: no mask.
func rasterise(o *sizedOutline, dot fixed.Point26_6) (image.Rectangle, image.Alpha, fixed.Int26_6, bool) {
	if !o.ok {
		return image.Rectangle{}, image.Alpha{}, 0, false
	}
	d := o.bounds.Add(dot)
	dr := image.Rectangle{Min: image.Pt(d.Min.X.Floor(), d.Min.Y.Floor()), Max: image.Pt(d.Max.X.Ceil(), d.Max.Y.Ceil())}
	width, height := dr.Dx(), dr.Dy()
	if width < 0 || height < 0 {
		return image.Rectangle{}, image.Alpha{}, 0, false
	}
	biasX := dot.X - fixed.Int26_6(dr.Min.X<<6)
	biasY := dot.Y - fixed.Int26_6(dr.Min.Y<<6)
	mask := image.Alpha{Pix: make([]uint8, width*height), Stride: width, Rect: image.Rect(0, 0, width, height)}
	rast := rasterisers.Get().(*vector.Rasterizer)
	defer rasterisers.Put(rast)
	rast.Reset(width, height)
	rast.DrawOp = draw.Src
	px := func(a fixed.Point26_6) (float32, float32) {
		return float32(a.X+biasX) / 64, float32(a.Y+biasY) / 64
	}
	for _, seg := range o.segs {
		switch seg.Op {
		case sfnt.SegmentOpMoveTo:
			rast.MoveTo(px(seg.Args[0]))
		case sfnt.SegmentOpLineTo:
			rast.LineTo(px(seg.Args[0]))
		case sfnt.SegmentOpQuadTo:
			x1, y1 := px(seg.Args[0])
			x2, y2 := px(seg.Args[1])
			rast.QuadTo(x1, y1, x2, y2)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := px(seg.Args[0])
			x2, y2 := px(seg.Args[1])
			x3, y3 := px(seg.Args[2])
			rast.CubeTo(x1, y1, x2, y2, x3, y3)
		}
	}
	rast.Draw(&mask, mask.Bounds(), image.Opaque, image.Point{})
	whole := image.Point{X: int(dot.X >> 6), Y: int(dot.Y >> 6)}
	return dr.Sub(whole), mask, o.advance, o.ok
}

// whiteBlocks keeps, for a glyph mask and a colour, the pixels
// compositeGlyph makes of a white rectangle: most text is drawn on white,
// where a glyph is then copied in rather than blended pixel by pixel (the
// same bytes). Bounded to maxWhiteBytes of pixels; past it a glyph is
// blended each time.
var (
	whiteBlocks     cache[whiteKey, []byte]
	whiteBlockBytes atomic.Int64
)

const maxWhiteBytes = 4 << 20

type whiteKey struct {
	g   *glyphMask
	src rgba64
}

// whiteBlock is g's mask composited in src (whose blends are t) over white,
// as RGBA rows of g.rect's width, from whiteBlocks or made and kept there;
// nil when it is not there and whiteBlocks is full: made for one drawing,
// it would cost a block's allocation and copy more than blending g in
// place (the charts of a national packet and its 31 province slices drew
// some 18,500 kept glyphs that way, 26 MB of blocks, after the first
// 2,550 blocks filled the cache).
func whiteBlock(g *glyphMask, src rgba64, t *[256]blend) []byte {
	key := whiteKey{g, src}
	shard := uint(g.shard)
	if b, ok := whiteBlocks.load(shard, key); ok {
		return b
	}
	if whiteBlockBytes.Load() >= maxWhiteBytes {
		return nil
	}
	b := make([]byte, 4*len(g.mask.Pix))
	for i, m8 := range g.mask.Pix {
		px := uint32(0xffffffff) // a pixel the mask leaves white
		if m8 != 0 {
			px = t[m8].onWhite
		}
		binary.LittleEndian.PutUint32(b[4*i:], px)
	}
	if _, loaded := whiteBlocks.loadOrStore(shard, key, b); !loaded {
		whiteBlockBytes.Add(int64(len(b)))
	}
	return b
}

// white reports whether every pixel of m in r (within m) is opaque white.
func white(m *image.RGBA, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		row := m.Pix[m.PixOffset(r.Min.X, y):][:4*r.Dx()]
		i := 0
		for ; i+8 <= len(row); i += 8 {
			if binary.LittleEndian.Uint64(row[i:]) != ^uint64(0) {
				return false
			}
		}
		for ; i < len(row); i++ {
			if row[i] != 0xff {
				return false
			}
		}
	}
	return true
}

// copyBlock copies the RGBA rows of b, r's width, into m's r (within m).
func copyBlock(m *image.RGBA, r image.Rectangle, b []byte) {
	w := 4 * r.Dx()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		copy(m.Pix[m.PixOffset(r.Min.X, y):][:w], b[(y-r.Min.Y)*w:])
	}
}

// fix is gg's conversion of a pixel position to 26.6 fixed point.
func fix(x float64) fixed.Int26_6 { return fixed.Int26_6(math.Round(x * 64)) }

// rgba64 is a colour as image/color's RGBA method gives it: 16 bits a
// channel, premultiplied.
type rgba64 struct{ r, g, b, a uint32 }

func premultiplied(c color.Color) rgba64 {
	r, g, b, a := c.RGBA()
	return rgba64{r, g, b, a}
}

// blend is what x/image/draw's Over adds for one coverage of one colour:
// the colour weighted by the coverage (16 bits a channel) and how much of
// the destination stays (keep = 0xffff − a).
type blend struct {
	r, g, b, a, keep uint32
	onWhite          uint32 // the pixel it makes of a white one, little-endian RGBA
}

// blendOf is the table of blends of c by coverage (0–255), made once per
// colour and canvas: the part of compositeGlyph's arithmetic that depends
// on the colour and the coverage only, with its float64 rounding.
func (c *pngCanvas) blendOf(clr color.Color) *[256]blend {
	src := premultiplied(clr)
	if t, ok := c.blends[src]; ok {
		return t
	}
	t := new([256]blend)
	for m8 := 1; m8 < 256; m8++ {
		ma := uint32(m8) * 0x101
		pr := uint32(ffffToU16(float64(src.r * ma / 0xffff)))
		pg := uint32(ffffToU16(float64(src.g * ma / 0xffff)))
		pb := uint32(ffffToU16(float64(src.b * ma / 0xffff)))
		pa := uint32(ffffToU16(float64(src.a * ma / 0xffff)))
		b := blend{r: min(pr, pa), g: min(pg, pa), b: min(pb, pa), a: pa, keep: 0xffff - pa}
		var white [4]uint8
		for i, p := range [4]uint32{b.r, b.g, b.b, b.a} {
			white[i] = uint8((0xff*0x101*b.keep/0xffff + p) >> 8)
		}
		b.onWhite = binary.LittleEndian.Uint32(white[:])
		t[m8] = b
	}
	if c.blends == nil {
		c.blends = map[rgba64]*[256]blend{}
	}
	c.blends[src] = t
	return t
}

// compositeGlyph composites a colour, whose blends by coverage are t, with
// mask's coverage, Over dst in dr: the arithmetic of x/image/draw's
// Kernel.transform_Image_Image_Over (impl.go) for a whole-pixel
// translation, where each destination pixel takes one mask pixel at weight
// 1, and image.RGBA's Set of the 16-bit result.
func compositeGlyph(dst *image.RGBA, dr image.Rectangle, mask *image.Alpha, mp image.Point, t *[256]blend) {
	r := dr.Intersect(dst.Rect)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		mrow := mask.Pix[mask.PixOffset(mp.X+r.Min.X-dr.Min.X, mp.Y+y-dr.Min.Y):][:r.Dx()]
		drow := dst.Pix[dst.PixOffset(r.Min.X, y):][:4*r.Dx()]
		for x := 0; x < len(mrow); x++ {
			if x+8 <= len(mrow) && binary.LittleEndian.Uint64(mrow[x:]) == 0 {
				x += 7 // eight pixels the mask leaves as they are
				continue
			}
			m8 := mrow[x]
			if m8 == 0 {
				continue // adds nothing: the pixel is kept as it is
			}
			p := &t[m8]
			d := drow[4*x : 4*x+4 : 4*x+4]
			if binary.LittleEndian.Uint32(d) == 0xffffffff { // text on white
				binary.LittleEndian.PutUint32(d, p.onWhite)
				continue
			}
			if p.keep == 0 { // nothing of the destination stays
				d[0], d[1], d[2], d[3] = uint8(p.r>>8), uint8(p.g>>8), uint8(p.b>>8), uint8(p.a>>8)
				continue
			}
			d[0] = uint8((uint32(d[0])*0x101*p.keep/0xffff + p.r) >> 8)
			d[1] = uint8((uint32(d[1])*0x101*p.keep/0xffff + p.g) >> 8)
			d[2] = uint8((uint32(d[2])*0x101*p.keep/0xffff + p.b) >> 8)
			d[3] = uint8((uint32(d[3])*0x101*p.keep/0xffff + p.a) >> 8)
		}
	}
}

// ffffToU16 is x/image/draw's fffftou.
func ffffToU16(f float64) uint16 {
	i := int32(f + 0.5)
	if i > 0xffff {
		return 0xffff
	}
	if i > 0 {
		return uint16(i)
	}
	return 0
}
