package sheet

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// bookOf is a workbook of the given sheets (name → sheet XML, in order),
// each with its state attribute ("" visible), and workbook.xml extras.
type handSheet struct{ name, state, xml string }

func bookOf(t testing.TB, extra string, sheets ...handSheet) []byte {
	var list, rels strings.Builder
	parts := map[string]string{"xl/styles.xml": handStyles, "xl/strings.xml": handStrings}
	for i, s := range sheets {
		id := string(rune('1' + i))
		state := ""
		if s.state != "" {
			state = ` state="` + s.state + `"`
		}
		list.WriteString(`<sheet name="` + s.name + `" sheetId="` + id + `"` + state + ` r:id="rId` + id + `"/>`)
		rels.WriteString(`<Relationship Id="rId` + id + `" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet` + id + `.xml"/>`)
		parts["xl/worksheets/sheet"+id+".xml"] = s.xml
	}
	parts["xl/workbook.xml"] = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>` +
		list.String() + `</sheets>` + extra + `</workbook>`
	parts["xl/_rels/workbook.xml.rels"] = `<Relationships>` + rels.String() +
		`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
		`<Relationship Id="rIdT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>`
	return zipOf(t, parts)
}

// faultRow is a row's cells and faults as read.
type faultRow struct {
	n      int
	cells  []string
	faults []Fault
}

func readFaults(t *testing.T, data []byte, sheet string) []faultRow {
	t.Helper()
	w, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	rs, err := w.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rs.Close()
	var out []faultRow
	for rs.Next() {
		out = append(out, faultRow{rs.Row(), append([]string(nil), rs.Cells()...), append([]Fault(nil), rs.Faults()...)})
	}
	if rs.Err() != nil {
		t.Fatal(rs.Err())
	}
	return out
}

func sheetOf(rows string) string {
	return `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` + rows + `</sheetData></worksheet>`
}

