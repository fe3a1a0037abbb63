package briefing

import "fmt"

// column is one table column; width is a share of the type area.
type column struct {
	head  string
	width float64
	align string // "L", "R" or "C"
}

// table is a three-line table (三线表) with a caption. Cell text wraps
// inside its cell; when the table breaks across pages the caption
// (续表N) and header row are repeated.
type table struct {
	caption string
	cols    []column
	rows    [][]string
	size    float64 // pt; tableSize when zero
}

const cellPadX, cellPadY = 1.2, 1.0

// cellLines wraps every cell of a row to its column and returns the lines
// and the row height.
func (d *doc) cellLines(t *table, cells []string, lh float64) ([][]string, float64) {
	out := make([][]string, len(t.cols))
	most := 1
	for i, c := range t.cols {
		s := ""
		if i < len(cells) {
			s = cells[i]
		}
		out[i] = lineTexts(s, d.colW(t, i)-2*cellPadX, d.colW(t, i)-2*cellPadX, d.width)
		most = max(most, len(out[i]))
		_ = c
	}
	return out, float64(most)*lh + 2*cellPadY
}

func (d *doc) colW(t *table, i int) float64 {
	total := 0.0
	for _, c := range t.cols {
		total += c.width
	}
	return areaW * t.cols[i].width / total
}

func (d *doc) drawRow(t *table, lines [][]string, h, lh float64, head bool) {
	x := marginL
	d.pdf.SetFillColor(238, 238, 238)
	if head {
		d.pdf.Rect(marginL, d.y, areaW, h, "F")
	}
	for i, c := range t.cols {
		w := d.colW(t, i)
		for j, s := range lines[i] {
			tw := d.width(s)
			tx := x + cellPadX
			switch {
			case head || c.align == "C":
				tx = x + (w-tw)/2
			case c.align == "R":
				tx = x + w - cellPadX - tw
			}
			d.text(tx, d.baseline(d.y+cellPadY+float64(j)*lh, lh), s, head, 0)
		}
		x += w
	}
	d.y += h
}

// draw sets the table from the cursor on.
func (d *doc) drawTable(t *table) {
	size := t.size
	if size == 0 {
		size = tableSize
	}
	d.tables++
	n := d.tables
	d.font(size, black)
	lh := size * 1.4 * ptMM
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = c.head
	}
	headLines, headH := d.cellLines(t, heads, lh)
	capH := 12 * 1.8 * ptMM
	caption := func(cont bool) {
		d.font(12, black)
		s := fmt.Sprintf(d.t("表%d  %s", "Table %d  %s"), n, t.caption)
		if cont {
			s = fmt.Sprintf(d.t("续表%d  %s", "Table %d (continued)  %s"), n, t.caption)
		}
		lines := lineTexts(s, areaW, areaW, d.width)
		for _, l := range lines {
			d.text(marginL+(areaW-d.width(l))/2, d.baseline(d.y, capH), l, !cont, 0)
			d.y += capH
		}
		d.font(size, black)
		d.hrule(d.y, 1.0, black)
		d.drawRow(t, headLines, headH, lh, true)
		d.hrule(d.y, 0.5, black)
	}
	first := true
	for _, row := range t.rows {
		d.font(size, black)
		lines, h := d.cellLines(t, row, lh)
		need := h
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
		d.drawRow(t, lines, h, lh, false)
	}
	if first {
		caption(false)
	}
	d.hrule(d.y, 1.0, black)
	d.skip(4)
}
