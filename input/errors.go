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

	// kind is what problems are grouped by, with the column: the message
	// with its values left out. "" means kindOf(Msg).
	kind string
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

// firstLines is how many lines a grouped problem names; a kind of problem
// met on at most this many rows is listed row by row (rows with the same
// message together).
const firstLines = 5

// collector gathers a run's problems, one per kind of problem, column and
// file: the same problem on many rows, whatever the values, is one Error
// counting them. Past max distinct problems in a file, the rest are only
// counted, so a file full of bad rows is still read to the end without
// holding millions of messages; result shares max fairly between the
// files.
type collector struct {
	max   int
	files []*fileErrors // in the order first met
}

type fileErrors struct {
	file   string
	groups []group
	index  map[groupKey]int
	hidden int // problems past max groups, counted only
}

// group is one kind of problem in a file: the first Error met, counting
// the rows, and while there are few, each row's own.
type group struct {
	Error
	rows []Error // up to firstLines rows, for a group listed row by row
}

type groupKey struct {
	sheet  string
	column int
	kind   string
}

// kindOf is a message with its values left out, so that one problem met
// with many values ("x", "y", 12, 13) is one kind: every quoted value and
// every number is masked.
func kindOf(msg string) string {
	var b strings.Builder
	quote := rune(0)
	digits := false
	for _, r := range msg {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
				b.WriteRune(r)
			}
			continue
		case r == '"':
			quote = '"'
		case r == '“':
			quote = '”'
		case r >= '0' && r <= '9':
			if !digits {
				b.WriteByte('#')
			}
			digits = true
			continue
		}
		digits = false
		b.WriteRune(r)
	}
	return b.String()
}

// formatKind is the kind of a message made from format: the format itself
// where it spells the problem out, else the message's values masked (a
// format of "%s" or one wrapping an error with %v says nothing of the kind).
func formatKind(format, msg string) string {
	if format == "%s" || strings.Contains(format, "%v") {
		return kindOf(msg)
	}
	return format
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
	if e.kind == "" {
		e.kind = kindOf(e.Msg)
	}
	k := groupKey{e.Sheet, e.Column, e.kind}
	if i, ok := f.index[k]; ok {
		g := &f.groups[i]
		g.Count++
		if len(g.Lines) < firstLines && e.Line > 0 {
			g.Lines = append(g.Lines, e.Line)
		}
		if g.Count <= firstLines {
			g.rows = append(g.rows, e)
		} else {
			g.rows = nil
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
	f.groups = append(f.groups, group{Error: e, rows: []Error{e}})
}

func (c *collector) addf(file string, line, col int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	c.add(Error{File: file, Line: line, Column: col, Msg: msg, kind: formatKind(format, msg)})
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

// messages is what a group prints: one Error counting its rows, or, for a
// kind met on few rows, each row's message (rows with the same message
// counted together), as the problems met are then best read one by one.
func (g group) messages() []Error {
	if g.Count > firstLines || len(g.rows) != g.Count {
		return []Error{g.Error}
	}
	var out []Error
	for _, e := range g.rows {
		found := false
		for i := range out {
			if out[i].Msg == e.Msg {
				out[i].Count++
				if e.Line > 0 {
					out[i].Lines = append(out[i].Lines, e.Line)
				}
				found = true
				break
			}
		}
		if !found {
			e.Count, e.Lines = 1, nil
			if e.Line > 0 {
				e.Lines = []int{e.Line}
			}
			out = append(out, e)
		}
	}
	return out
}

// result returns the problems as an error value, nil when there are none:
// up to max messages shared fairly (a file with few problems shows them
// all, the rest is split evenly), and for each file with problems not
// shown a last line counting them.
func (c *collector) result() error {
	if c.count() == 0 {
		return nil
	}
	lists := make([][]Error, len(c.files))
	counts := make([]int, len(c.files))
	for i, f := range c.files {
		for _, g := range f.groups {
			lists[i] = append(lists[i], g.messages()...)
		}
		counts[i] = len(lists[i])
	}
	shown := fairShares(counts, c.max)
	var out Errors
	for i, f := range c.files {
		// Shown in line order: a problem found at the end about the
		// header (a column of city names) comes before the rows.
		list := slices.Clone(lists[i][:shown[i]])
		slices.SortStableFunc(list, func(a, b Error) int { return cmp.Compare(a.Line, b.Line) })
		for _, g := range list {
			if g.Count <= 1 {
				g.Count, g.Lines = 0, nil
			}
			g.kind = ""
			out = append(out, g)
		}
		rows := f.hidden
		for _, g := range lists[i][shown[i]:] {
			rows += max(g.Count, 1)
		}
		if rows > 0 {
			out = append(out, Error{File: f.file, Msg: fmt.Sprintf("... and problems on %d more rows, not listed (%d messages at most for a run)", rows, c.max)})
		}
	}
	return out
}

// fairShares gives each file as many messages as it has, up to an even
// share of max, handing what a file leaves unused to the others.
func fairShares(counts []int, limit int) []int {
	shown := make([]int, len(counts))
	left := limit
	for {
		open := 0
		for i, n := range counts {
			if shown[i] < n {
				open++
			}
		}
		if open == 0 || left == 0 {
			return shown
		}
		share := max(left/open, 1)
		for i, n := range counts {
			if left == 0 {
				break
			}
			k := min(share, n-shown[i], left)
			shown[i] += k
			left -= k
		}
	}
}

// errorLog is a plain list of problems, for the rows of one batch parsed
// on another goroutine: they are added to the collector in row order.
type errorLog struct{ errs []Error }

func (l *errorLog) add(e Error) { l.errs = append(l.errs, e) }
