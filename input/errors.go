package input

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Error is one problem with the input, placed as file:line:column, or in a
// workbook as file:sheet!C14. Line and Column are 1-based; 0 means the
// problem is not tied to a line (a missing file) or a column. Column counts
// fields, as a spreadsheet user counts columns, not bytes. One problem met
// on many rows is one Error: Count is how many rows, Lines the first few.
type Error struct {
	File   string
	Sheet  string // a workbook's sheet; "" for CSV
	Line   int
	Column int
	Msg    string
	Count  int   // rows with this problem; 0 or 1: this row only
	Lines  []int // with Count > 1: the first lines (rows) met, Line first
}

func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	switch {
	case e.Sheet != "" && e.Line > 0:
		b.WriteString(":" + e.Sheet + "!")
		if e.Column > 0 {
			b.WriteString(columnLetters(e.Column) + strconv.Itoa(e.Line))
		} else {
			b.WriteString(strconv.Itoa(e.Line) + ":" + strconv.Itoa(e.Line)) // the whole row, as Excel names it
		}
	case e.Sheet != "":
		b.WriteString(":" + e.Sheet)
	case e.Line > 0:
		b.WriteString(":" + strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteString(":" + strconv.Itoa(e.Column))
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Count > 1 {
		b.WriteString(e.alike())
	}
	return b.String()
}

// alike says how many rows share the problem and where the first are:
// "; 500 rows like this: lines 14, 15, 17, 20, 22, …".
func (e Error) alike() string {
	var b strings.Builder
	fmt.Fprintf(&b, "; %d rows like this", e.Count)
	if len(e.Lines) > 0 {
		if e.Sheet != "" {
			b.WriteString(": rows ")
		} else {
			b.WriteString(": lines ")
		}
		for i, l := range e.Lines {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(strconv.Itoa(l))
		}
		if e.Count > len(e.Lines) {
			b.WriteString(", …")
		}
	}
	return b.String()
}

// columnLetters names a 1-based column as a spreadsheet does: 1 A, 27 AA.
func columnLetters(n int) string {
	var s []byte
	for ; n > 0; n = (n - 1) / 26 {
		s = append([]byte{byte('A' + (n-1)%26)}, s...)
	}
	return string(s)
}

// Errors lists every problem of a run, file by file, each file's in the
// order met. Load returns it (as error) whenever the input is invalid.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// errorSink takes the problems found reading a table.
type errorSink interface {
	add(Error)
}

// firstLines is how many lines a grouped problem names.
const firstLines = 5

// collector gathers a run's problems, one per kind of problem and file:
// the same message on the same column of many rows is one Error counting
// them. Past max distinct problems in a file, the rest are only counted,
// so a file full of bad rows is still read to the end without holding
// millions of messages; result shares max fairly between the files.
type collector struct {
	max   int
	files []*fileErrors // in the order first met
}

type fileErrors struct {
	file   string
	groups []Error
	index  map[groupKey]int
	hidden int // problems past max groups, counted only
}

type groupKey struct {
	sheet  string
	column int
	msg    string
}

func newCollector(max int) *collector {
	if max <= 0 {
		max = 100
	}
	return &collector{max: max}
}

func (c *collector) fileOf(name string) *fileErrors {
	for _, f := range c.files {
		if f.file == name {
			return f
		}
	}
	f := &fileErrors{file: name, index: make(map[groupKey]int)}
	c.files = append(c.files, f)
	return f
}

func (c *collector) add(e Error) {
	f := c.fileOf(e.File)
	k := groupKey{e.Sheet, e.Column, e.Msg}
	if i, ok := f.index[k]; ok {
		g := &f.groups[i]
		g.Count++
		if len(g.Lines) < firstLines && e.Line > 0 {
			g.Lines = append(g.Lines, e.Line)
		}
		return
	}
	if len(f.groups) >= c.max {
		f.hidden++
		return
	}
	e.Count = 1
	if e.Line > 0 {
		e.Lines = []int{e.Line}
	}
	f.index[k] = len(f.groups)
	f.groups = append(f.groups, e)
}

func (c *collector) addf(file string, line, col int, format string, args ...any) {
	c.add(Error{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
}

// forget drops the problems of a file, found on an attempt to read it
// abandoned (UTF-8 that turned out to be GB18030).
func (c *collector) forget(file string) {
	for i, f := range c.files {
		if f.file == file {
			c.files = append(c.files[:i], c.files[i+1:]...)
			return
		}
	}
}

// count is the number of problems met (rows, not messages).
func (c *collector) count() int {
	n := 0
	for _, f := range c.files {
		n += f.hidden
		for _, g := range f.groups {
			n += g.Count
		}
	}
	return n
}

// result returns the problems as an error value, nil when there are none:
// up to max messages shared fairly (a file with few problems shows them
// all, the rest is split evenly), and for each file with problems not
// shown a last line counting them.
func (c *collector) result() error {
	if c.count() == 0 {
		return nil
	}
	shown := fairShares(c.files, c.max)
	var out Errors
	for i, f := range c.files {
		// Shown in line order: a problem found at the end about the
		// header (a column of city names) comes before the rows.
		list := slices.Clone(f.groups[:shown[i]])
		slices.SortStableFunc(list, func(a, b Error) int { return cmp.Compare(a.Line, b.Line) })
		for _, g := range list {
			if g.Count <= 1 {
				g.Count, g.Lines = 0, nil
			}
			out = append(out, g)
		}
		rows := f.hidden
		for _, g := range f.groups[shown[i]:] {
			rows += g.Count
		}
		if rows > 0 {
			out = append(out, Error{File: f.file, Msg: fmt.Sprintf("... and problems on %d more rows, not listed (%d messages at most for a run)", rows, c.max)})
		}
	}
	return out
}

// fairShares gives each file as many messages as it has, up to an even
// share of max, handing what a file leaves unused to the others.
func fairShares(files []*fileErrors, limit int) []int {
	shown := make([]int, len(files))
	left := limit
	for {
		open := 0
		for i, f := range files {
			if shown[i] < len(f.groups) {
				open++
			}
		}
		if open == 0 || left == 0 {
			return shown
		}
		share := max(left/open, 1)
		for i, f := range files {
			if left == 0 {
				break
			}
			n := min(share, len(f.groups)-shown[i], left)
			shown[i] += n
			left -= n
		}
	}
}

// errorLog is a plain list of problems, for the rows of one batch parsed
// on another goroutine: they are added to the collector in row order.
type errorLog struct{ errs []Error }

func (l *errorLog) add(e Error) { l.errs = append(l.errs, e) }
