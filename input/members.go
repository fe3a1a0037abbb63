package input

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// membersExpected is the hint appended to every members error.
const membersExpected = "expected a count such as 1400000, 1,400,000, 140万, 1.4M or 0.014亿"

// maxMembers bounds one figure: more people than live on Earth is a typo
// or a wrong unit. With it every sum basebrief forms is exact: a file of at
// most 1 GiB has fewer than 2×10^8 rows, and 2×10^8 × 10^10 is below the
// int64 limit of 9.2×10^18.
const maxMembers = 10_000_000_000

// unit is a multiplier word that may follow a number.
type unit struct {
	text string
	exp  int // power of ten
}

// units are matched case-insensitively, longest first, after the number.
// Decided: k/K and 千 are accepted (thousands) alongside the spec's forms;
// a trailing 人 or 名 ("140万人", "140万名") is accepted too, as analysts
// write it.
var units = []unit{
	{"million", 6}, {"thousand", 3}, {"百万", 6}, {"千万", 7},
	{"万", 4}, {"萬", 4}, {"亿", 8}, {"億", 8}, {"千", 3},
	{"mn", 6}, {"m", 6}, {"k", 3},
}

// membersForm says how a count was written, where that deserves a word.
type membersForm int

const (
	formPlain      membersForm = iota
	formScientific             // 1.21E+06: four or fewer significant digits
)

// ParseMembers reads a member count written any way an analyst writes it:
// 1400000, 1,400,000, 1 400 000, 140万, 140 万, 1.4M, 0.014亿, １４０万
// (full-width), 1.4e6, 1.4k, 140万人. The value is rounded to the nearest
// person (halves up). Negative values, bad digit grouping, approximate
// values (约140万) and values beyond 10^10 are errors; the error text reads
// `"<value>" is ..., expected ...`.
func ParseMembers(s string) (int64, error) {
	v, _, err := readMembers(s, 0)
	return v, err
}

// readMembers is ParseMembers for a column whose bare numbers are in
// 10^unitExp people (单位：万人: 4); a number with its own unit word keeps it.
func readMembers(s string, unitExp int) (int64, membersForm, error) {
	if unitExp == 0 {
		if v, ok := plainCount(s); ok && v <= maxMembers {
			return v, formPlain, nil
		}
		if v, ok := groupedCount(s); ok && v <= maxMembers {
			return v, formPlain, nil
		}
	}
	t := trim(fold(trim(s)))
	if u, ok := strings.CutSuffix(t, "名"); ok {
		t = u // 140万名: 名 counts people as 人 does
	} else {
		t = strings.TrimSuffix(t, "人")
	}
	if t == "" {
		return 0, formPlain, fmt.Errorf("%q is empty, %s", s, membersExpected)
	}
	neg := false
	if t[0] == '-' || strings.HasPrefix(t, "−") {
		neg = true
		t = strings.TrimPrefix(strings.TrimPrefix(t, "-"), "−")
	}
	var digits [24]byte // most counts fit: no allocation
	num := decimal{digits: digits[:0]}
	rest, err := scanNumber(t, &num)
	if err != nil {
		if approximate(t) {
			return 0, formPlain, errApproximate(s)
		}
		return 0, formPlain, fmt.Errorf("%q %v, %s", s, err, membersExpected)
	}
	rest = trim(rest)
	if rest != "" {
		exp, ok := matchUnit(rest)
		if !ok && approximate(t) {
			return 0, formPlain, errApproximate(s)
		}
		if !ok || num.hasExp {
			return 0, formPlain, fmt.Errorf("%q is not a number, %s", s, membersExpected)
		}
		num.exp += exp
	} else {
		if unitExp == 0 && num.fractional() {
			return 0, formPlain, errFraction(s, &num)
		}
		num.exp += unitExp
	}
	v, err := num.round()
	if err != nil {
		if rest == "" && unitExp > 0 {
			return 0, formPlain, fmt.Errorf("%q is more than 10,000,000,000 people in the column's unit (×%s), expected a count of members: are the figures in persons? Then drop the unit from the header (人数)", s, vocab.Int(pow10(unitExp)))
		}
		return 0, formPlain, fmt.Errorf("%q %v", s, err)
	}
	if neg && v != 0 {
		return 0, formPlain, fmt.Errorf("%q is negative, expected a count of zero or more", s)
	}
	form := formPlain
	if num.hasExp && num.significant() <= 4 {
		form = formScientific
	}
	return v, form, nil
}

