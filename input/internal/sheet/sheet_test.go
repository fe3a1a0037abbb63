package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

// row is one row as read: its number and its cells.
type row struct {
	n     int
	cells []string
}

func readAll(t testing.TB, w *Workbook, sheet string) ([]row, error) {
	t.Helper()
	rs, err := w.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	var out []row
	for rs.Next() {
		out = append(out, row{rs.Row(), append([]string(nil), rs.Cells()...)})
	}
	return out, rs.Err()
}

func openFile(t testing.TB, path string) (*Workbook, error) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return Open(bytes.NewReader(b), int64(len(b)))
}

// The fixtures are saved by LibreOffice (fixtures_test.go); each cell's
// expected text is what the CSV rules would read for the cell as shown.
func TestFixtures(t *testing.T) {
	title := "2019年新的社会阶层人士统计表"
	tests := []struct {
		file, sheet string
		want        []row
	}{
		{"csv.xlsx", "csv", []row{
			{1, []string{"省份", "城市", "时期", "人数", "来源"}},
			{2, []string{"四川", "成都", "2019-05-17", "1400000", "统计"}}, // typed by LibreOffice: a day, a number
			{3, []string{"四川", "绵阳", "2019-05", "140万", "统计"}},
			{4, []string{"四川", "", "2019年5月", "1210000"}}, // 1.21E+06 stored as the number it is
		}},
		{"typed.xlsx", "人数", []row{
			{1, []string{title}}, // merged A1:E1: one cell
			{2, []string{"单位：人"}},
			{3, []string{"省份", "城市", "时期", "人数", "来源", "备注"}},
			{4, []string{"四川", "成都", "2019-05", "1400000", "统计局", "隐藏列"}}, // yyyy"年"m"月", #,##0, hidden F
			{5, []string{"四川", "绵阳", "2019-05-01", "1234567"}},            // A merged down; yyyy/m/d; 0.00E+00 shows 1.23E+06
			{6, []string{"四川", "德阳", "2019-05", "140万"}},                  // 2019-05-17 shown as a month; a text number
			{7, []string{"四川", "合计", "", "2634567"}},                      // =SUM(D4:D6) cached by LibreOffice
			{8, []string{"重庆", "渝中", "2019-05", "1400000", "统计"}},         // a hidden row; text digits; a string formula
			{10, []string{"云南", "昆明", "2019", "12.5"}},                    // row 9 holds no cells
		}},
		{"typed.xlsx", "城市", []row{
			{1, []string{"城市", "省份", "片区"}},
			{2, []string{"成都", "四川", "西部"}},
		}},
		{"nocache.xlsx", "人数", []row{ // =SUM never calculated: empty
			{1, []string{"省份", "人数"}},
			{2, []string{"四川", "5"}},
			{3, []string{"合计"}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file+"/"+tt.sheet, func(t *testing.T) {
			w, err := openFile(t, "testdata/"+tt.file)
			if err != nil {
				t.Fatal(err)
			}
			got, err := readAll(t, w, tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("rows:\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestSheets(t *testing.T) {
	w, err := openFile(t, "testdata/typed.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := w.Sheets(), []string{"人数", "城市"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Sheets() = %q, want %q", got, want)
	}
	if _, err := w.Rows("figures"); err == nil || err.Error() != `no sheet named "figures"` {
		t.Errorf("Rows(figures) error = %v", err)
	}
}

func TestOpenRefuses(t *testing.T) {
	typed, err := os.ReadFile("testdata/typed.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		data []byte
		want error  // a sentinel, or nil to match text
		text string // start of the message
	}{
		{"xls", mustRead(t, "testdata/old.xls"), ErrOldFormat, ""},
		{"password", mustRead(t, "testdata/locked.xlsx"), ErrEncrypted, ""},
		{"csv text", []byte("省份,城市\n四川,成都\n"), nil, "not an .xlsx workbook (not a zip archive)"},
		{"empty", nil, nil, "not an .xlsx workbook (not a zip archive)"},
		{"truncated", typed[:len(typed)/2], nil, "not an .xlsx workbook (not a zip archive)"},
		{"no workbook", zipOf(t, map[string]string{"a.txt": "x"}), nil, "not an .xlsx workbook (no workbook part)"},
		{"xlsb", zipOf(t, map[string]string{"xl/workbook.bin": "x"}), ErrBinary, ""},
		{"ods", zipOf(t, map[string]string{"content.xml": "x", "mimetype": "application/vnd.oasis.opendocument.spreadsheet"}), nil, "an OpenDocument spreadsheet"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Open(bytes.NewReader(tt.data), int64(len(tt.data)))
			switch {
			case err == nil:
				t.Fatal("Open succeeded")
			case tt.want != nil && !errors.Is(err, tt.want):
				t.Errorf("error %v, want %v", err, tt.want)
			case tt.want == nil && !strings.HasPrefix(err.Error(), tt.text):
				t.Errorf("error %q, want it to start %q", err, tt.text)
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// zipOf builds a zip of the given parts.
func zipOf(t testing.TB, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(parts) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(parts[name]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := range keys {
		for j := i + 1; j < len(keys); j++ {
			if keys[j] < keys[i] {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
	}
	return keys
}

// handWorkbook is a minimal workbook around one sheet's XML, in the ways
// other writers differ from LibreOffice: a namespace prefix, no root
// relationships, the 1904 date system.
func handWorkbook(t testing.TB, sheetXML, stylesXML, stringsXML string, date1904 bool) []byte {
	pr := ""
	if date1904 {
		pr = `<x:workbookPr date1904="1"/>`
	}
	parts := map[string]string{
		"xl/workbook.xml": `<?xml version="1.0"?><x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			pr + `<x:sheets><x:sheet name="S &amp; T" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>`,
		"xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/s1.xml"/>` +
			`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
			`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="strings.xml"/></Relationships>`,
		"xl/worksheets/s1.xml": sheetXML,
		"xl/styles.xml":        stylesXML,
		"xl/strings.xml":       stringsXML,
	}
	return zipOf(t, parts)
}

const handStyles = `<styleSheet><numFmts><numFmt numFmtId="200" formatCode="yyyy&quot;年&quot;"/></numFmts>` +
	`<cellStyleXfs><xf numFmtId="14"/></cellStyleXfs>` +
	`<cellXfs><xf numFmtId="0"/><xf numFmtId="14"><alignment/></xf><xf numFmtId="200"/><xf numFmtId="22"/><xf numFmtId="57"/></cellXfs></styleSheet>`

const handStrings = `<sst><si><t xml:space="preserve"> 成都 </t></si><si><r><t>四</t></r><r><rPr/><t>川</t></r><rPh><t>sichuan</t></rPh></si><si/><si><t>a_x000D_b</t></si></sst>`

func TestHandWorkbook(t *testing.T) {
	sheetXML := `<x:worksheet xmlns:x="m"><x:sheetData>` +
		`<x:row r="2"><x:c r="B2" t="s"><x:v>1</x:v></x:c><x:c t="s"><x:v>0</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>` +
		`<x:row><x:c r="A3" s="1"><x:v>43602</x:v></x:c><x:c s="2"><x:v>43602.5</x:v></x:c><x:c s="3"><x:v>43602.5</x:v></x:c><x:c s="4"><x:v>43602</x:v></x:c></x:row>` +
		`<x:row r="5"><x:c r="A5" t="inlineStr"><x:is><x:t>A&amp;B &lt;1&gt; &#x6210;&#37117;</x:t></x:is></x:c><x:c r="B5" t="b"><x:v>1</x:v></x:c><x:c r="C5" t="e"><x:v>#N/A</x:v></x:c><x:c r="D5"><x:v>1.21E+6</x:v></x:c><x:c r="E5"><x:v>-0.5</x:v></x:c></x:row>` +
		`<x:row r="6"><x:c r="A6" t="str"><x:f>A5</x:f><x:v><![CDATA[x<y]]></x:v></x:c><x:c r="B6" t="d" s="4"><x:v>2019-05-17T00:00:00</x:v></x:c><x:c r="C6"><x:f>1/0</x:f></x:c><x:c r="D6" s="1"><x:v>-1</x:v></x:c></x:row>` +
		`<x:row r="7"/>` +
		`<!-- a comment --><?pi x?>` +
		`<x:row r="8"><x:c r="B8"><x:v>2</x:v></x:c></x:row>` +
		`<x:row r="9"><x:c r="A9"><x:v>9</x:v></x:c></x:row>` +
		`<x:row r="10"><x:c r="A10"><x:v>1</x:v></x:c><x:c r="C10"><x:v>3</x:v></x:c></x:row>` +
		`<x:row r="11"><x:c r="A11"><x:v>1</x:v></x:c><x:c r="C11"><x:v>stray</x:v></x:c></x:row>` +
		`</x:sheetData><x:mergeCells count="3"><x:mergeCell ref="B7:C9"/><x:mergeCell ref="A1:A1"/><x:mergeCell ref="C10:D11"/></x:mergeCells></x:worksheet>`
	data := handWorkbook(t, sheetXML, handStyles, handStrings, false)
	w, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if got := w.Sheets(); !reflect.DeepEqual(got, []string{"S & T"}) {
		t.Fatalf("Sheets() = %q", got)
	}
	got, err := readAll(t, w, "S & T")
	if err != nil {
		t.Fatal(err)
	}
	want := []row{
		{2, []string{"", "四川", " 成都 ", "a\rb"}},                               // rich text joined, phonetic left out, spaces kept
		{3, []string{"2019-05-17", "2019", "2019-05-17 12:00:00", "2019-05"}}, // built-in 14, custom yyyy"年", 22, zh-CN 57
		{5, []string{"A&B <1> 成都", "TRUE", "", "1210000", "-0.5"}},            // entities; #N/A a fault; exponent written out
		{6, []string{"x<y", "2019-05", "", "-1"}},                             // a formula's cached text; t="d"; never calculated (a fault); a negative serial stays a number
		{7, nil}, // B7:C9 merged, its top-left empty
		{8, nil}, // B8 is inside the empty merged range
		{9, []string{"9"}},
		{10, []string{"1", "", "3"}}, // C10:D11: D10 stays empty
		{11, []string{"1", "", "3"}}, // C11 takes C10's value over what the file left in it
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows:\n got %v\nwant %v", got, want)
	}
}

func TestDate1904(t *testing.T) {
	sheetXML := `<worksheet><sheetData><row r="1"><c r="A1" s="1"><v>42140</v></c></row></sheetData></worksheet>`
	data := handWorkbook(t, sheetXML, handStyles, handStrings, true)
	w, err := Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	got, err := readAll(t, w, "S & T")
	if err != nil {
		t.Fatal(err)
	}
	if want := []row{{1, []string{"2019-05-17"}}}; !reflect.DeepEqual(got, want) {
		t.Errorf("rows %v, want %v", got, want)
	}
}

func TestDamagedSheet(t *testing.T) {
	tests := []struct{ name, sheet, want string }{
		{"unclosed", `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v>`, `the workbook is damaged (the sheet's XML ends early, as in a file cut short): open it`},
		{"bad string", `<worksheet><sheetData><row r="4"><c r="C4" t="s"><v>99</v></c></row></sheetData></worksheet>`,
			`the workbook is damaged (cell C4: shared string 99 missing (the table holds 4)): open it`},
		{"past XFD", `<worksheet><sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData></worksheet>`, `the workbook is damaged (row 1 has a cell "XFE1", expected a reference from A to XFD): open it`},
		{"past XFD unnamed", `<worksheet><sheetData><row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row></sheetData></worksheet>`, `the workbook is damaged (row 1 has a cell past column XFD): open it`},
		{"dtd", `<!DOCTYPE x [<!ENTITY a "b">]><worksheet/>`, `the workbook is damaged (XML with a document type declaration, expected a workbook part): open it`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := handWorkbook(t, tt.sheet, handStyles, handStrings, false)
			w, err := Open(bytes.NewReader(data), int64(len(data)))
			if err != nil {
				t.Fatal(err)
			}
			_, err = readAll(t, w, "S & T")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to hold %q", err, tt.want)
			}
			// The fix is said once, however deep the fault.
			if err != nil && strings.Count(err.Error(), "save it") != 1 {
				t.Errorf("error %v repeats itself", err)
			}
		})
	}
}

func TestClassify(t *testing.T) {
	tests := []struct {
		code string
		want cellFormat
	}{
		{`yyyy"年"m"月"`, fmtMonth},
		{`yyyy/m/d`, fmtDay},
		{`yyyy"年"m"月"d"日"`, fmtDay},
		{`yyyy"年"`, fmtYear},
		{`m/d/yyyy h:mm`, fmtDateTime},
		{`[$-804]yyyy"年"m"月"`, fmtMonth},
		{`mmm-yy`, fmtMonth},
		{`h:mm:ss`, fmtTime},
		{`[h]:mm`, fmtTime},
		{`mm:ss`, fmtTime},
		{`h:mm AM/PM`, fmtTime},
		{`General`, fmtNumber},
		{`0.00E+00`, fmtNumber},
		{`#,##0`, fmtNumber},
		{`0"人"`, fmtNumber},
		{`#,##0.0"万"`, fmtNumber},
		{`[Red]#,##0;[Blue]-#,##0`, fmtNumber},
		{`_(* #,##0_);_(* (#,##0);_(* "-"_)`, fmtNumber},
		{`@`, fmtNumber},
		{`0;"day"`, fmtNumber},
		{`\d0`, fmtNumber},
	}
	for _, tt := range tests {
		if got := classify(tt.code); got != tt.want {
			t.Errorf("classify(%q) = %d, want %d", tt.code, got, tt.want)
		}
	}
}

func TestDateText(t *testing.T) {
	tests := []struct {
		serial float64
		f      cellFormat
		d1904  bool
		want   string
		ok     bool
	}{
		{43602, fmtDay, false, "2019-05-17", true},
		{43602, fmtMonth, false, "2019-05", true},
		{43602, fmtYear, false, "2019", true},
		{43602.75, fmtDateTime, false, "2019-05-17 18:00:00", true},
		{43602.9999999, fmtDateTime, false, "2019-05-18 00:00:00", true}, // rounds to the second
		{1, fmtDay, false, "1900-01-01", true},
		{59, fmtDay, false, "1900-02-28", true},
		{60, fmtDay, false, "1900-02-29", true}, // the day Excel keeps from Lotus
		{61, fmtDay, false, "1900-03-01", true},
		{0, fmtDay, false, "", false},
		{0, fmtDay, true, "1904-01-01", true},
		{42140, fmtDay, true, "2019-05-17", true},
		{-1, fmtDay, false, "", false},
		{2958465, fmtDay, false, "9999-12-31", true},
		{2958466, fmtDay, false, "", false},
	}
	for _, tt := range tests {
		got, ok := dateText(tt.serial, tt.f, tt.d1904)
		if got != tt.want || ok != tt.ok {
			t.Errorf("dateText(%v, %d, %v) = %q, %v; want %q, %v", tt.serial, tt.f, tt.d1904, got, ok, tt.want, tt.ok)
		}
	}
}

func TestRef(t *testing.T) {
	for col, want := range map[int]string{1: "A", 4: "D", 26: "Z", 27: "AA", 28: "AB", 702: "ZZ", 703: "AAA", 16384: "XFD"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %q, want %q", col, got, want)
		}
		if c, r, ok := parseRef(want + "14"); c != col || r != 14 || !ok {
			t.Errorf("parseRef(%q) = %d, %d, %v", want+"14", c, r, ok)
		}
	}
	if got := Ref(4, 14); got != "D14" {
		t.Errorf("Ref(4, 14) = %q", got)
	}
	if c, r, ok := parseRef("$B$7"); c != 2 || r != 7 || !ok {
		t.Errorf("parseRef($B$7) = %d, %d, %v", c, r, ok)
	}
	for _, bad := range []string{"", "14", "XFE1"} {
		if _, _, ok := parseRef(bad); ok {
			t.Errorf("parseRef(%q) ok", bad)
		}
	}
}
