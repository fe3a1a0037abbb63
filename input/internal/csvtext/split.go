package csvtext

import (
	"encoding/csv"
	"errors"
	"io"
	"math/bits"
	"strings"
)

// RowReader splits CSV text into records exactly as encoding/csv does with
// its separator (comma or tab), strict quotes and any number of fields: the same
// records, the same skipped empty lines, the same line numbers and the same
// *csv.ParseError values. Lines without a quote character, nearly every
// line of a national file, it splits itself, without copying or allocating
// per record; a line holding a quote, and the lines a quoted value runs
// on to, go through an encoding/csv Reader.
type RowReader struct {
	src  lineSource
	line int // lines read so far
	rec  []string

	slow  *csv.Reader // made at the first quoted line
	feed  feeder
	sep   byte
	mask  uint64 // sep in every byte, for specialMask
	Start int    // first line of the last record
	End   int    // last line of the last record
}

// lineSource returns the lines of a text as substrings of large strings,
// each converted from the read buffer once: one allocation per chunk of
// lines instead of one per record.
type lineSource struct {
	r     io.Reader
	buf   []byte // a partial line, then read space
	chunk string // complete lines not yet returned
	err   error  // sticky: returned once buf is drained
}

// The read buffer starts small, for the small files, and doubles with each
// read up to chunkBytes; a line longer than that grows it further.
const (
	firstChunkBytes = 16 << 10
	chunkBytes      = 256 << 10
)

// NewRowReader splits the text of r at sep, ',' or '\t'.
func NewRowReader(r io.Reader, sep byte) *RowReader {
	rr := &RowReader{src: lineSource{r: r}, sep: sep, mask: 0x0101010101010101 * uint64(sep)}
	rr.feed.rr = rr
	return rr
}

// next returns the next line with its newline, like bufio.Reader's
// ReadSlice('\n'): at the end of the text the rest without one, and the
// read error (io.EOF at the end), again on every later call.
func (s *lineSource) next() (string, error) {
	for {
		if i := strings.IndexByte(s.chunk, '\n'); i >= 0 {
			line := s.chunk[:i+1]
			s.chunk = s.chunk[i+1:]
			return line, nil
		}
		if s.err != nil {
			line := string(s.buf)
			s.buf = s.buf[:0]
			return line, s.err
		}
		s.fill()
	}
}

// fill reads until the buffer holds a complete line or the text ends, then
// makes the complete lines the chunk and keeps the partial one.
func (s *lineSource) fill() {
	if size := min(2*cap(s.buf), chunkBytes); cap(s.buf) < size || s.buf == nil {
		buf := make([]byte, len(s.buf), max(size, firstChunkBytes))
		copy(buf, s.buf)
		s.buf = buf
	}
	for empty := 0; s.err == nil; {
		if len(s.buf) == cap(s.buf) {
			s.buf = append(s.buf, 0)[:len(s.buf)] // grow: a line longer than the buffer
		}
		n, err := s.r.Read(s.buf[len(s.buf):cap(s.buf)])
		if n < 0 || n > cap(s.buf)-len(s.buf) {
			n, err = 0, errors.New("invalid read count")
		}
		fresh := s.buf[len(s.buf) : len(s.buf)+n]
		s.buf = s.buf[:len(s.buf)+n]
		s.err = err
		if i := lastNewline(fresh); i >= 0 {
			cut := len(s.buf) - len(fresh) + i + 1
			s.chunk = string(s.buf[:cut])
			s.buf = s.buf[:copy(s.buf, s.buf[cut:])]
			return
		}
		if n > 0 {
			empty = 0
		} else if empty++; empty == 100 && err == nil {
			s.err = io.ErrNoProgress // as bufio gives up
		}
	}
}

func lastNewline(b []byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == '\n' {
			return i
		}
	}
	return -1
}

// Read returns the next record (valid until the next call), its first
// and last line in r.Start and r.End, or io.EOF. As from encoding/csv, a
// read error may come with the record it cut short, and a *csv.ParseError
// leaves the reader ready for the next record.
func (r *RowReader) Read() ([]string, error) {
	for {
		if rec := r.scan(); rec != nil {
			return rec, nil
		}
		raw, err := r.src.next()
		r.line++
		line := raw
		if len(line) > 0 && err == io.EOF {
			err = nil
			line = strings.TrimSuffix(line, "\r") // as encoding/csv: a final \r is dropped
		}
		body := strings.TrimSuffix(line, "\n")
		if len(body) < len(line) {
			body = strings.TrimSuffix(body, "\r") // \r\n ends a line like \n
		}
		if err == nil && body == "" {
			continue // an empty line
		}
		if err == io.EOF {
			return nil, err
		}
		if strings.IndexByte(raw, '"') >= 0 {
			return r.readQuoted(raw, err)
		}
		r.Start, r.End = r.line, r.line
		r.rec = r.rec[:0]
		for {
			i := strings.IndexByte(body, r.sep)
			if i < 0 {
				break
			}
			r.rec = append(r.rec, body[:i])
			body = body[i+1:]
		}
		r.rec = append(r.rec, body)
		return r.rec, err
	}
}

