package sheet

import (
	"bytes"
	"os"
	"testing"
)

// FuzzOpen feeds random bytes and truncated workbooks to the reader: any
// input gives rows or an error, never a panic or a hang.
func FuzzOpen(f *testing.F) {
	for _, name := range []string{"csv.xlsx", "typed.xlsx", "nocache.xlsx", "locked.xlsx", "old.xls"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		for _, cut := range []int{8, 100, len(b) / 3, len(b) / 2, len(b) - 22, len(b) - 1} {
			if cut > 0 && cut < len(b) {
				f.Add(b[:cut])
			}
		}
	}
	f.Add(handWorkbook(f, `<worksheet><sheetData><row><c t="s"><v>1</v></c></row></sheetData></worksheet>`, handStyles, handStrings, false))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := Open(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		readSheets(t, w)
	})
}

// FuzzSheet feeds random XML inside a well-formed package, which random
// bytes seldom reach, as the sheet, the styles and the shared strings.
func FuzzSheet(f *testing.F) {
	f.Add(`<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c><c s="1"><v>43602</v></c><c t="inlineStr"><is><t>a&amp;b</t></is></c></row></sheetData>` +
		`<mergeCells><mergeCell ref="A1:B3"/></mergeCells></worksheet>`)
	f.Add(`<worksheet><sheetData><row><c><f>1</f></c><c t="d"><v>2019-05-17</v></c><c t="b"><v>1</v></c></row>`)
	f.Add(handStyles)
	f.Add(handStrings)
	f.Fuzz(func(t *testing.T, xml string) {
		// The same text as the sheet, the styles and the strings part.
		data := handWorkbook(t, xml, xml, xml, len(xml)%2 == 1)
		w, err := Open(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			return
		}
		readSheets(t, w)
	})
}

func readSheets(t *testing.T, w *Workbook) {
	for _, name := range w.Sheets() {
		rs, err := w.Rows(name)
		if err != nil {
			continue
		}
		last := 0
		for rs.Next() {
			if n := len(rs.Cells()); n > maxColumns {
				t.Fatalf("row %d has %d cells", rs.Row(), n)
			}
			if n := len(rs.Cells()); n > 0 && rs.Cells()[n-1] == "" {
				t.Fatalf("row %d ends with an empty cell", rs.Row())
			}
			last = rs.Row()
		}
		_ = last
		rs.Close()
	}
}
