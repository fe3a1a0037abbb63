package sheetxml

import (
	"bytes"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
)

// emptyData is what excelize's StreamWriter writes for a sheet given no
// rows (writeSheetData, then Flush).
var emptyData = []byte(`<sheetData></sheetData>`)

// ErrNoSheetData is a frame without the empty sheetData rows go into.
var ErrNoSheetData = errors.New("sheet frame holds no empty <sheetData>")

// ErrTwoCols is a frame that holds column widths, spliced with rows that
// bring their own (Rows.Cols).
var ErrTwoCols = errors.New("sheet frame holds <cols> and the rows bring column widths too")

// Spliced is a worksheet part deflated in three pieces that follow each
// other in the zip entry: the frame's head, the rows and the frame's tail.
type Spliced struct {
	// Head and Tail come from Deflate and Rows from Part: shared, never
	// written to.
	Head, Rows, Tail []byte
	CRC              uint32 // CRC-32 (IEEE) of the whole part uncompressed
	Size             int64  // the whole part uncompressed
}

// Len is the part's compressed length.
func (s *Spliced) Len() int { return len(s.Head) + len(s.Rows) + len(s.Tail) }

// WriteTo writes the part compressed to w.
func (s *Spliced) WriteTo(w io.Writer) (int64, error) {
	var n int64
	for _, b := range [][]byte{s.Head, s.Rows, s.Tail} {
		m, err := w.Write(b)
		n += int64(m)
		if err != nil {
			return n, err
		}
	}
	return n, nil
}

// Splice puts rows into frame, a worksheet part with an empty sheetData:
// the frame's head (with the rows' column widths, Rows.Cols, at its end)
// and tail compressed here (Deflate: once per process for a head or tail
// written alike before), around the rows compressed as they were written
// (deflate streams join at a sync flush, as pigz joins its blocks), with
// the CRC-32 and size of the whole uncompressed part for the zip entry.
// The rows are neither copied nor read again.
func Splice(frame []byte, rows Part) (Spliced, error) {
	at := bytes.Index(frame, emptyData)
	if at < 0 {
		return Spliced{}, ErrNoSheetData
	}
	if len(rows.Cols) > 0 && bytes.Contains(frame[:at], []byte("<cols>")) {
		return Spliced{}, ErrTwoCols
	}
	head := make([]byte, 0, at+len(rows.Cols)+len("<sheetData>"))
	head = append(append(append(head, frame[:at]...), rows.Cols...), "<sheetData>"...)
	tail := frame[at+len("<sheetData>"):]
	packedHead, err := Deflate(head, false)
	if err != nil {
		return Spliced{}, fmt.Errorf("compress sheet head: %w", err)
	}
	packedTail, err := Deflate(tail, true)
	if err != nil {
		return Spliced{}, fmt.Errorf("compress sheet tail: %w", err)
	}
	crc := crc32.ChecksumIEEE(head)
	crc = CombineCRC(crc, rows.CRC, rows.Size)
	crc = CombineCRC(crc, crc32.ChecksumIEEE(tail), int64(len(tail)))
	return Spliced{Head: packedHead, Rows: rows.Data, Tail: packedTail, CRC: crc,
		Size: int64(len(head)+len(tail)) + rows.Size}, nil
}

// CombineCRC returns the CRC-32 (IEEE) of A followed by B from crcA, crcB
// and B's length: zlib's crc32_combine (multiplication by x^(8·lenB)
// modulo the polynomial), so the rows' CRC, taken as they were written,
// need not be taken again after the frame's head.
func CombineCRC(crcA, crcB uint32, lenB int64) uint32 {
	if lenB <= 0 {
		return crcA
	}
	return multModP(x2nModP(uint64(lenB), 3), crcA) ^ crcB
}

// multModP multiplies a and b modulo the reflected IEEE polynomial.
func multModP(a, b uint32) uint32 {
	m := uint32(1) << 31
	var p uint32
	for {
		if a&m != 0 {
			p ^= b
			if a&(m-1) == 0 {
				break
			}
		}
		m >>= 1
		if b&1 != 0 {
			b = b>>1 ^ crc32.IEEE
		} else {
			b >>= 1
		}
	}
	return p
}

// x2nTable[k] is x^(2^k) modulo the polynomial.
var x2nTable = func() (t [32]uint32) {
	p := uint32(1) << 30 // x^1
	t[0] = p
	for n := 1; n < 32; n++ {
		p = multModP(p, p)
		t[n] = p
	}
	return t
}()

// x2nModP is x^(n·2^k) modulo the polynomial.
func x2nModP(n uint64, k uint) uint32 {
	p := uint32(1) << 31 // x^0
	for n != 0 {
		if n&1 != 0 {
			p = multModP(x2nTable[k&31], p)
		}
		n >>= 1
		k++
	}
	return p
}
