package briefing

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"slices"
)

// distinctWidths returns the charts with every PNG's pixel width different.
// fpdf writes images ordered by width only (SetCatalogSort), so two images
// of one width come out in map order and the PDF differs from run to run.
// A later duplicate is widened by repeating its right-most column, which
// does not show. report/chart already gives each chart its own width, so
// for its charts this reads headers only; re-encoding is the fallback for
// other callers, and slow at national size.
func distinctWidths(figs []Figure) ([]Figure, error) {
	out := slices.Clone(figs)
	used := map[int]bool{}
	for i, f := range figs {
		cfg, err := png.DecodeConfig(bytes.NewReader(f.PNG))
		if err != nil {
			continue // reported where the chart is placed
		}
		w := cfg.Width
		for used[w] {
			w++
		}
		used[w] = true
		if w == cfg.Width {
			continue
		}
		if out[i].PNG, err = widen(f.PNG, w); err != nil {
			return nil, fmt.Errorf("chart %s: %w", f.Name, err)
		}
	}
	return out, nil
}

func widen(b []byte, w int) ([]byte, error) {
	src, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	r := src.Bounds()
	// RGBA: draw has fast paths into it from what png.Decode returns.
	dst := image.NewRGBA(image.Rect(0, 0, w, r.Dy()))
	draw.Draw(dst, image.Rect(0, 0, r.Dx(), r.Dy()), src, r.Min, draw.Src)
	for y := 0; y < r.Dy(); y++ {
		edge := dst.RGBAAt(r.Dx()-1, y)
		for x := r.Dx(); x < w; x++ {
			dst.SetRGBA(x, y, edge)
		}
	}
	var out bytes.Buffer
	if err := png.Encode(&out, dst); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}
