package pdf

import (
	"github.com/basebrief/basebrief/report/document"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Line-breaking rules for Chinese (禁则): these never begin a line ...
const noLineStart = "，。、；：？！）》〉」』】〕〗”’…—～·%‰,.;:?!)]}" + "ー々〻゛゜ぁぃぅぇぉっゃゅょァィゥェォッャュョ"

// ... and these never end one.
const noLineEnd = "（《〈「『【〔〖“‘([{"

// units never start a line after a number: 12个, 140万, 1.5万人, 3亿.
const units = "万亿个份期位名人"

// unitAfter reports whether atom a is a unit that must stay with the
// number prev ends with: 个 after 12, 万 after 140, 人 after 1.5万.
func unitAfter(prev, a string) bool {
	r := firstRune(a)
	if !strings.ContainsRune(units, r) {
		return false
	}
	last := lastRune(prev)
	if unicode.IsDigit(last) {
		return true
	}
	// 人 after 万 or 亿 that follow a number: 1.5万人.
	if (last == '万' || last == '亿') && r == '人' {
		t := []rune(prev)
		return len(t) >= 2 && unicode.IsDigit(t[len(t)-2])
	}
	return false
}

// A box is an unbreakable run of text: one CJK character, one Latin word or
// number, or either of those glued to its neighbouring punctuation. space
// boxes are break opportunities and vanish at a line break.
type box struct {
	text  string
	width float64
	space bool
}

// isCJK is the type sheet's: a character set one at a time, with a break
// allowed on either side.
func isCJK(r rune) bool { return document.IsCJK(r) }

// split cuts s into atoms: single CJK characters, runs of spaces, and runs
// of other characters (Latin words, numbers such as 1,400,000 or 51.9%).
// A doubled dash or ellipsis (——, ……) stays one atom.
func split(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := atomEnd(s, i)
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// atomEnd is where the atom of s starting at i ends (split).
func atomEnd(s string, i int) int {
	r, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	switch {
	case unicode.IsSpace(r):
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if !unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
	case isCJK(r):
		if r == '—' || r == '…' {
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if r2 != r {
					break
				}
				j += n2
			}
		}
	default:
		for j < len(s) {
			r2, n2 := utf8.DecodeRuneInString(s[j:])
			if unicode.IsSpace(r2) || isCJK(r2) {
				break
			}
			j += n2
		}
	}
	return j
}

func firstRune(s string) rune { r, _ := utf8.DecodeRuneInString(s); return r }
func lastRune(s string) rune  { r, _ := utf8.DecodeLastRuneInString(s); return r }

// boxes glues the atoms of s into unbreakable boxes under the kinsoku rules
// and measures them. Atoms glued are neighbours in s, so a box is a slice
// of s.
func boxes(s string, measure func(string) float64) []box {
	out := make([]box, 0, utf8.RuneCountInString(s))
	glueNext := false
	start := 0 // of the last box in s
	for i := 0; i < len(s); {
		j := atomEnd(s, i)
		a := s[i:j]
		if unicode.IsSpace(firstRune(a)) {
			out = append(out, box{text: a, space: true})
			glueNext = false
			i = j
			continue
		}
		n := len(out)
		startBanned := kinsoku.noStart(firstRune(a)) || (n > 0 && unitAfter(out[n-1].text, a))
		if n > 0 && !out[n-1].space && (glueNext || startBanned) {
			out[n-1].text = s[start:j]
		} else {
			out = append(out, box{text: a})
			start = i
		}
		glueNext = kinsoku.noEnd(lastRune(a))
		i = j
	}
	for i := range out {
		out[i].width = measure(out[i].text)
	}
	return out
}

// kinsoku holds noLineStart and noLineEnd as sets of the Basic
// Multilingual Plane, looked up for every atom of every line laid out.
var kinsoku = func() (k kinsokuSets) {
	for _, r := range noLineStart {
		k.start[r>>6] |= 1 << (r & 63)
	}
	for _, r := range noLineEnd {
		k.end[r>>6] |= 1 << (r & 63)
	}
	return k
}()

type kinsokuSets struct{ start, end [0x10000 / 64]uint64 }

func (k *kinsokuSets) noStart(r rune) bool {
	return r >= 0 && r < 0x10000 && k.start[r>>6]&(1<<(r&63)) != 0
}

func (k *kinsokuSets) noEnd(r rune) bool {
	return r >= 0 && r < 0x10000 && k.end[r>>6]&(1<<(r&63)) != 0
}

// line is one wrapped line; full tells that it was ended by the width, not
// by the end of the text, so it may be justified.
type line struct {
	text string
	full bool
}

// wrap breaks s into lines no wider than width (first for the first line,
// which may be indented). Boxes wider than a line are cut between
// characters, so nothing ever overflows; every non-space character comes
// back, in order.
func wrap(s string, first, width float64, measure func(string) float64) []line {
	return wrapBoxes(boxes(s, measure), first, width, measure)
}

// wrapBoxes is wrap of the boxes of a text (boxes): the searches for an
// even width wrap one text at many widths, and cut it into boxes once.
func wrapBoxes(bs []box, first, width float64, measure func(string) float64) []line {
	var out []line
	var cur strings.Builder
	curW, pendW := 0.0, 0.0
	pend := ""
	limit := first
	flush := func(full bool) {
		out = append(out, line{text: cur.String(), full: full})
		cur.Reset()
		curW, pend, pendW = 0, "", 0
		limit = width
	}
	for _, b := range bs {
		if b.space {
			if cur.Len() > 0 {
				pend, pendW = b.text, b.width
			}
			continue
		}
		if cur.Len() > 0 && curW+pendW+b.width > limit+1e-9 {
			flush(true)
		}
		if cur.Len() == 0 && b.width > limit+1e-9 {
			for _, piece := range cut(b.text, limit, width, measure) {
				if cur.Len() > 0 {
					flush(true)
				}
				cur.WriteString(piece)
				curW = measure(piece)
			}
			continue
		}
		cur.WriteString(pend)
		cur.WriteString(b.text)
		curW += pendW + b.width
		pend, pendW = "", 0
	}
	if cur.Len() > 0 || len(out) == 0 {
		flush(false)
	}
	return out
}

// cut splits an over-long box between characters: the first piece fits
// first, the others width.
func cut(s string, first, width float64, measure func(string) float64) []string {
	var out []string
	limit := first
	start, w := 0, 0.0
	for i, r := range s {
		rw := measure(string(r))
		if i > start && w+rw > limit+1e-9 {
			out = append(out, s[start:i])
			start, w, limit = i, 0, width
		}
		w += rw
	}
	return append(out, s[start:])
}

// lineTexts is wrap without the justification flags.
func lineTexts(s string, first, width float64, measure func(string) float64) []string {
	return boxLines(boxes(s, measure), first, width, measure)
}

// boxLines is lineTexts of the boxes of a text.
func boxLines(bs []box, first, width float64, measure func(string) float64) []string {
	ls := wrapBoxes(bs, first, width, measure)
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.text
	}
	return out
}

