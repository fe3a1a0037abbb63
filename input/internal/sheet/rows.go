package sheet

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Rows reads one worksheet row by row. Rows with no cells in the file are
// not returned: Row says which row of the sheet the current one is.
type Rows struct {
	wb     *Workbook
	sheet  string
	rc     io.ReadCloser
	s      *scanner
	inData bool
	done   bool
	err    error

	row    int      // sheet row number of the current row, 1-based
	cells  []string // the current row's texts by column, A first
	styles []int32  // by column: the style of a number cell, -1 for any other
	faults []Fault  // cells of the current row with no value to give

	merges     []merge    // sorted by top row
	mergesDone chan error // reading merges beside the rows: its end
	nextMerge  int
	active     []activeMerge

	lastDate struct { // the last date cell's serial, format and text
		raw  string
		f    cellFormat
		text string
	}

	val     []byte // the current cell's stored value
	inline  []byte // the current cell's inline string
	formula bool   // the current cell holds a formula
	long    bool   // the current cell's text ran past what it may hold
}

// A Fault is a cell of the current row that has no value to give: the
// caller says so naming the cell, where a reader would otherwise see 0 or
// nothing. The cell's text is empty.
type Fault struct {
	Col  int // 1-based
	Kind FaultKind
	Text string // the error value (#N/A) of an error cell
}

// FaultKind says why a cell has no value.
type FaultKind uint8

const (
	// NotCalculated is a formula the file holds no value for: written by
	// a program that does not calculate (a script, excelize).
	NotCalculated FaultKind = iota + 1
	// Stale is a formula in a workbook that asks to be recalculated on
	// opening (fullCalcOnLoad): what a spreadsheet shows is not what the
	// file stores.
	Stale
	// ErrorValue is an error cell: #N/A, #REF!, #VALUE!, #DIV/0!, #NAME?.
	ErrorValue
	// TooLong is text of more than MaxCellChars characters.
	TooLong
	// NULChar is text holding a NUL character.
	NULChar
	// BadUTF8 is text that is not valid UTF-8 (or a lone surrogate).
	BadUTF8
)

// MaxCellChars is the most characters (UTF-16 code units) a cell holds in
// Excel ("Total number of characters that a cell can contain: 32,767",
// Excel specifications and limits).
const MaxCellChars = 32767

// maxCellBytes is past any cell Excel could write: a UTF-16 code unit is
// at most three bytes of UTF-8.
const maxCellBytes = 3 * MaxCellChars

// merge is a merged range, rows and columns 1-based and inclusive.
type merge struct{ r1, c1, r2, c2 int }

type activeMerge struct {
	merge
	value string
	style int32
}

// Rows opens the worksheet named name for reading. Close it when done.
func (w *Workbook) Rows(name string) (*Rows, error) { return w.rows(name, true) }

// Head returns the texts of the first n rows of a sheet that hold cells,
// merged ranges left out: enough to tell which table a sheet holds without
// reading the rest.
func (w *Workbook) Head(name string, n int) ([][]string, error) {
	r, err := w.rows(name, false)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var out [][]string
	for len(out) < n && r.Next() {
		out = append(out, append([]string(nil), r.cells...))
	}
	return out, r.Err()
}

func (w *Workbook) rows(name string, merges bool) (*Rows, error) {
	var part string
	for _, s := range w.sheets {
		if s.name == name {
			part = s.part
		}
	}
	if part == "" {
		return nil, fmt.Errorf("no sheet named %q", name)
	}
	if w.strs == nil {
		w.strs = &sharedStrings{}
		if w.strsPart != "" {
			strs, err := w.readSharedStrings(w.strsPart)
			if err != nil {
				w.strs = nil
				return nil, err
			}
			w.strs = strs
		}
	}
	rc, err := w.open(part, maxSheetBytes)
	if err != nil {
		return nil, err
	}
	r := &Rows{wb: w, sheet: name, rc: rc}
	if !merges {
		r.s = newScanner(r.rc)
		return r, nil
	}
	if f, _ := w.part(part); f.UncompressedSize64 >= asyncMin {
		// Merged ranges are read beside the first rows, the part inflated
		// ahead of the scanner.
		r.rc = newAsyncPart(rc)
		r.mergesDone = make(chan error, 1)
		go func() {
			var err error
			r.merges, err = w.readMerges(part)
			r.mergesDone <- err
		}()
	} else if r.merges, err = w.readMerges(part); err != nil {
		rc.Close()
		return nil, err
	}
	r.s = newScanner(r.rc)
	return r, nil
}

// Close releases the sheet.
func (r *Rows) Close() error {
	r.waitMerges()
	return r.rc.Close()
}

