package workbook

import (
	"fmt"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// longText is n characters of sentences that start with seed.
func longText(seed string, n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n*4; i++ {
		fmt.Fprintf(&b, "%s第%d句，情况说明的内容很长。", seed, i)
	}
	return string([]rune(b.String())[:n])
}

// The whole of a 20,000-character foreword and of ten long notes is in the
// workbook: the foreword on the 说明 sheet, each note in its city's row or,
// past a cell's 32,767 characters, its start there and the whole on the
// 说明 sheet; every piece shows whole in its row. Before, the foreword was
// nowhere in the workbook and a note past the limit was cut silently.
func TestWholeTextInWorkbook(t *testing.T) {
	c := defaultComparison(t)
	c.Meta.Foreword = longText("前言", 12000) + "\n\n" + longText("第二段", 8000)
	notes := map[string]string{}
	for i := range c.Cities {
		n := longText(c.Cities[i].City, 3000*(i+1)) // 3,000 to 30,000
		if i >= 8 {
			n = strings.Repeat("Latin text of a long note. ", 1500) + longText(c.Cities[i].City, 20000) // 60,500: past a cell
		}
		c.Cities[i].Note = n
		notes[c.Cities[i].City] = n
	}
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		b, _, f := mustWrite(t, c, lang, maxRows)
		readme := b.l.readme
		rows, err := f.GetRows(readme)
		if err != nil {
			t.Fatal(err)
		}
		var all strings.Builder
		for r, row := range rows {
			for _, cell := range row {
				if utf16Len(cell) > cellChars {
					t.Errorf("%s: %s row %d holds %d characters", lang, readme, r+1, utf16Len(cell))
				}
				all.WriteString(cell)
			}
			if h, err := f.GetRowHeight(readme, r+1); err != nil || h >= maxRowHeight {
				t.Errorf("%s: %s row %d is %v points tall (%v): its text does not show whole", lang, readme, r+1, h, err)
			}
		}
		for _, p := range strings.Split(c.Meta.Foreword, "\n\n") {
			if !strings.Contains(all.String(), p) {
				t.Errorf("%s: the %s sheet lacks the foreword's paragraph %.20q…", lang, readme, p)
			}
		}
		cities, err := f.GetRows(b.l.cities)
		if err != nil {
			t.Fatal(err)
		}
		noteCol := -1
		for j, h := range cities[0] {
			if h == b.l.note {
				noteCol = j
			}
		}
		seen := 0
		for _, row := range cities[1:] {
			want, ok := notes[row[0]]
			if !ok || noteCol < 0 {
				continue
			}
			seen++
			got := ""
			if noteCol < len(row) {
				got = row[noteCol]
			}
			switch {
			case utf16Len(want) <= cellChars && got != want:
				t.Errorf("%s: %s's note in the %s sheet is %d characters, want its %d", lang, row[0], b.l.cities, len([]rune(got)), len([]rune(want)))
			case utf16Len(want) > cellChars:
				if start, _, _ := strings.Cut(got, "…"); !strings.HasPrefix(want, start) || len(start) < 30000 || !strings.Contains(got, readme) {
					t.Errorf("%s: %s's note in the %s sheet: %d characters, ending %q", lang, row[0], b.l.cities, len([]rune(got)), got[len(got)-80:])
				}
				if !strings.Contains(all.String(), want) {
					t.Errorf("%s: the %s sheet lacks %s's whole note", lang, readme, row[0])
				}
			}
		}
		if seen != len(notes) {
			t.Errorf("%s: %d of %d cities found in the %s sheet", lang, seen, len(notes), b.l.cities)
		}
	}
}
