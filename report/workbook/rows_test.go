package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// TestDirectRowsMatchExcelize writes each workbook twice, its rows once
// directly (sheetxml) and once through excelize's StreamWriter.SetRow, and
// requires every part of the two files to hold the same bytes once
// inflated: the same sheet XML, cached values and formulas included.
func TestDirectRowsMatchExcelize(t *testing.T) {
	d := sample.National(sample.Options{Cities: 120, Months: 26})
	d.Cities[3].Note = "  a note\twith <markup> & \"quotes\", _x0041_ and a line\nbreak "
	d.Cities[5].Name += "\u00a0"
	d.Cities[6].Note = "ends in a space "
	for _, tt := range []struct {
		name  string
		c     *analysis.Comparison
		lang  vocab.Lang
		limit int
	}{
		{"default", defaultComparison(t), vocab.Zh, maxRows},
		{"default cut at 6 rows", defaultComparison(t), vocab.Zh, 6},
		{"national", nationalComparison(t), vocab.En, maxRows},
		{"26 months, odd text", mustCompare(t, d), vocab.Zh, maxRows},
		{"long texts", longTexts(t, 300, 3000, 40000, 200), vocab.Zh, maxRows},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var direct, ref bytes.Buffer
			if _, err := write(&direct, tt.c, Options{Lang: tt.lang, Modified: stamp}, config{limit: tt.limit}); err != nil {
				t.Fatal(err)
			}
			if _, err := write(&ref, tt.c, Options{Lang: tt.lang, Modified: stamp}, config{limit: tt.limit, viaExcelize: true}); err != nil {
				t.Fatal(err)
			}
			got, want := unzipParts(t, direct.Bytes()), unzipParts(t, ref.Bytes())
			if !slices.Equal(sortedNames(got), sortedNames(want)) {
				t.Fatalf("parts %v, excelize's %v", sortedNames(got), sortedNames(want))
			}
			sheets := 0
			for name, w := range want {
				g := got[name]
				if !bytes.Equal(g, w) {
					i := 0
					for i < len(g) && i < len(w) && g[i] == w[i] {
						i++
					}
					t.Errorf("%s differs at byte %d:\n got %.160q\nwant %.160q", name, i, g[i:], w[i:])
				}
				if bytes.Contains(w, []byte("<row ")) {
					sheets++
				}
			}
			if sheets < 6 {
				t.Errorf("only %d sheets with rows compared", sheets)
			}
		})
	}
}

func unzipParts(t *testing.T, file []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(file), int64(len(file)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc) // checks each part's CRC-32 and size
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		out[f.Name] = b
	}
	return out
}

func sortedNames(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
