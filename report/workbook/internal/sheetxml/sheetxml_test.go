package sheetxml

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelizeValue is the value excelize's StreamWriter.SetRow takes for c.
func excelizeValue(c Cell) any {
	if c.Skip() {
		return nil
	}
	out := excelize.Cell{StyleID: c.Style, Formula: c.Formula}
	switch c.Kind {
	case Int:
		out.Value = c.Int
	case Float:
		out.Value = c.Float
	case Text:
		out.Value = c.Text
	}
	return out
}

// row is one row to write: its number, height and cells.
type row struct {
	r      int
	height float64
	cells  []Cell
}

// viaExcelize returns the <sheetData> content excelize writes for rows.
func viaExcelize(tb testing.TB, rows []row) string {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	// Styles up to 3 exist, as SetRow checks none but a reader may.
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range rows {
		vals := make([]any, len(r.cells))
		for i, c := range r.cells {
			vals[i] = excelizeValue(c)
		}
		var opts []excelize.RowOpts
		if r.height > 0 {
			opts = append(opts, excelize.RowOpts{Height: r.height})
		}
		cell, _ := excelize.CoordinatesToCellName(1, r.r)
		if err := sw.SetRow(cell, vals, opts...); err != nil {
			tb.Fatal(err)
		}
	}
	part := streamedSheet(tb, f, sw)
	from := strings.Index(part, "<sheetData>") + len("<sheetData>")
	to := strings.Index(part, "</sheetData>")
	return part[from:to]
}

func readPart(tb testing.TB, file []byte, name string) string {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		tb.Fatal(err)
	}
	for _, f := range zr.File {
		if f.Name == name {
			rc, err := f.Open()
			if err != nil {
				tb.Fatal(err)
			}
			defer rc.Close()
			b, err := io.ReadAll(rc) // checks the CRC at the end
			if err != nil {
				tb.Fatalf("read %s: %v", name, err)
			}
			return string(b)
		}
	}
	tb.Fatalf("no part %s", name)
	return ""
}

// joined is the part Splice gives, written out.
func joined(sp Spliced) []byte {
	var b bytes.Buffer
	if _, err := sp.WriteTo(&b); err != nil || b.Len() != sp.Len() {
		panic("a bytes.Buffer took less than the part")
	}
	return b.Bytes()
}

// direct returns the <sheetData> content Rows writes for rows, through
// Splice into a small frame, checking the CRC and size Splice gives.
func direct(tb testing.TB, rows []row) string {
	tb.Helper()
	w := NewRows()
	for _, r := range rows {
		if err := w.Row(r.r, r.cells, r.height); err != nil {
			tb.Fatal(err)
		}
	}
	p, err := w.Close()
	if err != nil {
		tb.Fatal(err)
	}
	frame := []byte(`<worksheet><cols/><sheetData></sheetData><pageMargins/></worksheet>`)
	sp, err := Splice(frame, p)
	if err != nil {
		tb.Fatal(err)
	}
	data, crc, size := joined(sp), sp.CRC, sp.Size
	whole, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
	if err != nil {
		tb.Fatalf("inflate spliced part: %v", err)
	}
	if crc != crc32.ChecksumIEEE(whole) || size != int64(len(whole)) {
		tb.Fatalf("Splice gave CRC %08x size %d, the part has %08x and %d", crc, size, crc32.ChecksumIEEE(whole), len(whole))
	}
	s := string(whole)
	head, tail := `<worksheet><cols/><sheetData>`, `</sheetData><pageMargins/></worksheet>`
	if !strings.HasPrefix(s, head) || !strings.HasSuffix(s, tail) {
		tb.Fatalf("frame not kept around the rows: %q", s)
	}
	return s[len(head) : len(s)-len(tail)]
}

