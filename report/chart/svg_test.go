package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/vg"

	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/testutil"
	"github.com/basebrief/basebrief/report/font"
)

// TestSVG checks every SVG of every fixture: well-formed XML, text drawn as
// glyph outlines only (no <text>, no font names), under 1 MB, and the same
// size as the PNG.
func TestSVG(t *testing.T) {
	for _, gc := range testCases() {
		for _, ch := range renderCase(t, gc) {
			name := gc.name + "/" + ch.Name
			if len(ch.SVG) >= 1<<20 {
				t.Errorf("%s: SVG is %d bytes, want < 1 MB", name, len(ch.SVG))
			}
			elems, err := svgElements(ch.SVG)
			if err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			for _, bad := range []string{"text", "font", "style"} {
				if elems[bad] > 0 {
					t.Errorf("%s: has %d <%s> elements; text must be outlines", name, elems[bad], bad)
				}
			}
			if elems["use"] < 20 || elems["path"] < 20 {
				t.Errorf("%s: %d <use>, %d <path>: glyphs missing?", name, elems["use"], elems["path"])
			}
			if bytes.Contains(ch.SVG, []byte("font-family")) {
				t.Errorf("%s: names a font", name)
			}
			if ch.WidthPx < 1600 || ch.HeightPx < 300 || ch.DPI != dpi {
				t.Errorf("%s: PNG %d×%d at %d dpi, want ≥ 1600 px wide", name, ch.WidthPx, ch.HeightPx, ch.DPI)
			}
			if want := float64(ch.WidthPx) * 72 / dpi; ch.WidthPt != want {
				t.Errorf("%s: %v pt wide, PNG says %v", name, ch.WidthPt, want)
			}
		}
	}
}

// svgElements counts the document's elements by local name.
func svgElements(b []byte) (map[string]int, error) {
	d := xml.NewDecoder(bytes.NewReader(b))
	n := map[string]int{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return nil, err
		}
		if se, ok := tok.(xml.StartElement); ok {
			n[se.Name.Local]++
		}
	}
}

// TestSVGWithoutFonts renders every SVG with rsvg-convert twice, with the
// system's fonts and with none (an empty fontconfig), and requires the same
// pixels: the SVG must not depend on any installed font. It also compares
// the rendering with the PNG, so the SVG shows the same chart.
func TestSVGWithoutFonts(t *testing.T) {
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		t.Skip("needs rsvg-convert (librsvg2-bin); run with BASEBRIEF_CHECK=1 (make check)")
	}
	rsvg, err := exec.LookPath("rsvg-convert")
	if err != nil {
		t.Fatal("BASEBRIEF_CHECK=1 but rsvg-convert is missing: apt-get install librsvg2-bin")
	}
	dir := t.TempDir()
	empty := filepath.Join(dir, "fonts.conf")
	conf := `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><cachedir>` + dir + `</cachedir></fontconfig>`
	if err := os.WriteFile(empty, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, gc := range testCases() {
		for _, ch := range renderCase(t, gc) {
			name := gc.name + "_" + ch.Name
			svg := filepath.Join(dir, name+".svg")
			if err := os.WriteFile(svg, ch.SVG, 0o644); err != nil {
				t.Fatal(err)
			}
			withFonts := rasterize(t, rsvg, svg, ch.WidthPx, ch.HeightPx, nil)
			noFonts := rasterize(t, rsvg, svg, ch.WidthPx, ch.HeightPx, []string{"FONTCONFIG_FILE=" + empty})
			if msg := exactDiff(withFonts, noFonts); msg != "" {
				t.Errorf("%s: rsvg-convert output changes without system fonts: %s", name, msg)
			}
			// Two rasterisers never agree on every edge pixel, but the same
			// drawing differs only along edges, a different one everywhere.
			frac := looseDiff(mustDecode(t, ch.PNG), withFonts)
			t.Logf("%s: SVG vs PNG: %.3f%% of pixels differ", name, 100*frac)
			if frac > 0.005 {
				t.Errorf("%s: SVG rendering differs from the PNG on %.2f%% of pixels", name, 100*frac)
			}
		}
	}
}

