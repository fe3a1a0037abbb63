package docx

import (
	"archive/zip"
	"bytes"
	"image"
	"image/png"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/internal/testutil"
	"github.com/basebrief/basebrief/report/document"
)

// viaCreateHeader is the archive writeZip must reproduce: the same parts
// through archive/zip's CreateHeader, which deflates each part itself, as
// Write wrote them before the parts were deflated once per process.
func viaCreateHeader(tb testing.TB, d *document.Document) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		tb.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		tb.Fatal(err)
	}
	mod := d.Info.Created.UTC()
	if mod.Before(zipEpoch) {
		mod = zipEpoch
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		data, err := io.ReadAll(r)
		if err != nil {
			tb.Fatal(err)
		}
		h := &zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: mod}
		if strings.HasPrefix(f.Name, "word/media/") {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			tb.Fatal(err)
		}
		if _, err := w.Write(data); err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return out.Bytes()
}

// TestZipAsCreateHeader wants every briefing's bytes to be those
// archive/zip's CreateHeader writes for the same parts: the deflated parts
// kept once per process, the compressor that writes them and the archive
// written straight to the caller change nothing in the file. Each document
// is written twice, so the second takes its parts from the cache.
func TestZipAsCreateHeader(t *testing.T) {
	en := testDoc(t)
	en.Lang = "en"
	undated := testDoc(t)
	undated.Info.Created = time.Time{}
	noPictures := testDoc(t)
	noPictures.Blocks = noPictures.Blocks[:8]
	for name, d := range map[string]*document.Document{
		"zh": testDoc(t), "en": en, "undated": undated, "no pictures": noPictures, "national": bigDoc(t, 30, 40),
	} {
		t.Run(name, func(t *testing.T) {
			want := viaCreateHeader(t, d)
			for i := range 2 {
				if got := render(t, d); !bytes.Equal(got, want) {
					t.Fatalf("write %d: %d bytes differ from CreateHeader's %d", i+1, len(got), len(want))
				}
			}
		})
	}
}

// TestWriteAllocs bounds what writing a briefing allocates once its fixed
// parts are deflated: the archive went into a buffer of its own, doubled as
// it filled, then was copied into the caller's, and the fixed parts were
// deflated anew each time (a --slices run writes 32 briefings).
func TestWriteAllocs(t *testing.T) {
	if testutil.Race {
		t.Skip("the race detector changes what allocates (about 1 MB for this file)")
	}
	d := testDoc(t)
	d.Blocks = append(d.Blocks, document.Figure{Name: "noise", PNG: noisyPNG(t, 300, 300), Width: 300, Height: 300})
	size := len(render(t, d)) // and the cache filled
	const runs = 10
	var before, after runtime.MemStats
	var buf bytes.Buffer
	runtime.ReadMemStats(&before)
	for range runs {
		buf = bytes.Buffer{}
		if err := Write(&buf, d); err != nil {
			t.Fatal(err)
		}
	}
	runtime.ReadMemStats(&after)
	// Measured for this 370 KB file: 962 KB allocated a briefing before,
	// 521 KB now (the file itself and document.xml as it is built).
	if got := int(after.TotalAlloc-before.TotalAlloc) / runs; got > size+size/2 {
		t.Errorf("%d bytes allocated for a %d-byte file, want at most %d", got, size, size+size/2)
	}
	if buf.Cap() > size+size/16 {
		t.Errorf("the caller's buffer grown to %d bytes for a %d-byte file", buf.Cap(), size)
	}
}

// noisyPNG is a w × h PNG of noise: it does not compress, as a chart's
// antialiased pixels barely do.
func noisyPNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	x := uint32(1)
	for i := range img.Pix {
		x = x*1664525 + 1013904223 // a linear congruential generator: the same noise every time
		img.Pix[i] = byte(x >> 24)
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
