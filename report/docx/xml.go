package docx

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// xw builds one XML part. Every piece of text from the document goes
// through text or attr, which escape it and drop what XML 1.0 forbids, so
// a name holding control characters can never break the file.
type xw struct{ bytes.Buffer }

// raw writes markup as is; only for constant strings of this package.
func (w *xw) raw(s string) { w.WriteString(s) }

// text writes s as element content.
func (w *xw) text(s string) { escape(&w.Buffer, s, false) }

// attr writes ` name="value"` with value escaped.
func (w *xw) attr(name, value string) {
	w.WriteByte(' ')
	w.WriteString(name)
	w.WriteString(`="`)
	escape(&w.Buffer, value, true)
	w.WriteByte('"')
}

// attrInt writes ` name="n"`.
func (w *xw) attrInt(name string, n int64) {
	w.WriteByte(' ')
	w.WriteString(name)
	w.WriteString(`="`)
	w.WriteString(strconv.FormatInt(n, 10))
	w.WriteByte('"')
}

// val writes <tag w:val="v"/>.
func (w *xw) val(tag, v string) {
	w.WriteByte('<')
	w.WriteString(tag)
	w.attr("w:val", v)
	w.WriteString("/>")
}

// valInt writes <tag w:val="n"/>.
func (w *xw) valInt(tag string, n int64) {
	w.WriteByte('<')
	w.WriteString(tag)
	w.attrInt("w:val", n)
	w.WriteString("/>")
}

// legal reports whether r may appear in an XML 1.0 document.
func legal(r rune) bool {
	switch {
	case r == 0x9 || r == 0xA || r == 0xD:
		return true
	case r >= 0x20 && r <= 0xD7FF:
		return true
	case r >= 0xE000 && r <= 0xFFFD:
		return true
	case r >= 0x10000 && r <= utf8.MaxRune:
		return true
	}
	return false
}

// clean drops the characters XML 1.0 forbids (control characters, lone
// surrogates, U+FFFE/U+FFFF) and bytes that are not UTF-8.
func clean(s string) string {
	ok := true
	for i, r := range s {
		if !legal(r) || (r == utf8.RuneError && isBad(s, i)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	b := make([]byte, 0, len(s))
	for i, r := range s {
		if legal(r) && !(r == utf8.RuneError && isBad(s, i)) {
			b = utf8.AppendRune(b, r)
		}
	}
	return string(b)
}

// isBad reports whether the RuneError at s[i] is an invalid byte rather
// than a real U+FFFD.
func isBad(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n == 1
}

// escape writes s escaped for content or, with inAttr, for a
// double-quoted attribute, where line breaks and tabs are written as
// character references so they survive attribute normalisation.
func escape(b *bytes.Buffer, s string, inAttr bool) {
	for i, r := range s {
		if !legal(r) || (r == utf8.RuneError && isBad(s, i)) {
			continue
		}
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			if inAttr {
				b.WriteString("&quot;")
			} else {
				b.WriteByte('"')
			}
		case '\n', '\r', '\t':
			if inAttr {
				b.WriteString("&#x")
				b.WriteString(strconv.FormatInt(int64(r), 16))
				b.WriteByte(';')
			} else {
				b.WriteRune(r)
			}
		default:
			b.WriteRune(r)
		}
	}
}