// errFraction is the error for a head count with a fraction in a column
// of persons: a small one reads as a figure in 万人 whose unit went unsaid
// (130.5 is 1,305,000 in 万人, never 131 people).
func errFraction(s string, num *decimal) error {
	if whole := len(num.digits) + num.exp; whole <= 5 { // below 100,000
		wan := *num
		wan.exp += 4
		if v, err := wan.round(); err == nil {
			return fmt.Errorf("%q is not a whole number of people, expected a count of persons: is the column in 万人 (%s万 is %s people)? Then say so in the header, 人数（万人）, or on a unit line above it, 单位：万人", s, trim(fold(trim(s))), vocab.Int(v))
		}
	}
	return fmt.Errorf("%q is not a whole number of people, expected a count of persons (a head count has no fraction): check the value", s)
}

func errApproximate(s string) error {
	return fmt.Errorf("%q is an approximate value, expected the exact count reported (such as 1400000 or 140万)", s)
}

// approximate reports a value written as an estimate: 约140万, 140余万,
// 140多万, 近140万, 140万左右.
func approximate(t string) bool {
	if isASCII(t) {
		return strings.HasSuffix(t, "+") && len(t) > 1
	}
	for _, p := range []string{"约", "大约", "近", "将近", "接近", "逾", "超过", "超", "不到", "不足", "大概"} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	for _, w := range []string{"余", "多", "左右", "上下", "以上", "以下", "来"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// notReported reports a members value that means "not reported": empty,
// a dash, a slash, 暂无, 无, N/A.
func notReported(s string) bool {
	switch s {
	case "", "—", "–", "-", "－", "/", "／", "——", "--", "暂无", "无", "N/A", "n/a", "NA", "#N/A", "—/—":
		return true
	}
	return false
}

func matchUnit(s string) (int, bool) {
	for _, u := range units {
		if s == u.text {
			return u.exp, true
		}
	}
	for _, u := range units {
		if strings.EqualFold(s, u.text) {
			return u.exp, true
		}
	}
	return 0, false
}

// decimal is digits × 10^exp, digits without leading zeros.
type decimal struct {
	digits []byte
	exp    int
	hasExp bool // written with e/E: no unit may follow
}

// fractional reports a value with a fraction of a person, beyond a
// spreadsheet's float noise (1400000.0000000002, 1399999.9999999998: six
// or more zeros or nines after the point).
func (d *decimal) fractional() bool {
	if d.exp >= 0 {
		return false
	}
	// The fraction has -exp digits, the last len(digits) of them written.
	n := -d.exp
	frac := d.digits[max(len(d.digits)-n, 0):]
	lead := n - len(frac) // zeros between the point and the digits written
	zeros := lead
	for _, c := range frac {
		if c != '0' {
			break
		}
		zeros++
	}
	if zeros == n || zeros >= 6 {
		return false // 1400000.00, or noise below a millionth
	}
	nines := 0
	for _, c := range frac {
		if lead > 0 || c != '9' {
			break
		}
		nines++
	}
	return nines < 6
}

// significant counts the digits written, leading zeros aside.
func (d *decimal) significant() int { return len(d.digits) }

// scanNumber reads [digits with optional thousands commas or spaces]
// [.digits][e±N] from the start of s and returns the rest.
func scanNumber(s string, d *decimal) (string, error) {
	i, seen, group, groups := 0, 0, 0, 0
	var sep byte
	for ; i < len(s); i++ {
		c := s[i]
		if c == ',' || (c == ' ' && i+1 < len(s) && isDigit(s[i+1]) && seen > 0) {
			// Thousands separators: the first group 1–3 digits, then
			// exactly 3, all with the same separator.
			if seen == 0 || (groups == 0 && group > 3) || (groups > 0 && group != 3) || (sep != 0 && sep != c) {
				return "", fmt.Errorf("has misplaced thousands separators")
			}
			sep = c
			groups++
			group = 0
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		d.push(c)
		seen++
		group++
	}
	if groups > 0 && group != 3 {
		return "", fmt.Errorf("has misplaced thousands separators")
	}
	if i < len(s) && s[i] == '.' {
		i++
		frac := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			d.push(s[i])
			d.exp--
			frac++
		}
		if frac == 0 && seen == 0 {
			return "", fmt.Errorf("is not a number")
		}
	} else if seen == 0 {
		return "", fmt.Errorf("is not a number")
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') && i+1 < len(s) && (s[i+1] == '+' || s[i+1] == '-' || isDigit(s[i+1])) {
		n, j, ok := scanExponent(s[i+1:])
		if !ok {
			return "", fmt.Errorf("is not a number")
		}
		d.exp += n
		d.hasExp = true
		i += 1 + j
	}
	return s[i:], nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// scanExponent reads a signed exponent of at most three digits.
func scanExponent(s string) (int, int, bool) {
	i, sign := 0, 1
	if s[0] == '+' || s[0] == '-' {
		if s[0] == '-' {
			sign = -1
		}
		i++
	}
	n, start := 0, i
	for ; i < len(s) && isDigit(s[i]) && i-start < 3; i++ {
		n = n*10 + int(s[i]-'0')
	}
	if i == start || (i < len(s) && isDigit(s[i])) {
		return 0, 0, false
	}
	return sign * n, i, true
}

func (d *decimal) push(c byte) {
	if c == '0' && len(d.digits) == 0 {
		return // leading zero
	}
	d.digits = append(d.digits, c)
}

// round converts to an integer, rounding half up, within maxMembers.
func (d decimal) round() (int64, error) {
	digits := d.digits
	roundUp := false
	if d.exp < 0 {
		keep := len(digits) + d.exp
		switch {
		case keep < 0:
			digits = nil
		case keep == 0:
			roundUp = digits[0] >= '5'
			digits = nil
		default:
			roundUp = digits[keep] >= '5'
			digits = digits[:keep]
		}
	}
	var v int64
	for _, c := range digits {
		v = v*10 + int64(c-'0')
		if v > maxMembers {
			return 0, errTooLarge
		}
	}
	for e := d.exp; e > 0 && v != 0; e-- {
		v *= 10
		if v > maxMembers {
			return 0, errTooLarge
		}
	}
	if roundUp {
		v++
	}
	if v > maxMembers {
		return 0, errTooLarge
	}
	return v, nil
}

var errTooLarge = fmt.Errorf("is more than 10,000,000,000 people (more than live on Earth), expected a count of members: check for a typo or a wrong unit")

// groupedCount is the fast path for counts with thousands separators, as
// spreadsheets export them: 1,234,567, at most 18 digits.
func groupedCount(s string) (int64, bool) {
	first := len(s) % 4 // digits before the first comma: 1, 2 or 3
	if len(s) < 5 || len(s) > 23 || first == 0 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i >= first && (i-first)%4 == 0 {
			if c != ',' {
				return 0, false
			}
			continue
		}
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}

// plainCount is the fast path for the common case: 1 to 18 ASCII digits.
func plainCount(s string) (int64, bool) {
	if s == "" || len(s) > 18 {
		return 0, false
	}
	var v int64
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int64(c-'0')
	}
	return v, true
}
