package input

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Names (city, province, region, base) are compared after normalisation:
// characters nobody sees are dropped (zero-width space, joiner and
// non-joiner U+200B–U+200D, word joiner U+2060, BOM U+FEFF, soft hyphen
// U+00AD, the bidi controls U+061C, U+200E, U+200F, U+202A–U+202E and
// U+2066–U+2069), then NFKC folds compatibility forms (a compatibility
// ideograph such as U+F9xx, a Kangxi radical U+2Fxx, full-width letters)
// to the characters they stand for, and the CJK radicals supplement, which
// NFKC leaves alone, is mapped to its equivalent ideographs (⻓ U+2ED3 →
// 长). So 成​都 with a zero-width space, or ⻓沙 typed with a radical, is the
// one place 成都 or 长沙 is, never a second place with half the figures,
// and no bidi override reaches the packet.

// invisible reports a rune dropped from names (and bidi controls from any
// text kept for the packet).
func invisible(r rune) bool {
	switch r {
	case '\u00AD', '\u061C', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF':
		return true
	}
	return bidiControl(r)
}

// bidiControl reports the embedding, override and isolate controls that
// reorder what a reader sees (U+202A–U+202E, U+2066–U+2069) and the marks.
func bidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069') ||
		r == '\u200E' || r == '\u200F' || r == '\u061C'
}

// radicalBase and radicals map the CJK Radicals Supplement (U+2E80–U+2EFF)
// to their equivalent unified ideographs, as the Unicode Character
// Database's EquivalentUnifiedIdeograph.txt (Unicode 16.0, 2024-02-02)
// lists them; 0 where it lists none. NFKC maps the Kangxi radicals
// (U+2F00–U+2FDF) itself but leaves this block alone (except U+2E9F and
// U+2EF3), and a name typed or OCR'd with ⻓ (U+2ED3) for 长 must still match.
const radicalBase = 0x2E80

var radicals = [0x74]rune{
	0x2E81 - radicalBase: 0x5382, 0x2E82 - radicalBase: 0x4E5B, 0x2E83 - radicalBase: 0x4E5A,
	0x2E84 - radicalBase: 0x4E59, 0x2E85 - radicalBase: 0x4EBB, 0x2E86 - radicalBase: 0x5182,
	0x2E87 - radicalBase: 0x20628, 0x2E88 - radicalBase: 0x5200, 0x2E89 - radicalBase: 0x5202,
	0x2E8A - radicalBase: 0x535C, 0x2E8B - radicalBase: 0x353E, 0x2E8C - radicalBase: 0x5C0F,
	0x2E8D - radicalBase: 0x5C0F, 0x2E8E - radicalBase: 0x5140, 0x2E8F - radicalBase: 0x5C23,
	0x2E90 - radicalBase: 0x5C22, 0x2E91 - radicalBase: 0x21BC2, 0x2E92 - radicalBase: 0x5DF3,
	0x2E93 - radicalBase: 0x5E7A, 0x2E94 - radicalBase: 0x5F51, 0x2E95 - radicalBase: 0x2B739,
	0x2E96 - radicalBase: 0x5FC4, 0x2E97 - radicalBase: 0x5FC3, 0x2E98 - radicalBase: 0x624C,
	0x2E99 - radicalBase: 0x6535, 0x2E9B - radicalBase: 0x65E1, 0x2E9C - radicalBase: 0x65E5,
	0x2E9D - radicalBase: 0x6708, 0x2E9E - radicalBase: 0x6B7A, 0x2E9F - radicalBase: 0x6BCD,
	0x2EA0 - radicalBase: 0x6C11, 0x2EA1 - radicalBase: 0x6C35, 0x2EA2 - radicalBase: 0x6C3A,
	0x2EA3 - radicalBase: 0x706C, 0x2EA4 - radicalBase: 0x722B, 0x2EA5 - radicalBase: 0x722B,
	0x2EA6 - radicalBase: 0x4E2C, 0x2EA7 - radicalBase: 0x725B, 0x2EA8 - radicalBase: 0x72AD,
	0x2EA9 - radicalBase: 0x738B, 0x2EAA - radicalBase: 0x24D14, 0x2EAB - radicalBase: 0x76EE,
	0x2EAC - radicalBase: 0x793A, 0x2EAD - radicalBase: 0x793B, 0x2EAE - radicalBase: 0x25AD7,
	0x2EAF - radicalBase: 0x7CF9, 0x2EB0 - radicalBase: 0x7E9F, 0x2EB1 - radicalBase: 0x7F53,
	0x2EB2 - radicalBase: 0x7F52, 0x2EB3 - radicalBase: 0x34C1, 0x2EB4 - radicalBase: 0x5197,
	0x2EB5 - radicalBase: 0x2626B, 0x2EB6 - radicalBase: 0x7F8A, 0x2EB7 - radicalBase: 0x2634C,
	0x2EB8 - radicalBase: 0x2634B, 0x2EB9 - radicalBase: 0x8002, 0x2EBA - radicalBase: 0x8080,
	0x2EBB - radicalBase: 0x807F, 0x2EBC - radicalBase: 0x8089, 0x2EBD - radicalBase: 0x26951,
	0x2EBE - radicalBase: 0x8279, 0x2EBF - radicalBase: 0x8279, 0x2EC0 - radicalBase: 0x8279,
	0x2EC1 - radicalBase: 0x864E, 0x2EC2 - radicalBase: 0x8864, 0x2EC3 - radicalBase: 0x8980,
	0x2EC4 - radicalBase: 0x897F, 0x2EC5 - radicalBase: 0x89C1, 0x2EC6 - radicalBase: 0x89D2,
	0x2EC7 - radicalBase: 0x278B2, 0x2EC8 - radicalBase: 0x8BA0, 0x2EC9 - radicalBase: 0x8D1D,
	0x2ECA - radicalBase: 0x27FB7, 0x2ECB - radicalBase: 0x8F66, 0x2ECC - radicalBase: 0x8FB6,
	0x2ECD - radicalBase: 0x8FB6, 0x2ECE - radicalBase: 0x8FB6, 0x2ECF - radicalBase: 0x9091,
	0x2ED0 - radicalBase: 0x9485, 0x2ED1 - radicalBase: 0x9577, 0x2ED2 - radicalBase: 0x9578,
	0x2ED3 - radicalBase: 0x957F, 0x2ED4 - radicalBase: 0x95E8, 0x2ED5 - radicalBase: 0x28E0F,
	0x2ED6 - radicalBase: 0x961D, 0x2ED7 - radicalBase: 0x96E8, 0x2ED8 - radicalBase: 0x9752,
	0x2ED9 - radicalBase: 0x97E6, 0x2EDA - radicalBase: 0x9875, 0x2EDB - radicalBase: 0x98CE,
	0x2EDC - radicalBase: 0x98DE, 0x2EDD - radicalBase: 0x98DF, 0x2EDE - radicalBase: 0x2967F,
	0x2EDF - radicalBase: 0x98E0, 0x2EE0 - radicalBase: 0x9963, 0x2EE1 - radicalBase: 0x29810,
	0x2EE2 - radicalBase: 0x9A6C, 0x2EE3 - radicalBase: 0x9AA8, 0x2EE4 - radicalBase: 0x9B3C,
	0x2EE5 - radicalBase: 0x9C7C, 0x2EE6 - radicalBase: 0x9E1F, 0x2EE7 - radicalBase: 0x5364,
	0x2EE8 - radicalBase: 0x9EA6, 0x2EE9 - radicalBase: 0x9EC4, 0x2EEA - radicalBase: 0x9EFE,
	0x2EEB - radicalBase: 0x6589, 0x2EEC - radicalBase: 0x9F50, 0x2EED - radicalBase: 0x6B6F,
	0x2EEE - radicalBase: 0x9F7F, 0x2EEF - radicalBase: 0x7ADC, 0x2EF0 - radicalBase: 0x9F99,
	0x2EF1 - radicalBase: 0x9F9C, 0x2EF2 - radicalBase: 0x4E80, 0x2EF3 - radicalBase: 0x9F9F,
}

