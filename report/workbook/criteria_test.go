package workbook

import (
	"regexp"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// wildComparison is the national fixture with its regions renamed to
// names that are criteria syntax: 西部* would match 西部? as a wildcard,
// <>中部 would be "not 中部", ~东部 an escape.
func wildComparison(tb testing.TB) *analysis.Comparison {
	tb.Helper()
	ds := sample.National(sample.Options{Cities: 120, Previous: true})
	names := []string{"西部*", "西部?", "<>中部", "~东部", "=1"}
	seen := map[string]string{}
	for i := range ds.Cities {
		r := ds.Cities[i].Region
		if _, ok := seen[r]; !ok {
			seen[r] = names[len(seen)%len(names)]
		}
		ds.Cities[i].Region = seen[r]
	}
	if len(seen) < 3 {
		tb.Fatalf("fixture has %d regions, want at least 3", len(seen))
	}
	return mustCompare(tb, ds)
}

// matchCriterion evaluates what criterion(ref) gives for a cell holding
// text against a candidate the way Excel and LibreOffice do: a leading "="
// is equality, ~ escapes the next character, * and ? are wildcards;
// case-insensitive.
func matchCriterion(text, candidate string) bool {
	c := strings.NewReplacer("~", "~~", "*", "~*", "?", "~?").Replace(text) // the SUBSTITUTEs
	var re strings.Builder
	re.WriteString("(?is)^")
	rs := []rune(c)
	for i := 0; i < len(rs); i++ {
		switch {
		case rs[i] == '~' && i+1 < len(rs):
			i++
			re.WriteString(regexp.QuoteMeta(string(rs[i])))
		case rs[i] == '*':
			re.WriteString(".*")
		case rs[i] == '?':
			re.WriteString(".")
		default:
			re.WriteString(regexp.QuoteMeta(string(rs[i])))
		}
	}
	re.WriteString("$")
	return regexp.MustCompile(re.String()).MatchString(candidate)
}

func TestCriterionIsLiteral(t *testing.T) {
	names := []string{"西部*", "西部?", "西部地区", "西部", "<>中部", "中部", "~东部", "东部", "=1", "1", "a~*b"}
	for _, text := range names {
		for _, cand := range names {
			if got, want := matchCriterion(text, cand), text == cand; got != want {
				t.Errorf("criterion for %q matches %q: %v, want %v", text, cand, got, want)
			}
		}
	}
	if got := criterion("A2"); got != `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(A2,"~","~~"),"*","~*"),"?","~?")` {
		t.Fatalf("criterion(A2) = %s", got)
	}
}

// Every COUNTIF(S)/SUMIF(S) criterion that is a cell of the workbook goes
// through criterion: none is a bare cell reference.
func TestNoBareCriteria(t *testing.T) {
	b, _, _ := mustWrite(t, wildComparison(t), vocab.Zh, maxRows)
	bare := regexp.MustCompile(`(COUNTIFS?|SUMIFS?)\(([^()]|\([^()]*\))*,\$?[A-Z]{1,3}\$?[0-9]+[,)]`)
	n := 0
	for _, ck := range b.checks {
		if strings.Contains(ck.formula, "IFS(") || strings.Contains(ck.formula, "COUNTIF(") {
			n++
		}
		if bare.MatchString(ck.formula) && !strings.Contains(ck.formula, `">"&`) {
			t.Errorf("%s!%s =%s: a bare cell as criteria", ck.sheet, ck.cell, ck.formula)
		}
	}
	if n == 0 {
		t.Fatal("no criteria formulas recorded")
	}
}

// LibreOffice recalculates the workbook of wildly named regions to the
// figures of summary.json (make check).
func TestLibreOfficeWildRegions(t *testing.T) {
	lo := needLibreOffice(t)
	b, data, _ := mustWrite(t, wildComparison(t), vocab.Zh, maxRows)
	checkRecalculated(t, b, convertCSV(t, lo, "wild", data))
}
