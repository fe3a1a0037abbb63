package report_test

import (
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/cmd/gendata/synth"
	"github.com/basebrief/basebrief/report"
)

// nationalShape is the national data (25): 341 units over the 31
// provinces, 24 months.
var nationalShape = synth.Shape{Name: "national", Options: synth.Options{Cities: 341, Periods: 24, Seed: 1}}

// BenchmarkSlices renders the national packet alone, the province slices
// of the same data, and both at once as run --slices province renders them
// (report.PacketWithSlices). Issue 25's bound: the last within three times
// the first.
func BenchmarkSlices(b *testing.B) {
	b.Run("packet", func(b *testing.B) {
		l := shapeData(b, nationalShape, 341)
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			if _, _, err := report.Packet(l.c, report.Options{Time: stamp}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	})
	b.Run("slices=province", func(b *testing.B) {
		l := shapeData(b, nationalShape, 341)
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			if _, _, err := report.Slices(l.d, l.c, analysis.SliceProvince, report.Options{Time: stamp}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	})
	b.Run("packet+slices=province", func(b *testing.B) {
		l := shapeData(b, nationalShape, 341)
		b.ReportAllocs()
		cpu := cpuTime()
		for b.Loop() {
			if _, _, err := report.PacketWithSlices(l.d, l.c, analysis.SliceProvince, report.Options{Time: stamp}); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	})
}
