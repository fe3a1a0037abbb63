package workbook

import (
	"fmt"
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
