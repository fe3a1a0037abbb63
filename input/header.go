package input

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// col names one column of the data contract.
type col int

const (
	colCity col = iota
	colProvince
	colRegion
	colTier
	colNote
	colBase
	colBatch
	colKind
	colSegment
	colSince
	colSource
	colPeriod
	colMembers
	numCols
)

// colNames holds each column's English name and its Chinese aliases, as the
// contract's header table lists them.
var colNames = [numCols][]string{
	colCity:     {"city", "城市", "城市名称", "地市", "市州", "地级市", "所属城市", "所在城市"},
	colProvince: {"province", "省份", "省区市", "省（区、市）", "省市区", "所属省份", "省"},
	colRegion:   {"region", "片区", "地区", "区域"},
	colTier:     {"tier", "类型", "城市类型"},
	colNote:     {"note", "备注"},
	colBase:     {"base", "基地", "名称", "项目"},
	colBatch:    {"batch", "批次"},
	colKind:     {"kind", "领域", "基地类型"},
	colSegment:  {"segment", "群体"},
	colSince:    {"since", "设立时间"},
	colSource:   {"source", "来源"},
	colPeriod:   {"period", "时期", "年份", "年度", "月份", "统计时间", "统计期", "日期"},
	colMembers:  {"members", "人数", "人数（人）", "新的社会阶层人士人数", "新的社会阶层人士数量"},
}

// colByName maps every accepted header spelling (headerKey) to its column.
var colByName = func() map[string]col {
	m := make(map[string]col)
	for c, names := range colNames {
		for _, n := range names {
			m[headerKey(n)] = col(c)
		}
	}
	return m
}()

// headerKey is a header cell as matched: case, spaces (a BOM included)
// and the width of brackets and punctuation do not count.
func headerKey(s string) string {
	return strings.ToLower(removeSpaces(fold(trim(s))))
}

func (c col) String() string { return colNames[c][0] }

// describe names a column in English and Chinese: `members (人数)`.
func (c col) describe() string {
	return fmt.Sprintf("%s (%s)", colNames[c][0], colNames[c][1])
}

// schema is one input table's columns. file is the CSV name; name the
// table's name (cities, bases, figures) for workbooks.
type schema struct {
	file     string
	required []col
	optional []col
	// totals are the name columns whose value 合计 or the like marks a
	// totals row.
	totals []col
}

var (
	citiesSchema  = schema{"cities.csv", []col{colCity, colProvince, colRegion}, []col{colTier, colNote}, []col{colCity, colProvince}}
	basesSchema   = schema{"bases.csv", []col{colBase, colCity}, []col{colProvince, colBatch, colKind, colSegment, colSince, colSource}, []col{colBase, colCity}}
	figuresSchema = schema{"figures.csv", []col{colProvince, colPeriod, colMembers}, []col{colCity, colSegment, colSource}, []col{colCity, colProvince}}
)

func (s schema) has(c col) bool {
	for _, x := range s.required {
		if x == c {
			return true
		}
	}
	for _, x := range s.optional {
		if x == c {
			return true
		}
	}
	return false
}

func (s schema) columnList() string {
	names := make([]string, 0, len(s.required))
	for _, c := range s.required {
		names = append(names, c.String())
	}
	return strings.Join(names, ", ")
}

// headerCell is what a header cell names: a column of the schema, with a
// unit for members (人数（万人）), a unit for the members column stated in
// a cell of its own (单位：万人), or nothing known.
type headerCell struct {
	col      col
	known    bool
	unitCell bool   // a unit statement, not a column
	unit     string // the unit written after a members name, or stated
	unitExp  int
	unitErr  bool // a unit that is not one of people
}

// unitPrefixes introduce a unit statement, as header keys: 单位：万人.
var unitPrefixes = []string{"单位:", "计量单位:", "单位", "unit:", "units:"}

// unitStatement reads a header key that states a unit (单位:万人) and
// returns the unit; ok is false for any other key.
func unitStatement(k string) (string, bool) {
	for _, p := range unitPrefixes {
		if u, ok := strings.CutPrefix(k, p); ok && u != "" {
			if p == "单位" { // 单位万人, with no colon: only a unit of people
				if _, people := peopleUnit(u); !people {
					return "", false
				}
			}
			return u, true
		}
	}
	return "", false
}

