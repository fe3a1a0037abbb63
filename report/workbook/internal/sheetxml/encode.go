package sheetxml

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The encoding below is excelize v2.11.1's, step by step, so the bytes are
// the ones StreamWriter.SetRow writes for the same values (stream.go:
// SetRow, setCellValFunc, writeCell; cell.go: setCellInt, setCellFloat,
// formatCellFloat, setInlineStr, setStr, trimCellValue; lib.go:
// bstrMarshal). TestRowsMatchExcelize and FuzzText hold it to them.

// maxRowHeight and maxCellChars are the format's limits excelize applies:
// a taller row is an error (ErrMaxRowHeight), a longer text is cut at
// 32,767 UTF-16 units.
const (
	maxRowHeight = 409
	maxCellChars = 32767
)

// ErrRowHeight is a row taller than the format allows.
var ErrRowHeight = errors.New("row height exceeds the limit of 409 points")

// appendRow appends row r (1-based) of cells starting at column A, with
// height in points when above 0.
func appendRow(dst []byte, r int, cells []Cell, height float64) ([]byte, error) {
	if height > maxRowHeight {
		return dst, ErrRowHeight
	}
	rowText := strconv.Itoa(r)
	dst = append(dst, `<row r="`...)
	dst = append(dst, rowText...)
	dst = append(dst, '"')
	if height > 0 {
		dst = append(dst, ` ht="`...)
		dst = strconv.AppendFloat(dst, height, 'f', -1, 64)
		dst = append(dst, `" customHeight="1"`...)
	}
	dst = append(dst, '>')
	for i := range cells {
		c := &cells[i]
		if c.Skip() {
			continue
		}
		dst = appendCell(dst, c, column(i+1), rowText)
	}
	return append(dst, `</row>`...), nil
}

// appendCell appends one <c> element (writeCell's order: xml:space, r, s,
// t; then f, v, is).
func appendCell(dst []byte, c *Cell, col, row string) []byte {
	var (
		t        string
		v        []byte // the <v> text, unescaped
		inline   bool   // an <is><t> text
		vNum     bool   // v is a number: written as is
		text     string // the inline text, escaped
		preserve bool   // xml:space="preserve" on the <c> (formula text) or the <t>
		num      [32]byte
	)
	if c.Formula != "" {
		t = "str"
	}
	switch c.Kind {
	case Int:
		t, v, vNum = "", strconv.AppendInt(num[:0], c.Int, 10), true
	case Float:
		if math.IsNaN(c.Float) || math.IsInf(c.Float, 0) {
			t, inline = "inlineStr", true
			text, preserve = trimText(fmt.Sprint(c.Float), true)
		} else {
			t, v, vNum = "", []byte(formatFloat(c.Float)), true
		}
	case Text:
		if c.Formula != "" {
			var s string
			s, preserve = trimText(c.Text, false)
			t, v = "str", []byte(s)
		} else {
			t, inline = "inlineStr", true
			text, preserve = trimText(c.Text, true)
		}
	}
	dst = append(dst, `<c`...)
	if preserve && !inline {
		dst = append(dst, ` xml:space="preserve"`...)
	}
	dst = append(dst, ` r="`...)
	dst = append(dst, col...)
	dst = append(dst, row...)
	dst = append(dst, '"')
	if c.Style != 0 {
		dst = append(dst, ` s="`...)
		dst = strconv.AppendInt(dst, int64(c.Style), 10)
		dst = append(dst, '"')
	}
	if t != "" {
		dst = append(dst, ` t="`...)
		dst = append(dst, t...)
		dst = append(dst, '"')
	}
	dst = append(dst, '>')
	if c.Formula != "" {
		dst = append(dst, `<f>`...)
		dst = appendEscaped(dst, c.Formula, true)
		dst = append(dst, `</f>`...)
	}
	if len(v) > 0 {
		dst = append(dst, `<v>`...)
		if vNum {
			dst = append(dst, v...)
		} else {
			dst = appendEscaped(dst, string(v), true)
		}
		dst = append(dst, `</v>`...)
	}
	if inline {
		dst = append(dst, `<is><t`...)
		if preserve {
			dst = append(dst, ` xml:space="preserve"`...)
		}
		dst = append(dst, '>')
		dst = append(dst, text...)
		dst = append(dst, `</t></is>`...)
	}
	return append(dst, `</c>`...)
}

