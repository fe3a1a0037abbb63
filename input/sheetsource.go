package input

import (
	"fmt"
	"io"
	"strings"

	"github.com/basebrief/basebrief/input/internal/sheet"
)

// sheetSource is the rows of a workbook sheet, each cell as the analyst
// sees it: the period column by the text its number format shows (2019.1
// in the format 0.00 is 2019.10, October), a members number with the unit
// its format shows (130 in 0.00"万人" is 130万人), and a cell with no value
// to give (#N/A, a formula never calculated or stale, text no CSV file
// could hold) an error naming it. Rows are padded to the widest row met so
// far: a sheet row ends at its last cell, where a CSV record keeps its
// empty fields.
type sheetSource struct {
	file, sheet string
	rows        *sheet.Rows
	buf         []string
	width       int

	// Set once the table's header is found (found): until then every row
	// may be the header, and faults are kept to be said of it alone.
	header  bool
	cols    int   // the header's width: faults past it are not the table's
	shown   []int // 0-based columns read by their shown text (period, since)
	pending []Error
	queue   []Error // faults of the row read, handed out one by one
	units   []columnUnit
}

// columnUnit is the unit the first number of a column showed, by its
// number format, for the check that the column shows one unit.
type columnUnit struct {
	seen bool
	exp  int
	unit string
	ref  string // the cell that showed it
}

func (s *sheetSource) next() ([]string, error) {
	if len(s.queue) > 0 {
		e := s.queue[0]
		s.queue = s.queue[1:]
		return nil, badRow{e}
	}
	if !s.rows.Next() {
		if err := s.rows.Err(); err != nil {
			return nil, Error{File: s.file, Sheet: s.sheet, Msg: err.Error()}
		}
		return nil, io.EOF
	}
	cells := s.rows.Cells()
	if len(cells) > maxColumns {
		// The table reports it; padding a hostile width is not needed.
		return cells, nil
	}
	s.width = max(s.width, len(cells))
	s.buf = append(s.buf[:0], cells...)
	for len(s.buf) < s.width {
		s.buf = append(s.buf, "")
	}
	s.faults()
	if s.header {
		for _, i := range s.shown {
			if i < len(cells) {
				s.buf[i] = s.rows.Shown(i)
			}
		}
		s.readUnits(len(cells))
	}
	if len(s.queue) > 0 {
		e := s.queue[0]
		s.queue = s.queue[1:]
		return nil, badRow{e} // the row is not read: a cell has no value
	}
	return s.buf, nil
}

// faults turns the current row's faulty cells into errors: queued for a
// row of the table, kept aside while the header is looked for.
func (s *sheetSource) faults() {
	for _, f := range s.rows.Faults() {
		if s.header && f.Col > s.cols {
			continue // past the header: not the table's
		}
		e := Error{File: s.file, Sheet: s.sheet, Line: s.rows.Row(), Column: f.Col, Msg: faultMsg(f)}
		if s.header {
			s.queue = append(s.queue, e)
		} else {
			s.pending = append(s.pending, e)
		}
	}
}

// found is told the table's header: the faults of the header row are
// said, those of the rows above it (a title) are not, and the columns
// read by their shown text are known.
func (s *sheetSource) found(t *table, c errorSink) {
	for _, e := range s.pending {
		if e.Line == t.headerLine && e.Column <= t.width {
			c.add(e)
		}
	}
	s.pending = nil
	s.header, s.cols = true, t.width
	for _, col := range []col{colPeriod, colSince} {
		if i := t.idx[col]; i > 0 {
			s.shown = append(s.shown, i-1)
		}
	}
}