// membersNames are the members column's names as header keys, longest
// first, so 人数（人） is not read as 人数 and a unit.
var membersNames = func() []string {
	var ks []string
	for _, n := range colNames[colMembers] {
		ks = append(ks, headerKey(n))
	}
	slices.SortStableFunc(ks, func(a, b string) int { return len(b) - len(a) })
	return ks
}()

// readHeaderCell matches one header cell against the schema's columns.
func (s schema) readHeaderCell(raw string) headerCell {
	k := headerKey(raw)
	if c, ok := colByName[k]; ok && s.has(c) {
		return headerCell{col: c, known: true}
	}
	if !s.has(colMembers) {
		return headerCell{}
	}
	if u, ok := unitStatement(k); ok {
		exp, people := peopleUnit(u)
		return headerCell{unitCell: true, unit: u, unitExp: exp, unitErr: !people}
	}
	// A members name followed by its unit: 人数（万人）, 人数（单位：万人）,
	// 人数/万人, 人数万人.
	for _, n := range membersNames {
		rest, ok := strings.CutPrefix(k, n)
		if !ok || rest == "" {
			continue
		}
		unit, marked := rest, true
		switch {
		case strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")"):
			unit = rest[1 : len(rest)-1]
		case strings.HasPrefix(rest, "/"), strings.HasPrefix(rest, "\\"), strings.HasPrefix(rest, "|"):
			unit = rest[1:]
		default:
			marked = false // 人数万人: a unit only if it is one of people
		}
		if u, ok := unitStatement(unit); ok {
			unit = u
		}
		exp, people := peopleUnit(unit)
		if !marked && !people {
			return headerCell{} // 人数增长率: another column
		}
		return headerCell{col: colMembers, known: true, unit: unit, unitExp: exp, unitErr: !people}
	}
	return headerCell{}
}

// peopleUnit reads the unit of a members column: 人 (or none), 万人 (×10^4),
// and the like. ok is false for any unit that is not a count of people.
func peopleUnit(u string) (exp int, ok bool) {
	switch strings.TrimSuffix(strings.TrimSuffix(u, "人"), "名") {
	case "", "个":
		return 0, u != "个"
	case "十":
		return 1, true
	case "百":
		return 2, true
	case "千":
		return 3, true
	case "万":
		return 4, true
	case "十万":
		return 5, true
	case "百万":
		return 6, true
	case "千万":
		return 7, true
	case "亿":
		return 8, true
	}
	switch u {
	case "persons", "people":
		return 0, true
	}
	return 0, false
}

// mapHeader finds the schema's columns in a header row, setting the
// 1-based field index of each column (0: absent), reporting missing
// required columns and repeated columns as errors and unknown ones as
// warnings.
func (t *table) mapHeader(header []string) {
	var unknown []int
	for i, raw := range header {
		h := trim(raw)
		if t.wide != nil && slices.Contains(t.wide.cols, i) {
			continue // a wide table's period column (wide.go)
		}
		hc := t.schema.readHeaderCell(h)
		switch {
		case hc.unitCell:
			// 单位：万人 in a cell of the header row: the members' unit.
			t.layout.setUnit(t, hc.unit, hc.unitExp, hc.unitErr, t.line, i+1)
		case h == "":
			if i < len(header)-1 && !blank(header[i+1:]) { // empty trailing columns say nothing
				t.notes.add(codeColumnUnnamed,
					fmt.Sprintf("%s：第%d列没有列名，已忽略", t.pl.where(t.line), i+1),
					fmt.Sprintf("%s: column %d has no name, ignored", t.pl.where(t.line), i+1))
			}
		case !hc.known:
			unknown = append(unknown, i)
			t.notes.add(codeColumnUnknown,
				fmt.Sprintf("%s：未知列“%s”，已忽略", t.pl.where(t.line), h),
				fmt.Sprintf("%s: unknown column %q ignored", t.pl.where(t.line), h))
		case t.idx[hc.col] != 0 && hc.col == colPeriod && t.yearMonth(header, i):
			// 年份 and 月份 side by side: one month period (yearMonth).
		case t.idx[hc.col] != 0:
			t.errorAt(i+1, "column %q repeats column %d (%s), expected each column once", h, t.idx[hc.col], hc.col)
		default:
			t.idx[hc.col] = i + 1
			if hc.col == colMembers && hc.unit != "" {
				t.layout.setUnit(t, hc.unit, hc.unitExp, hc.unitErr, t.line, i+1)
			}
		}
	}
	// A unit stated at the end of the header row is no column: the rows
	// below are as wide as the header without it.
	for t.width > 1 && (trim(header[t.width-1]) == "" || t.schema.readHeaderCell(header[t.width-1]).unitCell) {
		t.width--
	}
	for _, c := range t.schema.required {
		if t.idx[c] == 0 && (t.wide == nil || (c != colPeriod && c != colMembers)) {
			t.c.add(t.at(t.line, 0, missingColumn(c, header, unknown)))
			t.broken = true
		}
	}
	t.unknown = unknown
}

