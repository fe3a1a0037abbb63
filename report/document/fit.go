package document

import (
	"strings"
	"unicode"
)

// UnbrokenCell is the table-fitting rule's short cell: a body cell of at
// most this many characters (858.4万, 1.4 million, North China) is never
// broken, so its column is at least as wide as it; a longer cell may wrap
// between words. A heading may take two lines (a Chinese one of two
// characters, 城市 or 序号, never breaks).
const UnbrokenCell = 12

// Measure is what a backend knows of its faces at TableSize, in its own
// unit: Width is s set on one line, Runs the widths of the pieces of s a
// line may not break inside (a word, one Chinese character). Pad is a
// cell's two side margins together.
type Measure struct {
	Width func(s string) float64
	Runs  func(s string) []float64
	Pad   float64
	// Head scales a heading's widths: headings are set bold, wider than
	// the body's measure where a backend only estimates. 0 is 1.
	Head float64
}

// Columns fits t's columns into total by the table-fitting rule, both
// backends alike: each column as wide as its widest cell and the spare
// width shared out in proportion; when the columns do not fit, those that
// can wrap give up width first, down to what they need; when even that
// does not fit, every column shrinks by the same share (the text wraps,
// the size never changes). The document's own relative widths, when
// given, are scaled to total instead.
func Columns(t Table, cols int, total float64, m Measure) []float64 {
	if len(t.Widths) == cols && sum(t.Widths) > 0 {
		out := make([]float64, cols)
		for i, w := range t.Widths {
			out[i] = max(w, 0) / sum(t.Widths) * total
		}
		return out
	}
	nat, least, body := make([]float64, cols), make([]float64, cols), make([]float64, cols)
	for i := range cols {
		h := cellAt(t.Header, i)
		hs := m.Head
		if hs <= 0 {
			hs = 1
		}
		nat[i] = m.Width(h)*hs + m.Pad
		least[i] = headLeast(h, m)*hs + m.Pad
		body[i] = m.Pad
	}
	for _, row := range t.Rows {
		for i := 0; i < cols && i < len(row); i++ {
			w := m.Width(row[i]) + m.Pad
			nat[i] = max(nat[i], w)
			if len([]rune(row[i])) <= UnbrokenCell {
				// A short cell stays whole, but a name and its figure
				// in brackets may take a line each: Henan / (3.1m).
				for _, part := range splitBracket(row[i]) {
					body[i] = max(body[i], m.Width(part)+m.Pad)
				}
				continue
			}
			for _, r := range m.Runs(row[i]) {
				body[i] = max(body[i], r+m.Pad)
			}
		}
	}
	if sum(body) <= total && sumMax(least, body) > total {
		// The rows fit but not with every heading's words whole: a
		// heading breaks inside a word rather than every row wrap, but
		// as few headings as may be, those that free the most width
		// first (a column of short figures under a long word: Provinces
		// over 31). Before, every heading gave up its words at once
		// ("Pr/ovi/nc/es", "Citie/s", "Repo/rting" in one table).
		need := make([]float64, cols)
		for i := range need {
			need[i] = max(least[i], body[i])
		}
		halved := make([]bool, cols)
		for sum(need) > total {
			most := -1
			for i := range need {
				if need[i] > body[i] && (most < 0 || need[i]-body[i] > need[most]-body[most]) {
					most = i
				}
			}
			if most < 0 {
				break
			}
			// Broken, a heading first takes two lines, not one a
			// syllable: Pro/vinces rather than Pr/ov/in/ce/s, whose
			// three lines more pushed a chart to the next page. Only
			// where that is still too wide does it give way to its
			// figures, before another heading breaks.
			half := (least[most]-m.Pad)/2 + m.Pad
			if !halved[most] && half > body[most] && half < need[most] {
				need[most], halved[most] = half, true
				continue
			}
			need[most] = body[most]
		}
		return Spread(nat, need, total)
	}
	for i := range least {
		least[i] = max(least[i], body[i])
	}
	return Spread(nat, least, total)
}

// splitBracket cuts a cell before a bracketed figure after a space:
// "Henan (3.1m)" is "Henan" and "(3.1m)"; other cells are one piece.
func splitBracket(s string) []string {
	if i := strings.LastIndex(s, " ("); i > 0 {
		return []string{s[:i], s[i+1:]}
	}
	return []string{s}
}

func sumMax(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += max(a[i], b[i])
	}
	return s
}

// headLeast is the width a heading needs to fit in two lines.
func headLeast(s string, m Measure) float64 {
	least := 0.0
	for _, r := range m.Runs(s) {
		least = max(least, r)
	}
	if r := []rune(s); hasCJK(s) && len(r) <= 2 {
		least = m.Width(s) // 城市, 序号: never 城/市
	} else if hasCJK(s) {
		least = max(least, m.Width(string(r[:(len(r)+1)/2])))
	}
	return least
}

// Spread fits widths wanting nat (and needing least) into total.
func Spread(nat, least []float64, total float64) []float64 {
	out := make([]float64, len(nat))
	sumNat, sumLeast := 0.0, 0.0
	for i := range nat {
		least[i] = min(least[i], nat[i])
		sumNat += nat[i]
		sumLeast += least[i]
	}
	switch {
	case sumNat <= total:
		for i := range nat {
			out[i] = nat[i] + (total-sumNat)*nat[i]/sumNat
		}
	case sumLeast <= total:
		excess, flex := sumNat-total, sumNat-sumLeast
		for i := range nat {
			out[i] = nat[i] - excess*(nat[i]-least[i])/flex
		}
	default:
		for i := range nat {
			out[i] = least[i] * total / sumLeast
		}
	}
	return out
}

// IsCJK reports whether r is set one character at a time, with a break
// allowed on either side.
func IsCJK(r rune) bool {
	if r < 0x1100 { // below Hangul, the lowest of the scripts: Latin, and ·
		return r == '·'
	}
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || // CJK symbols and punctuation
		(r >= 0xFF00 && r <= 0xFFEF) || // full-width forms
		(r >= 0x2014 && r <= 0x2026) || // dashes, quotes, ellipsis
		r == '·' || r == '～'
}

func hasCJK(s string) bool {
	for _, r := range s {
		if IsCJK(r) {
			return true
		}
	}
	return false
}

func cellAt(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

func sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
