package chart

import (
	"bytes"
	"image"
	"runtime"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// TestFastText: pngCanvas's own glyph compositing gives the PNGs vgimg's
// text drawing gives, byte for byte, for every chart of every golden case
// (both languages, headings, rest rows, legends, the trend chart).
func TestFastText(t *testing.T) {
	for _, gc := range testCases() {
		t.Run(gc.name, func(t *testing.T) {
			sameAsVgimg(t, mustCompare(t, gc.data()), gc.lang, &fastText, "text drawing")
		})
	}
}

// sameAsVgimg renders c's charts with the fast path fast switched off, then
// on, and fails where a PNG differs (what names the path in the message).
func sameAsVgimg(t *testing.T, c *analysis.Comparison, lang vocab.Lang, fast *bool, what string) {
	t.Helper()
	defer func() { *fast = true }()
	*fast = false
	want, _, err := Render(c, Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	*fast = true
	got, _, err := Render(c, Options{Lang: lang})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(want) || len(got) < 3 {
		t.Fatalf("%d charts, want %d", len(got), len(want))
	}
	for i := range got {
		if !bytes.Equal(got[i].PNG, want[i].PNG) {
			t.Errorf("%s: PNG differs from vgimg's %s", got[i].Name, what)
		}
	}
}

// TestWhiteBlocksFull: once whiteBlocks is full, a glyph whose block is
// not kept there is blended in place: whiteBlock gives nil, not a block
// made for one drawing and dropped (26 MB of them in a national run with
// its province slices); and the charts are still vgimg's, byte for byte.
func TestWhiteBlocksFull(t *testing.T) {
	defer whiteBlockBytes.Store(whiteBlockBytes.Load())
	whiteBlockBytes.Store(maxWhiteBytes)
	g := &glyphMask{mask: image.Alpha{Pix: []uint8{0, 0x80, 0xff, 0}, Stride: 2, Rect: image.Rect(0, 0, 2, 2)}}
	if b := whiteBlock(g, rgba64{0, 0, 0, 0xffff}, new([256]blend)); b != nil {
		t.Errorf("whiteBlock with the cache full = %d bytes, want nil", len(b))
	}
	if _, kept := whiteBlocks.load(uint(g.shard), whiteKey{g, rgba64{0, 0, 0, 0xffff}}); kept {
		t.Error("a block kept past the cache's bound")
	}
	gc := testCases()[0]
	sameAsVgimg(t, mustCompare(t, gc.data()), gc.lang, &fastText, "text drawing")
}

// TestOutlineLoadedOncePerSize: a glyph mask is made for each pen phase
// a character is drawn at, its outline loaded once per face, size and
// character (opentype's Face.Glyph loaded it again for every mask): a
// province slice's charts make hundreds of masks from fewer outlines.
func TestOutlineLoadedOncePerSize(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1)) // no two goroutines load one outline at once
	loads := 0
	load := loadOutline
	t.Cleanup(func() { loadOutline = load })
	loadOutline = func(face *sfnt.Font, scale fixed.Int26_6, r rune) *sizedOutline {
		loads++
		return load(face, scale, r)
	}
	forgetCaches()
	if _, _, err := Render(sliceOf(t, monthly(), benchProvince), Options{Lang: vocab.Zh}); err != nil {
		t.Fatal(err)
	}
	masks := int(glyphsLen.Load())
	if loads != int(sizedOutlinesLen.Load()) || loads == 0 || 2*loads > masks {
		t.Errorf("%d outlines loaded for %d outlines kept and %d glyph masks made, want each outline loaded once and fewer than half as many as masks", loads, sizedOutlinesLen.Load(), masks)
	}
}