// plainName reports a name normalisation leaves as it is: printable ASCII
// and CJK unified ideographs U+4000–U+9FFF (lead bytes E4–E9), what nearly
// every name is. It costs a byte scan, so figures rows (the hot path) pay
// nothing more for normalisation than this.
func plainName(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c >= ' ' && c < utf8.RuneSelf:
			i++
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80:
			i += 3
		default:
			return false
		}
	}
	return true
}

// normName normalises a name for matching: invisible characters dropped,
// NFKC, radicals mapped to ideographs, white space trimmed and full-width
// or no-break spaces inside made plain (NFKC does that). Invalid UTF-8 is
// kept as it is (the readers refuse it where they can).
func normName(s string) string {
	s = trim(s)
	if plainName(s) {
		return s
	}
	if strings.IndexFunc(s, invisible) >= 0 {
		s = strings.Map(func(r rune) rune {
			if invisible(r) {
				return -1
			}
			return r
		}, s)
	}
	s = norm.NFKC.String(s)
	if strings.ContainsFunc(s, isRadical) {
		s = strings.Map(func(r rune) rune {
			if isRadical(r) {
				return radicals[r-radicalBase]
			}
			return r
		}, s)
	}
	return trim(s)
}

// shownName is a name as the packet prints it: as written, trimmed, with
// the characters nobody sees dropped (no bidi control reaches the packet);
// full-width brackets and compatibility forms stay as the analyst typed
// them. The contract: "the packet spells each name as cities.csv does".
func shownName(s string) string {
	s = trim(s)
	if plainName(s) || strings.IndexFunc(s, invisible) < 0 {
		return s
	}
	return trim(strings.Map(func(r rune) rune {
		if invisible(r) {
			return -1
		}
		return r
	}, s))
}

// isRadical reports a rune of the radicals supplement with an equivalent ideograph.
func isRadical(r rune) bool {
	return r >= radicalBase && r < radicalBase+rune(len(radicals)) && radicals[r-radicalBase] != 0
}

// cleanText drops bidi controls from free text kept for the packet (a
// note, a source, a kind): they would reorder what a reader sees.
func cleanText(s string) string {
	if isASCII(s) || !strings.ContainsFunc(s, bidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if bidiControl(r) {
			return -1
		}
		return r
	}, s)
}

// visible writes a name as read for a message, invisible characters and
// look-alikes (a compatibility ideograph, a radical) shown as <U+200B>: the
// reader sees why two names that look the same differ, and no bidi control
// reaches a log or the packet raw.
func visible(s string) string {
	if plainName(s) || !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hidden(r) {
			fmt.Fprintf(&b, "<U+%04X>", r)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// hidden reports a rune a reader cannot tell from another, or cannot see.
func hidden(r rune) bool {
	return invisible(r) || (r >= 0x2E80 && r <= 0x2FDF) || (r >= 0xF900 && r <= 0xFAFF) || (r >= 0x2F800 && r <= 0x2FA1F)
}
