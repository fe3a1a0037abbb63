package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/font"
)

// TestEncodePNG decodes what encodePNG wrote to the pixels image/png's own
// encoding decodes to: opaque and translucent images, and a sub-image whose
// rows do not start at the buffer's start.
func TestEncodePNG(t *testing.T) {
	opaque := image.NewRGBA(image.Rect(0, 0, 7, 5))
	for y := range 5 {
		for x := range 7 {
			opaque.SetRGBA(x, y, color.RGBA{uint8(30 * x), uint8(40 * y), uint8(x * y), 0xff})
		}
	}
	translucent := image.NewRGBA(image.Rect(0, 0, 3, 2))
	translucent.SetRGBA(1, 1, color.RGBA{0x40, 0x20, 0x10, 0x80})
	sub := opaque.SubImage(image.Rect(2, 1, 6, 4)).(*image.RGBA)
	for _, tc := range []struct {
		name  string
		img   *image.RGBA
		model color.Model // what the encoding chose
	}{
		{"opaque", opaque, color.RGBAModel},
		{"translucent", translucent, color.NRGBAModel},
		{"sub-image", sub, color.RGBAModel},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := encodePNG(&buf, tc.img); err != nil {
				t.Fatal(err)
			}
			got, err := png.Decode(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if got.ColorModel() != tc.model {
				t.Errorf("decoded colour model %v, want %v", got.ColorModel(), tc.model)
			}
			var ref bytes.Buffer
			if err := png.Encode(&ref, tc.img); err != nil {
				t.Fatal(err)
			}
			wantImg, err := png.Decode(&ref)
			if err != nil {
				t.Fatal(err)
			}
			b := wantImg.Bounds()
			if got.Bounds().Size() != b.Size() {
				t.Fatalf("size %v, want %v", got.Bounds().Size(), b.Size())
			}
			for y := range b.Dy() {
				for x := range b.Dx() {
					want := color.NRGBAModel.Convert(wantImg.At(x, y))
					if have := color.NRGBAModel.Convert(got.At(x, y)); have != want {
						t.Fatalf("pixel (%d,%d) = %v, want %v", x, y, have, want)
					}
				}
			}
		})
	}
}

// TestFlatPNGCharts: every chart of the golden cases, encoded by
// internal/flatpng, decodes to the pixels of the deflate encoder it
// replaced, and the files together are at most a quarter larger (measured:
// 7–18% larger; see internal/flatpng/README.md).
func TestFlatPNGCharts(t *testing.T) {
	defer func() { flatPNG = true }()
	for _, gc := range testCases() {
		t.Run(gc.name, func(t *testing.T) {
			c := mustCompare(t, gc.data())
			flatPNG = false
			old, _, err := Render(c, Options{Lang: gc.lang})
			if err != nil {
				t.Fatal(err)
			}
			flatPNG = true
			charts := renderCase(t, gc)
			oldSize, newSize := 0, 0
			for i, ch := range charts {
				oldSize += len(old[i].PNG)
				newSize += len(ch.PNG)
				a, b := nrgba(mustDecode(t, old[i].PNG)), nrgba(mustDecode(t, ch.PNG))
				if a.Rect != b.Rect || !bytes.Equal(a.Pix, b.Pix) {
					t.Errorf("%s: pixels differ from the deflate encoder's", ch.Name)
				}
			}
			t.Logf("%d charts: %d bytes, %d with the deflate encoder", len(charts), newSize, oldSize)
			if newSize > oldSize*5/4 {
				t.Errorf("%d bytes, %d with the deflate encoder", newSize, oldSize)
			}
		})
	}
}

// BenchmarkEncodePNG encodes the real charts of a national packet and of a
// province slice (decoded from their PNGs), as renderFigure does after
// drawing each: the PNG encoding alone.
func BenchmarkEncodePNG(b *testing.B) {
	d := national()
	for _, tc := range []struct {
		name string
		c    *analysis.Comparison
	}{
		{"national", mustCompare(b, d)},
		{"slice", sliceOf(b, d, benchProvince)},
	} {
		charts, _, err := Render(tc.c, Options{Lang: vocab.Zh})
		if err != nil {
			b.Fatal(err)
		}
		var imgs []*image.RGBA
		pixels := 0
		for _, ch := range charts {
			m, ok := mustDecode(b, ch.PNG).(*image.RGBA)
			if !ok {
				b.Fatalf("%s: decoded as %T, want *image.RGBA", ch.Name, m)
			}
			imgs = append(imgs, m)
			pixels += m.Rect.Dx() * m.Rect.Dy()
		}
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(4 * pixels))
			size := 0
			cpu := cpuTime()
			for b.Loop() {
				size = 0
				for _, m := range imgs {
					var buf bytes.Buffer
					if err := encodePNG(&buf, m); err != nil {
						b.Fatal(err)
					}
					size += buf.Len()
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			b.ReportMetric(float64(size), "png-bytes")
		})
	}
}

