package input

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isSpace is unicode.IsSpace plus the zero-width no-break space U+FEFF,
// which spreadsheet exports leave at the start of cells.
func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\uFEFF' }

// trim removes surrounding white space, full-width U+3000 included. Plain
// ASCII values without surrounding blanks, the common case, cost no
// allocation and almost no work.
func trim(s string) string {
	if s == "" {
		return s
	}
	if plainStart(s) && plainEnd(s) {
		return s
	}
	return strings.TrimFunc(s, isSpace)
}

// plainStart reports whether s surely starts with a non-space: a printable
// ASCII byte or a CJK ideograph (lead bytes E4–E9, U+4000–U+9FFF).
func plainStart(s string) bool {
	c := s[0]
	return (c > ' ' && c < utf8.RuneSelf) || (c >= 0xE4 && c <= 0xE9)
}

// plainEnd is plainStart for the last character.
func plainEnd(s string) bool {
	c := s[len(s)-1]
	if c > ' ' && c < utf8.RuneSelf {
		return true
	}
	n := len(s)
	return n >= 3 && s[n-3] >= 0xE4 && s[n-3] <= 0xE9
}

// fold maps full-width ASCII forms (０-９, Ａ-Ｚ, ，．－／) to ASCII and the
// full-width space to a plain one, so numbers typed with a Chinese input
// method parse like their ASCII spelling.
func fold(s string) string {
	if isASCII(s) || !hasFullWidth(s) && utf8.ValidString(s) {
		return s // nothing to map (invalid bytes would become U+FFFD below)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= '\uFF01' && r <= '\uFF5E':
			b.WriteByte(byte(r - 0xFF01 + '!'))
		case r == '\u3000', r == '\u00A0', r == '\u202F', r == '\u2009':
			b.WriteByte(' ') // full-width, no-break and thin spaces group digits too
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hasFullWidth reports whether s holds a rune fold maps: all are encoded
// EF BC xx, EF BD xx (U+FF01–U+FF5E), E3 80 80 (U+3000), C2 A0 (U+00A0),
// E2 80 AF (U+202F) or E2 80 89 (U+2009).
func hasFullWidth(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xC2 && s[i+1] == 0xA0 {
			return true
		}
		if i+2 >= len(s) {
			break
		}
		switch s[i] {
		case 0xE2:
			if s[i+1] == 0x80 && (s[i+2] == 0xAF || s[i+2] == 0x89) {
				return true
			}
		case 0xEF:
			if s[i+1] == 0xBC || s[i+1] == 0xBD {
				return true
			}
		case 0xE3:
			if s[i+1] == 0x80 && s[i+2] == 0x80 {
				return true
			}
		}
	}
	return false
}

// name normalises a key value (city, province, region, base, segment) as
// names are compared: trimmed, invisible characters dropped, NFKC
// (normalize.go). A plain name costs a byte scan.
func name(s string) string { return normName(s) }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// removeSpaces drops every white-space rune; used for short structured
// values such as "2019 年 5 月" or "第 3 批".
func removeSpaces(s string) string {
	if strings.IndexFunc(s, isSpace) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isSpace(r) {
			return -1
		}
		return r
	}, s)
}
