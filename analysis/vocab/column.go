package vocab

import "strconv"

// A Form writes the head counts of one table column alike: an English
// column of millions prints every figure in millions (0.54m beside 1.38m,
// not 540,720 beside 1.38m), or every figure whole (8,500 and 1,380,000)
// where a figure would print as 0.01m or less. Chinese keeps the analysts'
// way (140万, 8500), as Cell does.
type Form struct {
	lang     Lang
	millions bool
}

// FormFor chooses the form of a column holding vals (nil: not reported).
func FormFor(vals []*int64, lang Lang) Form {
	f := Form{lang: lang}
	if lang != En {
		return f
	}
	big, small := false, false
	for _, v := range vals {
		if v == nil {
			continue
		}
		a := abs(*v)
		switch {
		case a >= 1e6:
			big = true
		case a != 0 && a < 10000:
			small = true
		}
	}
	f.millions = big && !small
	return f
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// Cell writes n in the column's form.
func (f Form) Cell(n int64) string { return f.cell(n, 0) }

// CellPtr is Cell for a figure that may be absent: "—" when nil.
func (f Form) CellPtr(n *int64) string {
	if n == nil {
		return "—"
	}
	return f.Cell(*n)
}

// cell writes n with extra decimals beyond the form's own (0: as Cell).
func (f Form) cell(n int64, extra int) string {
	a, sign := abs(n), ""
	if n < 0 {
		sign = "-"
	}
	if f.lang != En {
		if div, unit := zhUnit(a); extra > 0 && unit != "" {
			return sign + fixed(float64(a)/div, 1+extra) + unit
		}
		return People(n, f.lang)
	}
	switch {
	case a >= 1e9:
		return Cell(n, f.lang)
	case f.millions:
		// Two decimals kept in a column (0.80m under 0.84m), so the
		// figures align and read alike.
		return sign + fixed(float64(a)/1e6, 2+extra) + "m"
	}
	return sign + Int(a)
}

// fixed writes v with d decimals, trailing zeros kept: rows given one more
// digit than their column show it, 105.30万 beside 105.25万.
func fixed(v float64, d int) string {
	return strconv.FormatFloat(v, 'f', d, 64)
}

// Ranked writes a column ranked by its figures (largest first), telling
// neighbours apart: two figures that differ but print alike (北京 1,053,303
// and 海口 1,052,534, both 105.3万 at ranks 10 and 11) are printed with one
// more digit each, or as many as they need (105.33万, 105.25万), so no two
// rows read as tied that are not. Rows that are tied print alike.
func (f Form) Ranked(vals []*int64) []string {
	out := make([]string, len(vals))
	extra := make([]int, len(vals))
	for i, v := range vals {
		out[i] = f.CellPtr(v)
	}
	for i := 1; i < len(vals); i++ {
		a, b := vals[i-1], vals[i]
		if a == nil || b == nil || *a == *b {
			continue
		}
		for d := max(extra[i-1], extra[i]); out[i-1] == out[i] && d < 8; {
			d++
			extra[i-1], extra[i] = max(extra[i-1], d), max(extra[i], d)
			out[i-1], out[i] = f.cell(*a, extra[i-1]), f.cell(*b, extra[i])
		}
	}
	return out
}
