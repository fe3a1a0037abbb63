package chart

import (
	"runtime"
	"sync"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/par"
)

// BenchmarkSliceCharts renders the charts of every province slice of
// national data (341 units, 24 months, as gendata's) as run --slices
// province does: GOMAXPROCS slices at a time, rasters kept from slice to
// slice. cold starts each iteration with the process-wide caches empty
// (glyph masks, white blocks, outlines, widths), as a CLI run starts;
// warm keeps them, as the report benchmarks do.
func BenchmarkSliceCharts(b *testing.B) {
	d := sample.National(sample.Options{Cities: 341, Months: 24})
	full := mustCompare(b, d)
	names := analysis.SliceNames(full, analysis.SliceProvince)
	cs := make([]*analysis.Comparison, len(names))
	for i, n := range names {
		c, err := analysis.CompareSlice(d, full, analysis.SliceProvince, n)
		if err != nil {
			b.Fatal(err)
		}
		cs[i] = c
	}
	for _, cold := range []bool{true, false} {
		name := "warm"
		if cold {
			name = "cold"
		}
		b.Run(name, func(b *testing.B) {
			cpu := cpuTime()
			for b.Loop() {
				if cold {
					b.StopTimer()
					forgetCaches()
					b.StartTimer()
				}
				rasters := &Rasters{}
				var mu sync.Mutex
				var failed error
				par.Each(len(cs), runtime.GOMAXPROCS(0), func(i int) {
					if _, _, err := Render(cs[i], Options{Lang: vocab.Zh, Rasters: rasters}); err != nil {
						mu.Lock()
						failed = err
						mu.Unlock()
					}
				})
				if failed != nil {
					b.Fatal(failed)
				}
			}
			b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
		})
	}
}

// forgetCaches empties the process-wide caches, as at a run's start.
func forgetCaches() {
	glyphs.clear()
	glyphsLen.Store(0)
	whiteBlocks.clear()
	whiteBlockBytes.Store(0)
	outlines.clear()
	runs.clear()
	runsLen.Store(0)
	widths.clear()
	widthsLen.Store(0)
	sizedOutlines.clear()
	sizedOutlinesLen.Store(0)
}
