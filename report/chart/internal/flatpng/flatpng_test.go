package flatpng

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"

	"github.com/basebrief/basebrief/internal/testutil"
)

// decodeSame checks that image/png reads back exactly m's pixels.
func decodeSame(t *testing.T, m *image.RGBA) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatalf("image/png cannot read it: %v", err)
	}
	if got.Bounds().Size() != m.Rect.Size() {
		t.Fatalf("size %v, want %v", got.Bounds().Size(), m.Rect.Size())
	}
	for y := range m.Rect.Dy() {
		for x := range m.Rect.Dx() {
			want := m.RGBAAt(m.Rect.Min.X+x, m.Rect.Min.Y+y)
			r, g, bb, a := got.At(got.Bounds().Min.X+x, got.Bounds().Min.Y+y).RGBA()
			if (color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(bb >> 8), uint8(a >> 8)}) != want {
				t.Fatalf("pixel %d,%d: %v %v %v %v, want %v", x, y, r>>8, g>>8, bb>>8, a>>8, want)
			}
		}
	}
	return b.Bytes()
}

// chartLike draws w×h: white, bars, a few rows of noisy "text", a repeated
// band, and rows equal to the one above.
func chartLike(w, h int, seed uint64) *image.RGBA {
	rng := rand.New(rand.NewPCG(seed, 7))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = 0xff
	}
	for y := range h {
		switch rng.IntN(4) {
		case 0: // a bar
			x0, x1 := rng.IntN(w), rng.IntN(w)
			c := color.RGBA{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256)), 0xff}
			for x := min(x0, x1); x < max(x0, x1); x++ {
				m.SetRGBA(x, y, c)
			}
		case 1: // anti-aliased text
			if w < 2 {
				break // IntN(0) panics: a one-pixel row has no room for text
			}
			for range rng.IntN(w / 2) {
				v := uint8(rng.IntN(256))
				m.SetRGBA(rng.IntN(w), y, color.RGBA{v, v, v, 0xff})
			}
		case 2: // the row above again
			if y > 0 {
				copy(m.Pix[m.PixOffset(0, y):m.PixOffset(0, y+1)], m.Pix[m.PixOffset(0, y-1):m.PixOffset(0, y)])
			}
		}
	}
	return m
}

func TestEncodeDecodes(t *testing.T) {
	cases := map[string]*image.RGBA{
		"one pixel":  image.NewRGBA(image.Rect(0, 0, 1, 1)),
		"white":      chartLike(1, 1, 0),
		"chart-like": chartLike(1600, 300, 1),
		"narrow":     chartLike(3, 200, 2),
		"wide rows":  chartLike(12000, 4, 3), // rows past deflate's 32 KiB window
		"offset":     chartLike(50, 50, 4).SubImage(image.Rect(7, 9, 40, 45)).(*image.RGBA),
	}
	cases["one pixel"].Pix[3] = 0xff
	noise := image.NewRGBA(image.Rect(0, 0, 300, 300)) // nothing repeats: codes of every length
	rng := rand.New(rand.NewPCG(9, 9))
	for i := range noise.Pix {
		noise.Pix[i] = uint8(rng.IntN(256))
		if i%4 == 3 {
			noise.Pix[i] = 0xff
		}
	}
	cases["noise"] = noise
	for name, m := range cases {
		t.Run(name, func(t *testing.T) { decodeSame(t, m) })
	}
}

func TestNotOpaque(t *testing.T) {
	m := chartLike(20, 20, 5)
	m.Pix[m.PixOffset(10, 15)+3] = 0x80
	var b bytes.Buffer
	if err := Encode(&b, m); err != ErrNotOpaque || b.Len() != 0 {
		t.Fatalf("err %v, %d bytes written", err, b.Len())
	}
}

