package chart

import (
	"bytes"
	"errors"
	"fmt"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/font"
	"github.com/basebrief/basebrief/report/format"
)

// Options choose the language, the face and the source line of the charts.
type Options struct {
	Lang   format.Lang // zh (default) or en
	Face   *font.Face  // nil: the embedded WenQuanYi Micro Hei
	Source string      // source line on every chart; "" → the records
}

// Chart is one rendered chart. Files are charts/NAME.png and charts/NAME.svg.
type Chart struct {
	Name  string // stable file stem, e.g. "members_by_city"
	Title string // localized title, for a caption
	PNG   []byte
	SVG   []byte
	// WidthPx × HeightPx is the PNG's size at DPI; WidthPt × HeightPt is the
	// printed size (the SVG's), for placing the chart on a page.
	WidthPx, HeightPx int
	DPI               int
	WidthPt, HeightPt float64
}

// builder turns a comparison into one figure, or returns a note saying why
// the chart is skipped (nil figure).
type builder func(c *analysis.Comparison, t texts) (*figure, string)

// builders lists the charts in the order they appear in the briefing.
var builders = []builder{
	membersByCity,
	membersByProvince,
	basesByProvince,
	changeByCity,
	coverageByProvince,
}

// Render draws every chart that has something to show. Charts with nothing
// to show are skipped, never drawn as an empty frame; the second result
// says which and why, for the log.
func Render(c *analysis.Comparison, opts Options) ([]Chart, []string, error) {
	if c == nil {
		return nil, nil, errors.New("render charts: no comparison")
	}
	face := opts.Face
	if face == nil {
		var err error
		if face, err = font.Default(); err != nil {
			return nil, nil, fmt.Errorf("render charts: %w", err)
		}
	}
	t := newTexts(opts.Lang, c, opts.Source)
	ts := typeset{f: face.Font}
	var charts []Chart
	var skipped []string
	for _, b := range builders {
		fig, note := b(c, t)
		if fig == nil {
			skipped = append(skipped, note)
			continue
		}
		ch, err := renderFigure(fig, ts)
		if err != nil {
			return nil, nil, fmt.Errorf("render chart %s: %w", fig.name, err)
		}
		charts = append(charts, ch)
	}
	return charts, skipped, nil
}

// renderFigure measures a figure once and draws it on both backends.
func renderFigure(f *figure, ts typeset) (Chart, error) {
	l := measure(f, ts)
	w, h := vg.Length(l.W), vg.Length(l.H)

	img := vgimg.NewWith(vgimg.UseWH(w, h), vgimg.UseDPI(dpi))
	l.draw(img)
	var png bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: img}).WriteTo(&png); err != nil {
		return Chart{}, fmt.Errorf("encode PNG: %w", err)
	}

	svg := newSVG(w, h)
	l.draw(svg)
	var sv bytes.Buffer
	if _, err := svg.WriteTo(&sv); err != nil {
		return Chart{}, fmt.Errorf("write SVG: %w", err)
	}
	b := img.Image().Bounds()
	return Chart{
		Name: f.name, Title: f.title,
		PNG: png.Bytes(), SVG: sv.Bytes(),
		WidthPx: b.Dx(), HeightPx: b.Dy(), DPI: dpi,
		WidthPt: l.W, HeightPt: l.H,
	}, nil
}
