package pdf

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// monoWidth measures a CJK character as 1 and anything else as 0.5, like a
// real face at 1 unit per em.
func monoWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if isCJK(r) {
			w++
		} else {
			w += 0.5
		}
	}
	return w
}

func TestWrapLongParagraphKeepsEveryCharacter(t *testing.T) {
	unit := "重庆市和成都市分别有140万和130万新的社会阶层人士，集中程度可与东部沿海大城市相比较。（一）“数博大道”新阶层工作圈；《简报》：MFG创客联邦、1A+6S！"
	var b strings.Builder
	for utf8.RuneCountInString(b.String()) < 1500 {
		b.WriteString(unit)
	}
	text := string([]rune(b.String())[:1500])
	lines := wrap(text, 25, 27, monoWidth)
	if len(lines) < 50 {
		t.Fatalf("got %d lines for 1,500 characters at 27 per line", len(lines))
	}
	var got strings.Builder
	for i, l := range lines {
		if w := monoWidth(l.text); w > 27 || (i == 0 && w > 25) {
			t.Errorf("line %d is %.1f wide: %q", i, w, l.text)
		}
		got.WriteString(l.text)
	}
	if got.String() != text {
		t.Fatalf("characters lost or reordered:\n got %q\nwant %q", got.String(), text)
	}
	for i, l := range lines {
		r, _ := utf8.DecodeRuneInString(l.text)
		e, _ := utf8.DecodeLastRuneInString(l.text)
		if strings.ContainsRune(noLineStart, r) {
			t.Errorf("line %d starts with %q", i, r)
		}
		if strings.ContainsRune(noLineEnd, e) {
			t.Errorf("line %d ends with %q", i, e)
		}
	}
}

func TestWrapKinsoku(t *testing.T) {
	cases := []struct {
		name  string
		text  string
		width float64
		want  []string
	}{
		{"comma not at line start", "一二三，四五", 3, []string{"一二", "三，四", "五"}},
		{"full stop not at line start", "一二三。", 3, []string{"一二", "三。"}},
		{"closing bracket and stop", "一二三）。四", 3, []string{"一二", "三）。", "四"}},
		{"opening bracket not at line end", "一二（三）", 3, []string{"一二", "（三）"}},
		{"opening quote not at line end", "一二“三”", 3, []string{"一二", "“三”"}},
		{"book title marks", "一二《三》", 3, []string{"一二", "《三》"}},
		{"enumeration comma", "一二、三", 2, []string{"一", "二、", "三"}},
		{"question and exclamation", "一二？！三", 3, []string{"一", "二？！", "三"}},
		{"latin word kept whole", "成都MFG创客", 3, []string{"成都", "MFG创", "客"}},
		{"number kept whole", "共1,400,000人", 5, []string{"共", "1,400,000", "人"}},
		{"space is a break and vanishes", "MFG 创客联邦", 2.5, []string{"MFG", "创客", "联邦"}},
		{"english words", "the largest city leads", 4.5, []string{"the", "largest", "city", "leads"}},
		{"over-long word is cut", "abcdefghij", 2, []string{"abcd", "efgh", "ij"}},
		{"double dash glued, not split", "一二——三", 3, []string{"一", "二——", "三"}},
		{"fits on one line", "一二三", 3, []string{"一二三"}},
		{"empty", "", 3, []string{""}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := lineTexts(c.text, c.width, c.width, monoWidth)
			if strings.Join(got, "|") != strings.Join(c.want, "|") {
				t.Errorf("wrap(%q, %v) = %q, want %q", c.text, c.width, got, c.want)
			}
		})
	}
}

