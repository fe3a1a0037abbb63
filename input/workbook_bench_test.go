package input

import (
	"archive/zip"
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// writeNationalBook is writeNational with figures.xlsx in place of
// figures.csv, written as Excel writes it: text in the shared strings,
// members as numbers shown #,##0 (the 万 and grouped forms stay text),
// periods as dates shown yyyy"年"m"月".
func writeNationalBook(tb testing.TB, dir string, rows int) {
	tb.Helper()
	writeNational(tb, dir, rows)
	csvPath := filepath.Join(dir, "figures.csv")
	in, err := os.Open(csvPath)
	if err != nil {
		tb.Fatal(err)
	}
	recs, err := csv.NewReader(bufio.NewReader(in)).ReadAll()
	in.Close()
	if err != nil {
		tb.Fatal(err)
	}
	os.Remove(csvPath)
	strIndex := map[string]int{}
	var strs []string
	str := func(s string) int {
		i, ok := strIndex[s]
		if !ok {
			i = len(strs)
			strIndex[s] = i
			strs = append(strs, s)
		}
		return i
	}
	var sheet strings.Builder
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`)
	epoch := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	for r, rec := range recs {
		fmt.Fprintf(&sheet, `<row r="%d">`, r+1)
		for c, v := range rec {
			ref := string(rune('A'+c)) + strconv.Itoa(r+1)
			switch {
			case r > 0 && c == 2:
				t, _ := time.Parse("2006-01", v)
				fmt.Fprintf(&sheet, `<c r="%s" s="1"><v>%d</v></c>`, ref, int(t.Sub(epoch).Hours()/24))
			case r > 0 && c == 3 && !strings.ContainsAny(v, ",万"):
				fmt.Fprintf(&sheet, `<c r="%s" s="2"><v>%s</v></c>`, ref, v)
			case v == "":
			default:
				fmt.Fprintf(&sheet, `<c r="%s" t="s"><v>%d</v></c>`, ref, str(v))
			}
		}
		sheet.WriteString(`</row>`)
	}
	sheet.WriteString(`</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`)
	var sst strings.Builder
	fmt.Fprintf(&sst, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(strs), len(strs))
	for _, s := range strs {
		sst.WriteString(`<si><t>` + s + `</t></si>`)
	}
	sst.WriteString(`</sst>`)
	parts := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="人数" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/></numFmts><fonts count="1"><font><sz val="11"/><name val="等线"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="176" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`},
		{"xl/sharedStrings.xml", sst.String()},
		{"xl/worksheets/sheet1.xml", sheet.String()},
	}
	f, err := os.Create(filepath.Join(dir, "figures.xlsx"))
	if err != nil {
		tb.Fatal(err)
	}
	zw := zip.NewWriter(f)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err == nil {
			_, err = w.Write([]byte(p[1]))
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkLoadWorkbook loads a national folder whose figures table is a
// 1M-row figures.xlsx (issue 21: reading workbooks as the analyst sees them
// keeps within 10% of this).
func BenchmarkLoadWorkbook(b *testing.B) {
	for _, rows := range benchRows {
		b.Run("rows="+strconv.Itoa(rows), func(b *testing.B) {
			dir := b.TempDir()
			writeNationalBook(b, dir, rows)
			st, _ := os.Stat(filepath.Join(dir, "figures.xlsx"))
			b.SetBytes(st.Size())
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				d, err := LoadDir(dir, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if d.Files[2].Rows != rows {
					b.Fatalf("rows = %d, want %d", d.Files[2].Rows, rows)
				}
			}
			// CPU time is steadier than wall time on a shared machine.
			b.ReportMetric(float64(cpuTime()-cpu0)/1e6/float64(b.N), "cpu-ms/op")
		})
	}
}
