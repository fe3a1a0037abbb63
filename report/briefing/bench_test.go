package briefing

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/basebrief/basebrief/analysis/sample"
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
				if err := writePDF(&buf, c, opts); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(buf.Len()), "bytes")
			}
		})
	}
}

// BenchmarkWriteLargest builds and writes the briefing of the largest data
// it must stay short and fast for: 10,000 units and 100,000 bases.
func BenchmarkWriteLargest(b *testing.B) {
	c := scaled(b, 10000, 100000)
	opts := testOptions(b)
	for b.Loop() {
		var buf bytes.Buffer
		if err := writePDF(&buf, c, opts); err != nil {
			b.Fatal(err)
		}
	}
}