// trimText is excelize's trimCellValue: the text cut at the cell limit,
// whether it keeps its edge white space, escaped for an inline string
// (line breaks kept as they are), and its _xHHHH_ sequences escaped.
func trimText(s string, escape bool) (string, bool) {
	if len(s) > maxCellChars { // fewer bytes than that are fewer UTF-16 units too
		s = cutUTF16(s, maxCellChars)
	}
	preserve := false
	if s != "" {
		for _, ascii := range []byte{9, 10, 13, 32} {
			if s[0] == ascii || s[len(s)-1] == ascii {
				preserve = true
				break
			}
		}
		if escape && needsEscape(s, false) {
			s = string(appendEscaped(nil, s, false))
		}
	}
	if strings.Contains(s, "_x") {
		s = bstrMarshal(s)
	}
	return s, preserve
}

// cutUTF16 is excelize's countUTF16String and truncateUTF16Units.
func cutUTF16(s string, limit int) string {
	n := 0
	for i, r := range s {
		if n += utf16.RuneLen(r); n > limit {
			return s[:i]
		}
	}
	return s
}

// formatFloat is excelize's formatCellFloat with automatic precision:
// the shortest decimal, cut to Excel's 15 significant digits.
func formatFloat(value float64) string {
	str := strconv.FormatFloat(value, 'f', -1, 64)
	if math.Abs(value) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

// needsEscape reports whether appendEscaped would change s.
func needsEscape(s string, newline bool) bool {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			switch {
			case b == '"' || b == '\'' || b == '&' || b == '<' || b == '>' || b == '\t' || b == '\r':
				return true
			case b == '\n':
				if newline {
					return true
				}
			case b < 0x20:
				return true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !inCharRange(r) || r == utf8.RuneError && n == 1 {
			return true
		}
		i += n
	}
	return false
}

// appendEscaped is encoding/xml's EscapeText (newline true) or EscapeText
// with "&#xA;" put back to a line break (excelize's inline text).
func appendEscaped(dst []byte, s string, newline bool) []byte {
	last := 0
	for i := 0; i < len(s); {
		r, width := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(s[i:])
		}
		i += width
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			if !newline {
				continue
			}
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if !inCharRange(r) || (r == utf8.RuneError && width == 1) {
				esc = "\uFFFD"
				break
			}
			continue
		}
		dst = append(dst, s[last:i-width]...)
		dst = append(dst, esc...)
		last = i
	}
	return append(dst, s[last:]...)
}

// inCharRange is encoding/xml's isInCharacterRange: the characters XML 1.0
// allows.
func inCharRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}

var (
	bstrExp       = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)
	bstrEscapeExp = regexp.MustCompile(`x[a-fA-F\d]{4}_`)
)

// bstrMarshal is excelize's (lib.go, BSD-3-Clause): a literal _xHHHH_ in
// text, which readers would take for an escaped character, gets its
// underscore escaped as _x005F_.
func bstrMarshal(s string) (result string) {
	matches, l, cursor := bstrExp.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			if match[1]+6 <= l && bstrEscapeExp.MatchString(s[match[1]:match[1]+6]) {
				_, err := strconv.Unquote(`"\u` + s[match[1]+1:match[1]+5] + `"`)
				if err == nil {
					result += subStr + "x005F" + subStr
					continue
				}
			}
			result += subStr + "x005F_"
			continue
		}
		if bstrExp.MatchString(subStr) {
			cursor = match[1]
			if _, err := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`); err == nil {
				result += "_x005F" + subStr
				continue
			}
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// columns caches the letters of the first columns.
var columns = func() []string {
	out := make([]string, 64)
	for i := range out {
		out[i] = columnName(i + 1)
	}
	return out
}()

// column is the letters of the 1-based column n.
func column(n int) string {
	if n <= len(columns) {
		return columns[n-1]
	}
	return columnName(n)
}

func columnName(n int) string {
	var b [4]byte
	i := len(b)
	for n > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b[i:])
}
