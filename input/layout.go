package input

import (
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// The layout of a sheet as analysts save it: a title and a unit line above
// the header, blank rows, totals rows among the records. These rules work
// on rows of cell text, whatever file they come from.

// headerSearchRows is how many non-blank rows the header is looked for in.
const headerSearchRows = 10

// layout is what the rows around the records said.
type layout struct {
	unitExp  int    // members are written in 10^unitExp people (万人: 4)
	unitText string // the unit as written, "" for none
	unitLine int    // where it was given
	totals   totalsCheck
	footers  rowTally // notes below the table: 注：…, 数据来源：…, 填表人
	inFooter bool     // a footer row was met: a row of one cell below it is one too
	remarks  rowTally // rows with text beside them, past the header's columns
}

// footerMarks begin the notes offices put below a table.
var footerMarks = []string{"注:", "注：", "注1", "注 ", "注　", "附注", "备注:", "备注：", "说明", "数据来源", "资料来源", "来源:", "来源：",
	"填表人", "填报人", "审核人", "制表人", "负责人", "联系人", "联系电话", "填表日期", "填报日期", "制表日期", "note:", "notes:", "source:", "Note:", "Notes:", "Source:"}

// footer reports whether rec is a note below the table (注：…, 数据来源：…,
// 填表人：…), or a one-cell row following one, and tallies it. Nearly every
// row is decided by one look at the first character of its first cell.
func (t *table) footer(rec []string) bool {
	first := 0
	for first < len(rec) && rec[first] == "" {
		first++
	}
	if first == len(rec) {
		return false
	}
	cell := rec[first]
	if !t.layout.inFooter {
		switch r, _ := utf8.DecodeRuneInString(cell); r {
		case '注', '附', '备', '说', '数', '资', '来', '填', '审', '制', '负', '联', 'N', 'n', 'S', 's', ' ', '\u3000', '\t':
		default:
			return false
		}
	}
	cell = trim(cell)
	filled := 0
	for _, c := range rec[first:] {
		if c != "" && trim(c) != "" {
			filled++
		}
	}
	if filled == 0 {
		return false
	}
	is := t.layout.inFooter && filled == 1
	for _, m := range footerMarks {
		if strings.HasPrefix(cell, m) {
			is = true
			break
		}
	}
	if is {
		t.layout.inFooter = true
		t.layout.footers.add(t.line)
	}
	return is
}

// remark reports whether cells past the header's columns hold Chinese text
// (a remark beside the row, 数据待核实) and nothing else: 1,400,000 written
// unquoted splits into number cells, which stay an error, as does a stray
// value such as x.
func remark(cells []string) bool {
	text := false
	for _, c := range cells {
		for _, r := range c {
			if unicode.Is(unicode.Han, r) {
				text = true
				break
			}
		}
		if c != "" && !text && trim(c) != "" {
			return false
		}
	}
	return text
}

// layoutNotes says which footer and remark rows were skipped.
func (t *table) layoutNotes() {
	if f := t.layout.footers; f.n > 0 {
		t.notes.add(codeFooter,
			fmt.Sprintf("%s：表格下方的%d行注释（注、数据来源、填表人等）已跳过，未作为数据：第%s行", t.pl.name(), f.n, joinLines(f.lines, f.n, true)),
			fmt.Sprintf("%s: %s below the table (注, 数据来源, 填表人 and the like) skipped, not read as data: lines %s", t.pl.name(), count(f.n, "note row", "note rows"), joinLines(f.lines, f.n, false)))
	}
	if r := t.layout.remarks; r.n > 0 {
		t.notes.add(codeRemarks,
			fmt.Sprintf("%s：%d行在表头各列之外有文字（旁注），已忽略：第%s行", t.pl.name(), r.n, joinLines(r.lines, r.n, true)),
			fmt.Sprintf("%s: %s text beside it, past the header's columns (a remark), ignored: lines %s", t.pl.name(), count(r.n, "row has", "rows have"), joinLines(r.lines, r.n, false)))
	}
}

// aboveRow is a row above the header, kept to be named in a warning.
type aboveRow struct {
	line  int
	cells []string
}

// findHeader reads rows until the header: the first of the first ten
// non-blank rows that names every required column. The rows above it are
// skipped (a unit line among them read), with a warning naming them. When
// no row names them all, the row naming most is taken as the header and
// the missing columns are reported.
func (t *table) findHeader() {
	var above []aboveRow
	best, bestScore := -1, -1
	var err error
	for len(above) < headerSearchRows {
		var rec []string
		if rec, err = t.read(); err != nil {
			break
		}
		if blank(rec) {
			t.skipped++
			continue
		}
		if len(rec) > maxColumns {
			t.errorAt(0, "row has %d columns, expected at most %d", len(rec), maxColumns)
			t.broken = true
			return
		}
		score := t.schema.named(rec)
		if score == len(t.schema.required) {
			t.useHeader(rec, above)
			return
		}
		if w := t.wideHeader(rec); w != nil {
			t.wide = w
			t.useHeader(rec, above)
			t.useWide(w)
			return
		}
		if t.twoRowHeader(rec, above) {
			return
		}
		if score > bestScore {
			best, bestScore = len(above), score
		}
		above = append(above, aboveRow{t.line, append([]string(nil), rec...)})
	}
	switch {
	case t.retry != nil:
		t.broken = true
	case len(above) == 0:
		if err == io.EOF {
			t.c.add(t.at(0, 0, fmt.Sprintf("file is empty, expected a header row naming the columns %s", t.schema.columnList())))
		}
		t.broken = true
	default:
		h := above[best]
		t.line = h.line
		t.useHeader(h.cells, above[:best])
		t.broken = true // a required column is missing (mapHeader said which)
	}
}

// twoRowHeader reads the row before rec and rec as one header (wide.go's
// joinHeader) when together, and not alone, they name the columns or a
// wide table's periods.
func (t *table) twoRowHeader(rec []string, above []aboveRow) bool {
	n := len(above)
	if n == 0 || t.retry != nil {
		return false
	}
	top := above[n-1]
	joined := t.schema.joinHeader(top.cells, rec)
	w := t.wideHeader(joined)
	if w == nil && t.schema.named(joined) < len(t.schema.required) {
		return false
	}
	t.wide = w
	t.useHeader(joined, above[:n-1])
	if w != nil {
		t.groupUnit(top.cells, w, top.line)
		t.useWide(w)
	}
	var cells []string
	for _, c := range joined {
		if c != "" {
			cells = append(cells, c)
		}
	}
	t.notes.add(codeTwoRowHeader,
		fmt.Sprintf("%s：表头占两行（第%d、%d行），合并读取为：%s", t.pl.name(), top.line, t.headerLine, strings.Join(cells, "、")),
		fmt.Sprintf("%s: a header over two rows (lines %d and %d) read as one: %s", t.pl.name(), top.line, t.headerLine, strings.Join(cells, ", ")))
	return true
}

// named counts the required columns a row names.
func (s schema) named(rec []string) int {
	n := 0
	var seen [numCols]bool
	for _, cell := range rec {
		if hc := s.readHeaderCell(cell); hc.known && !seen[hc.col] {
			seen[hc.col] = true
			for _, c := range s.required {
				if c == hc.col {
					n++
				}
			}
		}
	}
	return n
}

// useHeader maps the header row and reads the rows above it.
func (t *table) useHeader(header []string, above []aboveRow) {
	t.width = len(header)
	for t.width > 0 && trim(header[t.width-1]) == "" {
		t.width-- // empty trailing columns, as spreadsheets save them
	}
	t.width = max(t.width, 1)
	headerLine := t.line
	t.headerLine, t.header = headerLine, append([]string(nil), header...)
	for _, r := range above {
		t.unitLine(r)
	}
	t.line = headerLine
	t.mapHeader(t.header)
	if len(above) > 0 {
		t.notes.add(codeRowsAbove,
			fmt.Sprintf("%s：表头（第%d行）之上的%d行已跳过：%s", t.pl.name(), headerLine, len(above), describeRows(above, true)),
			fmt.Sprintf("%s: %s above the header (line %d) skipped: %s", t.pl.name(), count(len(above), "row", "rows"), headerLine, describeRows(above, false)))
	}
}

// describeRows names skipped rows by line and text.
func describeRows(rows []aboveRow, zh bool) string {
	parts := make([]string, 0, len(rows))
	for _, r := range rows {
		var cells []string
		for _, c := range r.cells {
			if c = trim(c); c != "" {
				cells = append(cells, c)
			}
		}
		text := strings.Join(cells, " ")
		if utf8.RuneCountInString(text) > 40 {
			text = string([]rune(text)[:40]) + "…"
		}
		if zh {
			parts = append(parts, fmt.Sprintf("第%d行“%s”", r.line, text))
		} else {
			parts = append(parts, fmt.Sprintf("line %d %q", r.line, text))
		}
	}
	sep := "; "
	if zh {
		sep = "；"
	}
	return strings.Join(parts, sep)
}

// unitLine reads a unit line above the header (单位：万人) for the members
// column.
func (t *table) unitLine(r aboveRow) {
	for i, cell := range r.cells {
		if u, ok := unitStatement(headerKey(cell)); ok && t.schema.has(colMembers) {
			exp, ok := peopleUnit(u)
			t.line = r.line
			t.layout.setUnit(t, u, exp, !ok, r.line, i+1)
			return
		}
	}
}

// setUnit records the unit of the members column, given on line at column;
// a header's unit replaces a unit line's, and the two must agree.
func (l *layout) setUnit(t *table, unit string, exp int, bad bool, line, column int) {
	if bad {
		t.c.add(t.at(line, column, fmt.Sprintf("unit %q is not a count of people, expected the members in 人, 万人 or 亿人 (单位：万人 means 140 is 1,400,000)", unit)))
		return
	}
	if l.unitText != "" {
		if l.unitExp != exp {
			t.c.add(t.at(line, column, fmt.Sprintf("unit %q differs from the unit %q on line %d, expected one unit for the members column", unit, l.unitText, l.unitLine)))
		}
		return // the same unit said twice: one warning
	}
	l.unitExp, l.unitText, l.unitLine = exp, unit, line
	if exp == 0 {
		return
	}
	v := int64(140)
	for range exp {
		v *= 10
	}
	t.notes.add(codeUnit,
		fmt.Sprintf("%s：人数按“%s”读取（140即%s）", t.pl.where(line), unit, vocab.People(v, vocab.Zh)),
		fmt.Sprintf("%s: members read in %s: 140 is %s", t.pl.where(line), unit, vocab.Int(v)))
}
