package pdf

import (
	"bytes"
	"runtime"
	"runtime/debug"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/testutil"
)

// TestCompressPagesLikeFpdf: compressing the pages afterwards gives the
// bytes fpdf writes when it compresses them itself.
func TestCompressPagesLikeFpdf(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    func(testing.TB) *analysis.Comparison
		lang vocab.Lang
	}{{"western", western, vocab.Zh}, {"national", func(tb testing.TB) *analysis.Comparison { return national(tb, 0) }, vocab.En}} {
		t.Run(tc.name, func(t *testing.T) {
			doc := build(t, tc.c(t), tc.lang)
			got := write(t, doc, Options{})
			want := write(t, doc, Options{fpdfCompresses: true})
			if !bytes.Equal(got, want) {
				t.Errorf("%d bytes, fpdf's own compression gives %d", len(got), len(want))
			}
		})
	}
}

func TestCompressPagesLeavesOddInputAlone(t *testing.T) {
	for _, in := range []string{"", "%PDF-1.4\n", "%PDF-1.4\n1 0 obj\n<<>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<<>>\nstartxref\n999\n%%EOF\n"} {
		if got := compressPages([]byte(in)); string(got) != in {
			t.Errorf("%q changed to %q", in, got)
		}
	}
}

// TestCompressPagesKeepsWriters: compressing a PDF's pages takes zlib
// writers kept from the PDF before, not new ones (about 1.2 MB each to
// allocate and clear, twice a PDF).
func TestCompressPagesKeepsWriters(t *testing.T) {
	if testutil.Race {
		t.Skip("under -race sync.Pool drops a quarter of the writers it is given")
	}
	doc := build(t, western(t), vocab.Zh)
	d := newPDFDoc(doc, mustFaces(t), false)
	d.layout(doc)
	var raw bytes.Buffer
	if err := d.pdf.(*fpdf.Fpdf).Output(&raw); err != nil {
		t.Fatal(err)
	}
	compressPages(raw.Bytes()) // the writers made once
	// A sync.Pool drops what it keeps over two collections: with the
	// collector on, a loaded machine's GCs made this fail now and then
	// (649 KB) though the writers are kept; off, only the code decides.
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	const runs = 5
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		compressPages(raw.Bytes())
	}
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / runs; per > uint64(raw.Len())+400<<10 {
		t.Errorf("%d KB allocated to compress the pages of a %d KB PDF", per>>10, raw.Len()>>10)
	}
}
