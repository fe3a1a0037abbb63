package input

import (
	"encoding/csv"
	"errors"
	"io"
	"strings"
)

// rowReader splits CSV text into records exactly as encoding/csv does with
// a comma separator, strict quotes and any number of fields: the same
// records, the same skipped empty lines, the same line numbers and the same
// *csv.ParseError values. Lines without a quote character, nearly every
// line of a national file, it splits itself, without copying or allocating
// per record; a line holding a quote, and the lines a quoted value runs
// on to, go through an encoding/csv Reader.
type rowReader struct {
	src  lineSource
	line int // lines read so far
	rec  []string

	slow  *csv.Reader // made at the first quoted line
	feed  feeder
	start int // first line of the last record
	end   int // last line of the last record
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

// chunkBytes is the read size; a line longer than that grows the buffer.
const chunkBytes = 256 << 10

func newRowReader(r io.Reader) *rowReader {
	rr := &rowReader{src: lineSource{r: r}}
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
	if s.buf == nil {
		s.buf = make([]byte, 0, chunkBytes)
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

// Read returns the next record (valid until the next call) and its first
// and last line, or io.EOF. As from encoding/csv, a read error may come
// with the record it cut short, and a *csv.ParseError leaves the reader
// ready for the next record.
func (r *rowReader) Read() ([]string, error) {
	for {
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
		r.start, r.end = r.line, r.line
		r.rec = r.rec[:0]
		for {
			i := strings.IndexByte(body, ',')
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

// readQuoted has encoding/csv read the record starting with raw, feeding
// it raw and the lines after it one at a time as it asks for them, so it
// never reads past the record. Its line numbers count the lines fed; they
// are moved to the text's numbering.
func (r *rowReader) readQuoted(raw string, err error) ([]string, error) {
	if r.slow == nil {
		r.slow = csv.NewReader(&r.feed)
		r.slow.FieldsPerRecord = -1
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
		r.start, r.end = moved.StartLine, moved.Line
		return rec, &moved
	}
	if len(rec) == 0 {
		return rec, err
	}
	line, _ := r.slow.FieldPos(0)
	off := first - line
	last, _ := r.slow.FieldPos(len(rec) - 1)
	r.start, r.end = first, last+off+strings.Count(rec[len(rec)-1], "\n")
	return rec, err
}

// feeder hands encoding/csv one line per Read: the line given, then each
// further line it asks for, counted into the rowReader's lines.
type feeder struct {
	rr      *rowReader
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
