package input

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
)

// limitData is a data folder of cities cities (two provinces per region),
// bases bases and figures figure rows.
func limitData(cities, bases, figures int) fstest.MapFS {
	var c, b, f strings.Builder
	c.WriteString("city,province,region\n")
	for i := range cities {
		fmt.Fprintf(&c, "C%d,P%d,R%d\n", i, i%20, i%20/2)
	}
	b.WriteString("base,city\n")
	for i := range bases {
		fmt.Fprintf(&b, "B%d,C%d\n", i, i%cities)
	}
	f.WriteString("province,city,period,members\n")
	for i := range figures {
		fmt.Fprintf(&f, "P%d,C%d,%d,%d\n", i%cities%20, i%cities, 2000+i/cities, 100+i)
	}
	return fstest.MapFS{
		"cities.csv":  {Data: []byte(c.String())},
		"bases.csv":   {Data: []byte(b.String())},
		"figures.csv": {Data: []byte(f.String())},
	}
}

func TestLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50,001 cities")
	}
	defer func(b, f int) {
		l := maxRecords["bases.csv"]
		l.n = b
		maxRecords["bases.csv"] = l
		l = maxRecords["figures.csv"]
		l.n = f
		maxRecords["figures.csv"] = l
	}(maxRecords["bases.csv"].n, maxRecords["figures.csv"].n)
	// The bases' and figures' limits are lowered here: building 500,001
	// bases or 20,000,001 rows would take the test's whole budget.
	l := maxRecords["bases.csv"]
	l.n = 300
	maxRecords["bases.csv"] = l
	l = maxRecords["figures.csv"]
	l.n = 400
	maxRecords["figures.csv"] = l

	for _, tc := range []struct {
		name                  string
		cities, bases, figres int
		want                  string // "" = loads
	}{
		{"at the limits", 200, 300, 400, ""},
		{"one city too many", MaxCities + 1, 10, 10, "cities.csv:50002: more than 50,000 cities: basebrief reads at most 50,000 cities in one run (README, Limits); brief one region or province at a time (a data folder each)"},
		{"one base too many", 200, 301, 10, "bases.csv:302: more than 300 bases"},
		{"one figure row too many", 200, 10, 401, "figures.csv:402: more than 400 figure rows"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Load(limitData(tc.cities, tc.bases, tc.figres), Options{})
			if tc.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v, want input errors", err)
			}
			if len(es) != 1 || !strings.HasPrefix(es[0].Error(), tc.want) {
				t.Fatalf("errors:\n%v\nwant one starting %q", err, tc.want)
			}
		})
	}
}
