package workbook

import (
	"io"
	"testing"

	"github.com/basebrief/basebrief/analysis/sample"
)

// BenchmarkWriteNational writes the workbook of a large national dataset.
func BenchmarkWriteNational(b *testing.B) {
	c := mustCompare(b, sample.National(sample.Options{Cities: 5000, Previous: true}))
	b.ReportAllocs()
	for b.Loop() {
		if err := Write(io.Discard, c, Options{Modified: stamp}); err != nil {
			b.Fatal(err)
		}
	}
}
