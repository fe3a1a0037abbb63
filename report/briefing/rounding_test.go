package briefing

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// TestTotalsAddUpOrSayWhy reads every table with a 合计 row as a reader
// adding a column would: where the printed parts do not add up to the
// printed total (national data: seven regions to 3357.6万 under a 合计 of
// 3357.5万), the table's notes say it is rounding; where they do, no note.
func TestTotalsAddUpOrSayWhy(t *testing.T) {
	cases := []struct {
		name string
		c    *analysis.Comparison
		lang vocab.Lang
		// offAtLeast is how many tables, at least, must carry the note
		// (the national regions' and provinces' columns do not add up).
		offAtLeast int
	}{
		{"western zh", western(t), vocab.Zh, 0},
		{"national zh", national(t), vocab.Zh, 2},
		{"national en", national(t), vocab.En, 2},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			opts := testOptions(t)
			opts.Lang = tc.lang
			doc, err := Build(tc.c, opts)
			if err != nil {
				t.Fatal(err)
			}
			note := vocab.Word("rounding", tc.lang)
			off := 0
			for _, blk := range doc.Blocks {
				tb, ok := blk.(document.Table)
				if !ok {
					continue
				}
				noted := strings.Contains(strings.ToLower(strings.Join(tb.Notes, "\n")), strings.ToLower(note))
				adds := columnsAddUp(t, tb, tc.lang)
				if !adds {
					off++
				}
				if adds == noted {
					t.Errorf("%s: columns add up %v, rounding note %v; notes %q", tb.Caption, adds, noted, tb.Notes)
				}
			}
			if off < tc.offAtLeast {
				t.Errorf("%d tables do not add up as printed, want at least %d", off, tc.offAtLeast)
			}
		})
	}
}

// columnsAddUp sums each head-count column of tb's total row's parts as
// printed and writes the sum as the total is written.
func columnsAddUp(t *testing.T, tb document.Table, lang vocab.Lang) bool {
	t.Helper()
	word := map[vocab.Lang]string{vocab.Zh: "合计", vocab.En: "Total"}[lang]
	total := -1
	for i, row := range tb.Rows {
		if row[0] == word || (len(row) > 1 && row[1] == word) {
			total = i
		}
	}
	if total < 0 {
		return true
	}
	for col, cell := range tb.Rows[total] {
		want, ok := vocab.Shown(cell)
		if !ok {
			continue
		}
		var sum int64
		for _, row := range tb.Rows[:total] {
			v, ok := vocab.Shown(row[col])
			if !ok && row[col] != "—" {
				sum = want // a text column: nothing to add
				break
			}
			sum += v
		}
		if got, _ := vocab.Shown(vocab.Cell(sum, lang)); got != want {
			t.Logf("%s column %d: parts add up to %s, total %s", tb.Caption, col, vocab.Cell(sum, lang), cell)
			return false
		}
	}
	return true
}
