package sheet

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// largeSheet is a sheet of n rows, past asyncMin: its part is inflated on a
// goroutine and its merged ranges read beside the rows.
func largeSheet(n int, tail string) string {
	var b strings.Builder
	b.WriteString(`<worksheet><sheetData>`)
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>省%d</t></is></c><c r="B%d"><v>%d</v></c></row>`, i, i, i, i, i)
	}
	b.WriteString(tail)
	return b.String()
}

func TestLargeSheet(t *testing.T) {
	const n = 30000
	full := largeSheet(n, `</sheetData><mergeCells><mergeCell ref="A2:A4"/><mergeCell ref="A29998:A30000"/></mergeCells></worksheet>`)
	if len(full) < asyncMin {
		t.Fatalf("sheet of %d bytes does not reach the async path", len(full))
	}
	data := handWorkbook(t, full, handStyles, handStrings, false)
	w, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := readAll(t, w, "S & T")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != n {
		t.Fatalf("%d rows, want %d", len(rows), n)
	}
	for _, c := range []struct {
		i    int
		want string
	}{{0, "省1"}, {1, "省2"}, {2, "省2"}, {3, "省2"}, {4, "省5"}, {n - 3, "省29998"}, {n - 1, "省29998"}} {
		if got := rows[c.i].cells; got[0] != c.want || got[1] != fmt.Sprint(c.i+1) {
			t.Errorf("row %d = %q, want %s, %d", rows[c.i].n, got, c.want, c.i+1)
		}
	}

	// Cut short: the rows read, then the fault.
	cut := handWorkbook(t, largeSheet(n, ""), handStyles, handStrings, false)
	w, err = Open(bytes.NewReader(cut), int64(len(cut)))
	if err != nil {
		t.Fatal(err)
	}
	rows, err = readAll(t, w, "S & T")
	if err == nil || !strings.Contains(err.Error(), "damaged") || len(rows) != n {
		t.Errorf("%d rows, error %v; want %d rows and damaged", len(rows), err, n)
	}

	// Closed after a few rows: the goroutines stop.
	w, _ = Open(bytes.NewReader(data), int64(len(data)))
	rs, err := w.Rows("S & T")
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3 && rs.Next(); i++ {
	}
	if err := rs.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
}

// BenchmarkRows reads a 100,000-row sheet: inflating, scanning and typing
// cells.
func BenchmarkRows(b *testing.B) {
	data := handWorkbook(b, largeSheet(100000, `</sheetData></worksheet>`), handStyles, handStrings, false)
	b.SetBytes(int64(len(data)))
	defer reportCPU(b)()
	for b.Loop() {
		w, err := Open(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			b.Fatal(err)
		}
		rs, err := w.Rows("S & T")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rs.Next() {
			n++
		}
		if rs.Close(); n != 100000 || rs.Err() != nil {
			b.Fatalf("%d rows, %v", n, rs.Err())
		}
	}
}
