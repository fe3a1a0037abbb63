package docx

import (
	"bytes"
	"image/png"
	"strconv"

	"github.com/basebrief/basebrief/report/document"
)

// chartDPI is the charts' resolution: a chart is placed at its natural
// size, as the PDF places it, and never wider than the type area.
const chartDPI = 200

// figure writes a chart as an inline picture with its alt text (wp:docPr
// descr, what Word shows as 替代文字 and screen readers read), then its
// caption. A PNG that cannot be read leaves the caption alone.
func (b *body) figure(f document.Figure) {
	w, h := f.Width, f.Height
	if w <= 0 || h <= 0 {
		if cfg, err := png.DecodeConfig(bytes.NewReader(f.PNG)); err == nil {
			w, h = cfg.Width, cfg.Height
		}
	}
	if w > 0 && h > 0 {
		cx, cy := pictureSize(w, h, f.Compact)
		b.images = append(b.images, f.PNG)
		n := len(b.images)
		alt := f.Alt
		if alt == "" {
			alt = f.Caption
		}
		name := f.Name
		if name == "" {
			name = "chart" + strconv.Itoa(n)
		}
		b.pOpen(pp{style: sFigure, keepNext: f.Caption != ""})
		b.inline(n, cx, cy, name, alt)
		b.pClose()
	}
	if f.Caption != "" {
		b.para(pp{style: sCaption}, f.Caption, rp{})
	}
}

// pictureSize is the picture's extent in EMU: its natural size at
// chartDPI, narrowed to the type area and shortened to leave room for a
// caption on the page, keeping the aspect; a compact figure takes at
// most half the type area, two to a page.
func pictureSize(w, h int, compact bool) (cx, cy int64) {
	const maxW = document.AreaW * emuPerMM
	maxH := (document.AreaH - 20) * emuPerMM
	if compact {
		maxH = (document.AreaH/2 - 20) * emuPerMM
	}
	x := float64(w) / chartDPI * 25.4 * emuPerMM
	x = min(x, maxW)
	y := x * float64(h) / float64(w)
	if y > maxH {
		y = maxH
		x = y * float64(w) / float64(h)
	}
	return int64(x + 0.5), int64(y + 0.5)
}

// inline writes picture n (1-based) as DrawingML, the way Word writes an
// inline picture.
func (b *body) inline(n int, cx, cy int64, name, alt string) {
	ext := func(tag string) {
		b.raw(`<` + tag)
		b.attrInt("cx", cx)
		b.attrInt("cy", cy)
		b.raw(`/>`)
	}
	b.raw(`<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">`)
	ext("wp:extent")
	b.raw(`<wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr`)
	b.attrInt("id", int64(n))
	b.attr("name", name)
	b.attr("descr", alt)
	b.raw(`/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>`)
	b.raw(`<a:graphic><a:graphicData uri="` + nsPic + `"><pic:pic><pic:nvPicPr><pic:cNvPr`)
	b.attrInt("id", int64(n))
	b.attr("name", name+".png")
	b.attr("descr", alt)
	b.raw(`/><pic:cNvPicPr><a:picLocks noChangeAspect="1" noChangeArrowheads="1"/></pic:cNvPicPr></pic:nvPicPr>`)
	b.raw(`<pic:blipFill><a:blip r:embed="` + imageRID(n-1) + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>`)
	b.raw(`<pic:spPr><a:xfrm><a:off x="0" y="0"/>`)
	ext("a:ext")
	b.raw(`</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>`)
	b.raw(`</wp:inline></w:drawing></w:r>`)
}
