package sheet

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// readStyles reads what each cell style (xf of cellXfs) says about
// numbers: the number format's date parts, or how it shows a number.
func (w *Workbook) readStyles(part string) ([]numFormat, error) {
	rc, err := w.open(part, maxPartBytes)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	custom := map[int]string{}
	var ids []int
	inXfs := false
	s := newScanner(rc)
	for s.next() {
		switch {
		case s.is(tokStart, "numFmt"):
			id, _ := s.attr("numFmtId")
			code, _ := s.attr("formatCode")
			if n, err := strconv.Atoi(string(id)); err == nil {
				custom[n] = string(code)
			}
		case s.is(tokStart, "cellXfs"):
			inXfs = !s.selfClose
		case s.is(tokEnd, "cellXfs"):
			inXfs = false
		case inXfs && s.is(tokStart, "xf"):
			id, _ := s.attr("numFmtId")
			n, _ := strconv.Atoi(string(id))
			ids = append(ids, n)
		}
	}
	if s.err != nil {
		return nil, inPart(part, s.err)
	}
	formats := make([]numFormat, len(ids))
	for i, id := range ids {
		if code, ok := custom[id]; ok {
			formats[i] = newNumFormat(code)
		} else if code, ok := builtinNumbers[id]; ok {
			formats[i] = numFormat{num: parseNumberFormat(code)}
		} else {
			formats[i] = numFormat{date: builtinFormats[id]}
		}
	}
	return formats, nil
}

// sharedStrings holds the workbook's string table as one string and the
// end offset of each entry, far smaller than a []string of a million
// entries.
type sharedStrings struct {
	data string
	ends []uint32
	bad  map[int]FaultKind // entries no cell may hold: too long, a NUL, not UTF-8
}

func (t *sharedStrings) get(i int) (string, FaultKind, bool) {
	if i < 0 || i >= len(t.ends) {
		return "", 0, false
	}
	if t.bad != nil {
		if k, ok := t.bad[i]; ok {
			return "", k, true
		}
	}
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.data[start:t.ends[i]], 0, true
}

// readSharedStrings reads the string table: the text of each si, rich-text
// runs joined, phonetic guides (rPh) left out.
func (w *Workbook) readSharedStrings(part string) (*sharedStrings, error) {
	rc, err := w.open(part, maxStringsBytes)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var b strings.Builder
	var ends []uint32
	long := map[int]bool{}
	inSI, inT, phonetic := false, false, 0
	start := 0 // where the current entry starts in b
	s := newScanner(rc)
	for s.next() {
		switch s.kind {
		case tokStart:
			switch string(s.name) {
			case "si":
				if len(ends) == maxStrings {
					return nil, notWorkbook(fmt.Sprintf("%s holds more than %d strings", part, maxStrings))
				}
				inSI, start = !s.selfClose, b.Len()
				if s.selfClose {
					ends = append(ends, uint32(b.Len()))
				}
			case "t":
				inT = !s.selfClose
			case "rPh":
				if !s.selfClose {
					phonetic++
				}
			}
		case tokEnd:
			switch string(s.name) {
			case "si":
				if inSI {
					ends = append(ends, uint32(b.Len()))
				}
				inSI, phonetic = false, 0
			case "t":
				inT = false
			case "rPh":
				phonetic--
			}
		case tokText:
			if inSI && inT && phonetic == 0 {
				if b.Len()-start > maxCellBytes {
					long[len(ends)] = true // held no further: no cell may show it
					continue
				}
				appendUnescaped(&b, s.text)
			}
		}
	}
	if s.err != nil {
		return nil, inPart(part, s.err)
	}
	t := &sharedStrings{data: b.String(), ends: ends}
	t.bad = t.faults(long)
	return t, nil
}

// faults finds the entries no cell may hold. The whole table is checked at
// once first: in a sound one (every one seen) that is all the work.
func (t *sharedStrings) faults(long map[int]bool) map[int]FaultKind {
	sound := len(long) == 0 && strings.IndexByte(t.data, 0) < 0 && utf8.ValidString(t.data)
	start := uint32(0)
	var bad map[int]FaultKind
	for i, end := range t.ends {
		if n := end - start; !sound || n > MaxCellChars {
			if k := textFault(t.data[start:end], long[i]); k != 0 {
				if bad == nil {
					bad = map[int]FaultKind{}
				}
				bad[i] = k
			}
		}
		start = end
	}
	return bad
}

// appendUnescaped writes text with the _xHHHH_ escapes Excel uses for
// control characters (a carriage return is _x000D_) decoded. A surrogate
// pair escaped as two is one character; a lone surrogate is written as
// the bytes a surrogate would take, which are not UTF-8, so that the cell
// is refused as a CSV file with them would be.
func appendUnescaped(b *strings.Builder, text []byte) {
	for {
		i := indexEscape(text)
		if i < 0 {
			b.Write(text)
			return
		}
		b.Write(text[:i])
		n, _ := strconv.ParseUint(string(text[i+2:i+6]), 16, 16)
		text = text[i+7:]
		r := rune(n)
		if utf16.IsSurrogate(r) {
			if j := indexEscape(text); j == 0 {
				lo, _ := strconv.ParseUint(string(text[2:6]), 16, 16)
				if pair := utf16.DecodeRune(r, rune(lo)); pair != utf8.RuneError {
					b.WriteRune(pair)
					text = text[7:]
					continue
				}
			}
			b.Write([]byte{0xED, byte(0xA0 | (n>>6)&0x1F), byte(0x80 | n&0x3F)})
			continue
		}
		b.WriteRune(r)
	}
}

// indexEscape finds the first _xHHHH_ in text.
func indexEscape(text []byte) int {
	for off := 0; ; {
		i := bytes.Index(text[off:], []byte("_x"))
		if i < 0 {
			return -1
		}
		i += off
		if i+7 <= len(text) && text[i+6] == '_' && isHex(text[i+2:i+6]) {
			return i
		}
		off = i + 1
	}
}

func isHex(b []byte) bool {
	for _, c := range b {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
