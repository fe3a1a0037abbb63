package briefing

import (
	"strings"
	"unicode/utf8"
)

// Bounds on the free text the data brings into the briefing, so that no
// note or foreword breaks the page promise: a page of body text at 三号 on
// the 22-line grid holds about 28 × 22 = 616 characters. maxForeword is the
// most of the foreword shown; Fit shows less where the pages leave less
// room. The whole text stays in the workbook (a city's note in the city
// sheet, the foreword on the 说明 sheet) and in summary.json.
const (
	maxForeword = 300 // characters of the foreword, about half a page
	maxNote     = 120 // characters of one city note
	maxNotes    = 6   // distinct city notes listed
	lineChars   = 28  // a line of body text: what a paragraph break costs
)

// cutRunes cuts s to at most max characters (runes), at the last sentence
// or clause end in the final third when there is one; it reports whether
// anything was cut.
func cutRunes(s string, max int) (string, bool) {
	if utf8.RuneCountInString(s) <= max {
		return s, false
	}
	if max <= 0 {
		return "", true
	}
	rs := []rune(s)[:max]
	cut := len(rs)
	for i := len(rs) - 1; i >= max*2/3; i-- {
		if strings.ContainsRune("。；！？.;!?，,、", rs[i]) {
			cut = i + 1
			break
		}
	}
	return strings.TrimRight(string(rs[:cut]), "，,、 "), true
}

// more is what ends a shortened text: where to read the whole of it.
func (w words) more(whole string) string {
	return w.T("……（已截短，全文见"+whole+"）", "… (shortened; the whole text is in "+whole+")")
}

// clip is s bounded to max characters, marked when shortened.
func (w words) clip(s string, max int, whole string) string {
	c, cut := cutRunes(s, max)
	if !cut {
		return s
	}
	return c + w.more(whole)
}

// clipParagraphs bounds paragraphs to about max characters of space (each
// counts its characters and the line it ends), the last one kept marked
// when anything was left out.
func (w words) clipParagraphs(ps []string, max int, whole string) []string {
	var out []string
	left := max
	for i, p := range ps {
		n := utf8.RuneCountInString(p)
		c, cut := cutRunes(p, left)
		last := i == len(ps)-1
		if !cut && (last || left-n-lineChars >= lineChars) {
			out = append(out, p)
			left -= n + lineChars
			continue
		}
		switch {
		case cut && c == "" && len(out) > 0:
			out[len(out)-1] += w.more(whole)
			return out
		case cut:
			return append(out, c+w.more(whole))
		}
		return append(out, p+w.more(whole)) // p whole, the paragraphs after it left out
	}
	return out
}
