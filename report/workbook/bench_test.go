package workbook

import (
	"fmt"
	"io"
	"testing"

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
