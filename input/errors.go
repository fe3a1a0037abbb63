package input

import (
	"fmt"
	"strconv"
	"strings"
)

// Error is one problem with the input, placed as file:line:column. Line and
// Column are 1-based; 0 means the problem is not tied to a line (a missing
// file) or a column. Column counts fields, as a spreadsheet user counts
// columns, not bytes.
type Error struct {
	File   string
	Line   int
	Column int
	Msg    string
}

func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(e.Line))
		if e.Column > 0 {
			b.WriteByte(':')
			b.WriteString(strconv.Itoa(e.Column))
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Errors lists every problem of a run, in file and line order. Load returns
// it (as error) whenever the input is invalid.
type Errors []Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// collector gathers errors up to a limit and counts the rest, so a file full
// of bad rows is still read to the end (and counted) without holding
// millions of messages.
type collector struct {
	max     int
	errs    Errors
	dropped int
}

func newCollector(max int) *collector {
	if max <= 0 {
		max = 100
	}
	return &collector{max: max}
}

func (c *collector) add(e Error) {
	if len(c.errs) >= c.max {
		c.dropped++
		return
	}
	c.errs = append(c.errs, e)
}

func (c *collector) addf(file string, line, col int, format string, args ...any) {
	if len(c.errs) >= c.max {
		c.dropped++
		return
	}
	c.errs = append(c.errs, Error{File: file, Line: line, Column: col, Msg: fmt.Sprintf(format, args...)})
}

// mark and reset undo the errors of a failed attempt (a file read as
// UTF-8 that turned out to be GB18030).
func (c *collector) mark() [2]int { return [2]int{len(c.errs), c.dropped} }

func (c *collector) reset(m [2]int) { c.errs, c.dropped = c.errs[:m[0]], m[1] }

// merge adds the problems numbered from to to of another collector (kept
// or dropped there), in order, as if they had been added here.
func (c *collector) merge(o *collector, from, to int) {
	for k := from; k < to; k++ {
		if k < len(o.errs) {
			c.add(o.errs[k])
		} else {
			c.dropped++
		}
	}
}

func (c *collector) count() int { return len(c.errs) + c.dropped }

// result returns the errors as an error value, nil when there are none.
func (c *collector) result() error {
	if c.count() == 0 {
		return nil
	}
	out := append(Errors(nil), c.errs...)
	if c.dropped > 0 {
		out = append(out, Error{Msg: fmt.Sprintf("... and %d more", c.dropped)})
	}
	return out
}