// scan splits the next line of the chunk in one pass, if it is one of
// those with a plain answer: not empty, and each quote a quoted field's
// on one line with no doubled quote inside, closed before a comma or the
// end of the line. Anything else it leaves to Read (nil). It looks at
// eight bytes at a time for the bytes that matter (specialMask).
func (r *RowReader) scan() []string {
	s := r.src.chunk
	r.rec = r.rec[:0]
	start, i := 0, 0
	sep, mask := r.sep, r.mask // in registers: r may alias r.rec's growth
words:
	for ; i+8 <= len(s); i += 8 {
		for m := specialMask(load64(s, i), mask); m != 0; m &= m - 1 {
			j := i + bits.TrailingZeros64(m)>>3
			switch s[j] {
			case sep:
				r.rec = append(r.rec, s[start:j])
				start = j + 1
			case '\n':
				return r.lastField(s, start, j)
			default:
				next, nl := r.quoted(s, start, j)
				switch {
				case nl >= 0:
					return r.endLine(s, nl)
				case next < 0:
					return nil
				}
				start = next
				i = next - 8
				continue words
			}
		}
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case sep:
			r.rec = append(r.rec, s[start:i])
			start = i + 1
		case '\n':
			return r.lastField(s, start, i)
		case '"':
			next, nl := r.quoted(s, start, i)
			switch {
			case nl >= 0:
				return r.endLine(s, nl)
			case next < 0:
				return nil
			}
			start = next
			i = next - 1
		}
	}
	return nil
}

// load64 reads eight bytes of s at i as one little-endian word (the
// compiler makes it one load).
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// specialMask sets the top bit of each byte of x that is the separator
// (sep holds it in every byte), a quote or a newline, and no other.
func specialMask(x, sep uint64) uint64 {
	const ones = 0x0101010101010101
	return zeroBytes(x^sep) | zeroBytes(x^(ones*'"')) | zeroBytes(x^(ones*'\n'))
}

// zeroBytes sets the top bit of each zero byte of v, exactly (no carries
// between bytes).
func zeroBytes(v uint64) uint64 {
	const low7 = 0x7F7F7F7F7F7F7F7F
	return ^((v&low7 + low7) | v | low7)
}

// lastField ends the record at the newline s[nl].
func (r *RowReader) lastField(s string, start, nl int) []string {
	end := nl
	if end > 0 && s[end-1] == '\r' {
		end-- // \r\n ends a line like \n
	}
	if end == 0 {
		return nil // an empty line
	}
	r.rec = append(r.rec, s[start:end])
	return r.endLine(s, nl)
}

// quoted takes the quoted field opening at s[q] when scan can: it returns
// where the next field starts, or the newline ending the record (nl), or
// next -1 when the line is Read's to split.
func (r *RowReader) quoted(s string, start, q int) (next, nl int) {
	if q != start {
		return -1, -1 // a quote inside an unquoted field is an error
	}
	end := closingQuote(s, q, r.sep)
	if end < 0 {
		return -1, -1
	}
	r.rec = append(r.rec, s[q+1:end])
	if s[end+1] == r.sep {
		return end + 2, -1
	}
	return -1, end + 1 + strings.IndexByte(s[end+1:], '\n')
}

// closingQuote returns the index of the quote closing the quoted field
// opening at s[i] if the field holds no newline and no doubled quote and
// is followed by the separator or the end of the line; else -1.
func closingQuote(s string, i int, sep byte) int {
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\n':
			return -1
		case '"':
			switch {
			case j+1 < len(s) && s[j+1] == sep, j+1 < len(s) && s[j+1] == '\n',
				j+2 < len(s) && s[j+1] == '\r' && s[j+2] == '\n':
				return j
			}
			return -1
		}
	}
	return -1
}

// endLine ends the record scan made of the chunk's line ending at nl.
func (r *RowReader) endLine(s string, nl int) []string {
	r.src.chunk = s[nl+1:]
	r.line++
	r.Start, r.End = r.line, r.line
	return r.rec
}

// readQuoted has encoding/csv read the record starting with raw, feeding
// it raw and the lines after it one at a time as it asks for them, so it
// never reads past the record. Its line numbers count the lines fed; they
// are moved to the text's numbering.
func (r *RowReader) readQuoted(raw string, err error) ([]string, error) {
	if r.slow == nil {
		r.slow = csv.NewReader(&r.feed)
		r.slow.FieldsPerRecord = -1
		r.slow.Comma = rune(r.sep)
		r.slow.ReuseRecord = true
	}
	first := r.line
	r.feed.pending, r.feed.err = raw, err
	rec, err := r.slow.Read()
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		moved := *pe
		off := first - pe.StartLine
		moved.StartLine += off
		moved.Line += off
		r.Start, r.End = moved.StartLine, moved.Line
		return rec, &moved
	}
	if len(rec) == 0 {
		return rec, err
	}
	line, _ := r.slow.FieldPos(0)
	off := first - line
	last, _ := r.slow.FieldPos(len(rec) - 1)
	r.Start, r.End = first, last+off+strings.Count(rec[len(rec)-1], "\n")
	return rec, err
}

// feeder hands encoding/csv one line per Read: the line given, then each
// further line it asks for, counted into the RowReader's lines.
type feeder struct {
	rr      *RowReader
	pending string
	err     error // after pending
}

func (f *feeder) Read(p []byte) (int, error) {
	if f.pending == "" {
		if f.err != nil {
			return 0, f.err
		}
		f.pending, f.err = f.rr.src.next()
		f.rr.line++
		if f.pending == "" {
			return 0, f.err
		}
	}
	n := copy(p, f.pending)
	f.pending = f.pending[n:]
	return n, nil
}