// yearKeys and monthKeys are the period headers that name a year column
// and a month column: read together, a row's 年份 2019 and 月份 5 are the
// month 2019-05.
var (
	yearKeys  = []string{"年份", "年度", "year", "年"}
	monthKeys = []string{"月份", "month", "月"}
)

// yearMonth takes a second period column, header cell i, as the month of
// the first when one is a year column and the other a month column; the
// period column is then the year's. It reports whether it did.
func (t *table) yearMonth(header []string, i int) bool {
	first := t.idx[colPeriod] - 1
	a, b := headerKey(header[first]), headerKey(header[i])
	switch {
	case t.monthCol != 0:
		return false
	case slices.Contains(yearKeys, a) && slices.Contains(monthKeys, b):
		t.monthCol = i + 1
	case slices.Contains(monthKeys, a) && slices.Contains(yearKeys, b):
		t.monthCol, t.idx[colPeriod] = first+1, i+1
	default:
		return false
	}
	y, m := trim(header[t.idx[colPeriod]-1]), trim(header[t.monthCol-1])
	t.notes.add(codeYearMonth,
		fmt.Sprintf("%s：“%s”列和“%s”列合起来读作月份（如2019年5月）", t.pl.where(t.line), y, m),
		fmt.Sprintf("%s: columns %q and %q read together as one month (such as 2019-05)", t.pl.where(t.line), y, m))
	return true
}

// missingColumn says which column is missing, quoting the header read and,
// where an unknown header cell is close to one of the column's names,
// suggesting it.
func missingColumn(c col, header []string, unknown []int) string {
	msg := fmt.Sprintf("missing column %s; the header read is %s", c.describe(), quoteHeader(header))
	best, bestName, bestScore := -1, "", 0
	for _, i := range unknown {
		h := headerKey(header[i])
		for _, n := range colNames[c] {
			if s := closeness(h, headerKey(n)); s > bestScore {
				best, bestName, bestScore = i, n, s
			}
		}
	}
	if best >= 0 {
		if c == colMembers && strings.Contains(header[best], "万") {
			bestName = "人数（万人）" // keep the unit it states: 人数 alone would read 130 as 130 people
		}
		return msg + fmt.Sprintf(", expected a header naming it: is column %d %q meant to be %s? Rename it %s", best+1, trim(header[best]), c, bestName)
	}
	return msg + ", expected a header naming it"
}

// quoteHeader quotes a header row as read, cut short past 120 characters.
func quoteHeader(header []string) string {
	cells := make([]string, 0, len(header))
	for _, h := range header {
		cells = append(cells, trim(h))
	}
	for len(cells) > 0 && cells[len(cells)-1] == "" {
		cells = cells[:len(cells)-1]
	}
	s := strings.Join(cells, ",")
	if utf8.RuneCountInString(s) > 120 {
		s = string([]rune(s)[:120]) + "…"
	}
	return fmt.Sprintf("%q", s)
}

// closeness scores how near a header is to a known name: 0 not near; more
// the nearer (one contains the other, or few edits apart).
func closeness(h, name string) int {
	if h == "" || name == "" {
		return 0
	}
	if strings.Contains(h, name) || strings.Contains(name, h) {
		return 100 - abs(utf8.RuneCountInString(h)-utf8.RuneCountInString(name))
	}
	d := editDistance([]rune(h), []rune(name))
	n := max(utf8.RuneCountInString(h), utf8.RuneCountInString(name))
	if d*2 > n || d > 3 {
		return 0
	}
	return 50 - d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
