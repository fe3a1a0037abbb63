package sheet

import (
	"strconv"
	"strings"
)

// numFormat is what a cell style's number format says: a date at some
// precision, or how a plain number is shown (nil: as it is, General).
type numFormat struct {
	date cellFormat
	num  *numberFormat
}

// builtinNumbers are the built-in number formats (ECMA-376 18.8.30) that
// are not dates.
var builtinNumbers = map[int]string{
	1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 11: "0.00E+00",
	12: "# ?/?", 13: "# ??/??", 37: "#,##0 ;(#,##0)", 38: "#,##0 ;[Red](#,##0)",
	39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)", 48: "##0.0E+0", 49: "@",
}

// newNumFormat reads a format code.
func newNumFormat(code string) numFormat {
	f := numFormat{date: classify(code)}
	if f.date == fmtNumber {
		f.num = parseNumberFormat(code)
	}
	return f
}

// numberFormat is a number format that is not a date, read as far as
// showing a number needs: the digits after the point, thousands
// separators, and the literal text around the number. Formats this does not
// render (fractions, exponents, conditions, scaling) leave renders false:
// the number is then shown as it is stored.
type numberFormat struct {
	code    string
	renders bool
	pos     numSection // the first section: numbers ≥ 0, and all when alone
	neg     *numSection
	zero    *numSection
	// suffix is the literal text after the number in the first section
	// ("万人" of 0.00"万人"), trimmed; "" when the format scales the number
	// (0!.0000"万" and #,##0.0,"千" show persons in 万 or 千: the unit is of
	// the display, not of the stored value).
	suffix string
}

// numSection is one section of a number format.
type numSection struct {
	prefix, suffix string
	minDec, maxDec int  // 0.0# : 1, 2
	minInt         int  // zeros before the point: 0 shows 0.5 as 0.5, # as .5
	grouped        bool // #,##0
	percent        bool
	ok             bool // only placeholders, one point, separators and literals
	scaled         bool // a trailing comma (divide by 1000) or a literal point among the digits
}

// parseNumberFormat reads a number format code that is not a date.
func parseNumberFormat(code string) *numberFormat {
	if code == "" || strings.EqualFold(code, "general") || strings.EqualFold(code, "G/通用格式") {
		return nil
	}
	sections := splitSections(code)
	f := &numberFormat{code: code, pos: parseSection(sections[0])}
	f.renders = f.pos.ok
	if len(sections) > 1 {
		s := parseSection(sections[1])
		f.neg = &s
		f.renders = f.renders && s.ok
	}
	if len(sections) > 2 {
		s := parseSection(sections[2])
		f.zero = &s
		f.renders = f.renders && s.ok
	}
	if !f.pos.scaled && !f.pos.percent {
		f.suffix = strings.TrimSpace(f.pos.suffix)
	}
	return f
}

// splitSections splits a format code at the semicolons outside quotes.
func splitSections(code string) []string {
	var out []string
	start := 0
	for i := 0; i < len(code); i++ {
		switch code[i] {
		case '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case '\\':
			i++
		case ';':
			out = append(out, code[start:i])
			start = i + 1
		}
	}
	return append(out, code[start:])
}