// waitMerges waits for the merged ranges read beside the rows, if any.
func (r *Rows) waitMerges() error {
	if r.mergesDone == nil {
		return nil
	}
	err := <-r.mergesDone
	r.mergesDone = nil
	return err
}

// Err returns the fault that ended the rows, nil at a clean end.
func (r *Rows) Err() error { return r.err }

// Row returns the current row's number in the sheet, 1-based.
func (r *Rows) Row() int { return r.row }

// Cells returns the current row's cell texts, column A first, without
// trailing empty cells. The slice is reused by Next.
func (r *Rows) Cells() []string { return r.cells }

// Faults returns the cells of the current row that have no value to give,
// in column order. The slice is reused by Next.
func (r *Rows) Faults() []Fault { return r.faults }

// Shown returns the text cell i (0-based) of the current row shows when
// it holds a number in a number format: 2019.1 in the format 0.00 shows
// 2019.10, 1400000 in #,##0 shows 1,400,000. Other cells, and formats it
// cannot render (fractions, exponents, conditions), give Cells()[i].
func (r *Rows) Shown(i int) string {
	if i >= len(r.cells) {
		return ""
	}
	if i >= len(r.styles) || r.styles[i] < 0 {
		return r.cells[i]
	}
	text, _ := r.wb.format(int(r.styles[i])).num.render(r.cells[i])
	return text
}

// Unit returns the literal text the number format of cell i (0-based)
// writes after a number (万人 of 0.00"万人"), "" when none or when the
// format scales the number it shows (0!.0000"万" shows persons in 万);
// number is false for a cell that is not a number.
func (r *Rows) Unit(i int) (unit string, number bool) {
	if i >= len(r.styles) || r.styles[i] < 0 {
		return "", false
	}
	if f := r.wb.format(int(r.styles[i])).num; f != nil {
		return f.suffix, true
	}
	return "", true
}

// Next moves to the next row that holds cells. It returns false at the end
// of the sheet or on a fault (Err).
func (r *Rows) Next() bool {
	if r.err != nil || r.done {
		return false
	}
	s := r.s
	for s.next() {
		switch {
		case s.is(tokStart, "sheetData"):
			r.inData = !s.selfClose
			r.done = s.selfClose
		case s.is(tokEnd, "sheetData"):
			r.done = true
		case r.inData && s.is(tokStart, "row"):
			return r.readRow()
		}
		if r.done {
			return false
		}
	}
	r.fail(s.err)
	return false
}

func (r *Rows) fail(err error) {
	if err == nil || err == io.ErrUnexpectedEOF {
		err = errors.New("the sheet's XML ends early, as in a file cut short")
	}
	if r.err == nil {
		var be *bookError
		if errors.As(err, &be) {
			r.err = err
		} else {
			r.err = damaged(err.Error())
		}
	}
	r.done = true
}

// readRow reads a row element and its cells, then fills merged ranges.
func (r *Rows) readRow() bool {
	s := r.s
	row := r.row + 1
	if v, ok := s.attr("r"); ok {
		if n, err := strconv.Atoi(string(v)); err == nil && n > 0 {
			row = n
		}
	}
	r.row = row
	r.cells, r.styles, r.faults = r.cells[:0], r.styles[:0], r.faults[:0]
	col := 0
	if !s.selfClose {
		for {
			if !s.next() {
				r.fail(s.err)
				return false
			}
			if s.is(tokEnd, "row") {
				break
			}
			if !s.is(tokStart, "c") {
				continue
			}
			var err error
			if col, err = r.readCell(col); err != nil {
				r.err = err
				r.done = true
				return false
			}
		}
	}
	if err := r.waitMerges(); err != nil {
		r.err = err
		r.done = true
		return false
	}
	if err := r.applyMerges(); err != nil {
		r.err = err
		r.done = true
		return false
	}
	return true
}

