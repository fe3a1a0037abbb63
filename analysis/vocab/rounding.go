package vocab

import (
	"math"
	"strconv"
	"strings"
)

// Shown reads a head count back from a table cell as People, Cell or
// SignedCell wrote it (514.1万, +2.4万, -7504, 1.2亿, 1.4m, 2.1bn, 8,500),
// ignoring the markers after it (* province-level, † segments): the value
// a reader adding up the column adds. ok is false for anything else: "—",
// a blank, a percentage, a name.
func Shown(cell string) (n int64, ok bool) {
	s := strings.TrimRight(cell, "*†")
	if s == "" || strings.ContainsRune(s, '%') {
		return 0, false
	}
	mul := 1.0
	for _, u := range []struct {
		suffix string
		mul    float64
	}{{"万", 1e4}, {"亿", 1e8}, {"bn", 1e9}, {"m", 1e6}, {" billion", 1e9}, {" million", 1e6}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mul = strings.TrimSuffix(s, u.suffix), u.mul
			break
		}
	}
	s = strings.TrimPrefix(strings.ReplaceAll(s, ",", ""), "+")
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || strings.ContainsAny(s, "eEinfINFxXpP_") {
		return 0, false
	}
	return int64(math.Round(v * mul)), true
}

// AddsUp tells whether a column's total, as printed, is what its printed
// parts add up to once that sum is written as the total is: 3357.5万 does
// not close parts that add up to 3357.6万, though the unrounded figures
// agree. Where it does not, a table says why (Word("rounding")).
func AddsUp(parts []int64, total int64, lang Lang) bool {
	var sum int64
	for _, p := range parts {
		sum += p
	}
	got, _ := Shown(Cell(sum, lang))
	want, _ := Shown(Cell(total, lang))
	return got == want
}
