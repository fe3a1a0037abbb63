package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEveryNoticeOnStderr: each notice summary.json lists is logged,
// including what rendering adds (a character no embedded face has, here
// U+20000 in a city name), with its code.
func TestEveryNoticeOnStderr(t *testing.T) {
	if raceEnabled {
		t.Skip("a full render; run without -race")
	}
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	out := filepath.Join(t.TempDir(), "packet")
	code, _, stderr := runArgs(t, "run", "--data", "testdata/glyph", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d:\n%s", code, stderr)
	}
	b, err := os.ReadFile(filepath.Join(out, "summary.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
		Notices []struct{ Code, En string }
	}
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, n := range s.Notices {
		found = found || n.Code == "missing_glyph"
		if !strings.Contains(stderr, clean(n.En)) && !strings.Contains(stderr, strings.ReplaceAll(clean(n.En), `"`, `\"`)) {
			t.Errorf("notice %s not on stderr: %s", n.Code, n.En)
		}
	}
	if !found || !strings.Contains(stderr, "code=missing_glyph") {
		t.Errorf("no missing_glyph notice logged with its code; notices %+v, stderr:\n%s", s.Notices, stderr)
	}
}
