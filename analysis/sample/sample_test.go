package sample

import (
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
