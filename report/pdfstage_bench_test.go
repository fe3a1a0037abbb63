package report_test

import (
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/briefing"
	"github.com/basebrief/basebrief/report/chart"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/pdf"
)

// BenchmarkSlicePDFs is the PDF stage of run --slices province on the
// national data (issue 25): for each of the 31 slices, the briefing fitted
// to its pages (briefing.Fit: shapes laid out, the one kept drawn) and the
// annex drawn, as Packet does; the charts are rendered before, untimed.
func BenchmarkSlicePDFs(b *testing.B) {
	l := shapeData(b, nationalShape, 341)
	type prepared struct {
		c    *analysis.Comparison
		opts briefing.Options
	}
	var slices []prepared
	for _, name := range analysis.SliceNames(l.c, analysis.SliceProvince) {
		sc, err := analysis.CompareSlice(l.d, l.c, analysis.SliceProvince, name)
		if err != nil {
			b.Fatal(err)
		}
		charts, _, err := chart.Render(sc, chart.Options{})
		if err != nil {
			b.Fatal(err)
		}
		figs := make([]briefing.Figure, len(charts))
		for i, ch := range charts {
			figs[i] = briefing.Figure{Name: ch.Name, Title: ch.Title, PNG: ch.PNG}
		}
		slices = append(slices, prepared{sc, briefing.Options{Created: stamp, Charts: figs}})
	}
	r := briefing.Renderer{
		Lay:    func(d *document.Document) (briefing.Layout, error) { return pdf.Lay(d, pdf.Options{}) },
		Render: func(d *document.Document) ([]byte, error) { return pdf.Render(d, pdf.Options{}) },
	}
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		for _, s := range slices {
			if _, _, err := briefing.Fit(s.c, s.opts, r); err != nil {
				b.Fatal(err)
			}
			ax, err := briefing.BuildAnnex(s.c, s.opts)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := pdf.Render(ax, pdf.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}
