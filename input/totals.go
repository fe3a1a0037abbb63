package input

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// A totals row (合计, 总计, 小计, 全省合计 …) closes the rows above it: it is
// not a record. Where it carries a members figure it is checked against
// the sum of the rows it closes: a 小计 or a named total (四川省合计) the
// rows since the totals row before it, a bare 合计 or 全国合计 every row
// since the last such grand total.

// mayBeTotal is a quick look at a raw name cell: false for nearly every
// name, true for every totals name (its last byte is that of 计, 总, 数, 和,
// an l or m, or a space).
func mayBeTotal(s string) bool {
	if len(s) < 5 {
		return false
	}
	switch s[len(s)-1] {
	case 0xA1, 0xBB, 0xB0, 0x8C, 'l', 'L', 'm', 'M', ' ', '\t', 0x80:
		return true
	}
	return false
}

// isTotalName reports whether a name cell marks a totals row. Spaces
// between the characters (合　计, 合 计: a name padded to the width of the
// column's names) do not count.
func isTotalName(s string) bool {
	if len(s) < 5 { // 合计 is six bytes, total five
		return false
	}
	if s[0] >= 0x80 && strings.ContainsAny(s, " \u3000\t\u00a0") {
		s = removeSpaces(s)
	}
	if s[0] < 0x80 {
		switch strings.ToLower(s) {
		case "total", "subtotal", "sub-total", "grand total", "sum":
			return true
		}
		return false
	}
	if strings.HasSuffix(s, "计") {
		return strings.HasSuffix(s, "合计") || strings.HasSuffix(s, "总计") || strings.HasSuffix(s, "小计") || s == "共计"
	}
	switch s {
	case "汇总", "总数", "总和", "合计数", "总计数":
		return true
	}
	return false
}

// isGrandTotal reports whether a totals name closes everything above it.
func isGrandTotal(s string) bool {
	if s != "" && s[0] >= 0x80 {
		s = removeSpaces(s) // 合　计
	}
	switch strings.ToLower(s) {
	case "合计", "总计", "共计", "汇总", "总数", "总和", "合计数", "总计数", "全国合计", "总合计", "total", "grand total", "sum":
		return true
	}
	return false
}

// totalRow is a totals row met, with its check.
type totalRow struct {
	line    int
	name    string
	members int64
	has     bool // a members figure was given
	sum     int64
	rows    int // records it closes that have a figure
}

// runningSums adds up the records since a totals row: city figures and
// province-level figures apart, so a file listing both is not summed twice.
type runningSums struct {
	city, prov   int64
	nCity, nProv int
}

func (s *runningSums) add(city bool, v int64) {
	if city {
		s.city += v
		s.nCity++
	} else {
		s.prov += v
		s.nProv++
	}
}

func (s runningSums) value() (int64, int) {
	if s.nCity > 0 {
		return s.city, s.nCity
	}
	return s.prov, s.nProv
}

// totalsCheck follows the records and checks each totals row. Totals rows
// sit below the rows they close, or all above them (四川省合计 over its
// cities): a table whose first totals row comes before any record is read
// the second way, each totals row closing the records after it up to the
// next one (a grand total: up to the end, or, at the end, every record).
type totalsCheck struct {
	sub, grand, all runningSums
	above           bool
	pending         *totalRow // above: the totals row over the current run
	pendingGrand    *totalRow // above: the grand total over the rows since it
	grandBefore     runningSums
	label           string     // a wide table's period column, named in the warning
	rows            []totalRow // the first few, for the warning
	count           int
	differ          int
}

const totalsListed = 5

// record adds a record's figure (a total, not a segment row).
func (tc *totalsCheck) record(city bool, v int64) {
	tc.sub.add(city, v)
	tc.grand.add(city, v)
	tc.all.add(city, v)
}

// total checks a totals row and starts the next run.
func (tc *totalsCheck) total(line int, name string, members int64, has bool) {
	r := totalRow{line: line, name: name, members: members, has: has}
	if tc.count == 0 && tc.pending == nil && tc.pendingGrand == nil && tc.all.nCity+tc.all.nProv == 0 {
		tc.above = true
	}
	if tc.above {
		tc.closePending()
		if isGrandTotal(name) {
			if g := tc.pendingGrand; g != nil {
				tc.closeGrand()
			}
			tc.pendingGrand, tc.grand, tc.grandBefore = &r, runningSums{}, tc.all
		} else {
			tc.pending = &r
		}
		return
	}
	if isGrandTotal(name) {
		r.sum, r.rows = tc.grand.value()
		tc.grand = runningSums{}
	} else {
		r.sum, r.rows = tc.sub.value()
	}
	tc.sub = runningSums{}
	tc.closed(r)
}

