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

func TestNationalMonths(t *testing.T) {
	d := National(Options{Cities: 120, Months: 26})
	if len(d.Periods) != 26 || d.Periods[0] != (analysis.Period{Year: 2022, Month: 11}) || d.Periods[23] != (analysis.Period{Year: 2024, Month: 10}) {
		t.Fatalf("periods %v … %v (%d)", d.Periods[0], d.Periods[len(d.Periods)-1], len(d.Periods))
	}
	c, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Series) != 26 || c.YearAgo != (analysis.Period{Year: 2023, Month: 12}) {
		t.Errorf("series %d, year ago %v", len(c.Series), c.YearAgo)
	}
	plain := National(Options{Cities: 120, Previous: true})
	if len(plain.Figures) >= len(d.Figures) || plain.Figures[10] != d.Figures[10] {
		t.Errorf("the history changed the other figures")
	}
}
