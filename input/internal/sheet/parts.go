package sheet

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// readStyles reads what each cell style (xf of cellXfs) says about
// numbers: the number format's date parts, if any.
func (w *Workbook) readStyles(part string) ([]cellFormat, error) {
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
		return nil, notWorkbook(fmt.Sprintf("%s: %v", part, s.err))
	}
	formats := make([]cellFormat, len(ids))
	for i, id := range ids {
		if code, ok := custom[id]; ok {
			formats[i] = classify(code)
		} else {
			formats[i] = builtinFormats[id]
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
}

func (t *sharedStrings) get(i int) (string, bool) {
	if i < 0 || i >= len(t.ends) {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.data[start:t.ends[i]], true
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
	inSI, inT, phonetic := false, false, 0
	s := newScanner(rc)
	for s.next() {
		switch s.kind {
		case tokStart:
			switch string(s.name) {
			case "si":
				if len(ends) == maxStrings {
					return nil, notWorkbook(fmt.Sprintf("%s holds more than %d strings", part, maxStrings))
				}
				inSI = !s.selfClose
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
				appendUnescaped(&b, s.text)
			}
		}
	}
	if s.err != nil {
		return nil, notWorkbook(fmt.Sprintf("%s: %v", part, s.err))
	}
	return &sharedStrings{data: b.String(), ends: ends}, nil
}

// appendUnescaped writes text with the _xHHHH_ escapes Excel uses for
// control characters (a carriage return is _x000D_) decoded.
func appendUnescaped(b *strings.Builder, text []byte) {
	for {
		i := indexEscape(text)
		if i < 0 {
			b.Write(text)
			return
		}
		b.Write(text[:i])
		n, _ := strconv.ParseUint(string(text[i+2:i+6]), 16, 16)
		b.WriteRune(rune(n))
		text = text[i+7:]
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
