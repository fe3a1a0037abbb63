package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// runArgs runs basebrief with args and returns its exit status and output.
func runArgs(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no command", nil, "no command given"},
		{"unknown command", []string{"make"}, `unknown command "make"`},
		{"unknown flag", []string{"run", "--colour"}, "flag provided but not defined: -colour"},
		{"run flag on validate", []string{"validate", "--out", "x"}, "flag provided but not defined: -out"},
		{"bad lang", []string{"run", "--lang", "fr"}, `--lang "fr": expected zh or en`},
		{"bad date", []string{"run", "--date", "2019/05/17"}, `--date "2019/05/17": expected a date YYYY-MM-DD`},
		{"impossible date", []string{"run", "--date", "2019-02-30"}, "expected a date YYYY-MM-DD"},
		{"bad period", []string{"run", "--period", "spring"}, `--period "spring" is not a period`},
		{"bad log format", []string{"run", "--log-format", "xml"}, `--log-format "xml": expected text or json`},
		{"bad wait", []string{"run", "--wait", "soon"}, "invalid value \"soon\" for flag -wait"},
		{"negative wait", []string{"run", "--wait", "-1s"}, "--wait -1s"},
		{"stray argument", []string{"run", "data"}, `unexpected argument "data"`},
		{"flag value missing", []string{"run", "--out"}, "flag needs an argument: -out"},
		{"out is cwd", []string{"run", "--out", "."}, `--out "."`},
		{"out is empty", []string{"run", "--out", ""}, `--out ""`},
		{"version argument", []string{"version", "now"}, "version takes no arguments"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runArgs(t, tc.args...)
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, tc.want) {
				t.Fatalf("exit %d, stdout %q, stderr %q; want exit 2 and %q", code, stdout, stderr, tc.want)
			}
			if strings.Count(stderr, "\n") != 1 {
				t.Errorf("usage error takes %d lines, want one: %q", strings.Count(stderr, "\n"), stderr)
			}
		})
	}
}

func TestBadSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	code, _, stderr := runArgs(t, "run", "--out", t.TempDir()+"/p")
	if code != exitUsage || !strings.Contains(stderr, `SOURCE_DATE_EPOCH="yesterday"`) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
}

func TestHelpAndVersion(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}, {"run", "--help"}, {"validate", "-h"}} {
		code, stdout, stderr := runArgs(t, args...)
		if code != exitOK || !strings.Contains(stdout, "basebrief run      [--data DIR]") || stderr != "" {
			t.Errorf("%v: exit %d, stderr %q, stdout %.40q", args, code, stderr, stdout)
		}
	}
	code, stdout, _ := runArgs(t, "version")
	if code != exitOK || stdout != "dev\n" {
		t.Fatalf("version: exit %d, %q", code, stdout)
	}
}