func rasterize(t *testing.T, rsvg, svg string, width, height int, env []string) image.Image {
	t.Helper()
	cmd := exec.Command(rsvg, "--width", strconv.Itoa(width), "--height", strconv.Itoa(height), svg)
	cmd.Env = append(os.Environ(), env...)
	var out, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("rsvg-convert %s: %v: %s", svg, err, stderr.String())
	}
	return mustDecode(t, out.Bytes())
}

// exactDiff reports the first differing pixel; "" if the images are equal.
func exactDiff(a, b image.Image) string {
	p, q := nrgba(a), nrgba(b)
	if p.Rect.Size() != q.Rect.Size() {
		return fmt.Sprintf("size %v vs %v", p.Rect.Size(), q.Rect.Size())
	}
	if i := slices.Compare(p.Pix, q.Pix); i != 0 {
		for j := range p.Pix {
			if p.Pix[j] != q.Pix[j] {
				return fmt.Sprintf("pixel (%d,%d) differs", j/4%p.Rect.Dx(), j/4/p.Rect.Dx())
			}
		}
	}
	return ""
}

// looseDiff is the fraction of pixels whose colour differs clearly (by more
// than a quarter of the range in some channel), rsvg's transparent
// background taken as white.
func looseDiff(a, b image.Image) float64 {
	p, q := nrgba(a), nrgba(b)
	if p.Rect.Size() != q.Rect.Size() {
		return 1
	}
	bad := 0
	for i := 0; i < len(p.Pix); i += 4 {
		for ch := range 3 {
			if d := onWhite(p.Pix[i+ch], p.Pix[i+3]) - onWhite(q.Pix[i+ch], q.Pix[i+3]); d > 64 || d < -64 {
				bad++
				break
			}
		}
	}
	return float64(bad) / float64(len(p.Pix)/4)
}

// onWhite composes a non-premultiplied channel over white.
func onWhite(v, alpha uint8) int { return (int(v)*int(alpha) + 255*(255-int(alpha))) / 255 }

// TestSVGWrittenInPlace: an SVG goes into the caller's buffer grown once
// to its size, its glyph definitions (most of its bytes) written there
// directly; they were written into a buffer of their own first, grown
// step by step, then copied (allocating about twice the SVG's size more).
func TestSVGWrittenInPlace(t *testing.T) {
	if testutil.Race {
		t.Skip("allocation counts differ under the race detector")
	}
	c, tx := prepared(sliceOf(t, monthly(), benchProvince), Options{Lang: vocab.Zh})
	face, err := font.Default()
	if err != nil {
		t.Fatal(err)
	}
	fig, _ := membersByCity(c, tx)
	if fig == nil {
		t.Fatal("fixture: no members chart")
	}
	l := measure(fig, newTypeset(face.Font))
	svg := newSVG(vg.Length(widthPx*72/dpi), vg.Length(l.H))
	l.draw(svg)
	var out bytes.Buffer
	if _, err := svg.WriteTo(&out); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var b bytes.Buffer
	if _, err := svg.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	if !bytes.Equal(b.Bytes(), out.Bytes()) {
		t.Fatal("two writes of one SVG differ")
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > uint64(b.Len())*9/8+4096 {
		t.Errorf("writing a %d-byte SVG allocated %d bytes, want about its size", b.Len(), n)
	}
}

// TestGlyphSetAllocations: an SVG's glyph set is made with room for a
// chart's glyphs and numbers them from a table: defining 100 glyphs
// (outlines made already) allocates the set alone, where the maps grown
// from nothing and an fmt.Sprintf'd id per glyph were most of defining
// them.
func TestGlyphSetAllocations(t *testing.T) {
	if testutil.Race {
		t.Skip("allocation counts differ under the race detector")
	}
	face, err := font.Default()
	if err != nil {
		t.Fatal(err)
	}
	f := face.Font
	var buf sfnt.Buffer
	var idx []sfnt.GlyphIndex
	for r := rune(0x4e00); len(idx) < 100; r++ {
		if x, err := f.GlyphIndex(&buf, r); err == nil && x != 0 {
			idx = append(idx, x)
		}
	}
	define := func() {
		s := newGlyphSet()
		for _, x := range idx {
			if s.define(f, x) == "" {
				t.Fatalf("glyph %d: no outline", x)
			}
		}
	}
	define() // the outlines, kept for the process
	if n := testing.AllocsPerRun(5, define); n > 8 {
		t.Errorf("defining 100 glyphs: %v allocations, want at most 8", n)
	}
}