// TestEncodeClearing: EncodeClearing writes Encode's bytes and leaves
// every pixel of the image white (the rest of its buffer untouched): white
// and non-white runs of repeated rows, a non-white last row, sub-images,
// rows past the deflate window. A pixel not opaque is refused, nothing
// written.
func TestEncodeClearing(t *testing.T) {
	bands := chartLike(40, 60, 8)
	for y := 20; y < 30; y++ { // a run of repeated rows that are not white
		copy(bands.Pix[bands.PixOffset(0, y):bands.PixOffset(0, y+1)], bands.Pix[bands.PixOffset(0, 19):bands.PixOffset(0, 20)])
	}
	bands.SetRGBA(3, 19, color.RGBA{1, 2, 3, 0xff})
	for y := 50; y < 60; y++ { // ending on repeats of a row that is not white
		copy(bands.Pix[bands.PixOffset(0, y):bands.PixOffset(0, y+1)], bands.Pix[bands.PixOffset(0, 19):bands.PixOffset(0, 20)])
	}
	cases := map[string]func() *image.RGBA{
		"chart-like": func() *image.RGBA { return chartLike(1600, 300, 1) },
		"bands":      func() *image.RGBA { return bands },
		"one row":    func() *image.RGBA { return chartLike(30, 1, 3) },
		"wide rows":  func() *image.RGBA { return chartLike(12000, 4, 3) },
		"offset":     func() *image.RGBA { return chartLike(50, 50, 4).SubImage(image.Rect(7, 9, 40, 45)).(*image.RGBA) },
	}
	for name, mk := range cases {
		t.Run(name, func(t *testing.T) {
			m := mk()
			var want, got bytes.Buffer
			if err := Encode(&want, m); err != nil {
				t.Fatal(err)
			}
			outside := slices.Clone(m.Pix)
			if err := EncodeClearing(&got, m); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("%d bytes, Encode wrote %d others", got.Len(), want.Len())
			}
			for y := range m.Rect.Dy() {
				row := m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y+y):][:4*m.Rect.Dx()]
				if !bytes.Equal(row, bytes.Repeat([]byte{0xff}, len(row))) {
					t.Fatalf("row %d not white after: %v", y, row[:min(len(row), 16)])
				}
				// Put back what the image held, to compare the rest.
				copy(row, outside[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y+y):])
			}
			if !bytes.Equal(m.Pix, outside) {
				t.Error("pixels outside the image changed")
			}
		})
	}
	m := chartLike(20, 20, 5)
	m.Pix[m.PixOffset(10, 15)+3] = 0x80
	var b bytes.Buffer
	if err := EncodeClearing(&b, m); err != ErrNotOpaque || b.Len() != 0 {
		t.Fatalf("not opaque: err %v, %d bytes written", err, b.Len())
	}
}

// TestNearBestSpeed: on a chart-like image the file is at most a quarter
// larger than image/png's at BestSpeed (which tries four row filters per
// row and searches its whole window for matches): the price of not
// searching.
func TestNearBestSpeed(t *testing.T) {
	m := chartLike(1600, 600, 6)
	var b bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	if got := len(decodeSame(t, m)); got > b.Len()*5/4 {
		t.Errorf("%d bytes, image/png at BestSpeed %d", got, b.Len())
	}
}

// FuzzEncode: any opaque image made of runs, repeats and noise reads back
// through image/png as it was.
func FuzzEncode(f *testing.F) {
	f.Add(uint16(16), uint16(16), []byte{1, 2, 3})
	f.Add(uint16(1), uint16(300), []byte{0})
	f.Add(uint16(400), uint16(3), []byte{9, 9, 9, 9, 200})
	f.Fuzz(func(t *testing.T, w, h uint16, seed []byte) {
		w, h = w%700+1, h%200+1
		var s uint64
		for _, c := range seed {
			s = s*131 + uint64(c)
		}
		m := chartLike(int(w), int(h), s)
		want := decodeSame(t, m)
		var got bytes.Buffer
		if err := EncodeClearing(&got, m); err != nil || !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("EncodeClearing: %v, %d bytes, Encode wrote %d others", err, got.Len(), len(want))
		}
		if i := slices.IndexFunc(m.Pix, func(b byte) bool { return b != 0xff }); i >= 0 {
			t.Fatalf("byte %d of the image not white after EncodeClearing", i)
		}
	})
}

