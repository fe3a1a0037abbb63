package chart

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
)

// TestSVG checks every SVG of every fixture: well-formed XML, text drawn as
// glyph outlines only (no <text>, no font names), under 1 MB, and the same
// size as the PNG.
func TestSVG(t *testing.T) {
	for _, gc := range goldenCases {
		charts, _, err := Render(mustCompare(t, gc.data()), Options{Lang: gc.lang})
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range charts {
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
	for _, gc := range goldenCases {
		charts, _, err := Render(mustCompare(t, gc.data()), Options{Lang: gc.lang})
		if err != nil {
			t.Fatal(err)
		}
		for _, ch := range charts {
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
	if a.Bounds() != b.Bounds() {
		return fmt.Sprintf("bounds %v vs %v", a.Bounds(), b.Bounds())
	}
	r := a.Bounds()
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				r1, g1, b1, a1 := a.At(x, y).RGBA()
				r2, g2, b2, a2 := b.At(x, y).RGBA()
				if r1 != r2 || g1 != g2 || b1 != b2 || a1 != a2 {
					return fmt.Sprintf("pixel (%d,%d) differs", x, y)
				}
			}
		}
	}
	return ""
}

// looseDiff is the fraction of pixels whose colour differs clearly (by more
// than a quarter of the range in some channel), rsvg's transparent
// background taken as white.
func looseDiff(a, b image.Image) float64 {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 1
	}
	ra, rb := a.Bounds(), b.Bounds()
	bad := 0
	for y := 0; y < ra.Dy(); y++ {
		for x := 0; x < ra.Dx(); x++ {
			p, q := onWhite(a.At(ra.Min.X+x, ra.Min.Y+y)), onWhite(b.At(rb.Min.X+x, rb.Min.Y+y))
			for i := range p {
				if absDiff(p[i], q[i]) > 0x4000 {
					bad++
					break
				}
			}
		}
	}
	return float64(bad) / float64(ra.Dx()*ra.Dy())
}

func onWhite(c color.Color) [3]uint32 {
	r, g, b, a := c.RGBA()
	return [3]uint32{r + 0xffff - a, g + 0xffff - a, b + 0xffff - a}
}
