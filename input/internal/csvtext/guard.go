package csvtext

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"
)

// guard checks decoded text on its way to the CSV reader: valid UTF-8 (or
// GB18030 without replacement characters), no NUL bytes, no record longer
// than MaxRecordBytes. It hands on whole lines before a fault, then fails.
type guard struct {
	r       io.Reader
	gb, bom bool
	utf16   bool   // decoded from UTF-16: no UTF-8 to check
	records bool   // CSV: records are bounded by MaxRecordBytes
	carry   []byte // an incomplete UTF-8 sequence from the last chunk
	multi   int    // valid multi-byte UTF-8 sequences seen
	line    int    // newlines passed
	recLen  int
	recLine int
	inQuote bool
	err     error
}

func (g *guard) Read(p []byte) (int, error) {
	if g.err != nil {
		return 0, g.err
	}
	n, err := g.r.Read(p)
	if n == 0 {
		if err == io.EOF && len(g.carry) > 0 {
			return 0, g.truncated()
		}
		return 0, err
	}
	b := p[:n]
	if pos, msg := g.check(b); pos >= 0 {
		cut := bytes.LastIndexByte(b[:pos], '\n') + 1
		ferr := g.fail(g.line+bytes.Count(b[:pos], []byte("\n"))+1, msg)
		if msg == "" {
			ferr = ErrNotUTF8
			g.err = ferr
		}
		if k, rerr := g.walk(b[:cut]); rerr != nil {
			return k, nil
		}
		if cut == 0 {
			return 0, ferr
		}
		return cut, nil
	}
	if k, werr := g.walk(b); werr != nil {
		return k, nil
	}
	if err == io.EOF && len(g.carry) > 0 {
		g.truncated()
		return n, nil
	}
	return n, err
}

// truncated reports a UTF-8 sequence cut off by the end of the file: an
// error in a file proven UTF-8, else a reason to try GB18030.
func (g *guard) truncated() error {
	if !g.bom && g.multi < utf8Proof {
		g.err = ErrNotUTF8
		return g.err
	}
	return g.fail(g.line+1, "incomplete UTF-8 sequence at the end of the file, expected UTF-8 text")
}

func (g *guard) fail(line int, msg string) error {
	g.err = &StreamError{Line: line, Msg: msg}
	return g.err
}

// check returns the offset of the first fault in b and its message, or -1.
// An empty message with an offset means "retry as GB18030".
func (g *guard) check(b []byte) (int, string) {
	pos, msg := -1, ""
	if i := bytes.IndexByte(b, 0); i >= 0 {
		pos, msg = i, msgNUL
	}
	if g.gb {
		if i := bytes.Index(b, []byte("\uFFFD")); i >= 0 && (pos < 0 || i < pos) {
			pos, msg = i, "byte sequence invalid in GB18030 (the file is neither UTF-8 nor GB18030), expected UTF-8 or GB18030 text"
		}
		return pos, msg
	}
	if g.utf16 {
		if i := bytes.Index(b, []byte("\uFFFD")); i >= 0 && (pos < 0 || i < pos) {
			pos, msg = i, "invalid UTF-16 text (an unpaired surrogate or an odd byte at the end), expected UTF-16 text as Excel saves it"
		}
		return pos, msg
	}
	if i := g.invalidUTF8(b); i >= 0 && (pos < 0 || i < pos) {
		pos, msg = i, "invalid UTF-8 byte sequence, expected UTF-8 text"
		if !g.bom && g.multi < utf8Proof {
			msg = "" // no UTF-8 text seen yet: try GB18030
		}
	}
	return pos, msg
}

