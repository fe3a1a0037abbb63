package chart

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
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
