package docx

import (
	"github.com/basebrief/basebrief/report/document"
)

// tableSize is the table text's size, pt: the type sheet's one size.
const tableSize = document.TableSize

// tableLayout sets a table by the type sheet's table-fitting rule
// (document.Columns), as the PDF does: at its one table size, the columns
// filling the type area. Word measures with the faces it finds, so the
// widths here are estimates from ems (see ems): generous, so that a short
// cell the rule keeps whole is not broken by a wider face. Cells get 1 mm
// margins.
func tableLayout(t document.Table, cols int) (widths []int, size float64, pad int) {
	size, pad = tableSize, 57
	tw := func(e float64) float64 { return e*size*twipsPerPt + 30 }
	w := document.Columns(t, cols, float64(areaW), document.Measure{
		Width: func(s string) float64 { return tw(ems(clean(s))) },
		Runs: func(s string) []float64 {
			var out []float64
			for _, r := range runs(clean(s)) {
				out = append(out, tw(ems(r)))
			}
			return out
		},
		Pad: float64(2 * pad),
		// Headings are bold: in DejaVu Serif Bold (Writer's stand-in
		// for Times New Roman) "Members" is 4.9 em at 9 pt against the
		// 4.35 em ems gives, and broke as Membe/rs.
		Head: 1.15,
	})
	return scale(w), size, pad
}

// runs cuts s where Word may break a line: at spaces, and around every
// Chinese character.
func runs(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		switch {
		case r == ' ' || wide(r):
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			if r != ' ' {
				out = append(out, string(r))
			}
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// scale turns relative widths into twips filling the type area, the
// rounding remainder to the last column.
func scale(w []float64) []int {
	total := fsum(w)
	out := make([]int, len(w))
	used := 0
	for i := range w {
		if total > 0 {
			out[i] = int(max(w[i], 0) / total * float64(areaW))
		} else {
			out[i] = areaW / len(w)
		}
		used += out[i]
	}
	out[len(w)-1] += areaW - used
	return out
}
