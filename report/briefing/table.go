package briefing

import "fmt"

// column is one table column. Widths are fitted to the text (fit).
type column struct {
	head  string
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
	widths  []float64
}

const cellPadX, cellPadY = 1.2, 1.0

// cellLines wraps every cell of a row to its column and returns the lines
// and the row height.
func (d *doc) cellLines(t *table, cells []string, lh float64, balanced bool) ([][]string, float64) {
	out := make([][]string, len(t.cols))
	most := 1
	for i := range t.cols {
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
func (d *doc) balancedLines(s string, width float64) []string {
	lines := lineTexts(s, width, width, d.width)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := width/float64(len(lines)), width
	for range 12 {
		mid := (lo + hi) / 2
		if len(lineTexts(s, mid, mid, d.width)) > len(lines) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lineTexts(s, hi, hi, d.width)
}

// fit sets the font size and column widths: each column as wide as its
// widest cell, spare width shared out in proportion; when the type area is
// too narrow, the columns that can wrap give up width first, down to what
// they need (a short cell such as 858.4万 or 华东 is never broken, a
// heading at most into two lines). If even that does not fit, the type
// gets smaller, down to 7 pt.
func (d *doc) fit(t *table, size float64) float64 {
	for ; ; size -= 0.5 {
		d.font(size, black)
		nat, least := d.natural(t)
		sum := 0.0
		for _, l := range least {
			sum += l
		}
		if sum <= areaW || size <= 7 {
			t.widths = spread(nat, least, areaW)
			return size
		}
	}
}

// natural measures each column's wanted and least widths at the current size.
func (d *doc) natural(t *table) (nat, least []float64) {
	n := len(t.cols)
	nat, least = make([]float64, n), make([]float64, n)
	for i, c := range t.cols {
		nat[i] = d.width(c.head) + 2*cellPadX
		least[i] = d.headLeast(c.head) + 2*cellPadX
	}
	for _, row := range t.rows {
		for i := 0; i < n && i < len(row); i++ {
			w := d.width(row[i]) + 2*cellPadX
			nat[i] = max(nat[i], w)
			if len([]rune(row[i])) <= 12 { // 858.4万, 1.4 million
				least[i] = max(least[i], w)
				continue
			}
			for _, b := range boxes(row[i], d.width) {
				least[i] = max(least[i], b.width+2*cellPadX)
			}
		}
	}
	return nat, least
}

// headLeast is the width a heading needs to fit in two lines.
func (d *doc) headLeast(s string) float64 {
	least := 0.0
	for _, b := range boxes(s, d.width) {
		least = max(least, b.width)
	}
	if r := []rune(s); hasCJK(s) && len(r) <= 2 {
		least = d.width(s) // 城市, 序号: never 城/市
	} else if hasCJK(s) {
		least = max(least, d.width(string(r[:(len(r)+1)/2])))
	}
	return least
}

// spread fits widths wanting nat (and needing least) into total.
func spread(nat, least []float64, total float64) []float64 {
	out := make([]float64, len(nat))
	sumNat, sumLeast := 0.0, 0.0
	for i := range nat {
		least[i] = min(least[i], nat[i])
		sumNat += nat[i]
		sumLeast += least[i]
	}
	switch {
	case sumNat <= total:
		for i := range nat {
			out[i] = nat[i] + (total-sumNat)*nat[i]/sumNat
		}
	case sumLeast <= total:
		excess, flex := sumNat-total, sumNat-sumLeast
		for i := range nat {
			out[i] = nat[i] - excess*(nat[i]-least[i])/flex
		}
	default:
		for i := range nat {
			out[i] = least[i] * total / sumLeast
		}
	}
	return out
}

func (d *doc) drawRow(t *table, lines [][]string, h, lh float64, head bool) {
	x := marginL
	d.pdf.SetFillColor(238, 238, 238)
	if head {
		d.pdf.Rect(marginL, d.y, areaW, h, "F")
	}
	for i, c := range t.cols {
		w := t.widths[i]
		for j, s := range lines[i] {
			tw := d.width(s)
			tx := x + cellPadX
			switch {
			case c.align == "C":
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

// startHeight is the height of the table's caption, header and first
// rows: a short table (up to six rows) whole, a longer one two rows, so
// that no caption or header is left alone at the foot of a page.
func (d *doc) startHeight(t *table) float64 {
	size := t.size
	if size == 0 {
		size = tableSize
	}
	t.size = d.fit(t, size)
	lh := t.size * 1.4 * ptMM
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = c.head
	}
	_, need := d.cellLines(t, heads, lh, true)
	need += 12 * 1.8 * ptMM
	k := min(len(t.rows), 2)
	if len(t.rows) <= 6 {
		k = len(t.rows)
	}
	for _, row := range t.rows[:k] {
		_, h := d.cellLines(t, row, lh, false)
		need += h
	}
	return need
}

// keepStart begins a new page unless the table's start fits on this one.
func (d *doc) keepStart(t *table, extra float64) {
	if need := d.startHeight(t) + extra; need <= areaH {
		d.ensure(need)
	}
}

// tableUnder sets a heading and the table under it, kept together.
func (d *doc) tableUnder(level int, title string, t *table) {
	d.keepStart(t, d.body().pitch*ptMM)
	d.heading(level, title)
	d.drawTable(t)
}

// draw sets the table from the cursor on.
func (d *doc) drawTable(t *table) {
	size := t.size
	if size == 0 {
		size = tableSize
	}
	d.tables++
	n := d.tables
	size = d.fit(t, size)
	t.size = size
	lh := size * 1.4 * ptMM
	heads := make([]string, len(t.cols))
	for i, c := range t.cols {
		heads[i] = c.head
	}
	headLines, headH := d.cellLines(t, heads, lh, true)
	capH := 12 * 1.8 * ptMM
	d.keepStart(t, 0)
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
	for i, row := range t.rows {
		d.font(size, black)
		lines, h := d.cellLines(t, row, lh, false)
		need := h
		if !first && i == len(t.rows)-2 {
			// Take the last two rows over together: no row alone under
			// a continued header.
			_, h2 := d.cellLines(t, t.rows[i+1], lh, false)
			need += h2
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
		d.drawRow(t, lines, h, lh, false)
	}
	if first {
		caption(false)
	}
	d.hrule(d.y, 1.0, black)
	d.skip(4)
}
