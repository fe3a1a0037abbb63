package docx

import (
	"strings"

	"github.com/basebrief/basebrief/report/document"
)

// tableSize is the table text's size, pt: the type sheet's one size.
const tableSize = document.TableSize

// tableLayout sets a table as the PDF does, by the type sheet's rule: at
// its one table size, the columns filling the type area, each as wide as
// its text where they fit, else its longest word plus a share of what is
// left (a table too wide wraps; it never shrinks). Cells get 1 mm margins.
// The document's own relative widths win when given.
func tableLayout(t document.Table, cols int) (widths []int, size float64, pad int) {
	size, pad = tableSize, 57
	if len(t.Widths) == cols && fsum(t.Widths) > 0 {
		return scale(t.Widths), size, pad
	}
	nat, least := measure(t, cols, size, pad)
	return scale(spread(nat, least, areaW)), size, pad
}

// measure returns each column's natural width (its longest cell on one
// line) and least width (its longest word; a header may take two lines),
// in twips at size pt.
func measure(t document.Table, cols int, size float64, pad int) (nat, least []float64) {
	nat, least = make([]float64, cols), make([]float64, cols)
	tw := func(e float64) float64 { return e*size*twipsPerPt + float64(2*pad) + 30 }
	for c := range cols {
		h := clean(cell(t.Header, c))
		nat[c], least[c] = tw(max(ems(h), 1)), tw(max(longestWord(h, true), 1))
		for _, r := range t.Rows {
			v := clean(cell(r, c))
			nat[c] = max(nat[c], tw(ems(v)))
			least[c] = max(least[c], tw(longestWord(v, false)))
		}
		least[c] = min(least[c], nat[c])
	}
	return nat, least
}

// longestWord is the width in ems of the longest run of s that Word will
// not break: a space-separated word; in a header, Chinese text may also
// wrap onto a second line.
func longestWord(s string, header bool) float64 {
	most := 0.0
	for _, w := range strings.Fields(s) {
		e := ems(w)
		if header && e >= 4 && hasWide(w) {
			e = float64(int(e+1) / 2)
		}
		most = max(most, e)
	}
	return most
}

func hasWide(s string) bool {
	for _, r := range s {
		if wide(r) {
			return true
		}
	}
	return false
}

// spread fits columns wanting nat and needing least into total: all at
// nat and the rest shared by nat when they fit; else each at least and
// the rest shared by how much more each wants.
func spread(nat, least []float64, total float64) []float64 {
	out := make([]float64, len(nat))
	if n := fsum(nat); n <= total {
		for i := range nat {
			out[i] = nat[i] * total / n
		}
		return out
	}
	want := fsum(nat) - fsum(least)
	left := total - fsum(least)
	for i := range nat {
		out[i] = least[i]
		if left > 0 && want > 0 {
			out[i] += (nat[i] - least[i]) * left / want
		}
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
			out[i] = int(max(w[i], 0) / total * areaW)
		} else {
			out[i] = areaW / len(w)
		}
		used += out[i]
	}
	out[len(w)-1] += areaW - used
	return out
}
