package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestValidate(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"valid", []string{"--data", "testdata/valid"}, exitOK, "input valid"},
		{"default data", nil, exitOK, "input valid"},
		{"invalid", []string{"--data", "testdata/bad"}, exitInput, "figures.csv:2:4: "},
		{"missing folder", []string{"--data", "testdata/none"}, exitInput, "cities.csv"},
		{"warning", []string{"--data", "testdata/warn"}, exitOK, "remarks"},
		{"warning strict", []string{"--data", "testdata/warn", "--strict"}, exitInput, "--strict"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runArgs(t, append([]string{"validate"}, tc.args...)...)
			if code != tc.code || stdout != "" || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d (want %d), stdout %q, stderr:\n%s", code, tc.code, stdout, stderr)
			}
		})
	}
}

// TestWarningsBesideErrors prints the warnings that explain input errors
// with them: a unit line read as a title makes the members errors plain.
func TestWarningsBesideErrors(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"cities.csv":  "城市,省份,片区\n成都,四川,西部\n",
		"bases.csv":   "基地,城市\n",
		"figures.csv": "单位：万人,,\n省份,城市,时期,人数\n四川,成都,2019,约130\n",
	}
	for name, s := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, _, stderr := runArgs(t, "validate", "--data", dir)
	errLine := `figures.csv:3:4: members "约130" is an approximate value`
	warn := `figures.csv: 1 row above the header (line 2) skipped: line 1 \"单位：万人\"`
	if code != exitInput || !strings.Contains(stderr, errLine) || !strings.Contains(stderr, warn) {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
}
