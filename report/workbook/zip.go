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
)

// sortedZip is an excelize.ZipWriter that writes the parts in name order.
// excelize writes the sheets of stream writers in map order, so without it
// two runs give different bytes. Each part is compressed as it comes and
// kept compressed until Close, so memory stays near the file's size.
type sortedZip struct {
	zw    *zip.Writer
	parts []*zipPart
}

type zipPart struct {
	name string
	data bytes.Buffer
	fw   *flate.Writer
	crc  hash.Hash32
	size uint64
}

func newSortedZip(w io.Writer) excelize.ZipWriter { return &sortedZip{zw: zip.NewWriter(w)} }

func (z *sortedZip) Create(name string) (io.Writer, error) {
	p := &zipPart{name: name, crc: crc32.NewIEEE()}
	var err error
	// Level 2 writes a third faster than the default level, nearly as fast
	// as BestSpeed; at 2,800 cities the file is 1.21 MB (default 1.04 MB,
	// BestSpeed 1.32 MB).
	if p.fw, err = flate.NewWriter(&p.data, 2); err != nil {
		return nil, fmt.Errorf("compress %s: %w", name, err)
	}
	z.parts = append(z.parts, p)
	return p, nil
}

func (p *zipPart) Write(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	return p.fw.Write(b)
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("add files to workbook: not supported") }

func (z *sortedZip) Close() error {
	slices.SortFunc(z.parts, func(a, b *zipPart) int { return strings.Compare(a.name, b.name) })
	for _, p := range z.parts {
		if err := p.fw.Close(); err != nil {
			return fmt.Errorf("compress %s: %w", p.name, err)
		}
		w, err := z.zw.CreateRaw(&zip.FileHeader{Name: p.name, Method: zip.Deflate, CRC32: p.crc.Sum32(),
			CompressedSize64: uint64(p.data.Len()), UncompressedSize64: p.size})
		if err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
		if _, err := w.Write(p.data.Bytes()); err != nil {
			return fmt.Errorf("write %s: %w", p.name, err)
		}
		p.data = bytes.Buffer{}
	}
	return z.zw.Close()
}
