package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/report/workbook/internal/sheetxml"
)

// sortedZip is an excelize.ZipWriter that writes the parts in name order.
// excelize writes the sheets of stream writers in map order, so without it
// two runs give different bytes. Each part is compressed as it comes (a
// small one once it is whole, through sheetxml.Deflate) and kept
// compressed until Close, so memory stays near the file's size. A sheet
// whose rows were written directly (rows.go) comes from excelize as its
// frame with an empty sheetData: Close splices the rows in, writing the
// frame's compressed head, the rows and its tail one after the other
// without copying the rows, and grows a writer that can to the archive's
// size before the first byte.
//
// excelize writes each part whole before it creates the next
// (File.writeToZip), so a part is finished when the next one is created
// and its deflate writer goes back to the pool: one writer serves every
// part. A writer each, held until Close, was ~40 writers of ~1 MB each
// (their tables cleared on every Reset): a tenth of the embedded dataset's
// run (issue 24).
type sortedZip struct {
	w     io.Writer // what zw writes to
	zw    *zip.Writer
	parts []*zipPart
	open  *zipPart                 // the part being written, if compressed
	rows  map[string]sheetxml.Part // by part name
	// keep, if set, sees each part that ends within cacheablePart, whole
	// and uncompressed, before it is compressed; it must not keep raw.
	keep func(name string, raw []byte)
	// frame, if set, sees each sheet frame whole before its rows are
	// spliced in; it must not keep raw.
	frame func(name string, raw []byte)
}

type zipPart struct {
	name string
	data bytes.Buffer
	// raw holds a part's first bytes uncompressed, up to cacheablePart:
	// a part that ends within it is compressed once per process
	// (sheetxml.Deflate).
	raw    []byte
	packed []byte        // raw compressed, shared with sheetxml's cache: never written to
	fw     *flate.Writer // set once a part outgrows raw; nil for a frame and once finished
	crc    hash.Hash32
	size   uint64
	frame  bool
	sheet  sheetxml.Spliced // a frame with its rows, once Close spliced them
	done   bool             // compressed whole: data is the deflate stream
	err    error            // from finishing it
}

// cacheablePart is the largest part compressed once per process
// (sheetxml.Deflate): the styles, theme, charts and drawing excelize
// writes for every workbook are 1–16 KB.
const cacheablePart = sheetxml.CacheablePiece

var _ excelize.ZipWriter = (*sortedZip)(nil)

func newSortedZip(w io.Writer, rows map[string]sheetxml.Part) *sortedZip {
	return &sortedZip{w: w, zw: zip.NewWriter(w), rows: rows}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finishOpen(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name, crc: crc32.NewIEEE()}
	if _, ok := z.rows[name]; ok {
		p.frame = true
	} else {
		z.open = p
	}
	z.parts = append(z.parts, p)
	return p, nil
}

// finishOpen ends the compressed part being written, if any, and gives its
// deflate writer back to the pool.
func (z *sortedZip) finishOpen() error {
	p := z.open
	if p == nil {
		return nil
	}
	z.open = nil
	if p.fw != nil {
		p.err = p.fw.Close()
		sheetxml.PutFlater(p.fw)
	} else {
		if z.keep != nil {
			z.keep(p.name, p.raw)
		}
		p.packed, p.err = sheetxml.Deflate(p.raw, true)
	}
	p.fw, p.raw, p.done = nil, nil, true
	if p.err != nil {
		return fmt.Errorf("compress %s: %w", p.name, p.err)
	}
	return nil
}

func (p *zipPart) Write(b []byte) (int, error) {
	if p.frame {
		return p.data.Write(b)
	}
	if p.done {
		return 0, fmt.Errorf("write %s: written to after the next part began", p.name)
	}
	p.crc.Write(b)
	p.size += uint64(len(b))
	if p.fw == nil && len(p.raw)+len(b) <= cacheablePart {
		p.raw = append(p.raw, b...)
		return len(b), nil
	}
	if p.fw == nil { // too large to keep: compressed as it comes
		p.fw = sheetxml.NewFlater(&p.data) // at sheetxml.Level, pooled
		if _, err := p.fw.Write(p.raw); err != nil {
			return 0, err
		}
		p.raw = nil
	}
	return p.fw.Write(b)
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("add files to workbook: not supported") }

func (z *sortedZip) Close() error {
	if err := z.finishOpen(); err != nil {
		return err
	}
	slices.SortFunc(z.parts, func(a, b *zipPart) int { return strings.Compare(a.name, b.name) })
	spliced := 0
	for _, p := range z.parts {
		if p.frame {
			if z.frame != nil {
				z.frame(p.name, p.data.Bytes())
			}
			sp, err := sheetxml.Splice(p.data.Bytes(), z.rows[p.name])
			if err != nil {
				return fmt.Errorf("write %s: %w", p.name, err)
			}
			p.sheet, p.data = sp, bytes.Buffer{}
			spliced++
		} else if p.err != nil {
			return fmt.Errorf("compress %s: %w", p.name, p.err)
		}
	}
	// Rows whose sheet excelize never wrote would be lost silently.
	if spliced != len(z.rows) {
		return fmt.Errorf("write workbook: %d sheets of rows, %d sheet parts to put them in", len(z.rows), spliced)
	}
	// A writer that can (the packet's bytes.Buffer) is grown once to the
	// archive's size rather than doubled as it fills: a slices run cleared
	// and copied ~12 ms of buffers doing that.
	if g, ok := z.w.(interface{ Grow(int) }); ok {
		g.Grow(z.size())
	}
	for _, p := range z.parts {
		fh := &zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc.Sum32(), UncompressedSize64: p.size}
		if p.frame {
			fh.CRC32, fh.UncompressedSize64 = p.sheet.CRC, uint64(p.sheet.Size)
		}
		fh.CompressedSize64 = uint64(p.packedLen())
		w, err := z.zw.CreateRaw(fh)
		if err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
		switch {
		case p.frame:
			_, err = p.sheet.WriteTo(w)
		case p.packed != nil:
			_, err = w.Write(p.packed)
		default:
			_, err = w.Write(p.data.Bytes())
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
		p.data, p.packed, p.sheet = bytes.Buffer{}, nil, sheetxml.Spliced{}
	}
	return z.zw.Close()
}

// packedLen is the part's compressed length.
func (p *zipPart) packedLen() int {
	switch {
	case p.frame:
		return p.sheet.Len()
	case p.packed != nil:
		return len(p.packed)
	}
	return p.data.Len()
}

// size is the archive's size, or a little over: each part compressed, its
// name twice (local header and central directory) and the records' fixed
// fields, zip64's too.
func (z *sortedZip) size() int {
	const entry, end = 30 + 46 + 2*20, 22 + 56 + 20
	n := end
	for _, p := range z.parts {
		n += entry + 2*len(p.name) + p.packedLen()
	}
	return n
}
