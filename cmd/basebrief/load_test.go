package main

import (
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
