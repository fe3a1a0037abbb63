package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
)

func nationalComparison(tb testing.TB, cities int) *analysis.Comparison {
	tb.Helper()
	c, err := analysis.Compare(sample.National(sample.Options{Previous: true, Cities: cities}), "")
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// TestPacketDeterministic renders a national packet twice, its parts on
// several goroutines each time, and wants the same files.
func TestPacketDeterministic(t *testing.T) {
	c := nationalComparison(t, 300)
	o := Options{Time: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)}
	a, _, err := Packet(c, o)
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Packet(c, o)
	if err != nil {
		t.Fatal(err)
	}
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Path != b[i].Path || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("%s differs between two renders", a[i].Path)
		}
	}
}

// BenchmarkPacket renders every file of the packet (workbook, charts, PDF,
// summary, in parallel as the run does) for national samples; 2,800 cities
// is the county-level size.
func BenchmarkPacket(b *testing.B) {
	for _, n := range []int{300, 2800} {
		c := nationalComparison(b, n)
		b.Run(fmt.Sprintf("cities=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := Packet(c, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A panic in a renderer's goroutine becomes its error, not a crash.
func TestRecoverInto(t *testing.T) {
	var err error
	func() {
		defer recoverInto(&err)
		panic("index out of range")
	}()
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("err = %v", err)
	}
}
