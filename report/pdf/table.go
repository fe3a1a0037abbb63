package pdf

import (
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// table is a document table being set: its text, and the font size and
// column widths fitted to the type area.
type table struct {
	document.Table
	size   float64
	widths []float64
}

const cellPadX, cellPadY = 1.2, 0.6

// captionSize is the table and figure captions' size, pt.
const captionSize = document.CaptionSize

// newTable sets t at the type sheet's one table size.
func (d *pdfDoc) newTable(t document.Table) *table {
	out := &table{Table: t, size: tableSize}
	d.fit(out, out.size)
	return out
}

func (t *table) align(i int) document.Align {
	if i < len(t.Align) {
		return t.Align[i]
	}
	return document.Left
}

// cellLines wraps every cell of a row to its column and returns the lines
// and the row height.
func (d *pdfDoc) cellLines(t *table, cells []string, lh float64, balanced bool) ([][]string, float64) {
	out := make([][]string, len(t.Header))
	most := 1
	for i := range t.Header {
		s := ""
		if i < len(cells) {
			s = cells[i]
		}
		inner := t.widths[i] - 2*cellPadX
		if balanced {
			out[i] = d.balancedLines(s, inner)
		} else {
			out[i] = lineTexts(s, inner, inner, d.width)
		}
		most = max(most, len(out[i]))
	}
	return out, float64(most)*lh + 2*cellPadY
}

// balancedLines wraps s into as few lines as width allows, but with the
// lines as even as they can be: 会议/公布, not 会议公/布.
func (d *pdfDoc) balancedLines(s string, width float64) []string {
	bs := boxes(s, d.width) // once for the widths tried
	lines := boxLines(bs, width, width, d.width)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := width/float64(len(lines)), width
	for _, b := range bs {
		lo = max(lo, b.width) // never narrower than a word: Change, not Chan/ge
	}
	if lo >= hi {
		return lines
	}
	for range 12 {
		mid := (lo + hi) / 2
		if len(boxLines(bs, mid, mid, d.width)) > len(lines) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return boxLines(bs, hi, hi, d.width)
}

// fit sets the column widths by the type sheet's table-fitting rule
// (document.Columns), measured in the faces this PDF embeds.
func (d *pdfDoc) fit(t *table, size float64) {
	d.font(d.textRole(), size, black)
	t.widths = document.Columns(t.Table, len(t.Header), areaW, document.Measure{
		Width: d.width,
		Runs: func(s string) []float64 {
			var out []float64
			for _, b := range boxes(s, d.width) {
				out = append(out, b.width)
			}
			return out
		},
		Pad: 2 * cellPadX,
	})
}

// drawRow sets one row; the header row on a grey band in 黑体, emphasised
// rows (totals) in 黑体 too.
func (d *pdfDoc) drawRow(t *table, lines [][]string, h, lh float64, head, strong bool) {
	x := marginL
	if head {
		d.pdf.SetFillColor(238, 238, 238)
		d.pdf.Rect(marginL, d.y, areaW, h, "F")
	}
	role := d.textRole()
	if head || strong {
		role = font.Hei
	}
	d.font(role, t.size, black)
	for i := range t.Header {
		w := t.widths[i]
		for j, s := range lines[i] {
			tw := d.width(s)
			tx := x + cellPadX
			switch t.align(i) {
			case document.CenterAlign:
				tx = x + (w-tw)/2
			case document.Right:
				tx = x + w - cellPadX - tw
			}
			if head {
				tx = x + (w-tw)/2
			}
			d.text(tx, d.baseline(d.y+cellPadY+float64(j)*lh, lh), s, false, 0)
		}
		x += w
	}
	d.y += h
}

// startHeight is the height of the table's caption, header and first
// rows: a short table (up to six rows) whole, a longer one two rows, so
// that no caption or header is left alone at the foot of a page.
func (d *pdfDoc) startHeight(t *table) float64 {
	lh := t.size * 1.4 * ptMM
	d.font(font.Hei, t.size, black)
	_, need := d.cellLines(t, t.Header, lh, true)
	need += d.captionHeight(t.Label + "  " + t.Caption)
	k := min(len(t.Rows), document.StartRows)
	if len(t.Rows) <= document.KeepStartRows {
		k = len(t.Rows)
	}
	d.font(d.textRole(), t.size, black)
	for _, row := range t.Rows[:k] {
		_, h := d.cellLines(t, row, lh, false)
		need += h
	}
	return need
}

// wholeHeight is the height of the whole table with its caption and notes.
func (d *pdfDoc) wholeHeight(t *table, lh, headH float64) float64 {
	need := d.captionHeight(t.Label+"  "+t.Caption) + headH
	d.font(d.textRole(), t.size, black)
	for _, row := range t.Rows {
		_, h := d.cellLines(t, row, lh, false)
		need += h
	}
	return need + d.keptNotes(t) + 1.5
}

// keptNotes is the height of the notes that stay on the page with a
// table's last row: their first lines (document.KeepNoteLines); the rest
// may follow on the next page.
func (d *pdfDoc) keptNotes(t *table) float64 {
	all := 0.0
	for _, n := range t.Notes {
		all += d.paragraphHeight(n, d.style(document.Note))
	}
	return min(all, document.KeepNoteLines*document.NoteTextPitch*ptMM)
}

func (d *pdfDoc) captionHeight(s string) float64 {
	d.font(font.Hei, captionSize, black)
	return float64(len(lineTexts(s, areaW, areaW, d.width))) * captionSize * 1.8 * ptMM
}

// drawTable sets the table from the cursor on: caption, a three-line
// table (三线表) whose header repeats with 续表N on every page it
// continues to, then its notes.
func (d *pdfDoc) drawTable(dt document.Table) {
	t := d.newTable(dt)
	lh := t.size * document.TablePitch * ptMM
	d.font(font.Hei, t.size, black)
	headLines, headH := d.cellLines(t, t.Header, lh, true)
	if need := d.startHeight(t); need <= areaH {
		d.ensure(need)
	}
	if len(t.Rows) <= document.KeepWholeRows && d.room() <= document.KeepWholeGap {
		// A short table is kept whole with its notes: no 续表 of one row.
		if need := d.wholeHeight(t, lh, headH); need <= areaH {
			d.ensure(need)
		}
	}
	caption := func(cont bool) {
		s := t.Label + "  " + t.Caption
		if cont {
			s = t.Continued + "  " + t.Caption
		}
		d.font(font.Hei, captionSize, black)
		capH := captionSize * 1.8 * ptMM
		for _, l := range lineTexts(s, areaW, areaW, d.width) {
			d.text(marginL+(areaW-d.width(l))/2, d.baseline(d.y, capH), l, false, 0)
			d.y += capH
		}
		d.hrule(d.y, 1.0, black)
		d.drawRow(t, headLines, headH, lh, true, false)
		d.hrule(d.y, 0.5, black)
	}
	first := true
	capH := d.captionHeight(t.Label + "  " + t.Caption)
	notesH := d.keptNotes(t)
	tail := document.KeepTailRows(dt)
	for i, row := range t.Rows {
		d.font(d.textRole(), t.size, black)
		lines, h := d.cellLines(t, row, lh, false)
		need := h
		if i == len(t.Rows)-1 {
			need += notesH // the notes stay with the last row
		}
		if !first && i == len(t.Rows)-tail {
			// Take the last rows over together (the 其余/合计 rows
			// that close the table and three rows above them): no row
			// alone under a continued header.
			for _, r := range t.Rows[i+1:] {
				_, h2 := d.cellLines(t, r, lh, false)
				need += h2
			}
			need += notesH // and the notes' first lines, as the last row keeps them
		}
		if first {
			need += capH + headH
		}
		if d.y+need > bottom {
			if !first {
				d.hrule(d.y, 1.0, black)
			}
			d.newPage()
		}
		if first || d.y == marginT {
			caption(!first)
			first = false
		}
		if t.Emphasis[i] && i > 0 {
			d.hrule(d.y, 0.5, black)
		}
		d.drawRow(t, lines, h, lh, false, t.Emphasis[i])
	}
	if first {
		caption(false)
	}
	d.hrule(d.y, 1.0, black)
	d.skip(1.5)
	for _, n := range t.Notes {
		d.paragraph("", n, d.style(document.Note))
	}
	d.skip(3)
}
