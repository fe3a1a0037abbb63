package chart

import (
	"image/color"

	"golang.org/x/image/font/sfnt"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// Canvas geometry shared by every chart. Sizes are print points on a
// 6.4-inch-wide chart (the PDF's text width), rendered at 250 dpi so the PNG
// is 1600 px wide for slides.
const (
	dpi        = 250
	widthPx    = 1600
	marginL    = 20.0
	marginR    = 20.0
	marginT    = 18.0
	marginB    = 14.0
	rowPitch   = 17.0 // one bar row
	barHeight  = 11.0
	labelGap   = 6.0   // category label to plot area
	valueGap   = 4.0   // bar end to its value label
	maxLabelW  = 120.0 // widest category label before shortening
	swatch     = 8.0   // legend colour square
	tickLen    = 3.0
	ruleWidth  = 0.5
	zeroWidth  = 0.8
	headGap    = 4.0 // title to subtitle and legend
	footGap    = 8.0 // axis to notes and source
	plotTopGap = 10.0
)

// Type sizes, in points.
const (
	sizeTitle  = 12.5
	sizeSub    = 8.5
	sizeLabel  = 8.5
	sizeValue  = 8.0
	sizeTick   = 7.5
	sizeLegend = 8.0
	sizeNote   = 7.5
	sizeSource = 7.0
)

func rgb(hex uint32) color.NRGBA {
	return color.NRGBA{R: uint8(hex >> 16), G: uint8(hex >> 8), B: uint8(hex), A: 0xff}
}

// The palette: one blue for a single series, a dark-to-mid blue ramp for
// ordered series (batches), a light grey for "the rest" and a warm red for
// losses. Every pair a chart puts side by side differs in lightness, so it
// reads in greyscale print; stacked segments are also split by a white gap.
var (
	colInk     = rgb(0x1b1b1b) // titles, labels
	colText    = rgb(0x333333) // values
	colMuted   = rgb(0x666666) // subtitle, notes, ticks
	colGrid    = rgb(0xe3e3e3)
	colAxis    = rgb(0x8c8c8c)
	colMain    = rgb(0x2f6ea6)
	colRest    = rgb(0xd9d9d9)
	colLoss    = rgb(0xc4553b)
	colRampLo  = rgb(0x0d2b4a) // darkest ordered series
	colRampHi  = rgb(0x8db8e0) // lightest ordered series, still darker than colRest
	colWhite   = rgb(0xffffff)
	colHeading = rgb(0x1b1b1b)
)

// ramp returns n colours from colRampLo to colRampHi.
func ramp(n int) []color.Color {
	out := make([]color.Color, n)
	for i := range out {
		t := 0.0
		if n > 1 {
			t = float64(i) / float64(n-1)
		}
		mix := func(a, b uint8) uint8 { return uint8(float64(a) + (float64(b)-float64(a))*t + 0.5) }
		out[i] = color.NRGBA{R: mix(colRampLo.R, colRampHi.R), G: mix(colRampLo.G, colRampHi.G), B: mix(colRampLo.B, colRampHi.B), A: 0xff}
	}
	return out
}

// typeface names the chart face in the private font cache.
const typeface = "basebrief"

// typeset measures and draws text in one face. Its text handler is the one
// every gonum/plot text style of the charts uses, over a font cache of its
// own: nothing is registered in font.DefaultCache or plot.DefaultFont, so
// renders on several goroutines (and the briefing beside them) share no
// mutable state.
type typeset struct {
	f       *sfnt.Font
	handler measuredText
}

func newTypeset(f *sfnt.Font) typeset {
	cache := font.NewCache(font.Collection{{Font: font.Font{Typeface: typeface}, Face: f}})
	return typeset{f: f, handler: measuredText{text.Plain{Fonts: cache}}}
}

func (t typeset) face(size float64) font.Face {
	return font.Face{Font: font.Font{Typeface: typeface, Size: vg.Length(size)}, Face: t.f}
}

func (t typeset) width(s string, size float64) float64 {
	if s == "" {
		return 0
	}
	return float64(width(t.face(size), s))
}

// extents are the face's ascent, descent and line height at size.
func (t typeset) extents(size float64) font.Extents {
	f := t.face(size)
	return f.Extents()
}

// style is a gonum/plot text style in the chart face. yAlign is a fraction
// of the text's height (ascent + descent), as text.Style takes it.
func (t typeset) style(size float64, col color.Color, xAlign text.XAlignment, yAlign text.YAlignment) text.Style {
	return text.Style{
		Color:   col,
		Font:    font.Font{Typeface: typeface, Size: vg.Length(size)},
		XAlign:  xAlign,
		YAlign:  yAlign,
		Handler: t.handler,
	}
}

// centred is the YAlign that puts text at size with its baseline
// opticalDrop × size below the point text.Plain draws it at, shifted up by
// lift (gonum's vertical axis adds the descent to the tick's position). The
// face's ascent includes accent room, so text.YCenter centres CJK
// ideographs visibly high; this centres them as the hand-placed text does.
func (t typeset) centred(size, lift float64) text.YAlignment {
	ext := t.extents(size)
	asc, h := float64(ext.Ascent), float64(ext.Ascent+ext.Descent)
	return text.YAlignment((asc - lift - size - opticalDrop*size) / h)
}

// opticalDrop places a row's baseline below the row's centre, as a
// fraction of the type size: the optical centre of mixed CJK/Latin text.
const opticalDrop = 0.36
