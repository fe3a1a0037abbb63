package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"time"

	"github.com/basebrief/basebrief/internal/keep"
)

// part is one part of the package as it goes into the zip: deflated, or
// stored as is (the PNGs, compressed already).
type part struct {
	name string
	raw  []byte // the part
	data []byte // raw deflated; nil: stored
}

// level is archive/zip's own deflate level (register.go, newFlateWriter:
// flate.NewWriter(w, 5)), so a part deflated here is the part
// CreateHeader would have written.
const level = 5

var flaters = keep.List[*flate.Writer]{New: func() *flate.Writer {
	fw, _ := flate.NewWriter(nil, level) // the level is valid: no error
	return fw
}, Max: 8}

// deflated holds the small parts deflated once per process, by content:
// nine of a briefing's eleven XML parts (content types, relationships,
// styles, settings, fonts, footers, app properties) are the same in every
// briefing of a language, and a --slices run writes 32 briefings. Each
// deflate of a part, however small, clears the writer's 640 KB of hash
// tables and builds a Huffman block. Deflate gives the same bytes for the
// same input, so a part from here is the part deflated anew. Bounded by
// deflatedBytes.
var deflated = keep.Memo[string]{Max: deflatedBytes}

const (
	cacheablePart = 32 << 10 // the parts written alike are 0.2–9 KB
	deflatedBytes = 1 << 20
)

// deflatePart returns raw as a deflated part named name.
func deflatePart(name string, raw []byte) part {
	cacheable := len(raw) <= cacheablePart
	if cacheable {
		if data, ok := deflated.Get(string(raw)); ok {
			return part{name: name, raw: raw, data: data}
		}
	}
	var out bytes.Buffer
	out.Grow(len(raw)/4 + 256)
	fw := flaters.Get()
	fw.Reset(&out)
	fw.Write(raw) // a bytes.Buffer takes every write: no error
	fw.Close()
	flaters.Put(fw)
	data := out.Bytes()
	if cacheable {
		deflated.Put(string(raw), data, len(raw)+len(data))
	}
	return part{name: name, raw: raw, data: data}
}

// writeZip writes the parts as a zip archive to w through archive/zip's
// CreateHeader, which writes every header, the times, the CRC and the sizes
// as ever; only its compressor is replaced, by one that writes the part
// deflated already (deflatePart). A writer that can (the packet's
// bytes.Buffer) is grown once to the archive's size.
func writeZip(w io.Writer, parts []part, mod time.Time) error {
	if g, ok := w.(interface{ Grow(int) }); ok {
		n := endLen
		for _, p := range parts {
			size := len(p.raw)
			if p.data != nil {
				size = len(p.data)
			}
			n += localLen + centralLen + 2*(len(p.name)+extTimeLen) + size + descriptorLen
		}
		g.Grow(n)
	}
	zw := zip.NewWriter(w)
	var next []byte // the deflated part CreateHeader asks the compressor for
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		return &deflatedWriter{out: out, data: next}, nil
	})
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Store, Modified: mod}
		if p.data != nil {
			h.Method, next = zip.Deflate, p.data
		}
		f, err := zw.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
		// The part itself, for archive/zip's CRC and size; the compressor
		// drops it.
		if _, err := f.Write(p.raw); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return zw.Close()
}

// deflatedWriter is the compressor of one part: it drops what it is given
// and writes the part's deflate stream when closed.
type deflatedWriter struct {
	out  io.Writer
	data []byte
}

func (d *deflatedWriter) Write(b []byte) (int, error) { return len(b), nil }

func (d *deflatedWriter) Close() error {
	_, err := d.out.Write(d.data)
	return err
}

// Sizes of the zip records (APPNOTE.TXT 4.3) before their variable fields:
// the local file header, the data descriptor with its signature, the
// central directory header and its end record; and of the extended
// timestamp CreateHeader adds for a set Modified (Info-ZIP's, 0x5455).
const (
	localLen      = 30
	descriptorLen = 16
	centralLen    = 46
	endLen        = 22
	extTimeLen    = 9
)
