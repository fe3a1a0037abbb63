package sheet

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// casePackage is a whole .xlsx package as Excel lays it out — content
// types, root relationships, namespaces — of one sheet S whose relationship
// names target, the parts given stored as they are, in order.
func casePackage(t *testing.T, target, override, strings string, parts [][2]string) []byte {
	t.Helper()
	const main = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	types := `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="` + override + `" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
	wbRels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + rel + `worksheet" Target="` + target + `"/>`
	if strings != "" {
		wbRels += `<Relationship Id="rId2" Type="` + rel + `sharedStrings" Target="` + strings + `"/>`
	}
	all := append([][2]string{
		{"[Content_Types].xml", types},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook ` + main + `><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", wbRels + `</Relationships>`},
	}, parts...)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range all {
		w, err := zw.Create(p[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestPartNameCaseAsLibreOffice has LibreOffice read workbooks whose part
// names differ in case from what the workbook names, and holds this reader
// to what LibreOffice shows: the same cell, or a refusal where LibreOffice
// shows nothing (Excel reads such a part: the two disagree) or where the
// spec refuses the package (two parts equivalent without regard to case,
// ECMA-376 Part 2, M1.12, which LibreOffice reads one of). Measured with
// LibreOffice 7.4: a sheet or the workbook's relationships held in another
// case show an empty sheet; the string table held in another case is found;
// a content type in another case is no matter.
func TestPartNameCaseAsLibreOffice(t *testing.T) {
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		t.Skip("LibreOffice check: set BASEBRIEF_CHECK=1 (make check)")
	}
	lo, err := exec.LookPath("libreoffice")
	if err != nil {
		t.Fatalf("BASEBRIEF_CHECK=1 but libreoffice is missing (apt-get install libreoffice-calc): %v", err)
	}
	num := func(v string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>` + v + `</v></c></row></sheetData></worksheet>`
	}
	str := `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`
	sst := func(s string) string {
		return `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>` + s + `</t></si></sst>`
	}
	const lower = "/xl/worksheets/sheet1.xml"
	cases := []struct {
		name                      string
		target, override, strings string
		parts                     [][2]string
		refused                   string // what the refusal says; "" where both read the same cell
	}{
		{"as_named", "worksheets/sheet1.xml", lower, "", [][2]string{{"xl/worksheets/sheet1.xml", num("7")}}, ""},
		{"content_type_in_another_case", "Worksheets/Sheet1.xml", lower, "", [][2]string{{"xl/Worksheets/Sheet1.xml", num("3")}}, ""},
		{"sheet_in_another_case", "worksheets/sheet1.xml", lower, "", [][2]string{{"xl/Worksheets/Sheet1.xml", num("3")}}, "holds it as xl/Worksheets/Sheet1.xml"},
		{"file_name_in_another_case", "worksheets/sheet1.xml", lower, "", [][2]string{{"xl/worksheets/Sheet1.xml", num("3")}}, "holds it as xl/worksheets/Sheet1.xml"},
		{"strings_in_another_case", "worksheets/sheet1.xml", lower, "sharedStrings.xml", [][2]string{{"xl/worksheets/sheet1.xml", str}, {"xl/SharedStrings.xml", sst("甲")}}, "holds it as xl/SharedStrings.xml"},
		{"two_sheets_one_named", "worksheets/sheet1.xml", lower, "", [][2]string{{"xl/worksheets/Sheet1.xml", num("1")}, {"xl/worksheets/sheet1.xml", num("2")}}, "differ only in case"},
		{"two_sheets_other_named", "worksheets/Sheet1.xml", "/xl/worksheets/Sheet1.xml", "", [][2]string{{"xl/worksheets/sheet1.xml", num("2")}, {"xl/worksheets/Sheet1.xml", num("1")}}, "differ only in case"},
		{"two_sheets_neither_named", "worksheets/SHEET1.xml", lower, "", [][2]string{{"xl/worksheets/Sheet1.xml", num("1")}, {"xl/worksheets/sheet1.xml", num("2")}}, "differ only in case"},
		{"two_string_tables", "worksheets/sheet1.xml", lower, "sharedStrings.xml", [][2]string{{"xl/worksheets/sheet1.xml", str}, {"xl/SharedStrings.xml", sst("甲")}, {"xl/sharedStrings.xml", sst("乙")}}, "differ only in case"},
	}
	dir := t.TempDir()
	var files []string
	for _, c := range cases {
		f := filepath.Join(dir, c.name+".xlsx")
		if err := os.WriteFile(f, casePackage(t, c.target, c.override, c.strings, c.parts), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out := filepath.Join(dir, "csv")
	// UTF-8, every sheet to its own file (PITFALLS.md: plain csv garbles
	// Chinese); a profile of its own, so parallel runs do not share one.
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out}, files...)
	if msg, err := exec.CommandContext(ctx, lo, args...).CombinedOutput(); err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, msg)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			shown, err := os.ReadFile(filepath.Join(out, c.name+"-S.csv"))
			if err != nil {
				t.Fatalf("LibreOffice wrote no sheet S: %v", err)
			}
			loCell := strings.TrimSpace(string(shown))
			data, _ := os.ReadFile(filepath.Join(dir, c.name+".xlsx"))
			w, err := Open(bytes.NewReader(data), int64(len(data)))
			var rows []row
			if err == nil {
				rows, err = readAll(t, w, "S")
			}
			ours := ""
			if len(rows) > 0 && len(rows[0].cells) > 0 {
				ours = rows[0].cells[0]
			}
			switch {
			case c.refused == "" && (err != nil || ours != loCell):
				t.Errorf("read %q (%v), LibreOffice shows %q", ours, err, loCell)
			case c.refused != "" && (err == nil || !strings.Contains(err.Error(), c.refused)):
				t.Errorf("read %q (%v), want a refusal saying %q (LibreOffice shows %q)", ours, err, c.refused, loCell)
			}
			t.Logf("LibreOffice shows %q; this reader: %q, %v", loCell, ours, err)
		})
	}
}