// readCell reads a c element, the column after prev unless it says its
// own, and stores its text. It returns the cell's column.
func (r *Rows) readCell(prev int) (int, error) {
	s := r.s
	col := prev + 1
	if ref, ok := s.attr("r"); ok {
		c, _, ok := parseRef(string(ref))
		if !ok {
			return col, damaged(fmt.Sprintf("row %d has a cell %q, expected a reference from A to XFD", r.row, ref))
		}
		col = c
	}
	if col > maxColumns {
		return col, damaged(fmt.Sprintf("row %d has a cell past column XFD", r.row))
	}
	style := -1
	if v, ok := s.attr("s"); ok {
		style, _ = strconv.Atoi(string(v))
	}
	typ, _ := s.attr("t")
	typStr := cellType(typ)
	r.val, r.inline = r.val[:0], r.inline[:0]
	r.formula, r.long = false, false
	hasV := false
	if !s.selfClose {
		in, phonetic := "", 0
		for {
			if !s.next() {
				r.fail(s.err)
				return col, r.err
			}
			switch s.kind {
			case tokStart:
				switch string(s.name) {
				case "v":
					hasV = true
					if !s.selfClose {
						in = "v"
					}
				case "t":
					if !s.selfClose {
						in = "t"
					}
				case "f":
					r.formula = true
				case "rPh":
					phonetic++
				}
			case tokEnd:
				switch string(s.name) {
				case "c":
					goto done
				case "v", "t":
					in = ""
				case "rPh":
					phonetic--
				}
			case tokText:
				if in == "v" {
					r.val = r.appendText(r.val, s.text)
				} else if in == "t" && phonetic == 0 {
					r.inline = r.appendText(r.inline, s.text)
				}
			}
		}
	}
done:
	text, fault, err := r.text(typStr, style, hasV)
	if err != nil {
		return col, damaged(fmt.Sprintf("cell %s: %v", Ref(col, r.row), err))
	}
	if fault != nil {
		fault.Col = col
		r.faults = append(r.faults, *fault)
		return col, nil
	}
	if text != "" {
		for len(r.cells) < col {
			r.cells = append(r.cells, "")
			r.styles = append(r.styles, -1)
		}
		r.cells[col-1] = text
		r.styles[col-1] = -1
		if typStr == "n" && r.format(style) == fmtNumber {
			r.styles[col-1] = int32(style)
		}
	}
	return col, nil
}

// appendText appends a cell's text, up to past what a cell may hold.
func (r *Rows) appendText(b, text []byte) []byte {
	if len(b)+len(text) > maxCellBytes+4 {
		r.long = true
		return append(b, text[:max(0, min(len(text), maxCellBytes+4-len(b)))]...)
	}
	return append(b, text...)
}

// cellType returns the t attribute as one of the few strings it takes, so
// that the switch in text does not allocate.
func cellType(t []byte) string {
	for _, k := range []string{"s", "n", "str", "inlineStr", "b", "e", "d"} {
		if string(t) == k {
			return k
		}
	}
	return "n"
}

// text returns the current cell's text as the CSV rules read it, or the
// fault that leaves it without one.
func (r *Rows) text(typ string, style int, hasV bool) (string, *Fault, error) {
	switch {
	case typ == "e":
		return "", &Fault{Kind: ErrorValue, Text: string(r.val)}, nil
	case r.formula && !hasV:
		return "", &Fault{Kind: NotCalculated}, nil
	case r.formula && r.wb.fullCalc:
		return "", &Fault{Kind: Stale}, nil
	case typ == "inlineStr":
		return r.checked(unescape(r.inline))
	case !hasV || len(r.val) == 0:
		return "", nil, nil // empty, or a formula giving ""
	}
	switch typ {
	case "s":
		i, err := strconv.Atoi(strings.TrimSpace(string(r.val)))
		if err != nil {
			return "", nil, fmt.Errorf("shared string index %q is not a number", r.val)
		}
		t, kind, ok := r.wb.strs.get(i)
		if !ok {
			return "", nil, fmt.Errorf("shared string %d missing (the table holds %d)", i, len(r.wb.strs.ends))
		}
		if kind != 0 {
			return "", &Fault{Kind: kind}, nil
		}
		return t, nil, nil
	case "str":
		return r.checked(unescape(r.val))
	case "b":
		if string(r.val) == "1" || string(r.val) == "true" {
			return "TRUE", nil, nil
		}
		return "FALSE", nil, nil
	case "d":
		return r.isoDate(style), nil, nil
	}
	return r.number(style), nil, nil
}

// checked returns a cell's text, or its fault: text a CSV file could not
// hold (a NUL, bytes that are not UTF-8) or no cell could.
func (r *Rows) checked(t string) (string, *Fault, error) {
	if kind := textFault(t, r.long); kind != 0 {
		return "", &Fault{Kind: kind}, nil
	}
	return t, nil, nil
}

// textFault says what is wrong with a cell's text, 0 when nothing: long
// says it was cut short past maxCellBytes.
func textFault(t string, long bool) FaultKind {
	switch {
	case long || len(t) > MaxCellChars && utf16Len(t) > MaxCellChars:
		return TooLong
	case strings.IndexByte(t, 0) >= 0:
		return NULChar
	case !utf8.ValidString(t):
		return BadUTF8
	}
	return 0
}

// utf16Len counts the UTF-16 code units of t, as Excel counts characters.
func utf16Len(t string) int {
	n := 0
	for _, c := range t {
		n++
		if c > 0xFFFF {
			n++
		}
	}
	return n
}

