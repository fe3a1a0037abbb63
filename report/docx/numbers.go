package docx

// nextNumber finds the first number of s at or after from, as the regular
// expression
//
//	[0-9]+(?:[.,][0-9]+)+%?|[0-9]{2,}%?|[0-9]%
//
// finds it (regexp's leftmost-first match; FindAllStringIndex resumes at
// a match's end): two or more digits, or digits with decimal points or
// thousands separators, and a percent sign. Scanned by hand: the regular
// expression's backtracker was a sixth of writing a national briefing's
// document.xml, run on every paragraph and cell of a Chinese document
// (issue 25). FuzzNextNumber holds it to the expression. ok is false when
// there is none.
func nextNumber(s string, from int) (start, end int, ok bool) {
	for i := from; i < len(s); i++ {
		if !digit(s[i]) {
			continue
		}
		j := i // the run of digits s[i:j]
		for j < len(s) && digit(s[j]) {
			j++
		}
		// digits, then separators each followed by digits
		k := j
		for k+1 < len(s) && (s[k] == '.' || s[k] == ',') && digit(s[k+1]) {
			k += 2
			for k < len(s) && digit(s[k]) {
				k++
			}
		}
		switch {
		case k > j:
			return i, percent(s, k), true
		case j-i >= 2:
			return i, percent(s, j), true
		case j < len(s) && s[j] == '%':
			return i, j + 1, true
		}
		// One digit alone: no number, and s[j] is not a digit.
		i = j
	}
	return 0, 0, false
}

func digit(c byte) bool { return '0' <= c && c <= '9' }

// percent is end, past a percent sign there.
func percent(s string, end int) int {
	if end < len(s) && s[end] == '%' {
		return end + 1
	}
	return end
}
