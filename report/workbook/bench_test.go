package workbook

import (
	"fmt"
	"io"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
)

// BenchmarkWriteNational writes the workbook of large national datasets:
// 2,800 cities is the county-level size.
func BenchmarkWriteNational(b *testing.B) {
	for _, n := range []int{2800, 5000} {
		c := mustCompare(b, sample.National(sample.Options{Cities: n, Previous: true}))
		b.Run(fmt.Sprintf("cities=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, c, Options{Modified: stamp}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkWriteNoSegments writes the workbook of data without segment
// rows at 1,000, 10,000 and 30,000 cities. The segment columns were once
// found by scanning every city for each city row, which only a dataset
// without any segment figure runs to the end: 30,000 cities took seconds.
// Time per city must stay about flat from 1k to 30k (make bench prints the
// growth).
func BenchmarkWriteNoSegments(b *testing.B) {
	for _, n := range []int{1000, 10_000, 30_000} {
		c := mustCompare(b, withoutSegments(sample.National(sample.Options{Cities: n, Previous: true})))
		b.Run(fmt.Sprintf("cities=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, c, Options{Modified: stamp}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/city")
		})
	}
}

// withoutSegments drops the segment rows of d: every city reports totals
// only, as many national exports do.
func withoutSegments(d *analysis.Dataset) *analysis.Dataset {
	kept := d.Figures[:0:0]
	for _, f := range d.Figures {
		if f.Segment == analysis.SegmentAll {
			kept = append(kept, f)
		}
	}
	d.Figures = kept
	return d
}
