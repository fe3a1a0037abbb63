package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestTemplateUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"template", "--lang", "fr"}, `--lang "fr": expected zh or en`},
		{[]string{"template", "--out", "data.csv"}, `--out "data.csv": expected a file name ending in .xlsx`},
		{[]string{"template", "--data", "x"}, "flag provided but not defined: -data"},
		{[]string{"template", "x.xlsx"}, `unexpected argument "x.xlsx"`},
	} {
		code, stdout, stderr := runArgs(t, tc.args...)
		if code != exitUsage || stdout != "" || !strings.Contains(stderr, tc.want) {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want exit 2 and %q", tc.args, code, stdout, stderr, tc.want)
		}
	}
}

// The template is written where --out says, the same bytes on every run,
// and replaces an older file.
func TestTemplateWrites(t *testing.T) {
	path := filepath.Join(t.TempDir(), "模板.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	var first []byte
	for i := 0; i < 2; i++ {
		code, stdout, stderr := runArgs(t, "template", "--out", path, "--force")
		if code != exitOK || stdout != path+"\n" || stderr != "" {
			t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b, []byte("PK")) {
			t.Fatalf("%s is not a zip", path)
		}
		if i == 1 && !bytes.Equal(b, first) {
			t.Error("two runs wrote different bytes")
		}
		first = b
	}
	code, _, stderr := runArgs(t, "template", "--out", filepath.Join(t.TempDir(), "no", "such", "x.xlsx"))
	if code != exitFailure || !strings.Contains(stderr, "no such file or directory") {
		t.Errorf("missing folder: exit %d, stderr %q", code, stderr)
	}
}

// The template saved as data.xlsx is a data folder as it stands: validate
// passes and run writes the packet of the default dataset, in both
// languages of the template.
func TestTemplateAsData(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1558051200")
	base := t.TempDir()
	defaultOut := filepath.Join(base, "default")
	if code, _, stderr := runArgs(t, "run", "--out", defaultOut); code != exitOK {
		t.Fatalf("default run: exit %d: %s", code, stderr)
	}
	want, err := os.ReadFile(filepath.Join(defaultOut, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	// The template holds the three tables, not briefing.toml: no foreword.
	want = regexp.MustCompile(`"foreword": ".*"`).ReplaceAll(want, []byte(`"foreword": null`))
	for _, lang := range []string{"zh", "en"} {
		data := filepath.Join(base, lang)
		if err := os.MkdirAll(data, 0o755); err != nil {
			t.Fatal(err)
		}
		if code, _, stderr := runArgs(t, "template", "--lang", lang, "--out", filepath.Join(data, "data.xlsx")); code != exitOK {
			t.Fatalf("template: exit %d: %s", code, stderr)
		}
		if code, _, stderr := runArgs(t, "validate", "--data", data); code != exitOK {
			t.Fatalf("validate %s: exit %d: %s", lang, code, stderr)
		}
		out := filepath.Join(base, lang+"-packet")
		if code, _, stderr := runArgs(t, "run", "--data", data, "--out", out); code != exitOK {
			t.Fatalf("run %s: exit %d: %s", lang, code, stderr)
		}
		got, err := os.ReadFile(filepath.Join(out, "summary.json"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s template: summary.json differs from the default dataset's", lang)
		}
		manifest, err := os.ReadFile(filepath.Join(out, "manifest.json"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(manifest, []byte(`"encoding": "xlsx"`)) {
			t.Errorf("%s manifest does not record the workbook input: %s", lang, manifest)
		}
	}
}
