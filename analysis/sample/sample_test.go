package sample

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/basebrief/basebrief/analysis"
)

func TestNationalIsDeterministicAndComparable(t *testing.T) {
	a := National(Options{Previous: true})
	b := National(Options{Previous: true})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds with the same seed differ")
	}
	if len(a.Cities) != 300 {
		t.Fatalf("cities = %d, want 300", len(a.Cities))
	}
	c, err := analysis.Compare(a, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Provinces) != 31 || len(c.Regions) != 7 {
		t.Fatalf("provinces %d regions %d, want 31 and 7", len(c.Provinces), len(c.Regions))
	}
	if c.Totals.ReportingCities == 0 || c.Totals.ReportingCities == c.Totals.Cities {
		t.Errorf("reporting cities %d of %d: want partial coverage", c.Totals.ReportingCities, c.Totals.Cities)
	}
}

// BenchmarkCompareNational times the comparison at county scale: it grows
// with cities and the figures of the two periods kept, not with history.
func BenchmarkCompareNational(b *testing.B) {
	for _, n := range []int{300, 2800} {
		d := National(Options{Cities: n, Previous: true})
		b.Run(fmt.Sprintf("cities=%d", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := analysis.Compare(d, ""); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
