package report_test

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
)

var update = flag.Bool("update", false, "rewrite the golden summary.json files in testdata/golden")

// TestSummaryGolden pins summary.json of the default data, as the packet
// writes it (narrative included), in both languages, byte for byte against
// testdata/golden (go test -run SummaryGolden -update to accept a change;
// read the diff).
func TestSummaryGolden(t *testing.T) {
	d, err := input.Load(defaultdata.FS, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		t.Run(string(lang), func(t *testing.T) {
			got := packetFiles(t, c, lang)["summary.json"]
			path := filepath.Join("testdata", "golden", "default-"+string(lang)+".summary.json")
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if string(got) != string(want) {
				gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
				for i := range max(len(gl), len(wl)) {
					var g, w string
					if i < len(gl) {
						g = gl[i]
					}
					if i < len(wl) {
						w = wl[i]
					}
					if g != w {
						t.Fatalf("%s differs at line %d (run with -update and read the diff):\nwant %s\n got %s", path, i+1, w, g)
					}
				}
			}
		})
	}
}
