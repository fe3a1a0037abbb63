package pdf

import (
	"bytes"
	"fmt"

	"codeberg.org/go-pdf/fpdf"

	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

const kfGap, kfPad = 3.0, 2.5

// kfHeight is the height of the key-figure boxes, with the space after them.
func (d *pdfDoc) kfHeight(items []document.KeyFigure) float64 {
	n := len(items)
	if n == 0 {
		return 0
	}
	bw := (areaW - kfGap*float64(n-1)) / float64(n)
	inner := bw - 2*kfPad
	valH, labH, noteH := 24*1.25*ptMM, 11*1.4*ptMM, 9.5*1.4*ptMM
	most := 0.0
	for _, it := range items {
		d.font(font.Hei, 11, black)
		h := float64(len(cardLines(it.Label, inner, d.width))) * labH
		d.font(font.Hei, 9.5, black)
		h += float64(len(cardLines(it.Detail, inner, d.width))) * noteH
		most = max(most, h)
	}
	return 2*kfPad + valH + most + 4
}

// kfGrid draws the key figures as a row of boxes: the number large, the
// label and a detail under it.
func (d *pdfDoc) kfGrid(items []document.KeyFigure) {
	n := len(items)
	if n == 0 {
		return
	}
	bw := (areaW - kfGap*float64(n-1)) / float64(n)
	inner := bw - 2*kfPad
	valH, labH, noteH := 24*1.25*ptMM, 11*1.4*ptMM, 9.5*1.4*ptMM
	total := d.kfHeight(items)
	bh := total - 4
	d.ensure(total)
	for i, it := range items {
		x := marginL + float64(i)*(bw+kfGap)
		d.pdf.SetFillColor(250, 243, 243)
		d.pdf.SetDrawColor(red[0], red[1], red[2])
		d.pdf.SetLineWidth(0.6 * ptMM)
		d.pdf.Rect(x, d.y, bw, bh, "FD")
		y := d.y + kfPad
		size := 24.0
		d.font(font.Hei, size, red)
		for d.width(it.Value) > inner && size > 10 {
			size--
			d.font(font.Hei, size, red)
		}
		d.text(x+(bw-d.width(it.Value))/2, d.baseline(y, valH), it.Value, true, 0)
		y += valH
		d.font(font.Hei, 11, black)
		for _, l := range cardLines(it.Label, inner, d.width) {
			d.text(x+(bw-d.width(l))/2, d.baseline(y, labH), l, false, 0)
			y += labH
		}
		d.font(font.Hei, 9.5, black)
		for _, l := range cardLines(it.Detail, inner, d.width) {
			d.text(x+(bw-d.width(l))/2, d.baseline(y, noteH), l, false, 0)
			y += noteH
		}
	}
	d.y += total
}

// figureSize is a chart's size on the page: across the type area at no
// less than 200 dpi, at most the type area less its caption.
func (d *pdfDoc) figureSize(f document.Figure) (w, h float64) {
	if f.Width == 0 || f.Height == 0 {
		return 0, 0
	}
	w = min(areaW, float64(f.Width)/200*25.4)
	h = w * float64(f.Height) / float64(f.Width)
	capH := captionSize * 1.8 * ptMM
	most := areaH - capH - 10
	if f.Compact {
		most = areaH/2 - capH - 8
	}
	if h > most {
		h = most
		w = h * float64(f.Width) / float64(f.Height)
	}
	return w, h
}

// figure places a chart with its caption under it. It shrinks a little
// rather than leave most of a page empty.
func (d *pdfDoc) figure(f document.Figure) {
	w, h := d.figureSize(f)
	if w == 0 {
		d.paragraph("", fmt.Sprintf(d.t("（图“%s”无法读取，未能插入。）", "(Chart \"%s\" could not be read and is left out.)"), f.Alt), d.style(document.Body))
		return
	}
	capH := d.captionHeight(f.Caption)
	if room := d.room() - capH - 2; room < h && room >= 0.7*h {
		w, h = w*room/h, room
	}
	d.ensure(h + capH + 2)
	name := fmt.Sprintf("chart-%s-%dx%d", f.Name, f.Width, f.Height)
	d.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(f.PNG))
	d.bookmark(f.Caption, 1)
	d.pdf.ImageOptions(name, marginL+(areaW-w)/2, d.y, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	d.y += h + 1
	d.paragraph("", f.Caption, d.style(document.Caption))
	d.skip(4)
}

// drawMasthead sets the 报头: the title large in red, the issue centred
// under it, the unit left and date right, then a red rule. A plain
// masthead leaves the same space blank for pre-printed paper.
func (d *pdfDoc) drawMasthead(m document.Masthead) {
	size := 36.0
	d.bookmark(m.Title+" "+m.Issue, 0)
	d.font(font.Hei, size, red)
	if w := d.width(m.Title); w > areaW {
		size = size * areaW / w * 0.98
		d.font(font.Hei, size, red)
	}
	h := size * 1.5 * ptMM
	if !m.Plain {
		d.text(marginL+(areaW-d.width(m.Title))/2, d.baseline(d.y, h), m.Title, true, 0)
	}
	d.y += h + 2
	lh := bodyPitch * ptMM
	d.font(d.textRole(), bodySize, black)
	if !m.Plain {
		d.text(marginL+(areaW-d.width(m.Issue))/2, d.baseline(d.y, lh), m.Issue, false, 0)
	}
	d.y += lh + 4
	d.font(d.textRole(), noteSize+1, black)
	if m.Plain {
		d.y += float64(len(d.pairRows(m.Unit, m.Date))) * lh
	} else {
		d.pair(m.Unit, m.Date, lh)
	}
	d.y += 1
	if !m.Plain {
		d.hrule(d.y, 2, red)
	}
	d.y += 8
}

// pairRows splits a left/right pair (unit and date) into rows: one row
// when both fit with two characters between them, else the left text
// wrapped and the right one on a row of its own. Set in the current font,
// one character in from either side.
func (d *pdfDoc) pairRows(left, right string) [][2]string {
	em := d.size * ptMM
	avail := areaW - 2*em
	if d.width(left)+d.width(right)+2*em <= avail {
		return [][2]string{{left, right}}
	}
	var rows [][2]string
	for _, l := range lineTexts(left, avail, avail, d.width) {
		rows = append(rows, [2]string{l, ""})
	}
	return append(rows, [2]string{"", right})
}

// pair sets a left/right pair from the cursor on, each row lh high.
func (d *pdfDoc) pair(left, right string, lh float64) {
	em := d.size * ptMM
	for _, r := range d.pairRows(left, right) {
		d.text(marginL+em, d.baseline(d.y, lh), r[0], false, 0)
		d.text(marginL+areaW-em-d.width(r[1]), d.baseline(d.y, lh), r[1], false, 0)
		d.y += lh
	}
}

// drawColophon sets the 版记 at the foot of the last page: the 报/送/发
// recipients between rules, the issuing unit and date, and the copies.
func (d *pdfDoc) drawColophon(c document.Colophon) {
	lh := 24 * ptMM
	em := noteSize * ptMM
	d.font(d.textRole(), noteSize, black)
	n := len(d.pairRows(c.Unit, c.Issued))
	for _, r := range c.Lines {
		n += len(lineTexts(r.Label+r.Text, areaW-em, areaW-em-d.width(r.Label), d.width))
	}
	h := float64(n)*lh + 3
	if c.Copies != "" {
		h += lh
	}
	if d.room() < h+6 {
		d.newPage()
	}
	d.y = bottom - h
	d.bookmark(d.t("版记", "Distribution"), 0)
	d.hrule(d.y, 1, black)
	for _, r := range c.Lines {
		d.font(d.textRole(), noteSize, black)
		hang := (em + d.width(r.Label)) / em
		d.paragraph("", r.Label+r.Text, para{role: d.textRole(), size: noteSize, pitch: 24, hang: hang, indent: -(hang - 1), colour: black})
	}
	if len(c.Lines) > 0 {
		d.hrule(d.y, 0.7, black)
	}
	d.font(d.textRole(), noteSize, black)
	d.pair(c.Unit, c.Issued, lh)
	d.hrule(d.y, 1, black)
	if c.Copies != "" {
		d.text(marginL+areaW-em-d.width(c.Copies), d.baseline(d.y, lh), c.Copies, false, 0)
		d.y += lh
	}
}