// parseSection reads one section: literals before and after a run of
// digit placeholders (0 # ?), separators and at most one point.
func parseSection(sec string) numSection {
	s := numSection{ok: true}
	var pre, post strings.Builder
	digits, afterPoint, done := false, false, false
	lit := func(text string) {
		if digits {
			done = true
			post.WriteString(text)
		} else {
			pre.WriteString(text)
		}
	}
	for i := 0; i < len(sec); i++ {
		c := sec[i]
		switch {
		case c == '"':
			j := strings.IndexByte(sec[i+1:], '"')
			if j < 0 {
				j = len(sec) - i - 1
			}
			text := sec[i+1 : i+1+j]
			i += j + 1
			if digits && !done && i+1 < len(sec) && isDigitPlaceholder(sec[i+1]) {
				s.scaled = true // a literal inside the digits
			}
			lit(text)
		case c == '\\' || c == '!':
			if i+1 < len(sec) {
				i++
				if digits && !done && i+1 < len(sec) && isDigitPlaceholder(sec[i+1]) {
					s.scaled = true // 0!.0000: a literal point shifting the digits
				}
				lit(sec[i : i+1])
			}
		case c == '_':
			i++ // a space as wide as the next character
			lit(" ")
		case c == '*':
			i++ // a fill character: nothing to read
		case c == '[':
			j := strings.IndexByte(sec[i:], ']')
			if j < 0 {
				s.ok = false
				return s
			}
			inner := sec[i+1 : i+j]
			i += j
			switch {
			case strings.HasPrefix(inner, "$"):
				// [$¥-804]: a currency symbol and a locale; the symbol shows.
				sym, _, _ := strings.Cut(inner[1:], "-")
				lit(sym)
			case isColor(inner):
			default:
				s.ok = false // a condition ([<1000]) or [DBNum1] numerals
			}
		case isDigitPlaceholder(c):
			if done {
				s.ok = false // digits after a literal: a fraction or a phone number
				return s
			}
			digits = true
			if afterPoint {
				s.maxDec++
				if c == '0' {
					s.minDec = s.maxDec
				}
			} else if c == '0' {
				s.minInt++
			}
		case c == '.':
			if !digits && !afterPoint && i+1 < len(sec) && isDigitPlaceholder(sec[i+1]) {
				digits = true // .00: no integer digits
			}
			if !digits || afterPoint || done {
				lit(".")
				continue
			}
			afterPoint = true
		case c == ',':
			if !digits || done {
				lit(",")
				continue
			}
			if i+1 < len(sec) && isDigitPlaceholder(sec[i+1]) && !afterPoint {
				s.grouped = true
			} else {
				s.scaled = true // a trailing comma divides by 1000
			}
		case c == '%':
			s.percent = true
			lit("%")
		case c == 'e' || c == 'E' || c == '/' || c == '@':
			s.ok = false // exponent, fraction, text
			return s
		case strings.HasPrefix(strings.ToLower(sec[i:]), "general"):
			s.ok = false
			return s
		default:
			// Other characters show as themselves: $ - + ( ) : space, and
			// the CJK text Excel writes unquoted.
			n := 1
			if c >= 0x80 {
				for n < len(sec)-i && sec[i+n]&0xC0 == 0x80 {
					n++
				}
			}
			lit(sec[i : i+n])
			i += n - 1
		}
	}
	if !digits || s.scaled {
		s.ok = false
	}
	s.prefix, s.suffix = pre.String(), post.String()
	return s
}

// roundHalfUp rounds a plain decimal x ≥ 0 to dec digits after the point,
// halves away from zero as a spreadsheet shows them (0 shows 130.5 as
// 131, where strconv rounds the tie to even), and splits it at the point.
func roundHalfUp(x string, dec int) (intPart, frac string) {
	intPart, frac, _ = strings.Cut(x, ".")
	if len(frac) <= dec {
		return intPart, frac + strings.Repeat("0", dec-len(frac))
	}
	up := frac[dec] >= '5'
	digits := []byte(intPart + frac[:dec])
	for i := len(digits) - 1; up && i >= 0; i-- {
		if digits[i] == '9' {
			digits[i] = '0'
		} else {
			digits[i]++
			up = false
		}
	}
	if up {
		digits = append([]byte{'1'}, digits...)
	}
	n := len(digits) - dec
	return string(digits[:n]), string(digits[n:])
}

func isDigitPlaceholder(c byte) bool { return c == '0' || c == '#' || c == '?' }

func isColor(s string) bool {
	switch strings.ToLower(s) {
	case "black", "blue", "cyan", "green", "magenta", "red", "white", "yellow":
		return true
	}
	return strings.HasPrefix(strings.ToLower(s), "color")
}

// render shows a number (its stored text, plain decimal) as the format
// does: 2019.1 with 0.00 is 2019.10, 1400000 with #,##0 is 1,400,000. ok
// is false when the format is one render does not handle.
func (f *numberFormat) render(v string) (string, bool) {
	if f == nil || !f.renders {
		return v, f == nil
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil {
		return v, false
	}
	sec, neg := &f.pos, false
	switch {
	case x < 0 && f.neg != nil:
		sec, x = f.neg, -x
	case x < 0:
		neg, x = true, -x
	case x == 0 && f.zero != nil:
		sec = f.zero
	}
	if sec.percent {
		x *= 100
	}
	intPart, frac := roundHalfUp(strconv.FormatFloat(x, 'f', -1, 64), sec.maxDec)
	for len(frac) > sec.minDec && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if intPart == "0" && sec.minInt == 0 {
		intPart = ""
	}
	for len(intPart) < sec.minInt {
		intPart = "0" + intPart
	}
	var b strings.Builder
	if neg && strings.Trim(intPart+frac, "0") != "" {
		b.WriteByte('-')
	}
	b.WriteString(sec.prefix)
	if sec.grouped {
		for i := 0; i < len(intPart); i++ {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteByte(intPart[i])
		}
	} else {
		b.WriteString(intPart)
	}
	if sec.maxDec > 0 { // 0.## shows 2019 as "2019.", as Excel does
		b.WriteByte('.')
		b.WriteString(frac)
	}
	b.WriteString(sec.suffix)
	return b.String(), true
}
