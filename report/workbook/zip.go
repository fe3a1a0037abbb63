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
// small one once it is whole, through sheetxml.Deflate) and kept compressed until
// Close, so memory stays near the file's size. A
// sheet whose rows were written directly (rows.go) comes from excelize as
// its frame with an empty sheetData: Close splices the rows in.
//
// excelize writes each part whole before it creates the next
// (File.writeToZip), so a part is finished when the next one is created
// and its deflate writer goes back to the pool: one writer serves every
// part. A writer each, held until Close, was ~40 writers of ~1 MB each
// (their tables cleared on every Reset): a tenth of the embedded dataset's
// run (issue 24).
type sortedZip struct {
	zw    *zip.Writer
	parts []*zipPart
	open  *zipPart                 // the part being written, if compressed
	rows  map[string]sheetxml.Part // by part name
	// keep, if set, sees each part that ends within cacheablePart, whole
	// and uncompressed, before it is compressed; it must not keep raw.
	keep func(name string, raw []byte)
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
	done   bool  // compressed whole: data is the deflate stream
	err    error // from finishing it
}

// cacheablePart is the largest part compressed once per process
// (sheetxml.Deflate): the styles, theme, charts and drawing excelize
// writes for every workbook are 1–16 KB.
const cacheablePart = sheetxml.CacheablePiece

var _ excelize.ZipWriter = (*sortedZip)(nil)

func newSortedZip(w io.Writer, rows map[string]sheetxml.Part) *sortedZip {
	return &sortedZip{zw: zip.NewWriter(w), rows: rows}
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
		data, crc, size, err := p.finish(z.rows)
		if err != nil {
			return err
		}
		if p.frame {
			spliced++
		}
		w, err := z.zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: crc,
			CompressedSize64: uint64(len(data)), UncompressedSize64: size})
		if err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
		if _, err := w.Write(data); err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
		p.data, p.packed = bytes.Buffer{}, nil
	}
	// Rows whose sheet excelize never wrote would be lost silently.
	if spliced != len(z.rows) {
		return fmt.Errorf("write workbook: %d sheets of rows, %d sheet parts to put them in", len(z.rows), spliced)
	}
	return z.zw.Close()
}

// finish returns the part compressed, its CRC-32 and uncompressed size.
func (p *zipPart) finish(rows map[string]sheetxml.Part) ([]byte, uint32, uint64, error) {
	if p.frame {
		data, crc, size, err := sheetxml.Splice(p.data.Bytes(), rows[p.name])
		if err != nil {
			return nil, 0, 0, fmt.Errorf("write %s: %w", p.name, err)
		}
		return data, crc, uint64(size), nil
	}
	if p.err != nil {
		return nil, 0, 0, fmt.Errorf("compress %s: %w", p.name, p.err)
	}
	if p.packed != nil {
		return p.packed, p.crc.Sum32(), p.size, nil
	}
	return p.data.Bytes(), p.crc.Sum32(), p.size, nil
}