// closePending checks the totals row over the run that ends here.
func (tc *totalsCheck) closePending() {
	if p := tc.pending; p != nil {
		p.sum, p.rows = tc.sub.value()
		tc.closed(*p)
		tc.pending = nil
	}
	tc.sub = runningSums{}
}

// closeGrand checks the grand total over the rows since it; one with no
// rows after it closes every row before it (合计 at the end).
func (tc *totalsCheck) closeGrand() {
	g := tc.pendingGrand
	g.sum, g.rows = tc.grand.value()
	if g.rows == 0 {
		g.sum, g.rows = tc.grandBefore.value()
	}
	tc.closed(*g)
	tc.pendingGrand = nil
}

// finish checks the totals rows still open at the end of the table.
func (tc *totalsCheck) finish() {
	tc.closePending()
	if tc.pendingGrand != nil {
		tc.closeGrand()
	}
}

// closed counts a checked totals row.
func (tc *totalsCheck) closed(r totalRow) {
	tc.count++
	if r.has && r.sum != r.members {
		tc.differ++
	}
	if len(tc.rows) < totalsListed || (r.has && r.sum != r.members && tc.differ <= totalsListed) {
		tc.rows = append(tc.rows, r)
	}
}

// note words the totals rows met in a warning.
func (tc *totalsCheck) note(t *table) {
	tc.finish()
	if tc.count == 0 {
		return
	}
	slices.SortFunc(tc.rows, func(a, b totalRow) int { return cmp.Compare(a.line, b.line) })
	var zh, en []string
	for _, r := range tc.rows {
		switch {
		case !r.has:
			zh = append(zh, fmt.Sprintf("第%d行（%s）", r.line, r.name))
			en = append(en, fmt.Sprintf("line %d (%s)", r.line, r.name))
		case r.sum == r.members:
			zh = append(zh, fmt.Sprintf("第%d行（%s %s）等于其%d行之和", r.line, r.name, vocab.People(r.members, vocab.Zh), r.rows))
			en = append(en, fmt.Sprintf("line %d (%s %s) equals the sum of its %s", r.line, r.name, vocab.Int(r.members), count(r.rows, "row", "rows")))
		default:
			zh = append(zh, fmt.Sprintf("第%d行（%s %s）不等于其%d行之和%s", r.line, r.name, vocab.People(r.members, vocab.Zh), r.rows, vocab.People(r.sum, vocab.Zh)))
			en = append(en, fmt.Sprintf("line %d (%s %s) differs from the sum of its %s, %s", r.line, r.name, vocab.Int(r.members), count(r.rows, "row", "rows"), vocab.Int(r.sum)))
		}
	}
	more, moreZh := "", ""
	if n := tc.count - len(tc.rows); n > 0 {
		more, moreZh = fmt.Sprintf("; and %d more", n), fmt.Sprintf("；另有%d行", n)
	}
	zhDiffer, enDiffer := "", ""
	if tc.differ > 0 {
		zhDiffer, enDiffer = fmt.Sprintf("，其中%d行与其各行之和不等", tc.differ), fmt.Sprintf(", %d of them not equal to the sum of their rows", tc.differ)
	}
	name, nameZh := t.pl.name(), t.pl.name()
	if tc.label != "" {
		name, nameZh = name+" ("+tc.label+")", nameZh+"（"+tc.label+"）"
	}
	t.notes.add(codeTotals,
		fmt.Sprintf("%s：%d个合计行已跳过（不作为记录）%s：%s%s", nameZh, tc.count, zhDiffer, strings.Join(zh, "；"), moreZh),
		fmt.Sprintf("%s: %s skipped, not read as records%s: %s%s", name, count(tc.count, "totals row", "totals rows"), enDiffer, strings.Join(en, "; "), more))
}

// totalRow reports whether the current row is a totals row. For a table
// without members it is skipped here and noted; figures rows are checked
// by the figures reader, which sees their values.
func (t *table) totalRow() bool {
	t.total = ""
	for _, c := range t.schema.totals {
		if i := t.idx[c]; i > 0 && mayBeTotal(t.rec[i-1]) {
			if v := trim(t.rec[i-1]); isTotalName(v) {
				t.total = v
				break
			}
		}
	}
	if t.total == "" || t.schema.has(colMembers) {
		return false
	}
	t.layout.totals.total(t.line, t.total, 0, false)
	return true
}