// TestRowsMatchExcelize: every kind of cell the workbook writes, and the
// texts that need escaping, give excelize's bytes.
func TestRowsMatchExcelize(t *testing.T) {
	long := strings.Repeat("长", maxCellChars+5)
	rows := []row{
		{r: 1, height: 20, cells: []Cell{{Style: 1, Kind: Text, Text: "城市"}, {Style: 1, Kind: Text, Text: "人数（人）"}}},
		{r: 2, cells: []Cell{{Style: 2, Kind: Text, Text: "成都"}, {}, {Style: 3, Kind: Int, Int: 1400000}, {Kind: Int, Int: -7},
			{Style: 4, Kind: Float, Float: 0.123456789012345678}, {Kind: Float, Float: 1e21}, {Kind: Float, Float: 123456789012345678},
			{Kind: Float, Float: math.NaN()}, {Kind: Float, Float: math.Inf(-1)}, {Kind: Float, Float: -0.5}}},
		{r: 3, height: 45.5, cells: []Cell{
			{Style: 5, Formula: `IF(ISNUMBER(G2),G2/10000,"")`, Kind: Float, Float: 140.5},
			{Style: 5, Formula: `SUMIFS('省份'!$I$2:$I$10,'省份'!$B$2:$B$10,"="&B3)`, Kind: Int, Int: 25},
			{Style: 5, Formula: `IF(A1<>0,A1&"x",'a''b'!A1>2)`},
			{Formula: "A1", Kind: Text, Text: " cached text\t"},
			{Style: 6}}},
		{r: 7, cells: []Cell{
			{Kind: Text, Text: " lead"}, {Kind: Text, Text: "trail\n"}, {Kind: Text, Text: "a\nb\r\nc\td"},
			{Kind: Text, Text: `<b>&"'</b>`}, {Kind: Text, Text: "bad \xff byte"}, {Kind: Text, Text: "ctl \x01\x1f"},
			{Kind: Text, Text: "_x0041_ and _x005F_x0041_ and _x005f_ and _xD800_ and _x12"}, {Kind: Text, Text: "\uFFFE\uFFFD 😀"},
			{Kind: Text, Text: long}, {Kind: Text, Text: strings.Repeat("😀", 16390)}}},
		{r: 1048576, cells: make([]Cell, 70)},
	}
	rows[len(rows)-1].cells[69] = Cell{Kind: Int, Int: 1}
	want := viaExcelize(t, rows)
	got := direct(t, rows)
	if got != want {
		i := 0
		for i < len(got) && i < len(want) && got[i] == want[i] {
			i++
		}
		t.Fatalf("rows differ at byte %d:\n got %.200q\nwant %.200q", i, got[i:], want[i:])
	}
}

// TestRowsLarge: past one compressed chunk, and the order and height
// checks.
func TestRowsLarge(t *testing.T) {
	var rows []row
	for r := 1; r <= 5000; r++ {
		rows = append(rows, row{r: r, cells: []Cell{{Kind: Text, Text: "城市" + strings.Repeat("x", r%13)},
			{Style: 2, Kind: Int, Int: int64(r * 7919)}, {Style: 3, Formula: "B" + string(rune('0'+r%10)) + "/10000", Kind: Float, Float: float64(r) / 3}}})
	}
	if got, want := direct(t, rows), viaExcelize(t, rows); got != want {
		t.Fatal("5,000 rows differ from excelize's")
	}
	w := NewRows()
	if err := w.Row(2, nil, 0); err != nil {
		t.Fatal(err)
	}
	if err := w.Row(2, nil, 0); err == nil {
		t.Error("row 2 twice: no error")
	}
	w = NewRows()
	if err := w.Row(1, nil, 410); err == nil {
		t.Error("a 410-point row: no error")
	}
}

// FuzzText: any text, as an inline string, a formula and a formula's text
// value, gives excelize's bytes.
func FuzzText(f *testing.F) {
	for _, s := range []string{"", "成都", " a ", "a&b<c>\"'", "\t\n\r", "_x0041_", "_x005F_x0041_", "\xff\xfe", "\uFFFE", "1.5"} {
		f.Add(s, 1.5)
	}
	f.Fuzz(func(t *testing.T, s string, v float64) {
		rows := []row{{r: 1, cells: []Cell{{Kind: Text, Text: s}, {Formula: s, Kind: Float, Float: v}, {Formula: "A1", Kind: Text, Text: s}}}}
		if s == "" {
			rows[0].cells[1].Formula = "A1"
		}
		if got, want := direct(t, rows), viaExcelize(t, rows); got != want {
			t.Fatalf("text %q:\n got %q\nwant %q", s, got, want)
		}
	})
}

func TestCombineCRC(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range [][2]int{{0, 0}, {0, 5}, {5, 0}, {1, 1}, {3, 1000}, {1000, 3}, {70000, 1 << 20}} {
		a, b := make([]byte, n[0]), make([]byte, n[1])
		for i := range a {
			a[i] = byte(rng.Uint32())
		}
		for i := range b {
			b[i] = byte(rng.Uint32())
		}
		want := crc32.ChecksumIEEE(append(append([]byte{}, a...), b...))
		if got := CombineCRC(crc32.ChecksumIEEE(a), crc32.ChecksumIEEE(b), int64(len(b))); got != want {
			t.Errorf("lengths %v: combined %08x, want %08x", n, got, want)
		}
	}
}