// cardLines wraps a key-figure card's label or detail into width: its
// clauses (ended by ，；、 or "; ") whole where they fit, packed into lines;
// a clause too long for a line in lines of even length, so that a phrase
// is not torn off at its last character or two ("试点15个，推/广19个",
// "新的社会阶层/人士" became "试点15个，/推广19个", "新的社会/阶层人士").
// Never more lines than plain wrapping: the cards keep their height.
func cardLines(s string, width float64, measure func(string) float64) []string {
	lines := lineTexts(s, width, width, measure)
	plain := len(lines)
	if plain <= 1 {
		return lines
	}
	var out []string
	cur := ""
	flush := func() {
		if cur != "" {
			out = append(out, strings.TrimRight(cur, " "))
			cur = ""
		}
	}
	for _, c := range clauses(s) {
		if measure(c) <= width {
			if cur != "" && measure(cur+c) > width {
				flush()
			}
			cur += c
			continue
		}
		// A clause balanced over lines keeps them: packed again, its
		// English lines ran together ("117 keyprojects").
		flush()
		out = append(out, balanced(c, width, measure)...)
	}
	flush()
	if len(out) > plain {
		return balanced(s, width, measure)
	}
	return out
}

// clauses splits s after each clause mark, the mark kept with its clause,
// and after 年, so that a date breaks before its month.
func clauses(s string) []string {
	var out []string
	start := 0
	for i, r := range s {
		end := i + utf8.RuneLen(r)
		switch {
		case r == '，' || r == '；' || r == '、' || r == '：', r == '年': // 比2024年/10月
		case r == ' ' && i > 0 && (s[i-1] == ';' || s[i-1] == ','):
		default:
			continue
		}
		out = append(out, s[start:end])
		start = end
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}

// balanced wraps s in as many lines as at width, at the narrowest width
// that needs no more: lines of about even length.
func balanced(s string, width float64, measure func(string) float64) []string {
	bs := boxes(s, measure)
	lines := boxLines(bs, width, width, measure)
	n := len(lines)
	lo, hi := width/float64(n+1), width
	// Never narrower than its longest word: a word is broken only where
	// it is wider than the card ("innovati/on bases" in English cards).
	for _, w := range strings.Fields(s) {
		if strings.ContainsFunc(w, isCJK) {
			continue // Chinese breaks between any two characters
		}
		if ww := measure(w); ww > lo {
			lo = min(ww, width)
		}
	}
	if lo >= hi {
		return lines
	}
	for range 16 {
		mid := (lo + hi) / 2
		if len(boxLines(bs, mid, mid, measure)) <= n {
			hi = mid
		} else {
			lo = mid
		}
	}
	return boxLines(bs, hi, hi, measure)
}
