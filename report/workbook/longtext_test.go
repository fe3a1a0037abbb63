package workbook

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
)

// longTexts renames the default dataset's first city and base and gives the
// city a note, to the lengths that once failed the run on the workbook's
// column-width (255) and row-height (409 pt) limits.
func longTexts(tb testing.TB, city, base, note, source int) *analysis.Comparison {
	tb.Helper()
	d, err := input.Load(defaultdata.FS, input.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	old := d.Cities[0].Name
	long := strings.Repeat("长", city)
	d.Cities[0].Name, d.Cities[0].Note = long, strings.Repeat("注", note)
	for i := range d.Bases {
		if d.Bases[i].City == old {
			d.Bases[i].City = long
		}
	}
	d.Bases[0].Name = strings.Repeat("基", base)
	d.Bases[0].Source = strings.Repeat("s", source)
	for i := range d.Figures {
		if d.Figures[i].City == old {
			d.Figures[i].City = long
		}
	}
	return mustCompare(tb, d)
}

func TestLongTextNeverFails(t *testing.T) {
	for _, tc := range []struct {
		name                     string
		city, base, note, source int
	}{
		{"note 790", 2, 2, 790, 1},
		{"base 628", 2, 628, 0, 1},
		{"city 116", 116, 2, 0, 1},
		{"all at 5000", 5000, 5000, 5000, 40000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := longTexts(t, tc.city, tc.base, tc.note, tc.source)
			for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
				_, _, f := mustWrite(t, c, lang, maxRows)
				// A name only widens its column, up to autoMaxWidth; a wrapped
				// text past the row-height limit is noted.
				if all := dump(t, f); tc.city < 100 && !strings.Contains(all, "Excel 行高上限") && !strings.Contains(all, "taller than an Excel row") {
					t.Errorf("%s: the overview does not say that long text is shown in part", lang)
				}
				for _, sheet := range f.GetSheetList() {
					cols, err := f.GetCols(sheet)
					if err != nil {
						t.Fatal(err)
					}
					for i := range cols {
						name := colName(i + 1)
						if w, err := f.GetColWidth(sheet, name); err != nil || w > maxColWidth {
							t.Errorf("%s column %s width %v (%v)", sheet, name, w, err)
						}
					}
					rows, _ := f.GetRows(sheet)
					for r := range rows {
						if h, err := f.GetRowHeight(sheet, r+1); err != nil || h > maxRowHeight {
							t.Errorf("%s row %d height %v (%v)", sheet, r+1, h, err)
						}
					}
				}
			}
		})
	}
}
