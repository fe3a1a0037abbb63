package chart

import (
	"bytes"
	"image"
	"image/color"
	"math/rand/v2"
	"testing"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/basebrief/basebrief/analysis"
)

// TestFastFill: pngCanvas's own filling gives the PNGs vgimg's gives, byte
// for byte, for every chart of every golden case, the monthly trend and a
// province slice.
func TestFastFill(t *testing.T) {
	cases := append(testCases(), goldenCase{"monthly", "", monthly})
	for _, gc := range cases {
		t.Run(gc.name, func(t *testing.T) {
			var c *analysis.Comparison
			if gc.name == "monthly" {
				c = sliceOf(t, gc.data(), benchProvince)
			} else {
				c = mustCompare(t, gc.data())
			}
			sameAsVgimg(t, c, gc.lang, &fastFill, "filling")
		})
	}
}

// TestFastFillShapes: random straight-edged shapes (rectangles at fractional
// positions, triangles, two subpaths in one path, open paths, translucent
// colours, shapes past the edges, moved and scaled canvases) fill the
// pixels vgimg fills.
func TestFastFillShapes(t *testing.T) {
	defer func() { fastFill = true }()
	rng := rand.New(rand.NewPCG(25, 2))
	draw := func(seed uint64) []byte {
		rng := rand.New(rand.NewPCG(seed, 3))
		img := image.NewRGBA(image.Rect(0, 0, 97, 61))
		ctx := gg.NewContextForRGBA(img)
		ctx.InvertY()
		v := vgimg.NewWith(vgimg.UseImageWithContext(img, ctx), vgimg.UseDPI(dpi))
		w, h := v.Size()
		c := newPNGCanvas(v, img, ctx, w, h)
		pt := func() vg.Point {
			return vg.Point{X: vg.Length(rng.Float64()*32 - 2), Y: vg.Length(rng.Float64()*22 - 2)}
		}
		for k := range 40 {
			a := uint8(0xff)
			if rng.IntN(3) == 0 {
				a = uint8(rng.IntN(256))
			}
			c.SetColor(color.NRGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), a})
			if k%10 == 9 {
				c.Push()
				c.Translate(vg.Point{X: vg.Length(rng.Float64() * 3), Y: vg.Length(rng.Float64() * 3)})
				c.Scale(0.5+rng.Float64(), 0.5+rng.Float64())
			}
			var p vg.Path
			switch rng.IntN(4) {
			case 0: // a bar
				p0, p1 := pt(), pt()
				p = vg.Rectangle{Min: vg.Point{X: min(p0.X, p1.X), Y: min(p0.Y, p1.Y)}, Max: vg.Point{X: max(p0.X, p1.X), Y: max(p0.Y, p1.Y)}}.Path()
			case 1: // a closed triangle
				p.Move(pt())
				p.Line(pt())
				p.Line(pt())
				p.Close()
			case 2: // two subpaths, the second left open
				p.Move(pt())
				p.Line(pt())
				p.Line(pt())
				p.Close()
				p.Move(pt())
				p.Line(pt())
				p.Line(pt())
			case 3: // starts with a line
				p.Line(pt())
				p.Line(pt())
				p.Line(pt())
			}
			c.Fill(p)
			if k%10 == 9 {
				c.Pop()
			}
		}
		return img.Pix
	}
	for range 50 {
		seed := rng.Uint64()
		fastFill = false
		want := draw(seed)
		fastFill = true
		if got := draw(seed); !bytes.Equal(got, want) {
			t.Fatalf("seed %d: pixels differ from vgimg's filling", seed)
		}
	}
}