// readUnits writes a number shown with a unit of people by its format
// (130 in 0.00"万人") as the number and that unit (130万), which the
// members rules read as they read it typed so, and checks that each column
// shows one unit: a column whose numbers are 万人 but for one shown bare
// cannot be read either way.
func (s *sheetSource) readUnits(n int) {
	for i := range n {
		unit, number := s.rows.Unit(i)
		if !number {
			continue
		}
		exp, ok := 0, false
		if unit != "" {
			exp, ok = peopleUnit(unit)
			if !ok {
				unit, exp = "", 0 // 年, 批: not a count's unit
			}
		}
		for len(s.units) <= i {
			s.units = append(s.units, columnUnit{})
		}
		cu := &s.units[i]
		switch {
		case !cu.seen:
			*cu = columnUnit{seen: true, exp: exp, unit: unit, ref: sheet.Ref(i+1, s.rows.Row())}
		case cu.exp != exp:
			msg := fmt.Sprintf("number shown without the unit %s that %s shows by its number format, expected one unit in the column: give the cell the same number format, or put the unit in the header (人数（%s）) and clear the formats", cu.unit, cu.ref, cu.unit)
			if exp != 0 {
				msg = fmt.Sprintf("number shown in %s by its number format where %s shows %s, expected one unit in the column: give the column one number format, or put the unit in the header (人数（%s）) and clear the formats", unit, cu.ref, unitName(cu.unit), unit)
			}
			s.queue = append(s.queue, Error{File: s.file, Sheet: s.sheet, Line: s.rows.Row(), Column: i + 1, Msg: msg})
			continue
		}
		if exp != 0 {
			s.buf[i] = withUnit(s.buf[i], exp)
		}
	}
}

func unitName(u string) string {
	if u == "" {
		return "a bare number"
	}
	return u
}

// withUnit writes a plain decimal v in 10^exp people with a unit word the
// members rules read: 130 in 万人 is 130万, in 十万人 1300万.
func withUnit(v string, exp int) string {
	for _, u := range []struct {
		exp  int
		word string
	}{{8, "亿"}, {7, "千万"}, {6, "百万"}, {4, "万"}, {3, "千"}, {0, ""}} {
		if exp >= u.exp {
			return shiftPoint(v, exp-u.exp) + u.word
		}
	}
	return v
}

// shiftPoint moves the decimal point of a plain decimal n places right.
func shiftPoint(v string, n int) string {
	if n == 0 {
		return v
	}
	neg := strings.HasPrefix(v, "-")
	v = strings.TrimPrefix(v, "-")
	intPart, frac, _ := strings.Cut(v, ".")
	for len(frac) < n {
		frac += "0"
	}
	intPart, frac = strings.TrimLeft(intPart+frac[:n], "0"), frac[n:]
	if intPart == "" {
		intPart = "0"
	}
	out := intPart
	if frac != "" {
		out += "." + frac
	}
	if neg {
		out = "-" + out
	}
	return out
}

// faultMsg says why a cell has no value, and the fix.
func faultMsg(f sheet.Fault) string {
	const recalc = "open and save it in Excel or WPS, or paste as values"
	switch f.Kind {
	case sheet.NotCalculated:
		return "formula with no calculated value (the file was saved by a program that does not calculate), expected a value: " + recalc
	case sheet.Stale:
		return "formula whose stored value may be stale (the workbook is set to recalculate when opened, fullCalcOnLoad), expected a calculated value: " + recalc
	case sheet.ErrorValue:
		return fmt.Sprintf("the error %s, expected a value: correct the formula or what it refers to, or type the value", f.Text)
	case sheet.TooLong:
		return fmt.Sprintf("text longer than %d characters (the most a cell holds in Excel), expected a shorter text", sheet.MaxCellChars)
	case sheet.NULChar:
		return "NUL character: binary content, expected text"
	}
	return "invalid UTF-8 byte sequence, expected UTF-8 text: the workbook is damaged; retype the cell, or open and save the workbook in Excel or WPS"
}

func (s *sheetSource) lines() (int, int) { return s.rows.Row(), s.rows.Row() }

func (s *sheetSource) place() place { return place{file: s.file, sheet: s.sheet} }
