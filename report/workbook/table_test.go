package workbook

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/workbook/internal/sheetxml"
)

// TestTableRowsBuiltOnce: writeTable builds each row's cells once — the
// rows measured for the column widths are the rows written — and a table
// longer than the sample builds the rest as it writes them (each slice's
// workbook built every row twice; issue 25).
func TestTableRowsBuiltOnce(t *testing.T) {
	for _, rows := range []int{10, widthSample + 5} {
		t.Run(fmt.Sprintf("rows=%d", rows), func(t *testing.T) {
			c := mustCompare(t, sample.National(sample.Options{Cities: 20, Previous: true}))
			b := &book{f: excelize.NewFile(), c: c, l: labelsFor(vocab.Zh), lang: vocab.Zh, limit: maxRows,
				parts: map[string]sheetxml.Part{}}
			defer b.f.Close()
			var err error
			if b.st, err = newStyles(b.f, b.l.wanFormat); err != nil {
				t.Fatal(err)
			}
			if _, err := b.f.NewSheet("T"); err != nil {
				t.Fatal(err)
			}
			built := make([]int, rows)
			tb := &table{sheet: "T", rows: rows, cols: []column{{key: "n", header: "n", min: 8}},
				cells: func(i, r int) []cell {
					built[i]++
					return []cell{b.intCell(r, b.st.int)}
				}}
			if err := b.writeTable(tb); err != nil {
				t.Fatal(err)
			}
			for i, n := range built {
				if n != 1 {
					t.Fatalf("row %d built %d times, want once", i, n)
				}
			}
		})
	}
}

// TestCellWidth: a number's width is the length vocab.Int or one decimal
// gives it, a text's counts a CJK or full-width character twice.
func TestCellWidth(t *testing.T) {
	for _, n := range []int64{0, 7, -7, 999, 1000, -1000, 999999, 1000000, -1234567, math.MaxInt64, math.MinInt64} {
		c := cell{Kind: sheetxml.Int, Int: n}
		if got, want := cellWidth(&c), float64(len(vocab.Int(n))); got != want {
			t.Errorf("%d: width %v, want %v (%s)", n, got, want, vocab.Int(n))
		}
	}
	for _, v := range []float64{0, -0.05, 12.34, 1e21, math.Inf(1)} {
		c := cell{Kind: sheetxml.Float, Float: v}
		if got, want := cellWidth(&c), float64(len(strconv.FormatFloat(v, 'f', 1, 64))); got != want {
			t.Errorf("%v: width %v, want %v", v, got, want)
		}
	}
	for s, want := range map[string]float64{"": 0, "abc": 3, "成都": 4, "成都 MFG创客联邦": 16, "ＡＢ": 4, "é\xff": 2, "\t": 1} {
		if got := cellWidth(&cell{Kind: sheetxml.Text, Text: s}); got != want {
			t.Errorf("%q: width %v, want %v", s, got, want)
		}
	}
}
