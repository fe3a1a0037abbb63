package flatpng

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/adler32"
	"hash/crc32"
	"image"
	"io"
	"math/bits"
	"slices"
	"sync"
)

// ErrNotOpaque says the image has a pixel that is not opaque: the caller
// encodes it another way (image/png).
var ErrNotOpaque = errors.New("flatpng: image is not opaque")

// Encode writes m as an 8-bit truecolour PNG, every row with filter 0
// (none), or returns ErrNotOpaque having written nothing.
func Encode(w io.Writer, m *image.RGBA) error {
	e := encoders.Get().(*encoder)
	defer encoders.Put(e)
	data, err := e.deflate(m)
	if err != nil {
		return err
	}
	width, height := m.Rect.Dx(), m.Rect.Dy()
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(width))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(height))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, truecolour; deflate, filter 0, no interlace
	var out bytes.Buffer
	out.Grow(len(data) + 64)
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk(&out, "IHDR", ihdr[:])
	chunk(&out, "IDAT", data)
	chunk(&out, "IEND", nil)
	_, err = w.Write(out.Bytes())
	return err
}

func chunk(b *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	b.Write(n[:])
	start := b.Len()
	b.WriteString(typ)
	b.Write(data)
	binary.BigEndian.PutUint32(n[:], crc32.ChecksumIEEE(b.Bytes()[start:]))
	b.Write(n[:])
}

var encoders = sync.Pool{New: func() any { return new(encoder) }}

// encoder holds the buffers of one encoding, kept for the next.
type encoder struct {
	prev, cur []byte                // the row above and this row, filter byte first
	tokens    []uint32              // literals and matches of the block being built
	seen      [1 << hashBits]int32  // 1 + a position in the row, by hash4
	gen       [1 << hashBits]uint32 // the row seen's entry is of
	rowGen    uint32
	out       bitWriter
}

// A token is a literal (its byte) or a match: matchFlag, the length − 3
// in bits 16–23 and the distance − 1 in bits 0–15.
const (
	matchFlag = 1 << 31
	maxTokens = 1 << 16
	minMatch  = 3
	maxMatch  = 258
	maxDist   = 32768
)

func match(length, dist int) uint32 {
	return matchFlag | uint32(length-minMatch)<<16 | uint32(dist-1)
}

// deflate returns the zlib stream of m's rows.
func (e *encoder) deflate(m *image.RGBA) ([]byte, error) {
	width, height := m.Rect.Dx(), m.Rect.Dy()
	n := 1 + 3*width // a row: filter byte 0, then R G B per pixel
	e.prev = slices.Grow(e.prev[:0], n)[:n]
	e.cur = slices.Grow(e.cur[:0], n)[:n]
	e.tokens = e.tokens[:0]
	e.out.reset()
	e.out.buf = append(e.out.buf, 0x78, 0x01) // zlib: deflate, 32 KiB window, fastest
	var sum adler = adler{a: 1}
	var rowSum uint32 // the last row's own checksum, for a repeat
	var prevPix []byte
	for y := range height {
		pix := m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y+y):][:4*width]
		if y > 0 && n <= maxDist && bytes.Equal(pix, prevPix) {
			e.repeat(n)
			sum.add(n, rowSum)
			continue
		}
		row := e.cur
		row[0] = 0
		for i, j := 0, 1; i < len(pix); i, j = i+4, j+3 {
			if pix[i+3] != 0xff {
				return nil, ErrNotOpaque
			}
			row[j], row[j+1], row[j+2] = pix[i], pix[i+1], pix[i+2]
		}
		var above []byte
		if y > 0 && n <= maxDist {
			above = e.prev
		}
		e.row(row, above)
		rowSum = adler32.Checksum(row)
		sum.add(n, rowSum)
		e.prev, e.cur = e.cur, e.prev
		prevPix = pix
	}
	e.flush(true)
	e.out.align()
	e.out.buf = binary.BigEndian.AppendUint32(e.out.buf, sum.value())
	return e.out.buf, nil
}

// repeat copies the whole row above: matches at distance n, the last one
// at least minMatch long.
func (e *encoder) repeat(n int) {
	for left := n; left > 0; {
		l := min(left, maxMatch)
		if r := left - l; r > 0 && r < minMatch {
			l -= minMatch - r
		}
		e.emit(match(l, n))
		left -= l
	}
}

// row tokenises one row: at each byte, the longer of the run equal to the
// row above (distance len(row)) and the run equal to the pixel before
// (distance 3), if either reaches minMatch; else an earlier place in the
// row with the same next bytes (a glyph drawn twice), else a literal.
func (e *encoder) row(row, above []byte) {
	n := len(row)
	e.rowGen++ // a new row: the table's entries of earlier rows are stale
	for i := 0; i < n; {
		up, left := 0, 0
		if above != nil {
			up = common(row[i:min(n, i+maxMatch)], above[i:])
		}
		if i >= 3 {
			left = common(row[i:min(n, i+maxMatch)], row[i-3:])
		}
		switch {
		case up >= 4 && up > left+2: // a far copy costs more bits than a near one
			e.emit(match(up, n))
			i += up
		case left >= minMatch:
			e.emit(match(left, 3))
			i += left
		default:
			// Text: the same glyph at the same phase earlier in the row.
			if i+4 <= n {
				h := hash4(row[i:])
				if c := int(e.seen[h]) - 1; c >= 0 && e.gen[h] == e.rowGen {
					if l := common(row[i:min(n, i+maxMatch)], row[c:]); l >= 4 {
						e.seen[h] = int32(i + 1)
						e.emit(match(l, i-c))
						i += l
						continue
					}
				}
				e.seen[h], e.gen[h] = int32(i+1), e.rowGen
			}
			e.emit(uint32(row[i]))
			i++
		}
	}
}

// hash4 hashes four bytes for the table of earlier positions in a row.
func hash4(b []byte) uint32 {
	return (binary.LittleEndian.Uint32(b) * 0x1e35a7bd) >> (32 - hashBits)
}

const hashBits = 13

// common is the length of the common prefix of a and b (len(b) ≥ len(a)
// or shorter), eight bytes at a time.
func common(a, b []byte) int {
	n := min(len(a), len(b))
	i := 0
	for ; i+8 <= n; i += 8 {
		if x := binary.LittleEndian.Uint64(a[i:]) ^ binary.LittleEndian.Uint64(b[i:]); x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for ; i < n && a[i] == b[i]; i++ {
	}
	return i
}

func (e *encoder) emit(t uint32) {
	e.tokens = append(e.tokens, t)
	if len(e.tokens) == maxTokens {
		e.flush(false)
	}
}

// adler is the zlib checksum of the stream, advanced a row at a time by
// combining it with the row's own checksum (zlib's adler32_combine), so a
// repeated row costs nothing to add.
type adler struct{ a, b uint64 }

const adlerMod = 65521

func (h *adler) add(n int, row uint32) {
	ra, rb := uint64(row&0xffff), uint64(row>>16)
	h.b = (h.b + rb + uint64(n)%adlerMod*(h.a+adlerMod-1)) % adlerMod
	h.a = (h.a + ra + adlerMod - 1) % adlerMod
}

func (h *adler) value() uint32 { return uint32(h.b<<16 | h.a) }
