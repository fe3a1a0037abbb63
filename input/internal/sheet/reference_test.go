package sheet

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// The reference: excelize, the library this reader stands in for, reads
// the same bytes. For the plain cells of a sheet (numbers, shared strings
// plain or in rich-text runs, inline strings, formula strings with their
// value; any text, escaped as Excel escapes it) both must give the same
// values: text exactly, numbers as the same float64. See README.md.

// refCell is one cell of a reference workbook: its kind and value.
type refCell struct {
	kind byte // 'n' number, 's' shared string, 'r' rich text, 'i' inline, 'f' formula string, 'c' CDATA inline, 'w' inline with line ends raw
	v    string
}

// refCells reads fuzz bytes as rows of cells: rows split at 0x1E, cells at
// 0x1F, each cell's first byte choosing its kind and the rest its value.
func refCells(data []byte) [][]refCell {
	var rows [][]refCell
	for _, r := range bytes.Split(data, []byte{0x1E}) {
		var row []refCell
		for _, c := range bytes.Split(r, []byte{0x1F}) {
			if len(c) == 0 {
				row = append(row, refCell{})
				continue
			}
			kind := "nsrifcw"[int(c[0])%7]
			v := strings.ToValidUTF8(string(c[1:]), "\uFFFD") // XML holds no other

			if kind == 'n' {
				x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
				if err != nil || x != x || x > 1e300 || x < -1e300 {
					kind = 's'
				} else {
					v = strings.TrimSpace(v)
				}
			}
			row = append(row, refCell{kind, v})
		}
		rows = append(rows, row)
	}
	return rows
}

// escapeText writes text as Excel writes a cell's text in XML: markup
// characters as entities, control characters as _xHHHH_, a literal
// _xHHHH_ with its underscore escaped.
func escapeText(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '_' && indexEscape([]byte(s[i:])) == 0:
			b.WriteString("_x005F_")
		case r < 0x20 && r != '\t' && r != '\n', r == '\r':
			fmt.Fprintf(&b, "_x%04X_", r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// refWorkbook writes the cells as a workbook Excel could have saved.
func refWorkbook(t testing.TB, rows [][]refCell) []byte {
	var sheet, sst strings.Builder
	nstr := 0
	for i, row := range rows {
		fmt.Fprintf(&sheet, `<row r="%d">`, i+1)
		for j, c := range row {
			ref := Ref(j+1, i+1)
			v := escapeText(c.v)
			switch c.kind {
			case 0:
			case 'n':
				fmt.Fprintf(&sheet, `<c r="%s"><v>%s</v></c>`, ref, c.v)
			case 's', 'r':
				if c.kind == 's' {
					fmt.Fprintf(&sst, `<si><t xml:space="preserve">%s</t></si>`, v)
				} else {
					half := len(c.v) / 2
					for half > 0 && !utf8.RuneStart(c.v[half]) {
						half--
					}
					fmt.Fprintf(&sst, `<si><r><t xml:space="preserve">%s</t></r><r><rPr><b/></rPr><t xml:space="preserve">%s</t></r></si>`, escapeText(c.v[:half]), escapeText(c.v[half:]))
				}
				fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, nstr)
				nstr++
			case 'i':
				fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, v)
			case 'c':
				if strings.Contains(c.v, "]]>") || strings.ContainsAny(c.v, "\r") || strings.Contains(v, "_x") {
					fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, v)
				} else {
					fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t xml:space="preserve"><![CDATA[%s]]></t></is></c>`, ref, c.v)
				}
			case 'w':
				raw := strings.Map(func(r rune) rune {
					if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
						return -1 // not a character XML holds
					}
					return r
				}, strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(c.v))
				fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, raw)
			case 'f':
				if strings.Contains(v, "_x") {
					// excelize leaves _xHHHH_ escaped in a formula's
					// string value; Excel writes it there as in any text
					// (ST_Xstring), and this reader decodes it.
					fmt.Fprintf(&sheet, `<c r="%s" t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>`, ref, v)
					continue
				}
				fmt.Fprintf(&sheet, `<c r="%s" t="str"><f>"x"</f><v>%s</v></c>`, ref, v)
			}
		}
		sheet.WriteString(`</row>`)
	}
	return refPackage(t, "S", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\r\n"+`<worksheet `+ns+`><sheetData>`+sheet.String()+`</sheetData></worksheet>`,
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+sst.String()+`</sst>`)
}

const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// refPackage is a package with one sheet as Excel lays it out.
func refPackage(t testing.TB, name, sheetXML, sstXML string) []byte {
	return zipOf(t, map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml":     `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + `<workbook ` + ns + `><sheets><sheet name="` + strings.ReplaceAll(name, "&", "&amp;") + `" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/sharedStrings.xml":     `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" + sstXML,
		"xl/worksheets/sheet1.xml": sheetXML,
	})
}

// sameAsExcelize reads a workbook with both readers and compares the
// values of its cells; excelize refusing the bytes (text XML may not
// hold, such as U+FFFE) skips the comparison.
func sameAsExcelize(t *testing.T, data []byte) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return
	}
	want, err := f.GetRows("S", excelize.Options{RawCellValue: true})
	if err != nil {
		return
	}
	w, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("excelize reads the workbook, this reader: %v", err)
	}
	rs, err := w.Rows("S")
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	got := map[int][]string{}
	for rs.Next() {
		row := append([]string(nil), rs.Cells()...)
		for _, fl := range rs.Faults() {
			for len(row) < fl.Col {
				row = append(row, "")
			}
			row[fl.Col-1] = fmt.Sprintf("\x00fault %d", fl.Kind)
		}
		got[rs.Row()] = row
	}
	if rs.Err() != nil {
		t.Fatalf("excelize reads the sheet, this reader: %v", rs.Err())
	}
	for i := range max(len(want), len(got)) {
		var w []string
		if i < len(want) {
			w = want[i]
		}
		for len(w) > 0 && w[len(w)-1] == "" {
			w = w[:len(w)-1]
		}
		g := got[i+1]
		if len(g) != len(w) {
			t.Fatalf("row %d: %q, excelize %q", i+1, g, w)
		}
		for j := range g {
			// A cell refused as a CSV file would be: excelize gives the
			// text, NUL and all.
			if g[j] == fmt.Sprintf("\x00fault %d", NULChar) && strings.Contains(w[j], "\x00") {
				continue
			}
			if g[j] == w[j] {
				continue
			}
			x, err1 := strconv.ParseFloat(g[j], 64)
			y, err2 := strconv.ParseFloat(w[j], 64)
			if err1 != nil || err2 != nil || x != y {
				t.Fatalf("cell %s: %q, excelize %q", Ref(j+1, i+1), g[j], w[j])
			}
		}
	}
}

