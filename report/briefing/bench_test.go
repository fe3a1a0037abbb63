package briefing

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// BenchmarkWrite writes the briefing of national samples, the largest the
// size of the county-level data (2,800 cities), with two charts of
// different widths, as report/chart renders them.
func BenchmarkWrite(b *testing.B) {
	opts := testOptions(b)
	opts.Charts = []Figure{
		{Name: "a", Title: "图表一", PNG: testChart(b, 1600, 2000)},
		{Name: "b", Title: "图表二", PNG: testChart(b, 1601, 2000)},
	}
	for _, n := range []int{300, 2800} {
		c := mustCompare(b, sample.National(sample.Options{Previous: true, Cities: n}))
		b.Run(fmt.Sprintf("cities=%d", n), func(b *testing.B) {
			for b.Loop() {
				var buf bytes.Buffer
				if err := Write(&buf, c, opts); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(buf.Len()), "bytes")
			}
		})
	}
}

// TestCompressPagesLikeFpdf: compressing the pages afterwards gives the
// bytes fpdf writes when it compresses them itself.
func TestCompressPagesLikeFpdf(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    func(testing.TB) *analysis.Comparison
		lang vocab.Lang
	}{{"western", western, vocab.Zh}, {"national", national, vocab.En}} {
		t.Run(tc.name, func(t *testing.T) {
			opts := testOptions(t)
			opts.Lang = tc.lang
			got := write(t, tc.name+".pdf", tc.c(t), opts)
			opts.fpdfCompresses = true
			want := write(t, tc.name+"-fpdf.pdf", tc.c(t), opts)
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

// BenchmarkWriteLargest builds and writes the briefing of the largest data
// it must stay short and fast for: 10,000 units and 100,000 bases.
func BenchmarkWriteLargest(b *testing.B) {
	c := scaled(b, 10000, 100000)
	opts := testOptions(b)
	for b.Loop() {
		var buf bytes.Buffer
		if err := Write(&buf, c, opts); err != nil {
			b.Fatal(err)
		}
	}
}
