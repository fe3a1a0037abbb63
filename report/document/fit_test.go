package document

import (
	"math"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// mono measures a CJK character as 2 units and anything else as 1, the
// runs at spaces and around CJK characters.
var mono = Measure{
	Width: func(s string) float64 {
		w := 0.0
		for _, r := range s {
			w++
			if IsCJK(r) {
				w++
			}
		}
		return w
	},
	Runs: func(s string) []float64 {
		var out []float64
		for _, f := range strings.Fields(s) {
			out = append(out, float64(len(f)))
		}
		return out
	},
	Pad: 2,
}

func TestColumns(t *testing.T) {
	round := func(xs []float64) []float64 {
		out := make([]float64, len(xs))
		for i, x := range xs {
			out[i] = math.Round(x*10) / 10
		}
		return out
	}
	for _, tc := range []struct {
		name   string
		header []string
		rows   [][]string
		total  float64
		want   []float64
	}{
		// Room to spare: shared in proportion to the natural widths.
		{"fits", []string{"ab", "abcd"}, [][]string{{"a", "ab"}}, 20, []float64{8, 12}},
		// Too narrow: the long cell wraps between its words, the short
		// one stays whole (6 + 2).
		{"long cell wraps", []string{"n", "name"}, [][]string{{"123456", "aaaa bbbb cccc dddd"}}, 20, []float64{8, 12}},
		// The rows fit but not every heading whole: the heading breaks,
		// the short cells (North China) stay whole.
		{"heading gives way", []string{"Reporting", "Region"}, [][]string{{"2", "North China"}}, 18, []float64{5, 13}},
		// Not every heading can stay whole: the one freeing the most
		// width first (Provinces over 5) breaks into two lines, then the
		// next (Reporting), before any gives way to its figures. Before,
		// Provinces went down to its figure's width, three lines
		// (Pr/ov/in/ce/s in LibreOffice's face), and the national English
		// Word file's region table pushed its chart to a seventh page.
		{"headings break in two lines", []string{"Provinces", "Reporting", "Region"}, [][]string{{"5", "485", "North China"}}, 30, []float64{8.5, 8.5, 13}},
		// Where breaking one heading into two lines is enough, only it
		// breaks; the wrapping column gives the rest.
		{"heading breaks in two", []string{"Provinces", "Reporting", "Region", "Note"}, [][]string{{"5", "485", "North China", "aaa bbb ccc ddd eee"}}, 40, []float64{7.3, 11, 13, 8.7}},
		// A name and its bracketed figure may take a line each (Henan /
		// (3.1m)) rather than squeeze every column (2.5, 11.5 before).
		{"name over its figure", []string{"n", "Largest"}, [][]string{{"1", "Henan (3.1m)"}}, 14, []float64{3, 11}},
		// Nothing fits: every column shrinks by the same share.
		{"nothing fits", []string{"a", "b"}, [][]string{{"123456789012", "123456789012"}}, 14, []float64{7, 7}},
		// A Chinese heading of two characters never breaks (城市).
		{"城市 whole", []string{"城市", "x"}, [][]string{{"a", "1234567890"}}, 18, []float64{6, 12}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := round(Columns(Table{Header: tc.header, Rows: tc.rows}, len(tc.header), tc.total, mono))
			if !slices.Equal(got, tc.want) {
				t.Errorf("Columns = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestColumnsKeepsGivenWidths(t *testing.T) {
	got := Columns(Table{Header: []string{"a", "b"}, Widths: []float64{1, 3}}, 2, 100, mono)
	if !slices.Equal(got, []float64{25, 75}) {
		t.Errorf("Columns = %v, want [25 75]", got)
	}
}

// A backend's Head scales the headings' widths (bold, wider than the body
// measure): Writer broke "Membe/rs" in a column fitted to the regular face.
func TestColumnsHeadScale(t *testing.T) {
	m := mono
	m.Head = 2
	got := Columns(Table{Header: []string{"abcd", "x"}, Rows: [][]string{{"1", "1"}}}, 2, 14, m)
	if want := []float64{10, 4}; !slices.Equal(got, want) {
		t.Errorf("Columns = %v, want %v", got, want)
	}
}

// TestIsCJKBelowHangul: the fast path for characters below U+1100 gives
// what the scripts and ranges give.
func TestIsCJKBelowHangul(t *testing.T) {
	for r := rune(0); r < 0x1100; r++ {
		want := unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || r == '·'
		if got := IsCJK(r); got != want {
			t.Errorf("IsCJK(%U) = %v, want %v", r, got, want)
		}
	}
}
