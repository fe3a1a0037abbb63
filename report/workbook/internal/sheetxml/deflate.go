package sheetxml

import (
	"bytes"

	"github.com/basebrief/basebrief/internal/keep"
)

// deflated holds small pieces compressed, by their uncompressed bytes:
// most of a workbook besides its rows is the same in every workbook of a
// run (the national packet's and each slice's): the styles, theme, charts
// and drawing excelize writes, and each sheet's frame around its rows —
// the head, ~4 KB of namespaces, sheet view and column widths, and the
// tail, filter and page setup: of the 352 frames of a national run's 32
// workbooks, 32 heads and 36 tails are distinct. Compressing a piece anew
// costs a deflate writer's reset (640 KB cleared) and a Huffman block
// however small it is. Deflate gives the same bytes for the same input and
// level, so a piece taken from here is the piece compressed anew. It stops
// growing at deflatedBytes.
var deflated = keep.Memo[deflatedKey]{Max: deflatedBytes}

type deflatedKey struct {
	raw   string
	final bool
}

// CacheablePiece is the largest piece Deflate keeps: the parts and frames
// written alike are 1–16 KB.
const CacheablePiece = 32 << 10

// deflatedBytes bounds what deflated holds, uncompressed and compressed.
const deflatedBytes = 2 << 20

// Deflate returns raw compressed at Level as a stream of its own: ended
// (final) or, not final, ended by a sync flush, so another stream can
// follow it. A piece up to CacheablePiece is compressed once per process.
// The result is shared: never write to it.
func Deflate(raw []byte, final bool) ([]byte, error) {
	cacheable := len(raw) <= CacheablePiece
	if cacheable {
		if data, ok := deflated.Get(deflatedKey{string(raw), final}); ok {
			return data, nil
		}
	}
	var out bytes.Buffer
	out.Grow(len(raw)/3 + 64)
	fw := NewFlater(&out)
	_, err := fw.Write(raw)
	if final {
		if cerr := fw.Close(); err == nil {
			err = cerr
		}
	} else if ferr := fw.Flush(); err == nil {
		err = ferr
	}
	PutFlater(fw)
	if err != nil {
		return nil, err
	}
	data := out.Bytes()
	if cacheable {
		deflated.Put(deflatedKey{string(raw), final}, data, len(raw)+len(data))
	}
	return data, nil
}
