package workbook

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"github.com/basebrief/basebrief/report/workbook/internal/sheetxml"
)

// textWidth is the display width of s in Latin character widths: a CJK or
// full-width character takes two, an ASCII one (never wide) one.
func textWidth(s string) float64 {
	w := 0
	for len(s) > 0 {
		if s[0] < utf8.RuneSelf {
			w++
			s = s[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(s)
		s = s[n:]
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			w += 2
		default:
			w++
		}
	}
	return float64(w)
}

// cellWidth estimates how wide a cell value shows: numbers as formatted
// with thousands separators (the length of vocab.Int), formulas by the
// width their results need (numberWidth), text by its display width.
func cellWidth(c *cell) float64 {
	if c.Formula != "" {
		return 0
	}
	var buf [32]byte
	switch c.Kind {
	case sheetxml.Text:
		return textWidth(c.Text)
	case sheetxml.Int:
		digits := len(strconv.AppendInt(buf[:0], c.Int, 10))
		sign := 0
		if c.Int < 0 {
			digits, sign = digits-1, 1
		}
		return float64(sign + digits + (digits-1)/3)
	case sheetxml.Float:
		return float64(len(strconv.AppendFloat(buf[:0], c.Float, 'f', 1, 64)))
	}
	return 0
}

// Limits of the file format that excelize enforces: a wider column or a
// taller row is an error, not a clamp. A column sized to its content stops
// well before, at autoMaxWidth: a longer name shows its start, and the cell
// holds it whole.
const (
	maxColWidth  = excelize.MaxColumnWidth // 255 characters
	maxRowHeight = excelize.MaxRowHeight   // 409 points
	autoMaxWidth = 80
)

// colWidth is w rounded to a tenth and within the format's limits.
func colWidth(w float64) float64 {
	return math.Round(min(max(w, 0), maxColWidth)*10) / 10
}
