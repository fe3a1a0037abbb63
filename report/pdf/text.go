package pdf

import (
	"unicode"

	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// para describes how a paragraph is set.
type para struct {
	role    font.Role
	size    float64 // pt
	pitch   float64 // pt between baselines
	indent  float64 // first-line indent, in characters
	hang    float64 // left indent of every line, in characters
	colour  [3]int
	bold    bool
	align   string // "" justified (Chinese) / left, "C" centred, "R" right
	justify bool
}

// style maps a paragraph style to how it is set, the body and small text
// by the type sheet (document.BodyText, SmallText).
func (d *pdfDoc) style(s document.Style) para {
	text := d.textRole()
	bt := document.BodyText(d.lang())
	body := para{role: text, size: bt.Size, pitch: bt.Pitch, indent: bt.Indent, colour: black, justify: bt.Justify}
	switch s {
	case document.Note:
		return para{role: text, size: document.NoteTextSize, pitch: document.NoteTextPitch, colour: black}
	case document.Caption:
		return para{role: font.Hei, size: 12, pitch: 12 * 1.8, colour: black, align: "C"}
	case document.Source:
		return para{role: text, size: document.NoteTextSize, pitch: document.NoteTextPitch, colour: black, hang: 2, indent: -2}
	case document.Center:
		body.align, body.indent, body.justify = "C", 0, false
		return body
	case document.Small:
		st := document.SmallText(d.lang())
		return para{role: text, size: st.Size, pitch: st.Pitch, indent: st.Indent, colour: black, justify: st.Justify}
	case document.Item:
		return para{role: text, size: document.NoteTextSize, pitch: document.NoteTextPitch, hang: 1, indent: -1, colour: black}
	}
	return body
}

// lang is the document's language as the type sheet names it.
func (d *pdfDoc) lang() string { return d.t("zh", "en") }

// textRole is the face of running text: 宋体 in Chinese; in English the
// 黑体 face, whose Latin is proportional (the song face's is a
// typewriter's).
func (d *pdfDoc) textRole() font.Role {
	if d.zh {
		return font.Song
	}
	return font.Hei
}

func (d *pdfDoc) paragraphBlock(p document.Paragraph) {
	st := d.style(p.Style)
	text := p.Text
	if p.Style == document.Item {
		text = "· " + text
	}
	d.paragraph(p.Lead, text, st)
	if !d.zh && (p.Style == document.Body || p.Style == document.Small) {
		d.skip(1.5) // English paragraphs are not indented: a little space tells them apart
	}
}

// paragraph sets lead (in 黑体) and s in the type area from the cursor
// on, breaking pages between lines, and returns the number of lines.
func (d *pdfDoc) paragraph(lead, s string, p para) int {
	em := p.size * ptMM
	lh := p.pitch * ptMM
	left := marginL + p.hang*em
	w := areaW - p.hang*em
	measure := func(t string) float64 { return d.mixedWidth(lead, t, p) }
	lines := wrap(lead+s, w-p.indent*em, w, measure)
	for i, l := range lines {
		d.ensure(lh)
		x := left
		lw := w
		if i == 0 {
			x += p.indent * em
			lw -= p.indent * em
		}
		text := l.text
		headPart := ""
		if i == 0 && lead != "" {
			headPart = lead
			if len(headPart) > len(text) {
				headPart = text
			}
			text = text[len(headPart):]
		}
		d.font(p.role, p.size, p.colour)
		tw := d.mixedWidth(lead, l.text, p)
		if i > 0 {
			tw = d.width(l.text)
		}
		spread := 0.0
		switch p.align {
		case "C":
			x += (lw - tw) / 2
		case "R":
			x += lw - tw
		default:
			if p.justify && l.full {
				spread = d.spread(l.text, lw-tw, em)
			}
		}
		if headPart != "" {
			d.font(font.Hei, p.size, p.colour)
			d.text(x, d.baseline(d.y, lh), headPart, false, spread)
			x += d.width(headPart) + spread*float64(len([]rune(headPart)))
			d.font(p.role, p.size, p.colour)
		}
		d.text(x, d.baseline(d.y, lh), text, p.bold, spread)
		d.y += lh
	}
	return len(lines)
}

// paragraphHeight is the height s takes set in p.
func (d *pdfDoc) paragraphHeight(s string, p para) float64 {
	em := p.size * ptMM
	w := areaW - p.hang*em
	d.font(p.role, p.size, p.colour)
	return float64(len(wrap(s, w-p.indent*em, w, d.width))) * p.pitch * ptMM
}

// mixedWidth measures t, a prefix of lead+rest of the first line or any
// later line, with the part inside lead in 黑体.
func (d *pdfDoc) mixedWidth(lead, t string, p para) float64 {
	if lead == "" {
		d.font(p.role, p.size, p.colour)
		return d.width(t)
	}
	n := min(len(lead), len(t))
	if t[:n] != lead[:n] {
		d.font(p.role, p.size, p.colour)
		return d.width(t)
	}
	d.font(font.Hei, p.size, p.colour)
	w := d.width(t[:n])
	d.font(p.role, p.size, p.colour)
	return w + d.width(t[n:])
}

// spread is the extra space between characters that fills a Chinese line
// to the margin; none for Latin lines or when the gap would show.
func (d *pdfDoc) spread(s string, slack, em float64) float64 {
	n := len([]rune(s))
	if n < 2 || slack <= 0 || !hasHanzi(s) {
		return 0
	}
	gap := slack / float64(n-1)
	if gap > em*0.12 {
		return 0
	}
	return gap
}

// hasHanzi reports whether s has Chinese characters (not just CJK
// punctuation such as —), the lines that are justified.
func hasHanzi(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// heading sets a heading, kept on the page with the start of what follows.
// Level 0, the briefing's title, is set large in the heavy face and
// centred; level 1 in 黑体, level 2 in 楷体, level 3 in the body face.
func (d *pdfDoc) heading(h document.Heading, next document.Block) {
	p := d.style(document.Body)
	p.indent, p.justify = 0, false
	switch h.Level {
	case 0:
		p = para{role: font.Hei, size: 22, pitch: 34, colour: black, align: "C", bold: true}
	case 1:
		p.role = font.Hei
	case 2:
		p.role = font.Kai
	}
	if !d.zh && h.Level == 1 {
		p.bold = true
	}
	lh := p.pitch * ptMM
	d.font(p.role, p.size, p.colour)
	lines := len(wrap(h.Text, areaW, areaW, d.width))
	d.ensure(float64(lines)*lh + d.startOf(next, float64(lines)*lh))
	if h.Level == 1 || h.Level == 2 {
		d.bookmark(h.Text, h.Level-1)
	}
	d.paragraph("", h.Text, p)
	if h.Level == 0 {
		d.skip(4)
	}
}

// startOf is the height of what must follow a heading on its page: two
// lines of a paragraph, a table's caption, header and first rows, a
// figure, or the key figures. above is the heading's own height: the room
// a table decides by is what is left under it.
func (d *pdfDoc) startOf(b document.Block, above float64) float64 {
	switch v := b.(type) {
	case document.Paragraph:
		return 2 * d.style(v.Style).pitch * ptMM
	case document.Heading:
		return 3 * bodyPitch * ptMM
	case document.Table:
		t := d.newTable(v)
		if len(t.Rows) <= document.KeepWholeRows && d.room()-above <= document.KeepWholeGap { // kept whole: the heading goes with all of it
			lh := t.size * document.TablePitch * ptMM
			d.font(font.Hei, t.size, black)
			_, headH := d.cellLines(t, t.Header, lh, true)
			if need := d.wholeHeight(t, lh, headH); need <= areaH {
				return need
			}
		}
		if need := d.startHeight(t); need <= areaH/2 {
			return need
		}
		return 2 * bodyPitch * ptMM
	case document.Figure:
		_, h := d.figureSize(v)
		return h + 12*1.8*ptMM
	case document.KeyFigures:
		return d.kfHeight(v.Items)
	}
	return 0
}
