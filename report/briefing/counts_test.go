package briefing

import (
	"regexp"
	"testing"

	"github.com/basebrief/basebrief/analysis/vocab"
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
