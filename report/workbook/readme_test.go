package workbook

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// TestReadmeSaysRounding: the 万 column shows each figure rounded, its
// total too, so its rows may not add up to it (national data: 3357.6万
// over 3357.5万); the 说明 sheet says so in the bulletins' words, as the
// briefing's tables do.
func TestReadmeSaysRounding(t *testing.T) {
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		t.Run(string(lang), func(t *testing.T) {
			_, _, f := mustWrite(t, nationalComparison(t), lang, maxRows)
			sheets := f.GetSheetList()
			rows, err := f.GetRows(sheets[len(sheets)-1], excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			var text strings.Builder
			for _, row := range rows {
				text.WriteString(strings.Join(row, "\n"))
			}
			want := vocab.Word("rounding", lang)
			if !strings.Contains(text.String(), want) {
				t.Errorf("the %s sheet does not say %q", sheets[len(sheets)-1], want)
			}
		})
	}
}
