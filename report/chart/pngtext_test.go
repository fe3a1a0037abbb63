package chart

import (
	"bytes"
	"image"
	"testing"
)

// TestFastText: pngCanvas's own glyph compositing gives the PNGs vgimg's
// text drawing gives, byte for byte, for every chart of every golden case
// (both languages, headings, rest rows, legends, the trend chart).
func TestFastText(t *testing.T) {
	defer func() { fastText = true }()
	for _, gc := range testCases() {
		t.Run(gc.name, func(t *testing.T) {
			c := mustCompare(t, gc.data())
			fastText = false
			want, _, err := Render(c, Options{Lang: gc.lang})
			if err != nil {
				t.Fatal(err)
			}
			fastText = true
			got, _, err := Render(c, Options{Lang: gc.lang})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) || len(got) < 4 {
				t.Fatalf("%d charts, want %d", len(got), len(want))
			}
			for i := range got {
				if !bytes.Equal(got[i].PNG, want[i].PNG) {
					t.Errorf("%s: PNG differs from vgimg's text drawing", got[i].Name)
				}
			}
		})
	}
}

// TestWhiteBlocksFull: once whiteBlocks is full, a glyph whose block is
// not kept there is blended in place: whiteBlock gives nil, not a block
// made for one drawing and dropped (26 MB of them in a national run with
// its province slices); and the charts are still vgimg's, byte for byte.
func TestWhiteBlocksFull(t *testing.T) {
	defer func(n int64) { whiteBlockBytes.Store(n); fastText = true }(whiteBlockBytes.Load())
	whiteBlockBytes.Store(maxWhiteBytes)
	g := &glyphMask{mask: image.Alpha{Pix: []uint8{0, 0x80, 0xff, 0}, Stride: 2, Rect: image.Rect(0, 0, 2, 2)}}
	if b := whiteBlock(g, rgba64{0, 0, 0, 0xffff}, new([256]blend)); b != nil {
		t.Errorf("whiteBlock with the cache full = %d bytes, want nil", len(b))
	}
	if _, kept := whiteBlocks.Load(whiteKey{g, rgba64{0, 0, 0, 0xffff}}); kept {
		t.Error("a block kept past the cache's bound")
	}
	gc := testCases()[0]
	c := mustCompare(t, gc.data())
	fastText = false
	want, _, err := Render(c, Options{Lang: gc.lang})
	if err != nil {
		t.Fatal(err)
	}
	fastText = true
	got, _, err := Render(c, Options{Lang: gc.lang})
	if err != nil {
		t.Fatal(err)
	}
	for i := range got {
		if !bytes.Equal(got[i].PNG, want[i].PNG) {
			t.Errorf("%s: PNG differs from vgimg's text drawing", got[i].Name)
		}
	}
}
