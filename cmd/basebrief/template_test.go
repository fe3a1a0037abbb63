package main

import (
	"bytes"
	"os"
	"path/filepath"
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
		code, stdout, stderr := runArgs(t, "template", "--out", path)
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