func BenchmarkEncode(b *testing.B) {
	m := chartLike(1600, 1000, 1)
	b.Run("flatpng", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := Encode(&buf, m); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("image-png-bestspeed", func(b *testing.B) {
		for b.Loop() {
			var buf bytes.Buffer
			if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, m); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// edited draws w×h rows each made from the row above by a few random
// edits: single channels, runs of one colour, pixels copied from the left,
// so that rows differ from the row above in spans of every length and
// position, down to one byte of one pixel.
func edited(w, h int, rng *rand.Rand) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range m.Pix {
		m.Pix[i] = 0xff
		if i%4 != 3 && rng.IntN(3) == 0 {
			m.Pix[i] = uint8(rng.IntN(256))
		}
	}
	for y := 1; y < h; y++ {
		row := m.Pix[y*m.Stride : y*m.Stride+4*w]
		copy(row, m.Pix[(y-1)*m.Stride:])
		for range rng.IntN(6) {
			x := rng.IntN(w)
			switch rng.IntN(4) {
			case 0: // one channel
				row[4*x+rng.IntN(3)] ^= uint8(1 + rng.IntN(255))
			case 1: // a run of one colour
				c := [3]uint8{uint8(rng.IntN(256)), uint8(rng.IntN(256)), uint8(rng.IntN(256))}
				for x1 := min(w, x+1+rng.IntN(300)); x < x1; x++ {
					copy(row[4*x:], c[:])
				}
			case 2: // copies of the pixel on the left
				for x1 := min(w, x+1+rng.IntN(40)); x > 0 && x < x1; x++ {
					copy(row[4*x:4*x+3], row[4*x-4:])
				}
			case 3: // noise
				for x1 := min(w, x+1+rng.IntN(20)); x < x1; x++ {
					row[4*x+rng.IntN(3)] = uint8(rng.IntN(256))
				}
			}
		}
	}
	return m
}

// TestEncodeRandom: random images (sizes from one pixel to rows past the
// deflate window, rows made by editing the row above, some as sub-images)
// decode through image/png to their own pixels.
func TestEncodeRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 1))
	for i := range 200 {
		w, h := 1+rng.IntN(90), 1+rng.IntN(60)
		switch i % 10 {
		case 0:
			w = 1 + rng.IntN(2000)
		case 1:
			w = 10920 + rng.IntN(6) // 1 + 3w on either side of the 32 KiB window
		}
		m := edited(w, h, rng)
		if i%3 == 0 && w > 2 && h > 2 {
			x0, y0 := rng.IntN(w/2), rng.IntN(h/2)
			m = m.SubImage(image.Rect(x0, y0, x0+1+rng.IntN(w-x0), y0+1+rng.IntN(h-y0))).(*image.RGBA)
		}
		decodeSame(t, m)
	}
}

// FuzzEncodeBytes: any opaque image, its pixels taken from the input bytes
// (alpha set opaque), reads back through image/png as it was.
func FuzzEncodeBytes(f *testing.F) {
	f.Add(uint8(3), []byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
	f.Add(uint8(1), []byte{0, 0, 0, 0})
	f.Add(uint8(40), bytes.Repeat([]byte{9, 8, 7, 6, 9, 8, 7, 6, 1, 2}, 100))
	f.Fuzz(func(t *testing.T, w uint8, data []byte) {
		width := int(w)%64 + 1
		height := len(data) / (4 * width)
		if height == 0 {
			return
		}
		m := image.NewRGBA(image.Rect(0, 0, width, height))
		copy(m.Pix, data)
		for i := 3; i < len(m.Pix); i += 4 {
			m.Pix[i] = 0xff
		}
		decodeSame(t, m)
	})
}

// TestEncodeWritesInPlace: a bytes.Buffer is grown once, to the file's
// size, and the file written into it: one allocation, no copy of the file
// made on the way (a national chart's file is 300 kB, fresh memory each).
func TestEncodeWritesInPlace(t *testing.T) {
	if testutil.Race {
		t.Skip("allocation counts differ under the race detector")
	}
	m := chartLike(1600, 300, 8)
	var b bytes.Buffer
	allocs := testing.AllocsPerRun(20, func() {
		b = bytes.Buffer{}
		if err := Encode(&b, m); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 1 {
		t.Errorf("%v allocations per encoding, want 1", allocs)
	}
	if b.Cap() >= b.Len()+8192 { // large allocations are rounded to 8 KiB pages
		t.Errorf("buffer of %d bytes for a file of %d", b.Cap(), b.Len())
	}
}

// TestEncoderKeptAcrossCollections: an encoder, its buffers grown, is kept
// for the next encoding through garbage collections; the sync.Pool it was
// kept in dropped it at every other collection, and the next encoding grew
// a new one's buffers again (a national run with its slices collects some
// 25 times: 26 MB of such buffers).
func TestEncoderKeptAcrossCollections(t *testing.T) {
	if testutil.Race {
		t.Skip("allocation counts differ under the race detector")
	}
	m := chartLike(1600, 300, 8)
	var b bytes.Buffer
	if err := Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	runtime.GC()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	b = bytes.Buffer{}
	if err := Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if n := after.Mallocs - before.Mallocs; n > 1 {
		t.Errorf("%d allocations to encode after two collections, want 1 (the file)", n)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(b.Cap())+8192 {
		t.Errorf("%d bytes allocated to encode a %d-byte file after two collections", n, b.Len())
	}
}
