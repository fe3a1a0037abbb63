package input

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"
)

// xsheet is one sheet of a workbook written as Excel writes it.
type xsheet struct {
	name, state string
	rows        string // the rows, as sheetData holds them
	after       string // elements after sheetData (mergeCells)
	part        string // the part name, default worksheets/sheetN.xml
}

// xbook is a workbook as Excel 2016 saves it: strings in the shared string
// table, number formats in styles.xml (custom ids from 176), and the
// calculation properties it writes.
type xbook struct {
	sheets  []xsheet
	formats []string // custom number formats; style i+1 uses formats[i]
	strs    []string // raw XML of each si's text (escaped as needed)
	calcPr  string   // default <calcPr calcId="191029"/>
	extra   map[string]string
}

func (b xbook) bytes(t testing.TB) []byte {
	t.Helper()
	var list, rels, over strings.Builder
	parts := [][2]string{}
	for i, s := range b.sheets {
		id := fmt.Sprint(i + 1)
		part := s.part
		if part == "" {
			part = "worksheets/sheet" + id + ".xml"
		}
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%s"%s r:id="rId%s"/>`, s.name, id, state, id)
		fmt.Fprintf(&rels, `<Relationship Id="rId%s" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="%s"/>`, id, part)
		fmt.Fprintf(&over, `<Override PartName="/xl/%s" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`, part)
		parts = append(parts, [2]string{"xl/" + part, xmlHead + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="14.25"/>` +
			`<sheetData>` + s.rows + `</sheetData>` + s.after + `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`})
	}
	calc := b.calcPr
	if calc == "" {
		calc = `<calcPr calcId="191029"/>`
	}
	var fmts, xfs strings.Builder
	for i, code := range b.formats {
		fmt.Fprintf(&fmts, `<numFmt numFmtId="%d" formatCode="%s"/>`, 176+i, strings.ReplaceAll(code, `"`, "&quot;"))
		fmt.Fprintf(&xfs, `<xf numFmtId="%d" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`, 176+i)
	}
	var sst strings.Builder
	fmt.Fprintf(&sst, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">`, len(b.strs), len(b.strs))
	for _, s := range b.strs {
		sst.WriteString(`<si><t>` + s + `</t></si>`)
	}
	sst.WriteString(`</sst>`)
	parts = append(parts,
		[2]string{"[Content_Types].xml", xmlHead + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			over.String() + `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		[2]string{"_rels/.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		[2]string{"xl/workbook.xml", xmlHead + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840"/></bookViews><sheets>` +
			list.String() + `</sheets>` + calc + `</workbook>`},
		[2]string{"xl/_rels/workbook.xml.rels", xmlHead + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels.String() +
			`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		[2]string{"xl/styles.xml", xmlHead + `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="` + fmt.Sprint(len(b.formats)) + `">` + fmts.String() + `</numFmts>` +
			`<fonts count="1"><font><sz val="11"/><name val="等线"/><charset val="134"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
			`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="` + fmt.Sprint(len(b.formats)+1) + `"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>` + xfs.String() + `</cellXfs>` +
			`<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles></styleSheet>`},
		[2]string{"xl/sharedStrings.xml", xmlHead + sst.String()},
	)
	for name, body := range b.extra {
		parts = append(parts, [2]string{name, body})
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p[0])
		if err == nil {
			_, err = w.Write([]byte(p[1]))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const xmlHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n"

// xrow writes a row as Excel does: each cell a reference, strings as
// indexes into the shared strings (s: the index), numbers as they are
// stored, and any other cell XML given whole.
func xrow(n int, cells ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d" spans="1:%d">`, n, len(cells))
	for i, c := range cells {
		if c == "" {
			continue
		}
		ref := fmt.Sprintf("%c%d", 'A'+i, n)
		switch {
		case strings.HasPrefix(c, "<"):
			b.WriteString(strings.Replace(c, "<c ", `<c r="`+ref+`" `, 1))
		case strings.HasPrefix(c, "s"):
			fmt.Fprintf(&b, `<c r="%s" t="s"><v>%s</v></c>`, ref, c[1:])
		default:
			fmt.Fprintf(&b, `<c r="%s"><v>%s</v></c>`, ref, c)
		}
	}
	b.WriteString(`</row>`)
	return b.String()
}
