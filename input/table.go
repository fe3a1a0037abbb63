package input

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
)

// table reads one CSV file row by row: header mapping, blank rows, ragged
// rows and read faults are handled here, values are the caller's.
type table struct {
	schema   schema
	c        *collector
	warnings *[]string
	r        *rowReader
	idx      [numCols]int // 1-based field index of each column; 0 absent
	width    int
	rec      []string
	line     int // start line of the current row
	endLine  int // end line of the previous record
	rows     int
	skipped  int
	broken   bool  // the header lacks a required column: rows are not read
	retry    error // errNotUTF8: read the file again as GB18030
	parallel bool  // large: parse on another goroutine while rows are checked
}

// newTable reads the header of the CSV text: the parse stage from decoded
// text on. A table whose header is unusable is broken and yields no rows.
func newTable(text io.Reader, s schema, c *collector, warnings *[]string) *table {
	t := &table{schema: s, c: c, warnings: warnings, r: newRowReader(text)}
	header, err := t.read()
	for err == nil && blank(header) {
		t.skipped++
		header, err = t.read()
	}
	switch {
	case err == io.EOF:
		c.addf(s.file, 0, 0, "file is empty, expected a header row naming the columns %s", s.columnList())
		t.broken = true
	case err != nil:
		t.broken = true
	case len(header) > maxColumns:
		t.errorAt(0, "header has %d columns, expected at most %d", len(header), maxColumns)
		t.broken = true
	default:
		t.width = len(header)
		t.mapHeader(header)
	}
	return t
}

// read returns the next record, collecting CSV syntax errors and stopping
// at read faults. Only io.EOF or a fault ends it.
func (t *table) read() ([]string, error) {
	for {
		rec, err := t.r.Read()
		if err == nil {
			t.line = t.r.start
			if t.line > t.endLine+1 {
				t.skipped += t.line - t.endLine - 1 // empty lines the reader skipped
			}
			t.endLine = t.r.end
			return rec, nil
		}
		var pe *csv.ParseError
		var se *streamError
		switch {
		case err == io.EOF:
			return nil, err
		case errors.Is(err, errNotUTF8):
			t.retry = errNotUTF8
			return nil, err
		case errors.As(err, &se):
			t.c.addf(t.schema.file, se.line, 0, "%s", se.msg)
			return nil, err
		case errors.As(err, &pe):
			t.c.add(csvError(t.schema.file, pe))
			t.endLine = pe.Line
		default:
			t.c.addf(t.schema.file, 0, 0, "cannot read file: %v", err)
			return nil, err
		}
	}
}

// csvError turns an encoding/csv syntax error into an Error on its line.
func csvError(file string, pe *csv.ParseError) Error {
	const quoted = `expected a value containing quotes to be wrapped in double quotes, with each inner quote doubled ("")`
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return Error{File: file, Line: pe.Line, Msg: "stray quote \" in an unquoted value, " + quoted}
	case errors.Is(pe.Err, csv.ErrQuote):
		return Error{File: file, Line: pe.StartLine, Msg: "quoted value not closed properly (a quote left open or text after the closing quote), " + quoted}
	}
	return Error{File: file, Line: pe.Line, Msg: fmt.Sprintf("%v, expected CSV text", pe.Err)}
}

// next advances to the next data row, skipping blank rows and reporting
// ragged ones. It returns false at the end of the file or after a fault.
func (t *table) next() bool {
	if t.broken {
		return false
	}
	for {
		rec, err := t.read()
		if err != nil {
			return false
		}
		if blank(rec) {
			t.skipped++
			continue
		}
		t.rows++
		if len(rec) != t.width {
			t.errorAt(0, "row has %d fields, expected %d as in the header", len(rec), t.width)
			continue
		}
		t.rec = rec
		return true
	}
}

func blank(rec []string) bool {
	for _, f := range rec {
		if f != "" && trim(f) != "" {
			return false
		}
	}
	return true
}

// get returns the trimmed value of column c in the current row, "" when absent.
func (t *table) get(c col) string {
	if i := t.idx[c]; i > 0 {
		return trim(t.rec[i-1])
	}
	return ""
}

// errorf reports a problem with column c of the current row.
func (t *table) errorf(c col, format string, args ...any) {
	t.errorAt(t.idx[c], format, args...)
}

// reporter reports problems of rows by line and column: the validate
// stage's view of a table, which may run while later rows are read.
type reporter struct {
	c    *collector
	file string
	idx  [numCols]int
}

func (t *table) reporter() reporter { return reporter{t.c, t.schema.file, t.idx} }

// errorOn reports a problem with column c of the row at line.
func (r *reporter) errorOn(line int, c col, format string, args ...any) {
	r.c.addf(r.file, line, r.idx[c], format, args...)
}

// errorAt reports a problem at field column (1-based; 0 for the whole row).
func (t *table) errorAt(column int, format string, args ...any) {
	t.c.addf(t.schema.file, t.line, column, format, args...)
}

func (t *table) warnf(format string, args ...any) {
	*t.warnings = append(*t.warnings, Error{File: t.schema.file, Line: t.line, Msg: fmt.Sprintf(format, args...)}.Error())
}
