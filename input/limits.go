package input

import "fmt"

// Limits on what one run reads, so that memory and time stay bounded for
// any input that passes (README, "Limits"). Measured on this project's
// synthetic data (BENCHMARKS.md): 30,000 cities and 1M figures took
// 437 MB; 10M figures rows 465 MB; 1,000,000 cities took 4.7 GB and 72 s
// before this bound. China has about 2,850 county-level and 333
// prefecture-level units, so the city limit leaves room for township-level
// programmes too.
const (
	MaxCities     = 50_000
	MaxBases      = 500_000
	MaxFigureRows = 20_000_000
)

// maxRecords is each table's limit on records (data rows, totals rows and
// blank rows not counted).
var maxRecords = map[string]struct {
	n    int
	what string
	fix  string
}{
	"cities.csv":  {MaxCities, "cities", "brief one region or province at a time (a data folder each)"},
	"bases.csv":   {MaxBases, "bases", "brief one region or province at a time (a data folder each)"},
	"figures.csv": {MaxFigureRows, "figure rows", "keep the periods the briefing needs, or one region or province a data folder"},
}

// overLimit counts one more record of t and reports, once, a table that
// passes its limit; reading then stops (the run fails with exit 1), so a
// hostile or mistaken file cannot make the run unbounded.
func (t *table) overLimit() bool {
	l, ok := maxRecords[t.schema.file]
	if !ok {
		return false
	}
	if t.records < l.n {
		t.records++
		return false
	}
	t.tooMany = true
	t.errorAt(0, "more than %s %s: basebrief reads at most %s %s in one run (README, Limits); %s",
		thousands(l.n), l.what, thousands(l.n), l.what, l.fix)
	return true
}

// thousands writes n with thousands separators: 50,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
