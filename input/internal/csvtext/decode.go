package csvtext

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"

	"github.com/basebrief/basebrief/input/internal/readahead"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Bounds that keep hostile input from exhausting memory or time.
const (
	MaxRecordBytes = 64 << 10 // one CSV record (a row, quoted newlines included)
	MaxFileBytes   = 1 << 30
)

// Encoding names as recorded in analysis.InputFile.
const (
	UTF8      = "UTF-8"
	UTF8BOM   = "UTF-8 BOM"
	GB18030   = "GB18030"
	UTF16LE   = "UTF-16LE"
	UTF16BE   = "UTF-16BE"
	headBytes = 8 << 10 // looked at to tell encodings, separators and line ends
)

const msgNUL = "NUL byte: binary content, expected CSV text"

// ErrNotUTF8 asks the caller to read the file again as GB18030: a byte
// sequence invalid in UTF-8 came before any valid multi-byte UTF-8 text.
var ErrNotUTF8 = errors.New("not UTF-8")

// StreamError is a fatal problem with the bytes of a file at a line.
type StreamError struct {
	Line int
	Msg  string
}

func (e *StreamError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

// hashReader hashes and counts the raw bytes as they are read.
type hashReader struct {
	r io.Reader
	h hash.Hash
	n int64
}

func (r *hashReader) Read(p []byte) (int, error) {
	n, err := r.r.Read(p)
	r.h.Write(p[:n])
	r.n += int64(n)
	if r.n > MaxFileBytes {
		return 0, &StreamError{Msg: fmt.Sprintf("file larger than %d MiB, expected a CSV file of sane size", MaxFileBytes>>20)}
	}
	return n, err
}

// Decoder turns a raw file into checked UTF-8 text for the row splitter.
type Decoder struct {
	raw *hashReader
	// Encoding is the encoding read: UTF8, UTF8BOM, GB18030, UTF16LE or UTF16BE.
	Encoding string
	// Sep is the separator the text's first lines use: ',' or '\t'.
	Sep byte
	// CROnly is set when lines end with a lone CR (old Mac Excel); they
	// are handed on ending with LF.
	CROnly bool
	// Text is the decoded text.
	Text  io.Reader
	async *readahead.Reader
}

// asyncMinBytes is the size from which a second goroutine decodes: below
// it the hand-over costs more than it saves. Size 0 (unknown) counts as large.
const asyncMinBytes = 1 << 20

// Async reports whether a second goroutine decodes the text (a large file).
func (d *Decoder) Async() bool { return d.async != nil }

// Close stops the decoding goroutine; the hash is final after it when the
// text was read to the end.
func (d *Decoder) Close() {
	if d.async != nil {
		d.async.Stop()
	}
}

// Sum is the hex SHA-256 of the raw bytes read.
func (d *Decoder) Sum() string { return hex.EncodeToString(d.raw.h.Sum(nil)) }

// NewDecoder wraps f, of size bytes (0: unknown). With gb set the bytes
// are decoded as GB18030; otherwise a UTF-8 BOM is dropped and the text
// checked as strict UTF-8, and a UTF-16 BOM (Excel's "Unicode text") has
// the text decoded from UTF-16.
func NewDecoder(f io.Reader, size int64, gb bool) (*Decoder, error) {
	return newDecoder(f, size, gb, true)
}

// NewTextDecoder is NewDecoder for a text that is not CSV (briefing.toml):
// its quotes do not open CSV values, so no record bound applies; the
// caller bounds the whole text.
func NewTextDecoder(f io.Reader, size int64, gb bool) (*Decoder, error) {
	return newDecoder(f, size, gb, false)
}

func newDecoder(f io.Reader, size int64, gb, records bool) (*Decoder, error) {
	raw := &hashReader{r: f, h: sha256.New()}
	bufSize := 64 << 10
	if size > 0 && size < asyncMinBytes {
		bufSize = 16 << 10
	}
	br := bufio.NewReaderSize(raw, bufSize)
	d := &Decoder{raw: raw, Encoding: UTF8}
	// A look at the head tells binary and UTF-16 files from CSV before
	// any of it is taken for a header.
	head, err := br.Peek(headBytes)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, fmt.Errorf("read file: %w", err)
	}
	g := &guard{records: records}
	switch {
	case bytes.HasPrefix(head, []byte("\xFF\xFE")), bytes.HasPrefix(head, []byte("\xFE\xFF")):
		// UTF-16 text decoded first, then looked at like the others.
		d.Encoding, g.utf16 = UTF16LE, true
		if head[0] == 0xFE {
			d.Encoding = UTF16BE
		}
		utf16 := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
		tr := bufio.NewReaderSize(transform.NewReader(br, utf16.NewDecoder()), bufSize)
		if head, err = tr.Peek(headBytes); err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			return nil, fmt.Errorf("read file: %w", err)
		}
		g.r = tr
	case gb:
		d.Encoding, g.gb = GB18030, true
		g.r = transform.NewReader(br, NewGB18030Decoder())
	default:
		if bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")) {
			br.Discard(3)
			d.Encoding, g.bom = UTF8BOM, true
		}
		g.r = br
	}
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return nil, &StreamError{Line: 1 + bytes.Count(head[:i], []byte("\n")), Msg: msgNUL}
	}
	// ASCII separators and line ends never occur inside a GBK or GB18030
	// sequence (trail bytes are 0x30 and up), so the raw head tells them.
	d.Sep = separator(head)
	if d.CROnly = bytes.IndexByte(head, '\r') >= 0 && bytes.IndexByte(head, '\n') < 0; d.CROnly {
		g.r = crToLF{g.r}
	}
	if size > 0 && size < asyncMinBytes {
		d.Text = bufio.NewReaderSize(g, 16<<10)
		return d, nil
	}
	// Reading, hashing, decoding and the guard run on a second goroutine
	// while the CSV parser and the row checks run on this one.
	d.async = readahead.New(g, 64<<10, 16)
	d.Text = bufio.NewReaderSize(d.async, 64<<10)
	return d, nil
}

// separator tells a tab-separated text from a comma-separated one by its
// first lines: tab when more lines hold a tab outside quotes than hold
// only commas. Lines with neither (a title) do not count.
func separator(head []byte) byte {
	tabs, commas := 0, 0
	inQuote, tab, comma := false, false, false
	for _, c := range head {
		switch {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '\t':
			tab = true
		case c == ',':
			comma = true
		case c == '\n' || c == '\r':
			if tab {
				tabs++
			} else if comma {
				commas++
			}
			tab, comma = false, false
		}
	}
	if tab {
		tabs++
	} else if comma {
		commas++
	}
	if tabs > commas {
		return '\t'
	}
	return ','
}

// crToLF hands on text whose lines end with a lone CR with LF instead.
type crToLF struct{ r io.Reader }

func (c crToLF) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	for i, b := range p[:n] {
		if b == '\r' {
			p[i] = '\n'
		}
	}
	return n, err
}