func (r *Rows) format(style int) cellFormat { return r.wb.format(style).date }

func (w *Workbook) format(style int) numFormat {
	if style >= 0 && style < len(w.formats) {
		return w.formats[style]
	}
	return numFormat{}
}

// number writes a stored number: a date at its format's precision, else
// its exact value in plain decimal notation (a stored 1.21E+6 is 1210000:
// the workbook keeps every digit, unlike the CSV it would save).
func (r *Rows) number(style int) string {
	v := r.val
	if f := r.format(style); f != fmtNumber {
		if f == r.lastDate.f && string(v) == r.lastDate.raw {
			return r.lastDate.text // national sheets list one period's rows together
		}
		if x, err := strconv.ParseFloat(string(v), 64); err == nil {
			if t, ok := dateText(x, f, r.wb.date1904); ok {
				r.lastDate.raw, r.lastDate.f, r.lastDate.text = string(v), f, t
				return t
			}
		}
	}
	if plainInteger(v) {
		return string(v)
	}
	x, err := strconv.ParseFloat(string(v), 64)
	if err != nil {
		return string(v) // not a number: the value rules name the cell
	}
	return strconv.FormatFloat(x, 'f', -1, 64)
}

func plainInteger(v []byte) bool {
	if len(v) > 0 && v[0] == '-' {
		v = v[1:]
	}
	if len(v) == 0 || len(v) > 15 {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// isoDate writes a t="d" cell (an ISO 8601 date) at its format's
// precision, a day when its format shows no date.
func (r *Rows) isoDate(style int) string {
	v := strings.TrimSpace(string(r.val))
	for _, layout := range []string{"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		t, err := time.Parse(layout, v)
		if err != nil {
			continue
		}
		switch r.format(style) {
		case fmtYear:
			return t.Format("2006")
		case fmtMonth:
			return t.Format("2006-01")
		case fmtDateTime, fmtTime:
			return t.Format("2006-01-02 15:04:05")
		}
		return t.Format("2006-01-02")
	}
	return v
}

func unescape(b []byte) string {
	if indexEscape(b) < 0 {
		return string(b)
	}
	var sb strings.Builder
	appendUnescaped(&sb, b)
	return sb.String()
}

// applyMerges gives the first cell of a merged range, on every row of the
// range, the value of its top-left cell: a province merged down its cities
// is on each city's row. The other columns of the range stay empty, so a
// title merged across the sheet is one cell, as it reads.
func (r *Rows) applyMerges() error {
	keep := r.active[:0]
	for _, m := range r.active {
		if m.r2 >= r.row {
			keep = append(keep, m)
		}
	}
	r.active = keep
	for r.nextMerge < len(r.merges) && r.merges[r.nextMerge].r1 <= r.row {
		m := r.merges[r.nextMerge]
		r.nextMerge++
		if m.r2 < r.row || m.r1 == m.r2 {
			continue // its rows held no cells, or a range within one row
		}
		v, style := "", int32(-1)
		if m.r1 == r.row && m.c1 <= len(r.cells) {
			v, style = r.cells[m.c1-1], r.styles[m.c1-1]
		}
		if len(r.active) >= maxColumns {
			return damaged("overlapping merged ranges")
		}
		r.active = append(r.active, activeMerge{m, v, style})
	}
	for _, m := range r.active {
		if m.value == "" && m.c1 > len(r.cells) {
			continue
		}
		for len(r.cells) < m.c1 {
			r.cells = append(r.cells, "")
			r.styles = append(r.styles, -1)
		}
		r.cells[m.c1-1], r.styles[m.c1-1] = m.value, m.style
	}
	for len(r.cells) > 0 && r.cells[len(r.cells)-1] == "" {
		r.cells = r.cells[:len(r.cells)-1]
		r.styles = r.styles[:len(r.styles)-1]
	}
	return nil
}

// Ref names a cell as a spreadsheet does: column 4, row 14 is D14.
func Ref(col, row int) string {
	return ColumnName(col) + strconv.Itoa(row)
}

// ColumnName names a column as a spreadsheet does: 1 is A, 28 is AB.
func ColumnName(col int) string {
	var b [8]byte
	i := len(b)
	for col > 0 && i > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// parseRef reads a cell reference such as D14 (a $ allowed before each
// part) into its column and row.
func parseRef(ref string) (col, row int, ok bool) {
	i := 0
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	for ; i < len(ref); i++ {
		c := ref[i] | 0x20
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a'+1)
		if col > maxColumns {
			return 0, 0, false
		}
	}
	if col == 0 {
		return 0, 0, false
	}
	if i < len(ref) && ref[i] == '$' {
		i++
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil || n < 1 {
		return col, 0, i == len(ref)
	}
	return col, n, true
}
