package chart

import (
	"bytes"
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