func TestWrapFirstLineIndent(t *testing.T) {
	got := lineTexts("一二三四五六七八", 2, 4, monoWidth)
	want := []string{"一二", "三四五六", "七八"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSplitKeepsRunes(t *testing.T) {
	s := "重庆 140万（tongzhanxinyu）1A+6S——结束"
	if got := strings.Join(split(s), ""); got != s {
		t.Errorf("split lost text: %q", got)
	}
	for _, a := range split(s) {
		if a == "" || (unicode.IsSpace(firstRune(a)) && strings.TrimSpace(a) != "") {
			t.Errorf("bad atom %q", a)
		}
	}
}

// TestWrapKeepsNumbersWithUnits: at every width, no line starts with a
// unit after a number (个, 万, 亿, 人 of 万人) or with closing punctuation,
// and none ends with opening punctuation.
func TestWrapKeepsNumbersWithUnits(t *testing.T) {
	text := "记录在册的实践创新基地12个，其中重点项目2个；人数合计140万，比上月增加1.5万人，增长4.6%，全国1.6亿（可比口径）。"
	for width := 5.0; width <= 30; width += 0.5 { // narrower than a box, cut() breaks anywhere
		lines := wrap(text, width, width, monoWidth)
		var all strings.Builder
		for i, l := range lines {
			all.WriteString(l.text)
			first, _ := utf8.DecodeRuneInString(l.text)
			last, _ := utf8.DecodeLastRuneInString(l.text)
			if i > 0 {
				prev, _ := utf8.DecodeLastRuneInString(lines[i-1].text)
				if strings.ContainsRune("万亿个%", first) && (unicode.IsDigit(prev) || prev == '.') {
					t.Errorf("width %.1f: line %d starts with unit %q after %q", width, i, first, lines[i-1].text)
				}
				if first == '人' && (prev == '万' || prev == '亿') {
					t.Errorf("width %.1f: line %d starts with 人 of 万人", width, i)
				}
				if strings.ContainsRune(noLineStart, first) {
					t.Errorf("width %.1f: line %d starts with %q", width, i, first)
				}
			}
			if strings.ContainsRune(noLineEnd, last) && i < len(lines)-1 {
				t.Errorf("width %.1f: line %d ends with %q", width, i, last)
			}
		}
		if all.String() != text {
			t.Fatalf("width %.1f: characters lost: %q", width, all.String())
		}
	}
}

// A key-figure card breaks at a clause mark, or into even lines, never
// more lines than plain wrapping; before, it tore a phrase off at its last
// character or two (nd zh page 1: 试点15个，推/广19个, 新的社会阶层/人士,
// 各城市均已报/送；含7个省级/数据).
func TestCardLines(t *testing.T) {
	for _, tc := range []struct {
		s     string
		width float64
		want  []string
	}{
		{"试点15个，推广19个", 6, []string{"试点15个，", "推广19个"}},
		{"新的社会阶层人士", 6, []string{"新的社会", "阶层人士"}},
		{"各城市均已报送；含7个省级数据", 6.5, []string{"各城市均", "已报送；", "含7个省级数据"}},
		{"省区市", 6, []string{"省区市"}},
		{"比2024年10月", 5, []string{"比2024年", "10月"}}, // gap zh: 比2024/年10月
		{"2024年12月", 6, []string{"2024年12月"}},
		{"7个片区", 6, []string{"7个片区"}},
		{"Members of the new social strata", 9, []string{"Members of the", "new social strata"}},
		// English cards on national data read "innovati/on bases" and "117 keyprojects".
		{"innovation bases", 6, []string{"innovation", "bases"}},
		{"117 key projects", 6, []string{"117 key", "projects"}},
	} {
		got := cardLines(tc.s, tc.width, monoWidth)
		if !slices.Equal(got, tc.want) {
			t.Errorf("cardLines(%q, %v) = %q, want %q", tc.s, tc.width, got, tc.want)
		}
		if plain := lineTexts(tc.s, tc.width, tc.width, monoWidth); len(got) > len(plain) {
			t.Errorf("%q: %d lines, plain wrapping %d", tc.s, len(got), len(plain))
		}
		if strings.Join(got, "") != strings.ReplaceAll(tc.s, " ", "") && strings.Join(got, " ") != tc.s {
			t.Errorf("%q: lines %q lose or add text", tc.s, got)
		}
	}
}
