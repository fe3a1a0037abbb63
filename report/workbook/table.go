package workbook

import (
	"fmt"
	"math"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/report/workbook/internal/sheetxml"
)

// column is one column of a table sheet.
type column struct {
	key    string // names the column for formulas (book.col)
	header string
	min    float64 // width bounds, in Latin character widths
	max    float64
}

// table is one filterable table sheet: a header in row 1, data rows from
// row 2, an optional totals row right under them.
type table struct {
	sheet  string
	cols   []column
	rows   int                          // data rows
	cells  func(i, row int) []cell      // data row i (0-based), written at sheet row row
	totals func(first, last int) []cell // nil: no totals row
	freeze int                          // columns kept in view when scrolling right
	// groups are the keys of the columns that start a group of columns, where
	// a table too wide for one page breaks into the next (printPlan).
	groups []string
	// long: a data list, printed only when asked if over listPages pages
	// (tablePlan).
	long bool
}

// widthSample bounds the rows measured for column widths, so a million-row
// sheet is not walked twice.
const widthSample = 2000

// colName is the letter of the 1-based column n.
func colName(n int) string {
	s, err := excelize.ColumnNumberToName(n)
	if err != nil {
		return "A"
	}
	return s
}

// index returns the 1-based column of key; 0 when the table has none.
func (t *table) index(key string) int {
	for i, c := range t.cols {
		if c.key == key {
			return i + 1
		}
	}
	return 0
}

// col returns the letter of the column named key.
func (t *table) col(key string) string { return colName(t.index(key)) }

// widths measures the header and a sample of rows, and returns the
// sample's cells: writeTable writes them rather than build them again (a
// slice's workbook built each of its rows twice).
func (t *table) widths() ([]float64, [][]cell) {
	w := make([]float64, len(t.cols))
	for i, c := range t.cols {
		w[i] = math.Max(c.min, textWidth(c.header)+2)
	}
	sample := make([][]cell, min(t.rows, widthSample))
	for i := range sample {
		cells := t.cells(i, i+2)
		sample[i] = cells
		for j := range cells {
			if j < len(w) {
				w[j] = math.Max(w[j], cellWidth(&cells[j])*1.1+2)
			}
		}
	}
	for i, c := range t.cols {
		limit := c.max
		if limit <= 0 {
			limit = autoMaxWidth
		}
		w[i] = min(w[i], limit)
	}
	return w, sample
}

// writeTable writes t: its frame (column widths, frozen header row,
// autofilter, print setup) through excelize, its rows directly (rows.go).
func (b *book) writeTable(t *table) error {
	last := colName(len(t.cols))
	filter := fmt.Sprintf("A1:%s%d", last, t.rows+1)
	if err := b.f.AutoFilter(t.sheet, filter, nil); err != nil {
		return fmt.Errorf("filter sheet %s: %w", t.sheet, err)
	}
	widths, sample := t.widths()
	plan := tablePlan(t, widths)
	panes := &excelize.Panes{Freeze: true, YSplit: 1, XSplit: t.freeze, TopLeftCell: colName(t.freeze+1) + "2", ActivePane: "bottomLeft"}
	if t.freeze > 0 {
		panes.ActivePane = "bottomRight"
	}
	key := b.frameKey(frameShape{sheet: t.sheet, filter: filter, print: plan, panes: panes})
	frame := b.keptFrame(key)
	if err := b.applyPrintTo(t.sheet, plan, frame); err != nil {
		return err
	}
	if plan.area != "" { // printed only when asked
		b.onRequest = append(b.onRequest, t.sheet)
	}
	sw, rs, err := b.stream(t.sheet, key, frame)
	if err != nil {
		return err
	}
	if err := rs.cols(widths); err != nil {
		return fmt.Errorf("size columns of %s: %w", t.sheet, err)
	}
	if sw != nil { // else the frame is kept from a workbook before
		if err := sw.SetPanes(panes); err != nil {
			return fmt.Errorf("freeze header of %s: %w", t.sheet, err)
		}
	}
	head := make([]cell, len(t.cols))
	for i, c := range t.cols {
		head[i] = cell{Style: b.st.header, Kind: sheetxml.Text, Text: c.header}
	}
	if err := rs.row(1, head, max(20, b.wrapHeight(head, widths, nil))); err != nil {
		return fmt.Errorf("write header of %s: %w", t.sheet, err)
	}
	for i := 0; i < t.rows; i++ {
		var cells []cell
		if i < len(sample) {
			cells, sample[i] = sample[i], nil
		} else {
			cells = t.cells(i, i+2)
		}
		if err := rs.row(i+2, cells, b.wrapHeight(cells, widths, nil)); err != nil {
			return fmt.Errorf("write row %d of %s: %w", i+2, t.sheet, err)
		}
	}
	if t.totals != nil && t.rows > 0 {
		if err := rs.row(t.rows+2, t.totals(2, t.rows+1), 0); err != nil {
			return fmt.Errorf("write totals of %s: %w", t.sheet, err)
		}
	}
	if err := rs.close(); err != nil {
		return fmt.Errorf("write rows of %s: %w", t.sheet, err)
	}
	if sw == nil {
		return nil
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("finish sheet %s: %w", t.sheet, err)
	}
	return nil
}

// lineHeight is the height of one line of text at the default font, in
// points.
const lineHeight = 15

// wrapHeight is the height a row needs to show its wrapping text in full,
// 0 when one line is enough. Spreadsheet programs do not size rows written
// without a height, so the rows holding long text get one. span gives the
// columns a merged cell covers, by its first column.
func (b *book) wrapHeight(cells []cell, widths []float64, span map[int]int) float64 {
	lines := 1.0
	for j := range cells {
		c := &cells[j]
		if c.Skip() || (c.Style != b.st.wrap && c.Style != b.st.header) || j >= len(widths) {
			continue
		}
		s := ""
		if c.Kind == sheetxml.Text {
			s = c.Text
		}
		w := widths[j]
		for k := 1; k < span[j] && j+k < len(widths); k++ {
			w += widths[j+k]
		}
		lines = math.Max(lines, math.Ceil(textWidth(s)/math.Max(w-1.5, 1)))
	}
	if lines <= 1 {
		return 0
	}
	if h := lines*lineHeight + 2; h <= maxRowHeight {
		return h
	}
	// The format's limit: the row shows the text's start, the cell holds
	// it whole, and the overview says so.
	b.clipped++
	return maxRowHeight
}

// quote writes a sheet name for a formula: '省份'.
func quote(sheet string) string {
	out := "'"
	for _, r := range sheet {
		if r == '\'' {
			out += "''"
		} else {
			out += string(r)
		}
	}
	return out + "'"
}

// ref is an absolute reference to a column range on another sheet:
// '省份'!$I$2:$I$10.
func ref(sheet, col string, first, last int) string {
	return fmt.Sprintf("%s!$%s$%d:$%s$%d", quote(sheet), col, first, col, last)
}
