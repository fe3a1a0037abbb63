package workbook

import (
	"io"
	"syscall"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/cmd/gendata/synth"
	"github.com/basebrief/basebrief/input"
)

// BenchmarkWriteSlices writes the 31 province slices' workbooks of the
// national data (issue 25: 341 units, 24 months, as gendata -cities 341
// -periods 24 writes it): each slice of ~11 cities, so what a workbook
// pays whatever its rows shows here. Process-wide caches stay warm between
// iterations, as they do from the second workbook of a run on.
func BenchmarkWriteSlices(b *testing.B) {
	dir, err := synth.Cached(b.TempDir(), synth.Options{Cities: 341, Periods: 24, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	d, err := input.LoadDir(dir, input.Options{})
	if err != nil {
		b.Fatal(err)
	}
	full := mustCompare(b, d)
	var slices []*analysis.Comparison
	for _, name := range analysis.SliceNames(full, analysis.SliceProvince) {
		c, err := analysis.CompareSlice(d, full, analysis.SliceProvince, name)
		if err != nil {
			b.Fatal(err)
		}
		slices = append(slices, c)
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, c := range slices {
			if err := Write(io.Discard, c, Options{Modified: stamp}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(slices)), "ns/workbook")
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N*len(slices)), "cpu-ns/workbook")
}

// cpuTime is the process's user and system CPU time so far: on a machine
// others load, it tells more than the wall time.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
