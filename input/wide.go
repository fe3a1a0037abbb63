package input

import (
	"fmt"
	"strings"
)

// A figures sheet kept wide — one members column per period, the period in
// the header (2017年, 2018年, 2019年5月) — is read as the long table it
// stands for: each row gives one record per period column. The header may
// be one row, or two: a group cell (人数, 人数（万人）) merged over the
// period cells below it. A header split over two rows (新的社会阶层 over
// 人士人数) is read as the two joined.

// wideCols are a wide table's period columns.
type wideCols struct {
	cols    []int    // 0-based columns holding members, one per period
	periods []string // their header text, read as each row's period
}

// wideHeader finds the period columns of a figures header that names the
// province but neither a period nor a members column: nil when it is not
// a wide header.
func (t *table) wideHeader(header []string) *wideCols {
	if !t.schema.has(colPeriod) {
		return nil
	}
	var w wideCols
	seen := map[string]bool{}
	province := false
	for j, cell := range header {
		hc := t.schema.readHeaderCell(cell)
		switch {
		case hc.known && (hc.col == colPeriod || hc.col == colMembers):
			return nil // a long table's header (or one missing a column)
		case hc.known && hc.col == colProvince:
			province = true
		case !hc.known && trim(cell) != "":
			if p, err := ParsePeriod(cell); err == nil {
				if seen[p.String()] {
					return nil
				}
				seen[p.String()] = true
				w.cols, w.periods = append(w.cols, j), append(w.periods, trim(cell))
			}
		}
	}
	if !province || len(w.cols) == 0 {
		return nil
	}
	return &w
}

// joinHeader reads two header rows as one: a cell of the second row under
// an empty one, a cell of the first row over an empty one (a group header
// merged across, or a name merged down), and two cells that name a column
// only together (新的社会阶层 over 人士人数) joined.
func (s schema) joinHeader(top, sub []string) []string {
	n := max(len(top), len(sub))
	out := make([]string, n)
	for j := range n {
		var a, b string
		if j < len(top) {
			a = trim(top[j])
		}
		if j < len(sub) {
			b = trim(sub[j])
		}
		switch {
		case b == "":
			out[j] = a
		case a == "":
			out[j] = b
		case s.readHeaderCell(a+b).known && !s.readHeaderCell(b).known:
			out[j] = a + b
		default:
			out[j] = b
		}
	}
	// A group cell merged across shows once, over its first column: its
	// columns are the ones below it up to the next group cell.
	return out
}

// groupUnit reads a unit stated by a group cell of the first header row
// over the period columns (人数（万人） merged over 2018年 and 2019年).
func (t *table) groupUnit(top []string, w *wideCols, line int) {
	for j, cell := range top {
		if hc := t.schema.readHeaderCell(cell); hc.known && hc.col == colMembers && hc.unit != "" {
			t.layout.setUnit(t, hc.unit, hc.unitExp, hc.unitErr, line, j+1)
			return
		}
		if hc := t.schema.readHeaderCell(cell); hc.unitCell {
			t.layout.setUnit(t, hc.unit, hc.unitExp, hc.unitErr, line, j+1)
			return
		}
	}
}

// useWide notes that a wide table is read as a long one.
func (t *table) useWide(w *wideCols) {
	t.wide = w
	t.idx[colPeriod], t.idx[colMembers] = w.cols[0]+1, w.cols[0]+1
	shown := w.periods
	if len(shown) > 6 {
		shown = append(append([]string(nil), shown[:3]...), "…", shown[len(shown)-1])
	}
	t.notes.add(codeWideTable,
		fmt.Sprintf("%s：表格按时期分列（%s），每列为该时期的人数，已按“每个地方每个时期一行”读取", t.pl.where(t.headerLine), strings.Join(shown, "、")),
		fmt.Sprintf("%s: a wide table, one members column per period (%s), read as one row per place and period", t.pl.where(t.headerLine), strings.Join(shown, ", ")))
}

// nextWide moves to the current row's next period column; false when the
// row has no more.
func (t *table) nextWide() bool {
	if t.wide == nil || t.rec == nil || t.wideK+1 >= len(t.wide.cols) {
		return false
	}
	t.wideK++
	t.setWide()
	return true
}

// setWide points the period and members columns at period column wideK.
func (t *table) setWide() {
	c := t.wide.cols[t.wideK] + 1
	t.idx[colPeriod], t.idx[colMembers] = c, c
}