// Cells a spreadsheet would not show as their stored text are faults, not
// empty cells or zeros: an error value, a formula never calculated, any
// formula of a workbook that recalculates on opening, text a CSV file could
// not hold and text past Excel's cell limit.
func TestFaults(t *testing.T) {
	long := strings.Repeat("长", MaxCellChars+1)
	okLong := strings.Repeat("长", MaxCellChars)
	strs := `<sst><si><t>` + long + `</t></si><si><t>a&#0;b</t></si><si><t>` + okLong + `</t></si><si><t>c` + "\xff" + `</t></si><si><t>ok</t></si></sst>`
	rows := `<row r="1"><c r="A1" t="e"><f>VLOOKUP(1,B:B,2,0)</f><v>#N/A</v></c><c r="B1" t="e"><v>#REF!</v></c><c r="C1"><f>SUM(D1:D2)</f></c><c r="D1"><f>1+1</f><v>2</v></c></row>` +
		`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>3</v></c><c r="D2" t="s"><v>4</v></c></row>` +
		`<row r="3"><c r="A3" t="inlineStr"><is><t>x_x0000_y</t></is></c><c r="B3" t="inlineStr"><is><t>_xD83D__xDE00_</t></is></c><c r="C3" t="inlineStr"><is><t>_xD800_</t></is></c><c r="D3" t="inlineStr"><is><t>` + long + `</t></is></c></row>` +
		`<row r="4"><c r="A4" t="str"><f>A1</f><v></v></c><c r="B4" t="s"><v>2</v></c></row>`
	data := zipOf(t, map[string]string{
		"xl/workbook.xml":            `<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="/worksheet" Target="s.xml"/><Relationship Id="rId2" Type="/sharedStrings" Target="t.xml"/></Relationships>`,
		"xl/s.xml":                   sheetOf(rows),
		"xl/t.xml":                   strs,
	})
	got := readFaults(t, data, "S")
	want := []faultRow{
		{1, []string{"", "", "", "2"}, []Fault{{1, ErrorValue, "#N/A"}, {2, ErrorValue, "#REF!"}, {3, NotCalculated, ""}}},
		{2, []string{"", "", "", "ok"}, []Fault{{1, TooLong, ""}, {2, NULChar, ""}, {3, BadUTF8, ""}}},
		{3, []string{"", "😀"}, []Fault{{1, NULChar, ""}, {3, BadUTF8, ""}, {4, TooLong, ""}}},
		{4, []string{"", okLong}, nil}, // a formula giving "", and text at the limit
	}
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got), len(want)) {
			if i >= len(got) || i >= len(want) || !reflect.DeepEqual(got[i], want[i]) {
				t.Errorf("row %d:\n got %v\nwant %v", i+1, clip(got, i), clip(want, i))
			}
		}
	}

	// The same formulas in a workbook that recalculates on opening: every
	// one is stale, calculated or not.
	stale := bookOf(t, `<calcPr calcId="191029" fullCalcOnLoad="1"/>`, handSheet{"S", "", sheetOf(`<row r="1"><c r="A1"><v>5</v></c><c r="B1"><f>A1*2</f><v>10</v></c><c r="C1"><f>A1</f></c></row>`)})
	got = readFaults(t, stale, "S")
	want = []faultRow{{1, []string{"5"}, []Fault{{2, Stale, ""}, {3, NotCalculated, ""}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fullCalcOnLoad:\n got %v\nwant %v", got, want)
	}
}

func clip(rows []faultRow, i int) any {
	if i < len(rows) {
		r := rows[i]
		for j, c := range r.cells {
			if len(c) > 20 {
				r.cells[j] = c[:20] + "…"
			}
		}
		return r
	}
	return nil
}

func TestHiddenSheets(t *testing.T) {
	data := bookOf(t, "", handSheet{"a", "", sheetOf("")}, handSheet{"b", "hidden", sheetOf("")}, handSheet{"c", "veryHidden", sheetOf("")})
	w, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var got []bool
	for _, name := range w.Sheets() {
		got = append(got, w.Hidden(name))
	}
	if want := []bool{false, true, true}; !reflect.DeepEqual(got, want) {
		t.Errorf("hidden %v, want %v", got, want)
	}
}

// A number in a number format shows as the format writes it (the period
// column is read so); its unit is the literal after it, unless the format
// scales what it shows.
func TestShownAndUnit(t *testing.T) {
	tests := []struct {
		code, v, shown, unit string
	}{
		{`0.00`, "2019.1", "2019.10", ""},
		{`0.00`, "2019.05", "2019.05", ""},
		{`0`, "2019.1", "2019", ""},
		{`0.0#`, "2019.1", "2019.1", ""},
		{`0.##`, "2019", "2019.", ""},
		{`#,##0`, "1400000", "1,400,000", ""},
		{`#,##0.00`, "-1234.5", "-1,234.50", ""},
		{`#,##0;(#,##0)`, "-1234", "(1,234)", ""},
		{`0.00"万人"`, "130", "130.00万人", "万人"},
		{`0"万"`, "130.5", "131万", "万"},
		{`#,##0.0"亿"`, "1.25", "1.3亿", "亿"},
		{`0" 人"`, "5", "5 人", "人"},
		{`0万人`, "5", "5万人", "万人"},
		{`0!.0000"万"`, "1400000", "1400000", ""}, // persons shown in 万: not rendered, no unit
		{`#,##0.0,"千"`, "1400000", "1400000", ""},
		{`0.00E+00`, "1234567", "1234567", ""},
		{`0%`, "0.5", "50%", ""},
		{`[Red]0.00`, "2019.1", "2019.10", ""},
		{`[DBNum1]0`, "2019", "2019", ""},
		{`[<1000]0;0.0,"千"`, "5", "5", ""},
		{`@`, "2019.1", "2019.1", ""},
		{`General`, "2019.1", "2019.1", ""},
		{`"第"0"批"`, "2", "第2批", "批"},
		{`[$¥-804]#,##0.00`, "3", "¥3.00", ""},
	}
	for _, tt := range tests {
		f := parseNumberFormat(tt.code)
		shown, _ := f.render(tt.v)
		unit := ""
		if f != nil {
			unit = f.suffix
		}
		if shown != tt.shown || unit != tt.unit {
			t.Errorf("%s on %s: shown %q unit %q, want %q %q", tt.code, tt.v, shown, unit, tt.shown, tt.unit)
		}
	}
}

// Merged ranges come from the sheet's mergeCells list only: text that
// looks like one (in CDATA, a comment, an attribute) merges nothing.
func TestMergesNotForged(t *testing.T) {
	forged := `<mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells>`
	tests := []struct{ name, xml string }{
		{"cdata", sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>四川</t></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[` + forged + `]]></t></is></c></row>` +
			`<row r="2"><c r="B2"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c></row>`)},
		{"comment", sheetOf(`<row r="1"><c r="A1" t="inlineStr"><is><t>四川</t></is></c><!-- ` + forged + ` --></row>` +
			`<row r="2"><c r="B2"><v>1</v></c></row><row r="3"><c r="B3"><v>2</v></c></row>`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := readFaults(t, bookOf(t, "", handSheet{"S", "", tt.xml}), "S")
			for _, r := range got[1:] {
				if r.cells[0] != "" {
					t.Errorf("row %d = %q: a merge forged by text", r.n, r.cells)
				}
			}
		})
	}
	// The genuine list after the cells still merges, whatever came before.
	real := strings.Replace(tests[0].xml, `</sheetData>`, `</sheetData>`+forged, 1)
	got := readFaults(t, bookOf(t, "", handSheet{"S", "", real}), "S")
	if got[2].cells[0] != "四川" {
		t.Errorf("row 3 = %q, want 四川 merged down", got[2].cells)
	}
	// An attribute value holding markup is not XML.
	attr := sheetOf(`<row r="1"><c r="A1" t="inlineStr" x="` + forged + `"><is><t>四川</t></is></c></row><row r="2"><c r="B2"><v>1</v></c></row>`)
	data := bookOf(t, "", handSheet{"S", "", attr})
	w, _ := Open(bytes.NewReader(data), int64(len(data)))
	if _, err := readAll(t, w, "S"); err == nil || !strings.Contains(err.Error(), "attribute") {
		t.Errorf("markup in an attribute: error %v, want one naming it", err)
	}
}

// Part names are compared without regard to ASCII case (ECMA-376 Part 2,
// M1.12). Two parts equivalent so are a damaged package, whichever the
// workbook names (before, the one spelt as named was read, the other
// ignored: what LibreOffice does, not what the spec allows); a part held
// only in another case than named is refused too, since LibreOffice shows
// it empty where Excel reads it (before, its figures were read); a content
// type in another case is no matter (neither reads it for this).
func TestPartNameCase(t *testing.T) {
	sheet := func(v string) string { return sheetOf(`<row r="1"><c r="A1"><v>` + v + `</v></c></row>`) }
	rels := func(target string) string {
		return `<Relationships><Relationship Id="rId1" Type="/worksheet" Target="` + target + `"/></Relationships>`
	}
	wb := `<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>`
	tests := []struct {
		name  string
		parts map[string]string
		want  string // the cell read, or the error's words
	}{
		{"named lower, two", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels("worksheets/sheet1.xml"),
			"xl/worksheets/Sheet1.xml": sheet("1"), "xl/worksheets/sheet1.xml": sheet("2")}, "parts xl/worksheets/Sheet1.xml and xl/worksheets/sheet1.xml differ only in case"},
		{"named upper, two", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels("worksheets/Sheet1.xml"),
			"xl/worksheets/Sheet1.xml": sheet("1"), "xl/worksheets/sheet1.xml": sheet("2")}, "differ only in case"},
		{"two strings tables", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels("worksheets/sheet1.xml"),
			"xl/worksheets/sheet1.xml": sheet("1"), "xl/sharedStrings.xml": "<sst/>", "xl/SharedStrings.xml": "<sst/>"}, "differ only in case"},
		{"held in another case", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels("worksheets/SHEET1.xml"),
			"xl/worksheets/sheet1.xml": sheet("3")}, "names part xl/worksheets/SHEET1.xml but holds it as xl/worksheets/sheet1.xml"},
		{"relationships in another case", map[string]string{"xl/workbook.xml": wb, "xl/_rels/Workbook.xml.rels": rels("worksheets/sheet1.xml"),
			"xl/worksheets/sheet1.xml": sheet("3")}, "holds it as xl/_rels/Workbook.xml.rels"},
		{"only ASCII letters fold", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels("worksheets/k.xml"),
			"xl/worksheets/\u212a.xml": sheet("4"), "xl/worksheets/k.xml": sheet("5")}, "5"}, // U+212A KELVIN SIGN lower-cases to k, but is not ASCII
		{"as named", map[string]string{"xl/workbook.xml": wb, "xl/_rels/workbook.xml.rels": rels("Worksheets/Sheet1.xml"),
			"xl/Worksheets/Sheet1.xml": sheet("6")}, "6"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := zipOf(t, tt.parts)
			w, err := Open(bytes.NewReader(data), int64(len(data)))
			var got []row
			if err == nil {
				got, err = readAll(t, w, "S")
			}
			switch {
			case err != nil && !strings.Contains(err.Error(), tt.want):
				t.Errorf("error %v, want one saying %q", err, tt.want)
			case err == nil && (len(got) != 1 || got[0].cells[0] != tt.want):
				t.Errorf("read %v, want %s", got, tt.want)
			}
		})
	}
}
