package chart

import (
	"bytes"
	"flag"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/format"
)

var update = flag.Bool("update", false, "rewrite the golden chart images in testdata/golden")

// goldenCase is one fixture rendered in one language.
type goldenCase struct {
	name string
	lang format.Lang
	data func() *analysis.Dataset
}

var goldenCases = []goldenCase{
	{"western", format.Zh, western},
	{"western_en", format.En, western},
	{"national", format.Zh, national},
}

// TestGolden compares every chart with its golden image by decoded pixels.
// Goldens are stored at half size (2×2 box filter) to keep the repository
// small; that still catches any change of layout, text or colour.
func TestGolden(t *testing.T) {
	for _, gc := range goldenCases {
		t.Run(gc.name, func(t *testing.T) {
			charts, _, err := Render(mustCompare(t, gc.data()), Options{Lang: gc.lang})
			if err != nil {
				t.Fatal(err)
			}
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

// halfSize averages 2×2 blocks into an opaque RGB image.
func halfSize(tb testing.TB, img image.Image) *image.NRGBA {
	tb.Helper()
	b := img.Bounds()
	out := image.NewNRGBA(image.Rect(0, 0, b.Dx()/2, b.Dy()/2))
	for y := 0; y < b.Dy()/2; y++ {
		for x := 0; x < b.Dx()/2; x++ {
			var r, g, bl uint32
			for _, d := range [4][2]int{{0, 0}, {1, 0}, {0, 1}, {1, 1}} {
				cr, cg, cb, _ := img.At(b.Min.X+2*x+d[0], b.Min.Y+2*y+d[1]).RGBA()
				r, g, bl = r+cr>>8, g+cg>>8, bl+cb>>8
			}
			out.SetNRGBA(x, y, color.NRGBA{uint8((r + 2) / 4), uint8((g + 2) / 4), uint8((bl + 2) / 4), 0xff})
		}
	}
	return out
}

// pixelDiff describes how two images differ; "" if they match. Sub-pixel
// rasterisation may differ slightly between CPU architectures (fused
// multiply-add), so a channel difference up to 24 on a few pixels is
// tolerated; a moved label or changed colour differs on far more.
func pixelDiff(want, got image.Image) string {
	wb, gb := want.Bounds(), got.Bounds()
	if wb.Size() != gb.Size() {
		return "size " + gb.Size().String() + ", want " + wb.Size().String()
	}
	bad := 0
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			r1, g1, b1, _ := want.At(wb.Min.X+x, wb.Min.Y+y).RGBA()
			r2, g2, b2, _ := got.At(gb.Min.X+x, gb.Min.Y+y).RGBA()
			if absDiff(r1, r2) > 24<<8 || absDiff(g1, g2) > 24<<8 || absDiff(b1, b2) > 24<<8 {
				bad++
			}
		}
	}
	if limit := wb.Dx() * wb.Dy() / 2000; bad > limit {
		return formatCount(bad) + " pixels differ"
	}
	return ""
}

func absDiff(a, b uint32) uint32 {
	if a > b {
		return a - b
	}
	return b - a
}

func formatCount(n int) string { return format.Int(int64(n)) }