// TestKeepWhite: rasters left white by the encoder and not filled again
// give the charts vgimg's filled rasters give, byte for byte (PNG and
// SVG), for every chart of every golden case and of three province slices
// rendered one after the other in the same rasters (larger and smaller,
// wider and narrower, in turn); the one pixel vgimg is given stays the
// canvas's whatever its size.
func TestKeepWhite(t *testing.T) {
	d := monthly()
	var cs []*analysis.Comparison
	var langs []vocab.Lang
	for _, gc := range testCases() {
		cs, langs = append(cs, mustCompare(t, gc.data())), append(langs, gc.lang)
	}
	for _, p := range []string{benchProvince, "海南", "广东"} {
		cs, langs = append(cs, sliceOf(t, d, p)), append(langs, vocab.En)
	}
	renderAll := func(keep bool) [][]Chart {
		defer func() { keepWhite = true }()
		keepWhite = keep
		rasters := &Rasters{}
		var out [][]Chart
		for i, c := range cs {
			charts, _, err := Render(c, Options{Lang: langs[i], Rasters: rasters})
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, charts)
		}
		return out
	}
	want, got := renderAll(false), renderAll(true)
	for i := range want {
		if len(got[i]) != len(want[i]) {
			t.Fatalf("render %d: %d charts, want %d", i, len(got[i]), len(want[i]))
		}
		for k, w := range want[i] {
			g := got[i][k]
			if !bytes.Equal(g.PNG, w.PNG) || !bytes.Equal(g.SVG, w.SVG) {
				t.Errorf("render %d, %s: PNG or SVG differs from the one on a raster vgimg filled", i, w.Name)
			}
		}
	}
}

// TestCachesChangeNothing: charts drawn with the process-wide caches warm
// (glyph masks, white blocks, outlines, laid-out texts, widths) are the
// charts drawn with them empty, byte for byte, PNG and SVG; warm with the
// same texts in another face too (--font), so a cache keyed without the
// face would give one face's glyphs or advances to the other.
func TestCachesChangeNothing(t *testing.T) {
	c := sliceOf(t, monthly(), benchProvince)
	set, err := font.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	kai := set.Faces[font.Kai]
	if def, err := font.Default(); err != nil || def == kai {
		t.Fatalf("fixture: the Kai face is the default one (%v)", err)
	}
	render := func(face *font.Face) []Chart {
		t.Helper()
		charts, _, err := Render(c, Options{Lang: vocab.En, Face: face})
		if err != nil {
			t.Fatal(err)
		}
		return charts
	}
	forgetCaches()
	cold := render(nil)
	forgetCaches()
	coldKai := render(kai)
	warm := render(nil) // the caches hold the Kai face's glyphs of the same texts
	warmKai := render(kai)
	if runsLen.Load() == 0 || glyphsLen.Load() == 0 || sizedOutlinesLen.Load() == 0 {
		t.Fatalf("caches not used: %d texts, %d glyphs, %d outlines", runsLen.Load(), glyphsLen.Load(), sizedOutlinesLen.Load())
	}
	for _, tc := range []struct {
		name       string
		cold, warm []Chart
	}{{"default face", cold, warm}, {"Kai face", coldKai, warmKai}} {
		if len(tc.warm) != len(tc.cold) || len(tc.cold) < 3 {
			t.Fatalf("%s: %d charts warm, %d cold", tc.name, len(tc.warm), len(tc.cold))
		}
		for i := range tc.cold {
			if !bytes.Equal(tc.warm[i].PNG, tc.cold[i].PNG) || !bytes.Equal(tc.warm[i].SVG, tc.cold[i].SVG) {
				t.Errorf("%s: %s differs with the caches warm", tc.name, tc.cold[i].Name)
			}
		}
	}
	if bytes.Equal(cold[0].SVG, coldKai[0].SVG) {
		t.Error("fixture: the two faces draw the same SVG")
	}
}
