package briefing

import (
	"regexp"
	"testing"

	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/report/document"
)

// An English table groups every count's thousands as its figures do: the
// 3,000-unit region table's total read "3000 3000 3011" beside +438,463.
// Chinese tables keep counts plain (3000), as the Chinese text does.
func TestTableCountsGrouped(t *testing.T) {
	c := scaled(t, 3000, 9000)
	ungrouped := regexp.MustCompile(`^[0-9]{4,}$`)
	for _, lang := range []vocab.Lang{vocab.En, vocab.Zh} {
		opts := testOptions(t)
		opts.Lang = lang
		doc, err := Build(c, opts)
		if err != nil {
			t.Fatal(err)
		}
		plain := 0
		for _, bl := range doc.Blocks {
			tb, ok := bl.(document.Table)
			if !ok {
				continue
			}
			for _, row := range tb.Rows {
				for _, cell := range row {
					if ungrouped.MatchString(cell) {
						plain++
						if lang == vocab.En {
							t.Errorf("%s %s: count %q without a thousands separator", lang, tb.Label, cell)
						}
					}
				}
			}
		}
		if lang == vocab.Zh && plain == 0 {
			t.Error("zh: no count of 1,000 or more in the tables: the test data is too small")
		}
	}
}

// Where every city reported, the region table has no reporting column
// (it repeated the cities'): ten columns did not fit Word's type area
// with the headings whole, and the 3,000-unit English Word file ran to 7
// pages in Writer against the PDF's 6 (now 6). The 50-unit data (every
// city reports, a table by region) stands in for it here.
func TestRegionTableDropsFullReporting(t *testing.T) {
	ds, err := input.LoadDir("../testdata/gap", input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := mustCompare(t, ds)
	if c.Totals.ReportingCities != c.Totals.Cities {
		t.Fatalf("test data: %d of %d cities report", c.Totals.ReportingCities, c.Totals.Cities)
	}
	for _, lang := range []vocab.Lang{vocab.En, vocab.Zh} {
		opts := testOptions(t)
		opts.Lang = lang
		doc, err := Build(c, opts)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, bl := range doc.Blocks {
			tb, ok := bl.(document.Table)
			if !ok || len(tb.Header) == 0 || (tb.Header[0] != "Region" && tb.Header[0] != "片区") {
				continue
			}
			found = true
			for _, h := range tb.Header {
				if h == "Reporting" || h == "报送城市" {
					t.Errorf("%s: region table has a %q column though every city reported", lang, h)
				}
			}
			for _, r := range tb.Rows {
				if len(r) != len(tb.Header) {
					t.Errorf("%s: row %q has %d cells under %d headings", lang, r, len(r), len(tb.Header))
				}
			}
		}
		if !found {
			t.Errorf("%s: no region table", lang)
		}
	}
}
