package docx

import (
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/report/document"
)

// cellPad is a cell's left and right margin, twips (1.5 mm); top and
// bottom have 1 pt (see tblOpen).
const cellPad = 85

// tblOpen opens a table: its properties (in schema order) and its grid.
// float, when set, is a w:tblpPr element placing the table.
func (b *body) tblOpen(widths []int, pad int, borders, float string) {
	b.raw(`<w:tbl><w:tblPr><w:tblStyle w:val="` + sTableStyle + `"/>`)
	b.raw(float)
	if float != "" {
		b.raw(`<w:tblOverlap w:val="never"/>`)
	}
	b.raw(`<w:tblW w:w="` + strconv.Itoa(sum(widths)) + `" w:type="dxa"/>`)
	if float == "" {
		b.raw(`<w:jc w:val="center"/>`)
	}
	b.raw(borders)
	b.raw(`<w:tblLayout w:type="fixed"/>`)
	// Top and bottom cell margins are 1 pt (0.35 mm; the PDF's are 0.6
	// mm): Word sets Latin text in whatever Times New Roman stands for
	// (DejaVu Serif in a Writer without it, a fifth wider), so its rows
	// wrap more often, and the thinner margins keep the file no longer
	// than the PDF (TestPacketWordPages).
	b.raw(`<w:tblCellMar><w:top w:w="20" w:type="dxa"/><w:left w:w="` + strconv.Itoa(pad) +
		`" w:type="dxa"/><w:bottom w:w="20" w:type="dxa"/><w:right w:w="` + strconv.Itoa(pad) +
		`" w:type="dxa"/></w:tblCellMar>`)
	b.raw(`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/>`)
	b.raw(`</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		b.raw(`<w:gridCol w:w="` + strconv.Itoa(w) + `"/>`)
	}
	b.raw(`</w:tblGrid>`)
}

// tcOpen opens a cell of width twips; span > 1 merges that many grid
// columns; extra is more w:tcPr content after the width and span
// (borders, shading, alignment, in schema order).
func (b *body) tcOpen(width, span int, extra string) {
	b.raw(`<w:tc><w:tcPr><w:tcW w:w="` + strconv.Itoa(width) + `" w:type="dxa"/>`)
	if span > 1 {
		b.raw(`<w:gridSpan w:val="` + strconv.Itoa(span) + `"/>`)
	}
	b.raw(extra)
	b.raw(`</w:tcPr>`)
}

func sum(xs []int) int {
	n := 0
	for _, x := range xs {
		n += x
	}
	return n
}

func border(side, val string, sz int, color string) string {
	if val == "nil" {
		return `<w:` + side + ` w:val="nil"/>`
	}
	return `<w:` + side + ` w:val="` + val + `" w:sz="` + strconv.Itoa(sz) + `" w:space="0" w:color="` + color + `"/>`
}

// table writes a three-line table (三线表): a caption above, rules above
// and below the table and under its header row, the header repeated on
// every page (w:tblHeader), no row split across pages, notes below.
func (b *body) table(t document.Table) {
	cols := len(t.Header)
	for _, r := range t.Rows {
		cols = max(cols, len(r))
	}
	if cols == 0 {
		return
	}
	// Word repeats the header row on a following page itself; the 续表
	// line (Continued) is the PDF's way of doing that and is not written.
	if caption := strings.TrimSpace(t.Label + "  " + t.Caption); caption != "" {
		b.para(pp{style: sCaption, keepNext: true}, caption, rp{})
	}
	if b.breakNext { // a table cannot start a page itself
		b.para(pp{style: sNormal}, "", rp{})
	}
	widths, size, pad := tableLayout(t, cols)
	spacing := ""
	if size != tableSize {
		spacing = `<w:spacing w:line="` + strconv.Itoa(int(size*1.4*twipsPerPt+0.5)) + `" w:lineRule="exact"/>`
	} else {
		size = 0 // the style's
	}
	b.tblOpen(widths, pad, `<w:tblBorders>`+border("top", "single", 12, black)+border("left", "nil", 0, "")+
		border("bottom", "single", 12, black)+border("right", "nil", 0, "")+border("insideH", "nil", 0, "")+
		border("insideV", "nil", 0, "")+`</w:tblBorders>`, "")
	if len(t.Header) > 0 {
		b.raw(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
		for c := range cols {
			b.tcOpen(widths[c], 1, `<w:tcBorders>`+border("bottom", "single", 6, black)+`</w:tcBorders>`+
				`<w:shd w:val="clear" w:color="auto" w:fill="`+headFill+`"/><w:vAlign w:val="center"/>`)
			b.para(pp{style: sTableHead, spacing: spacing, keepNext: true}, cell(t.Header, c), rp{size: size})
			b.raw(`</w:tc>`)
		}
		b.raw(`</w:tr>`)
	}
	for i, row := range t.Rows {
		b.raw(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		keep := keepRow(len(t.Rows), i, document.KeepTailRows(t))
		for c := range cols {
			b.tcOpen(widths[c], 1, `<w:vAlign w:val="center"/>`)
			b.para(pp{style: sTable, spacing: spacing, jc: jc(t.Align, c), keepNext: keep}, cell(row, c), rp{bold: t.Emphasis[i], size: size})
			b.raw(`</w:tc>`)
		}
		b.raw(`</w:tr>`)
	}
	b.raw(`</w:tbl>`)
	if len(t.Notes) == 0 {
		b.spacer(227)
	}
	for _, n := range t.Notes {
		b.para(pp{style: sNote}, n, rp{})
	}
}

// keepRow reports whether row i of n is kept on the page with the row
// after it, by the type sheet's rule as the PDF keeps it: a short table
// whole, its last row with the notes; a longer one with its first rows
// under the header and its last rows together (document.KeepTailRows: its
// 其余/合计 rows and three above them, never a row alone under the repeated
// header). Word cannot weigh the room left on the page
// as the PDF does (document.KeepWholeGap), so it keeps whole only the
// tables that never leave much of a page empty (document.KeepStartRows
// rows at most). Word keeps
// a table row with the next when the row's paragraphs are keepNext
// (w:keepNext, ECMA-376 Part 1, 17.3.1.15, applied to the paragraphs of
// every row but the last, as Aspose's "keep a table together" example and
// flextable's keep_with_next do); w:cantSplit keeps each row whole
// (17.4.6) and w:tblHeader repeats the header row (17.4.49).
func keepRow(n, i, tail int) bool {
	if n <= document.KeepStartRows {
		return true
	}
	return i < document.StartRows-1 || i >= n-tail
}

func cell(row []string, c int) string {
	if c < len(row) {
		return row[c]
	}
	return ""
}

func jc(align []document.Align, c int) string {
	if c >= len(align) {
		return "left"
	}
	switch align[c] {
	case document.Right:
		return "right"
	case document.CenterAlign:
		return "center"
	}
	return "left"
}

func fsum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

// keyFigures writes the key figures as a row of boxes, five at most to a
// row: the value large in red, its label and detail under it.
func (b *body) keyFigures(k document.KeyFigures) {
	n := len(k.Items)
	if n == 0 {
		return
	}
	if b.breakNext {
		b.para(pp{style: sNormal}, "", rp{})
	}
	per := min(n, 5)
	w := areaW / per
	widths := make([]int, per)
	for i := range widths {
		widths[i] = w
	}
	line := func(side string) string { return border(side, "single", 6, red) }
	b.tblOpen(widths, cellPad, `<w:tblBorders>`+line("top")+line("left")+line("bottom")+line("right")+
		line("insideH")+line("insideV")+`</w:tblBorders>`, "")
	for start := 0; start < n; start += per {
		b.raw(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for i := start; i < start+per; i++ {
			if i >= n {
				b.tcOpen(w, 1, "")
				b.para(pp{style: sKFLabel}, "", rp{})
				b.raw(`</w:tc>`)
				continue
			}
			it := k.Items[i]
			b.tcOpen(w, 1, `<w:shd w:val="clear" w:color="auto" w:fill="`+kfFill+`"/>`)
			r := rp{}
			if s := fitSize(clean(it.Value), 24, w-2*cellPad); s < 24 {
				r.size = max(s, 10)
			}
			b.para(pp{style: sKFValue}, it.Value, r)
			// A label one line too long for its box (新的社会阶层人士, eight
			// characters at 11 pt in a fifth of the type area) is set a
			// little smaller rather than broken before its last character;
			// a longer one wraps.
			label := rp{}
			if s := fitSize(clean(it.Label), 11, w-2*cellPad); s < 11 && s >= 9 {
				label.size = s
			}
			b.para(pp{style: sKFLabel}, it.Label, label)
			b.para(pp{style: sKFDetail}, it.Detail, rp{})
			b.raw(`</w:tc>`)
		}
		b.raw(`</w:tr>`)
	}
	b.raw(`</w:tbl>`)
	b.spacer(227)
}

// colophon writes the 版记 at the foot of the last page as a table placed
// at the bottom of the type area (w:tblpPr), so text before it flows
// above it: a heavy rule, the 报/送/发 lines (each hanging after its
// label), a thin rule, the issuing unit left and the date right, a heavy
// rule, then the copies line.
func (b *body) colophon(c document.Colophon) {
	closing := clean(c.Unit) != "" || clean(c.Issued) != ""
	if len(c.Lines) == 0 && !closing && clean(c.Copies) == "" {
		return
	}
	const in = 280 // one character of 14 pt
	heavy := border("bottom", "single", 8, black)
	b.tblOpen([]int{areaW}, cellPad, `<w:tblBorders>`+border("top", "single", 8, black)+border("left", "nil", 0, "")+
		border("bottom", "nil", 0, "")+border("right", "nil", 0, "")+border("insideH", "nil", 0, "")+
		border("insideV", "nil", 0, "")+`</w:tblBorders>`,
		`<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="284" w:bottomFromText="0"`+
			` w:vertAnchor="margin" w:horzAnchor="page" w:tblpX="`+strconv.Itoa(marginL)+`" w:tblpYSpec="bottom"/>`)
	row := func(tcBorders string, write func()) {
		b.raw(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		extra := ""
		if tcBorders != "" {
			extra = `<w:tcBorders>` + tcBorders + `</w:tcBorders>`
		}
		b.tcOpen(areaW, 1, extra)
		write()
		b.raw(`</w:tc></w:tr>`)
	}
	for i, l := range c.Lines {
		rule := ""
		if i == len(c.Lines)-1 {
			rule = border("bottom", "single", 6, black)
			if !closing {
				rule = heavy
			}
		}
		hang := int(ems(clean(l.Label))*14*twipsPerPt + 0.5)
		row(rule, func() {
			b.pOpen(pp{style: sColophon, ind: `<w:ind w:left="` + strconv.Itoa(in+hang) + `" w:right="` +
				strconv.Itoa(in) + `" w:hanging="` + strconv.Itoa(hang) + `"/>`})
			b.run(l.Label, rp{})
			b.run(l.Text, rp{})
			b.pClose()
		})
	}
	if closing {
		row(heavy, func() {
			b.para(pp{style: sColophon,
				tabs: `<w:tabs><w:tab w:val="right" w:pos="` + strconv.Itoa(areaW-2*cellPad-in) + `"/></w:tabs>`,
				ind:  `<w:ind w:left="` + strconv.Itoa(in) + `" w:right="` + strconv.Itoa(in) + `"/>`},
				c.Unit+"\t"+c.Issued, rp{})
		})
	}
	if clean(c.Copies) != "" {
		row("", func() {
			b.para(pp{style: sColophon, jc: "right", ind: `<w:ind w:right="` + strconv.Itoa(in) + `"/>`}, c.Copies, rp{})
		})
	}
	b.raw(`</w:tbl>`)
	// The floating table's anchor, and the paragraph a body must end with.
	b.para(pp{style: sNormal}, "", rp{})
}