func TestSpliceNeedsEmptySheetData(t *testing.T) {
	if _, err := Splice([]byte(`<worksheet><sheetData><row r="1"/></sheetData></worksheet>`), Part{}); err != ErrNoSheetData {
		t.Fatalf("err = %v, want ErrNoSheetData", err)
	}
}

// sheetPart returns the worksheet part excelize writes for a sheet
// streamed with no rows, its columns set to widths one at a time, first
// to last, as the workbook set them.
func sheetPart(tb testing.TB, widths []float64) []byte {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		tb.Fatal(err)
	}
	for j, w := range widths {
		if err := sw.SetColWidth(j+1, j+1, w); err != nil {
			tb.Fatal(err)
		}
	}
	return []byte(streamedSheet(tb, f, sw))
}

// TestColsMatchExcelize: the column widths Rows.Cols writes, spliced into
// a frame without them, give the part excelize writes with them set by
// StreamWriter.SetColWidth.
func TestColsMatchExcelize(t *testing.T) {
	many := make([]float64, 70)
	for j := range many {
		many[j] = 8 + float64(j%7)*1.1
	}
	for _, widths := range [][]float64{nil, {8}, {12, 19.6, 0, 255, 10.8, 0.1, 80}, many} {
		want := sheetPart(t, widths)
		frame := sheetPart(t, nil)
		w := NewRows()
		if err := w.Row(1, []Cell{{Kind: Int, Int: 1}}, 0); err != nil {
			t.Fatal(err)
		}
		w.Cols(widths)
		p, err := w.Close()
		if err != nil {
			t.Fatal(err)
		}
		sp, err := Splice(frame, p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(flate.NewReader(bytes.NewReader(joined(sp))))
		if err != nil {
			t.Fatal(err)
		}
		got = bytes.Replace(got, []byte(`<row r="1"><c r="A1"><v>1</v></c></row>`), nil, 1)
		if !bytes.Equal(got, want) {
			i := 0
			for i < len(got) && i < len(want) && got[i] == want[i] {
				i++
			}
			t.Errorf("%d widths: part differs at byte %d:\n got %.200q\nwant %.200q", len(widths), i, got[i:], want[i:])
		}
	}
	// Widths in the frame and in the rows would make two <cols>.
	w := NewRows()
	w.Cols([]float64{8})
	p, err := w.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Splice(sheetPart(t, []float64{9}), p); err != ErrTwoCols {
		t.Errorf("widths twice: err = %v, want ErrTwoCols", err)
	}
}

// TestDeflateOnce: a piece is compressed once and then taken as it was,
// ended or ended by a sync flush so that another stream can follow; both
// read back as the piece.
func TestDeflateOnce(t *testing.T) {
	piece := []byte(strings.Repeat(`<sheetView workbookViewId="0">`, 40) + "省份")
	for _, final := range []bool{false, true} {
		first, err := Deflate(piece, final)
		if err != nil {
			t.Fatal(err)
		}
		again, err := Deflate(append([]byte(nil), piece...), final)
		if err != nil {
			t.Fatal(err)
		}
		if &first[0] != &again[0] {
			t.Errorf("final %v: compressed twice", final)
		}
		var fresh bytes.Buffer
		fw, _ := flate.NewWriter(&fresh, Level)
		fw.Write(piece)
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		if !bytes.Equal(first, fresh.Bytes()) {
			t.Errorf("final %v: not the bytes compressing it anew gives", final)
		}
	}
	flushed, _ := Deflate(piece, false)
	ended, _ := Deflate([]byte("</worksheet>"), true)
	got, err := io.ReadAll(flate.NewReader(bytes.NewReader(append(append([]byte(nil), flushed...), ended...))))
	if err != nil || string(got) != string(piece)+"</worksheet>" {
		t.Errorf("joined streams read back %q (%v)", got, err)
	}
	big := bytes.Repeat([]byte("x"), CacheablePiece+1)
	a, _ := Deflate(big, true)
	b, _ := Deflate(big, true)
	if &a[0] == &b[0] {
		t.Error("a piece past CacheablePiece was kept")
	}
}

// streamedSheet flushes sw, writes f and returns its first sheet's part as
// excelize wrote it.
func streamedSheet(tb testing.TB, f *excelize.File, sw *excelize.StreamWriter) string {
	tb.Helper()
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		tb.Fatal(err)
	}
	return readPart(tb, buf.Bytes(), "xl/worksheets/sheet1.xml")
}
