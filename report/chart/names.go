package chart

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

const ellipsis = "…"

// fit returns s, or s cut short with an ellipsis so it is at most maxW wide.
func fit(ts typeset, s string, size, maxW float64) string {
	if ts.width(s, size) <= maxW {
		return s
	}
	r := []rune(s)
	for n := len(r) - 1; n > 0; n-- {
		t := strings.TrimRightFunc(string(r[:n]), unicode.IsSpace) + ellipsis
		if ts.width(t, size) <= maxW {
			return t
		}
	}
	return ellipsis
}

// officialSuffixes are the parts of an administrative name an analyst drops
// when space is short: 新疆维吾尔自治区 → 新疆, 黔东南苗族侗族自治州 → 黔东南州.
var officialSuffixes = []struct{ long, short string }{
	{"维吾尔自治区", ""}, {"壮族自治区", ""}, {"回族自治区", ""}, {"自治区", ""},
	{"特别行政区", ""}, {"省", ""}, {"市", ""},
}

// nationalities that name autonomous prefectures and counties.
var nationalities = []string{
	"蒙古", "回族", "藏族", "维吾尔", "苗族", "彝族", "壮族", "布依族", "朝鲜族", "满族", "侗族",
	"瑶族", "白族", "土家族", "哈尼族", "哈萨克", "傣族", "黎族", "傈僳族", "佤族", "畲族", "拉祜族",
	"水族", "东乡族", "纳西族", "景颇族", "柯尔克孜", "土族", "达斡尔族", "仫佬族", "羌族", "撒拉族",
	"仡佬族", "锡伯族", "普米族", "塔吉克", "怒族", "鄂温克族", "独龙族", "保安族", "裕固族", "各族",
}

// abbreviate applies the customary short forms of Chinese place names.
func abbreviate(s string) string {
	for _, suf := range officialSuffixes {
		if t, ok := strings.CutSuffix(s, suf.long); ok && utf8.RuneCountInString(t) >= 2 {
			return t + suf.short
		}
	}
	// 克孜勒苏柯尔克孜自治州阿克陶县 → 阿克陶县: a county named with its
	// prefecture is known by the county's own name.
	for _, unit := range []string{"自治州", "地区", "盟"} {
		if i := strings.LastIndex(s, unit); i > 0 && i+len(unit) < len(s) {
			if rest := s[i+len(unit):]; utf8.RuneCountInString(rest) >= 2 {
				return rest
			}
		}
	}
	// 延边朝鲜族自治州 → 延边州: the place name before the first nationality,
	// then the unit's last character.
	for _, unit := range []string{"自治州", "自治县", "自治旗"} {
		if !strings.HasSuffix(s, unit) {
			continue
		}
		cut := len(s) - len(unit)
		for _, n := range nationalities {
			if i := strings.Index(s, n); i >= 0 && i < cut {
				cut = i
			}
		}
		if utf8.RuneCountInString(s[:cut]) >= 2 {
			return s[:cut] + unit[len(unit)-len("州"):]
		}
	}
	return s
}

// shorten makes one label fit maxW: first the customary abbreviation, then
// an ellipsis.
func shorten(ts typeset, s string, size, maxW float64) string {
	if ts.width(s, size) <= maxW {
		return s
	}
	if a := abbreviate(s); a != s && ts.width(a, size) <= maxW {
		return a
	}
	return fit(ts, abbreviate(s), size, maxW)
}

// shortenAll shortens every row label; labels that would become equal keep
// their full names (a wider column beats two rows that look the same).
func shortenAll(ts typeset, rows []row, size, maxW float64) []string {
	out := make([]string, len(rows))
	count := map[string]int{}
	for i, r := range rows {
		if r.heading {
			out[i] = fit(ts, r.label, size, widthPx*72/dpi-marginL-marginR)
			continue
		}
		out[i] = shorten(ts, r.label, size, maxW)
		count[out[i]]++
	}
	for i, r := range rows {
		if !r.heading && count[out[i]] > 1 && out[i] != r.label {
			out[i] = r.label
		}
	}
	return out
}

// wrap breaks s into lines no wider than maxW: between any two CJK
// characters, at spaces in Latin text, and never before closing punctuation
// (it hangs at the line end instead, as in Chinese typesetting).
func wrap(ts typeset, s string, size, maxW float64) []string {
	if s == "" {
		return nil
	}
	var lines []string
	line := ""
	for _, tok := range tokens(s) {
		next := line + tok
		if line == "" || ts.width(strings.TrimRight(next, " "), size) <= maxW || noLineStart(tok) {
			line = next
			continue
		}
		lines = append(lines, strings.TrimRight(line, " "))
		line = strings.TrimLeft(tok, " ")
	}
	if line != "" {
		lines = append(lines, strings.TrimRight(line, " "))
	}
	return lines
}

// balance wraps s into as few lines as wrap does at maxW, but as even as
// possible, so a footnote never ends in an orphan of two characters.
func balance(ts typeset, s string, size, maxW float64) []string {
	lines := wrap(ts, s, size, maxW)
	if len(lines) < 2 {
		return lines
	}
	lo, hi := maxW/float64(len(lines)), maxW
	for range 12 {
		mid := (lo + hi) / 2
		if len(wrap(ts, s, size, mid)) == len(lines) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return wrap(ts, s, size, hi)
}

// tokens splits s into unbreakable pieces: a Latin word with its trailing
// space, or one other character.
func tokens(s string) []string {
	var out []string
	var word strings.Builder
	flush := func() {
		if word.Len() > 0 {
			out = append(out, word.String())
			word.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r < 0x80 && r != ' ':
			word.WriteRune(r)
		case r == ' ':
			word.WriteRune(r)
			flush()
		default:
			flush()
			out = append(out, string(r))
		}
	}
	flush()
	return out
}

func noLineStart(tok string) bool {
	r, _ := utf8.DecodeRuneInString(tok)
	return strings.ContainsRune("，。、；：？！）》”’」』,.;:?!)", r)
}
