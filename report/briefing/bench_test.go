package briefing

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/basebrief/basebrief/analysis/sample"
)

// TestAwaitChartsSameBytes: charts handed over late (while the pages before
// them are laid out) give the same PDF as charts passed up front.
func TestAwaitChartsSameBytes(t *testing.T) {
	c := national(t)
	opts := testOptions(t)
	want := write(t, "national.pdf", c, opts)
	ready := make(chan []Figure, 1)
	late := Options{Created: opts.Created, AwaitCharts: func() []Figure { return <-ready }}
	ready <- opts.Charts
	if got := write(t, "national-await.pdf", c, late); !bytes.Equal(got, want) {
		t.Error("AwaitCharts gives a different PDF from Charts")
	}
}

// BenchmarkWrite writes the briefing of national samples, the largest the
// size of the county-level data (2,800 cities), with two charts.
func BenchmarkWrite(b *testing.B) {
	for _, n := range []int{300, 2800} {
		c := mustCompare(b, sample.National(sample.Options{Previous: true, Cities: n}))
		opts := testOptions(b)
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
