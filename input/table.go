package input

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// cancelCheckRows is how often (in rows, a power of two) reading looks
// whether the run was cancelled: a few milliseconds of rows.
const cancelCheckRows = 4096

// maxColumns bounds a row's cells: hostile input cannot widen a table
// without end.
const maxColumns = 1000

// table reads one table's rows from a rowSource: the layout (header found
// among the first rows, unit lines, totals rows: layout.go), blank rows,
// ragged rows and read faults are handled here, values are the caller's.
type table struct {
	schema     schema
	pl         place
	src        rowSource
	c          errorSink
	notes      *notices
	idx        [numCols]int // 1-based field index of each column; 0 absent
	monthCol   int          // 1-based index of a 月份 column read with the 年份 one (idx[colPeriod]); 0 none
	wide       *wideCols    // a wide table's period columns (wide.go); nil for a long table
	wideK      int          // the current row's period column, an index into wide
	width      int
	rec        []string
	line       int // first line of the current row
	endLine    int // last line of the previous row
	rows       int
	skipped    int
	broken     bool  // the header lacks a required column: rows are not read
	retry      error // errNotUTF8: read the file again as GB18030
	parallel   bool  // large: parse on another goroutine while rows are checked
	layout     layout
	total      string   // the current row's totals name (合计), "" for a record
	unknown    []int    // 0-based indexes of header cells naming no known column
	header     []string // the header row as read
	headerLine int
	ctx        context.Context
	reads      int  // rows read, to look at ctx now and then
	cancelled  bool // ctx was cancelled: reading stopped
	records    int  // records returned by next, for overLimit
	tooMany    bool // the table passed its limit (limits.go): reading stopped
}

// newTable finds the header of the table's rows (layout.go): the parse
// stage from decoded text on. A table whose header is unusable is broken
// and yields no rows.
func newTable(ctx context.Context, src rowSource, s schema, c errorSink, notes *notices) *table {
	t := &table{schema: s, pl: src.place(), src: src, c: c, notes: notes, ctx: ctx}
	t.findHeader()
	return t
}

// read returns the next row, collecting the rows the source cannot read
// and stopping at read faults. Only io.EOF or a fault ends it.
func (t *table) read() ([]string, error) {
	for {
		if t.reads++; t.reads&(cancelCheckRows-1) == 0 && t.ctx.Err() != nil {
			t.cancelled = true
			return nil, t.ctx.Err()
		}
		rec, err := t.src.next()
		if err == nil {
			first, last := t.src.lines()
			t.line = first
			if first > t.endLine+1 {
				t.skipped += first - t.endLine - 1 // empty lines the source skipped
			}
			t.endLine = last
			return rec, nil
		}
		var br badRow
		var e Error
		switch {
		case err == io.EOF:
			return nil, err
		case errors.Is(err, errNotUTF8):
			t.retry = errNotUTF8
			return nil, err
		case errors.As(err, &br):
			t.c.add(br.e)
			if br.e.Line > t.endLine {
				t.endLine = br.e.Line
			}
		case errors.As(err, &e):
			t.c.add(e)
			return nil, err
		default:
			t.c.add(t.at(0, 0, fmt.Sprintf("cannot read file: %v", err)))
			return nil, err
		}
	}
}

// next advances to the next data row, skipping blank rows and totals rows
// and reporting ragged ones. It returns false at the end of the table or
// after a fault.
func (t *table) next() bool {
	if t.broken {
		return false
	}
	if t.nextWide() {
		return true
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
		if t.footer(rec) {
			continue
		}
		t.rows++
		if len(rec) != t.width {
			if len(rec) > t.width && remark(rec[t.width:]) {
				t.layout.remarks.add(t.line) // text beside the row, past the header's columns
			} else if len(rec) < t.width || !blank(rec[t.width:]) {
				t.errorAt(0, "row has %d fields, expected %d as in the header", len(rec), t.width)
				continue
			}
			rec = rec[:t.width] // empty trailing cells, as spreadsheets save them
		}
		t.rec = rec
		if t.wide != nil {
			t.wideK = 0
			t.setWide()
		}
		if t.totalRow() {
			continue
		}
		return !t.overLimit()
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

// period returns the current row's period text: the period column's, or
// with a 月份 column beside the 年份 one, the two as one month (2019年5月).
func (t *table) period() string {
	if t.wide != nil {
		return t.wide.periods[t.wideK]
	}
	y := t.get(colPeriod)
	if t.monthCol == 0 {
		return y
	}
	m := trim(t.rec[t.monthCol-1])
	if y == "" || m == "" {
		return y + m // empty, or only one of them: an error naming what is there
	}
	short := strings.TrimSuffix(strings.TrimSuffix(m, "份"), "月")
	if utf8.RuneCountInString(short) > 3 {
		return m // the month column holds a whole period (2019-05)
	}
	y = strings.TrimSuffix(strings.TrimSuffix(y, "度"), "年")
	return y + "年" + short + "月"
}

// at places a problem at line and field column (1-based; 0 for the whole row).
func (t *table) at(line, column int, msg string) Error {
	return Error{File: t.pl.file, Sheet: t.pl.sheet, Line: line, Column: column, Msg: msg}
}

// errorf reports a problem with column c of the current row.
func (t *table) errorf(c col, format string, args ...any) {
	t.errorAt(t.idx[c], format, args...)
}

// errorAt reports a problem at field column (1-based; 0 for the whole row).
func (t *table) errorAt(column int, format string, args ...any) {
	e := t.at(t.line, column, fmt.Sprintf(format, args...))
	e.kind = formatKind(format, e.Msg)
	t.c.add(e)
}

// problem reports what resolving a name of the current row found wrong.
func (t *table) problem(pr problem) {
	e := t.at(t.line, t.idx[pr.col], pr.msg)
	e.kind = pr.kind
	t.c.add(e)
}

// reporter reports problems of rows by line and column: the validate
// stage's view of a table, which may run while later rows are read.
type reporter struct {
	c   *collector
	pl  place
	idx [numCols]int
}

func (t *table) reporter(c *collector) reporter { return reporter{c, t.pl, t.idx} }

// errorOn reports a problem with column c of the row at line.
func (r *reporter) errorOn(line int, c col, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	r.c.add(Error{File: r.pl.file, Sheet: r.pl.sheet, Line: line, Column: r.idx[c], Msg: msg, kind: formatKind(format, msg)})
}

// problemOn reports what resolving a name of the row at line found wrong.
func (r *reporter) problemOn(line int, pr problem) {
	r.c.add(Error{File: r.pl.file, Sheet: r.pl.sheet, Line: line, Column: r.idx[pr.col], Msg: pr.msg, kind: pr.kind})
}

// where names a line of the table in messages: "figures.csv:12" or
// "figures.xlsx:人数!12:12".
func (pl place) where(line int) string {
	return strings.TrimSuffix(Error{File: pl.file, Sheet: pl.sheet, Line: line}.Error(), ": ")
}
