package briefing

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

var update = flag.Bool("update", false, "rewrite the golden document dumps in testdata/golden")

// TestDocumentGolden pins the words: the document of the default data and
// of a national sample, in both languages, and their annexes, dumped as
// text block by block and compared byte for byte with testdata/golden
// (go test -run DocumentGolden -update to accept a change; read the diff).
func TestDocumentGolden(t *testing.T) {
	nat := func(tb testing.TB) *analysis.Comparison {
		return mustCompare(tb, sample.National(sample.Options{Previous: true, Cities: 60}))
	}
	cases := []struct {
		name string
		c    func(testing.TB) *analysis.Comparison
	}{{"western", western}, {"national60", nat}}
	for _, tc := range cases {
		for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
			for _, annex := range []bool{false, true} {
				name := fmt.Sprintf("%s-%s", tc.name, lang)
				build := Build
				if annex {
					name, build = name+"-annex", BuildAnnex
				}
				t.Run(name, func(t *testing.T) {
					opts := testOptions(t)
					opts.Lang = lang
					doc, err := build(tc.c(t), opts)
					if err != nil {
						t.Fatal(err)
					}
					got := document.Dump(doc)
					path := filepath.Join("testdata", "golden", name+".txt")
					if *update {
						if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
							t.Fatal(err)
						}
						if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
							t.Fatal(err)
						}
						return
					}
					want, err := os.ReadFile(path)
					if err != nil {
						t.Fatalf("%v (run with -update to write it)", err)
					}
					if got != string(want) {
						t.Errorf("%s differs from the golden dump (run with -update and read the diff):\n%s", name, firstDiff(string(want), got))
					}
				})
			}
		}
	}
}

// firstDiff shows the first line where two dumps differ.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < max(len(al), len(bl)); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n want %q\n  got %q", i+1, x, y)
		}
	}
	return ""
}