// invalidUTF8 validates b as the continuation of the stream and returns the
// offset of the first invalid byte, or -1. An incomplete sequence at the
// end is carried into the next chunk.
func (g *guard) invalidUTF8(b []byte) int {
	start := 0
	if len(g.carry) > 0 {
		need := len(g.carry)
		tmp := append(g.carry[:len(g.carry):len(g.carry)], b[:min(len(b), 4-need)]...)
		if !utf8.FullRune(tmp) {
			g.carry = tmp
			return -1
		}
		r, size := utf8.DecodeRune(tmp)
		if r == utf8.RuneError && size <= 1 {
			return 0
		}
		start = size - need
		g.carry = nil
		g.multi++
	}
	end := len(b)
	for i := len(b) - 1; i >= start && i >= len(b)-3; i-- {
		if utf8.RuneStart(b[i]) {
			if !utf8.FullRune(b[i:]) {
				end = i
			}
			break
		}
	}
	body := b[start:end]
	if utf8.Valid(body) {
		if g.multi < utf8Proof {
			g.multi += countLeads(body, utf8Proof-g.multi)
		}
	} else {
		for i := 0; i < len(body); {
			if body[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRune(body[i:])
			if r == utf8.RuneError && size <= 1 {
				return start + i
			}
			g.multi++
			i += size
		}
	}
	if end < len(b) {
		g.carry = append([]byte(nil), b[end:]...)
	}
	return -1
}

// utf8Proof is how many valid multi-byte UTF-8 sequences make a file
// UTF-8 for sure. GBK text forms some by chance (省 is CA A1, valid UTF-8),
// about one Chinese character in seven, but a run of eight before the first
// invalid byte is a one-in-millions event; an invalid byte after them is
// damage to a UTF-8 file, not GBK. (Reading damaged UTF-8 as GB18030 would
// garble it; that can only happen with damage among the first few Chinese
// characters, where garbled names then fail the header or city checks.)
const utf8Proof = 8

// countLeads counts the lead bytes of multi-byte sequences in valid UTF-8
// b, stopping at max; ASCII is skipped eight bytes at a time.
func countLeads(b []byte, max int) int {
	n := 0
	for len(b) > 0 && n < max {
		if len(b) >= 8 {
			w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			if w&0x8080808080808080 == 0 {
				b = b[8:]
				continue
			}
		}
		if b[0] >= 0xC0 {
			n++
		}
		b = b[1:]
	}
	return n
}

// walk counts lines and measures records, following quotes the way
// encoding/csv does, so one endless record fails at MaxRecordBytes. On
// failure it returns how much of b ends complete records, to hand those on.
func (g *guard) walk(b []byte) (int, error) {
	if !g.records {
		g.line += bytes.Count(b, []byte("\n"))
		return len(b), nil
	}
	done, off := 0, 0
	for off < len(b) {
		if g.recLen == 0 {
			g.recLine = g.line + 1
		}
		rest := b[off:]
		var seg []byte
		if g.inQuote {
			seg = rest
			if q := bytes.IndexByte(rest, '"'); q >= 0 {
				seg = rest[:q+1]
				g.inQuote = false
			}
			g.line += bytes.Count(seg, []byte("\n"))
		} else {
			seg = rest
			if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
				seg = rest[:nl+1]
			}
			if q := bytes.IndexByte(seg, '"'); q >= 0 {
				seg = seg[:q+1]
				g.inQuote = true
			}
		}
		g.recLen += len(seg)
		off += len(seg)
		if g.recLen > MaxRecordBytes {
			return done, g.tooLong()
		}
		if !g.inQuote && seg[len(seg)-1] == '\n' {
			g.line++ // a newline outside quotes ends the record
			g.recLen = 0
			done = off
		}
	}
	return len(b), nil
}

func (g *guard) tooLong() error {
	msg := fmt.Sprintf("row longer than %d KiB, expected CSV rows of ordinary length", MaxRecordBytes>>10)
	if g.inQuote {
		msg = fmt.Sprintf("quoted value longer than %d KiB (a quote left open?), expected CSV rows of ordinary length", MaxRecordBytes>>10)
	}
	return g.fail(g.recLine, msg)
}
