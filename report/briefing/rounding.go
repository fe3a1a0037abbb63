package briefing

import (
	"strings"

	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// roundingNote adds the bulletins' note (因四舍五入，分项之和与合计略有出入)
// under a table whose 合计 row is not what the rows above it add up to as
// printed: seven regions printed to 0.1万 add up to 3357.6万 where the
// total, rounded once, is 3357.5万. The figures are right; the note says
// why a reader's sum is not.
func (b *builder) roundingNote(t *document.Table) {
	if b.closes(*t) {
		return
	}
	note := b.Word("rounding")
	switch {
	case len(t.Notes) == 0:
		t.Notes = []string{b.T("注：", "Note: ") + note + b.end()}
	case b.zh():
		// Said after the table's first note, in its paragraph: a line of
		// its own would push a full briefing past its pages.
		t.Notes[0] += note + "。"
	default:
		t.Notes[0] += " " + strings.ToUpper(note[:1]) + note[1:] + "."
	}
}

// closes tells whether every head-count column of t's 合计 row (its last
// row named 合计) is the sum of the rows above it as printed. A table
// without such a row closes.
func (b *builder) closes(t document.Table) bool {
	total := -1
	for i, row := range t.Rows {
		for _, cell := range row[:min(2, len(row))] {
			if cell == b.T("合计", "Total") {
				total = i
			}
		}
	}
	if total < 1 {
		return true
	}
	for col, cell := range t.Rows[total] {
		want, ok := vocab.Shown(cell)
		if !ok || strings.ContainsAny(cell, "*†") {
			continue
		}
		var parts []int64
		numeric := true
		for _, row := range t.Rows[:total] {
			if col >= len(row) || row[col] == "—" || row[col] == "" {
				continue
			}
			v, ok := vocab.Shown(row[col])
			if !ok {
				numeric = false
				break
			}
			parts = append(parts, v)
		}
		if numeric && !vocab.AddsUp(parts, want, b.lang) {
			return false
		}
	}
	return true
}