var refSeeds = []string{
	"\x01四川\x1f\x02成都\x1f\x001400000\x1f\x03 统计 局 ",
	"\x00-0.5\x1f\x001.21E+6\x1f\x0043602\x1e\x04a&b<c>\x1f\x05x\r\ny\x1f\x02tab\there",
	"\x01_x000D_ literal\x1f\x03ctrl\x01\x02\x1f\x04]]>\x1f\x05\u202e\u200b\ufeff",
	"\x01\x1f\x1f\x02late\x1e\x1e\x00007\x1f\x00.5\x1f\x00 12 ",
	"\x06a\r\nb\rc\x1f\x06&#13;",
}

func TestSameAsExcelize(t *testing.T) {
	for _, s := range refSeeds {
		sameAsExcelize(t, refWorkbook(t, refCells([]byte(s))))
	}
}

// FuzzExcelize holds the reader to excelize on any cell values.
func FuzzExcelize(f *testing.F) {
	for _, s := range refSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 4096 {
			return
		}
		sameAsExcelize(t, refWorkbook(t, refCells(data)))
	})
}

// BenchmarkRowsExcelize reads BenchmarkRows's sheet with excelize's row
// iterator: what this reader saves (README.md).
func BenchmarkRowsExcelize(b *testing.B) {
	sheetXML := strings.Replace(largeSheet(100000, `</sheetData></worksheet>`), `<worksheet>`, `<worksheet `+ns+`>`, 1)
	data := refPackage(b, "S & T", sheetXML, strings.Replace(handStrings, `<sst>`, `<sst `+ns+`>`, 1))
	b.SetBytes(int64(len(data)))
	defer reportCPU(b)()
	for b.Loop() {
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.Rows("S & T")
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for rows.Next() {
			if _, err := rows.Columns(excelize.Options{RawCellValue: true}); err != nil {
				b.Fatal(err)
			}
			n++
		}
		if rows.Close(); n != 100000 {
			b.Fatalf("%d rows", n)
		}
		f.Close()
	}
}

// reportCPU reports the CPU time per op when the returned func is called:
// on a shared machine it varies far less than wall time.
func reportCPU(b *testing.B) func() {
	cpu0 := cpuTime()
	return func() { b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op") }
}

func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
