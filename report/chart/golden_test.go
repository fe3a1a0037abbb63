package chart

import (
	"bytes"
	"flag"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/testutil"
)

var update = flag.Bool("update", false, "rewrite the golden chart images in testdata/golden")

// goldenCase is one fixture rendered in one language.
type goldenCase struct {
	name string
	lang vocab.Lang
	data func() *analysis.Dataset
}

var goldenCases = []goldenCase{
	{"western", vocab.Zh, western},
	{"western_en", vocab.En, western},
	{"national", vocab.Zh, national},
}

// testCases are the golden cases worth rendering in this run: under -race
// (ten times slower) the 300-city fixture is left to the normal run.
func testCases() []goldenCase {
	if testutil.Race {
		return goldenCases[:2]
	}
	return goldenCases
}

// rendered caches each golden case's charts: rendering the 300-city
// fixture is the slow part of these tests, most of all under -race.
var rendered sync.Map // case name → renderResult

type renderResult struct {
	charts  []Chart
	skipped []string
}

func renderCase(tb testing.TB, gc goldenCase) []Chart {
	tb.Helper()
	charts, _ := renderCaseNotes(tb, gc)
	return charts
}

func renderCaseNotes(tb testing.TB, gc goldenCase) ([]Chart, []string) {
	tb.Helper()
	if v, ok := rendered.Load(gc.name); ok {
		r := v.(renderResult)
		return r.charts, r.skipped
	}
	charts, skipped, err := Render(mustCompare(tb, gc.data()), Options{Lang: gc.lang})
	if err != nil {
		tb.Fatal(err)
	}
	rendered.Store(gc.name, renderResult{charts, skipped})
	return charts, skipped
}

// TestGolden compares every chart with its golden image by decoded pixels.
// Goldens are stored at half size (2×2 box filter) to keep the repository
// small; that still catches any change of layout, text or colour.
func TestGolden(t *testing.T) {
	for _, gc := range testCases() {
		t.Run(gc.name, func(t *testing.T) {
			charts := renderCase(t, gc)
			dir := filepath.Join("testdata", "golden", gc.name)
			if *update {
				if err := os.MkdirAll(dir, 0o755); err != nil {
					t.Fatal(err)
				}
			}
			if !*update {
				var want, have []string
				files, _ := filepath.Glob(filepath.Join(dir, "*.png"))
				for _, f := range files {
					want = append(want, strings.TrimSuffix(filepath.Base(f), ".png"))
				}
				for _, ch := range charts {
					have = append(have, ch.Name)
				}
				slices.Sort(have)
				if !slices.Equal(want, have) {
					t.Errorf("charts %v, goldens %v", have, want)
				}
			}
			for _, ch := range charts {
				got := halfSize(t, mustDecode(t, ch.PNG))
				path := filepath.Join(dir, ch.Name+".png")
				if *update {
					var buf bytes.Buffer
					if err := png.Encode(&buf, got); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				b, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%s: %v (run go test -update to create it)", ch.Name, err)
				}
				if msg := pixelDiff(mustDecode(t, b), got); msg != "" {
					t.Errorf("%s differs from %s: %s (look at both, then go test -update if the change is intended)", ch.Name, path, msg)
				}
			}
		})
	}
}

func mustDecode(tb testing.TB, b []byte) image.Image {
	tb.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		tb.Fatalf("decode PNG: %v", err)
	}
	return img
}

// nrgba converts any image to *image.NRGBA, for direct pixel access.
func nrgba(img image.Image) *image.NRGBA {
	if n, ok := img.(*image.NRGBA); ok && n.Rect.Min == (image.Point{}) {
		return n
	}
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Rect, img, b.Min, draw.Src)
	return out
}

// halfSize averages 2×2 blocks into an opaque image.
func halfSize(tb testing.TB, img image.Image) *image.NRGBA {
	tb.Helper()
	src := nrgba(img)
	w, h := src.Rect.Dx()/2, src.Rect.Dy()/2
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			o := out.PixOffset(x, y)
			for ch := range 3 {
				sum := 2
				for _, d := range [4][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
					sum += int(src.Pix[src.PixOffset(2*x+d[0], 2*y+d[1])+ch])
				}
				out.Pix[o+ch] = uint8(sum / 4)
			}
			out.Pix[o+3] = 0xff
		}
	}
	return out
}

// pixelDiff describes how two images differ; "" if they match. Sub-pixel
// rasterisation may differ slightly between CPU architectures (fused
// multiply-add), so a channel difference up to 24 on a few pixels is
// tolerated; a moved label or changed colour differs on far more.
func pixelDiff(want, got image.Image) string {
	w, g := nrgba(want), nrgba(got)
	if w.Rect.Size() != g.Rect.Size() {
		return "size " + g.Rect.Size().String() + ", want " + w.Rect.Size().String()
	}
	bad := 0
	for i := 0; i < len(w.Pix); i += 4 {
		for ch := range 3 {
			if d := int(w.Pix[i+ch]) - int(g.Pix[i+ch]); d > 24 || d < -24 {
				bad++
				break
			}
		}
	}
	if limit := w.Rect.Dx() * w.Rect.Dy() / 2000; bad > limit {
		return formatCount(bad) + " pixels differ"
	}
	return ""
}

func formatCount(n int) string { return vocab.Int(int64(n)) }
