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

	"github.com/basebrief/basebrief/internal/keep"
)

// ErrNotOpaque says the image has a pixel that is not opaque: the caller
// encodes it another way (image/png).
var ErrNotOpaque = errors.New("flatpng: image is not opaque")

// Encode writes m as an 8-bit truecolour PNG, every row with filter 0
// (none), or returns ErrNotOpaque having written nothing. A writer with a
// Grow method (bytes.Buffer) is grown to the file's size first: the file
// is then written into it in place, with no copy made on the way.
func Encode(w io.Writer, m *image.RGBA) error {
	return encode(w, m, false)
}

// EncodeClearing is Encode, leaving every pixel of m opaque white: each
// row is made white as soon as the encoder is done with it, while it is
// still in the processor's cache, and only where it is not white already.
// A chart's raster is so ready for the next chart, which would otherwise
// fill it white again, all of it, from memory (a seventh of drawing the
// charts of a national run with its slices). On ErrNotOpaque nothing is
// written and some rows may be white already: the caller draws m again to
// encode it another way.
func EncodeClearing(w io.Writer, m *image.RGBA) error {
	return encode(w, m, true)
}

func encode(w io.Writer, m *image.RGBA, clear bool) error {
	e := encoders.Get()
	defer encoders.Put(e)
	e.clear = clear
	data, err := e.deflate(m)
	if err != nil {
		return err
	}
	// The bytes before and after the compressed rows, in the encoder's
	// buffers (a local array would escape through w.Write).
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(m.Rect.Dx()))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(m.Rect.Dy()))
	ihdr[8], ihdr[9] = 8, 2 // 8 bits per sample, truecolour; deflate, filter 0, no interlace
	head := append(e.head[:0], "\x89PNG\r\n\x1a\n"...)
	head = chunk(head, "IHDR", ihdr[:])
	head = binary.BigEndian.AppendUint32(head, uint32(len(data)))
	head = append(head, "IDAT"...)
	tail := binary.BigEndian.AppendUint32(e.tail[:0], crc32.Update(crc32.ChecksumIEEE(head[len(head)-4:]), crc32.IEEETable, data))
	tail = chunk(tail, "IEND", nil)
	e.head, e.tail = head, tail
	if g, ok := w.(interface{ Grow(int) }); ok {
		g.Grow(len(head) + len(data) + len(tail))
	}
	for _, b := range [...][]byte{head, data, tail} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}

// chunk appends a PNG chunk to b: length, type, data, CRC of type and data.
func chunk(b []byte, typ string, data []byte) []byte {
	b = binary.BigEndian.AppendUint32(b, uint32(len(data)))
	start := len(b)
	b = append(append(b, typ...), data...)
	return binary.BigEndian.AppendUint32(b, crc32.ChecksumIEEE(b[start:]))
}

// encoders keeps encoders, their buffers grown to the charts' sizes, for
// the next encoding, up to 8 of them (more than the cores that encode at
// once). A sync.Pool dropped them at every other collection (a national
// run with its slices collects some 25 times), and each new encoder grew
// its tokens, row and output again: 26 MB allocated in such a run (memory
// profile), now a few.
var encoders = keep.List[*encoder]{New: func() *encoder {
	// Room for a block's tokens from the start: grown from nothing they
	// were allocated ten times over.
	return &encoder{tokens: make([]uint32, 0, maxTokens)}
}, Max: 8}

// encoder holds the buffers of one encoding, kept for the next.
type encoder struct {
	row        []byte   // the row being written, filter byte first; it still holds the row above where the two agree
	changed    []span   // the bytes of row that differ from the row above
	tokens     []uint32 // literals and matches of the block being built
	litFreq    [286]int // how often each symbol of the block's tokens occurs
	distFreq   [30]int
	seen       [1 << hashBits]int32  // 1 + a position in the row, by hash4
	gen        [1 << hashBits]uint32 // the row seen's entry is of
	rowGen     uint32
	out        bitWriter
	huff       coder
	head, tail []byte // the file's bytes before and after the rows
	// clear makes each row white once done with it (EncodeClearing);
	// white is a white row to compare with.
	clear bool
	white []byte
}

// A span is the bytes [start, end) of a row.
type span struct{ start, end int }

// A token is a literal (its byte) or a match: matchFlag, the distance's
// code in bits 24–28 (counted when made: writeTokens needs not look it
// up again), the length − 3 in bits 16–23 and the distance − 1 in bits
// 0–15.
const (
	matchFlag = 1 << 31
	maxTokens = 1 << 16
	minMatch  = 3
	maxMatch  = 258
	maxDist   = 32768
)

// deflate returns the zlib stream of m's rows.
//
// Most pixels of a row that is not a repeat still equal the pixel above
// (9% differ in the national charts): the row buffer keeps the row above,
// only the pixels that differ are converted to RGB, added to the row's
// checksum (as the difference from the byte they replace) and tokenised
// byte by byte; the spans between them are copies of the row above.
func (e *encoder) deflate(m *image.RGBA) ([]byte, error) {
	width, height := m.Rect.Dx(), m.Rect.Dy()
	n := 1 + 3*width // a row: filter byte 0, then R G B per pixel
	e.row = slices.Grow(e.row[:0], n)[:n]
	e.tokens = e.tokens[:0]
	e.litFreq, e.distFreq = [286]int{}, [30]int{}
	e.out.reset()
	e.out.buf = append(e.out.buf, 0x78, 0x01) // zlib: deflate, 32 KiB window, fastest
	var sum adler = adler{a: 1}
	var s1, s2 int64 // this row's byte sum and weighted sum (see rowSum)
	var prevPix []byte
	// Clearing: rows [cleared, y) are the row above (prevPix, row cleared)
	// and the rows that repeat it, all alike: white already, or made
	// white when the next row that differs takes prevPix's place.
	cleared, prevWhite := 0, true
	if e.clear && len(e.white) < 4*width {
		e.white = bytes.Repeat([]byte{0xff}, 4*width)
	}
	clearTo := func(y int) {
		if !prevWhite {
			for k := cleared; k < y; k++ {
				copy(m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y+k):][:4*width], e.white)
			}
		}
		cleared = y
	}
	for y := range height {
		pix := m.Pix[m.PixOffset(m.Rect.Min.X, m.Rect.Min.Y+y):][:4*width]
		if y == 0 || n > maxDist {
			// No row above in reach: the whole row is new.
			if err := e.convert(pix); err != nil {
				return nil, err
			}
			a := adler32.Checksum(e.row)
			s1, s2 = int64(a&0xffff)-1, int64(a>>16)-int64(n)
			e.changed = append(e.changed[:0], span{0, n})
		} else {
			if bytes.Equal(pix, prevPix) {
				e.repeat(n)
				sum.add(n, rowSum(n, s1, s2))
				continue
			}
			e.diff(pix, prevPix)
			d1, d2, err := e.update(pix, n)
			if err != nil {
				return nil, err
			}
			s1, s2 = (s1+d1)%adlerMod, (s2+d2)%adlerMod
		}
		e.tokenise()
		sum.add(n, rowSum(n, s1, s2))
		prevPix = pix
		if e.clear {
			clearTo(y)
			prevWhite = bytes.Equal(pix, e.white[:len(pix)])
		}
	}
	if e.clear {
		clearTo(height)
	}
	e.flush(true)
	e.out.align()
	e.out.buf = binary.BigEndian.AppendUint32(e.out.buf, sum.value())
	return e.out.buf, nil
}

// rowSum is the Adler-32 of a row of n bytes b[k] from s1 = Σ b[k] and
// s2 = Σ (n−k)·b[k] (both mod 65521, possibly negative): a = 1 + s1,
// b = n + s2 (RFC 1950 8.2).
func rowSum(n int, s1, s2 int64) uint32 {
	a := (1 + s1%adlerMod + adlerMod) % adlerMod
	b := (int64(n%adlerMod) + s2%adlerMod + adlerMod) % adlerMod
	return uint32(b<<16 | a)
}

// convert writes the whole row: filter byte 0, then the RGB of pix.
func (e *encoder) convert(pix []byte) error {
	row := e.row
	row[0] = 0
	for i, j := 0, 1; i < len(pix); i, j = i+4, j+3 {
		if pix[i+3] != 0xff {
			return ErrNotOpaque
		}
		row[j], row[j+1], row[j+2] = pix[i], pix[i+1], pix[i+2]
	}
	return nil
}

// diff sets e.changed to the bytes of the row whose pixels differ between
// pix and prev (the row above), in order, pixels that differ side by side
// in one span. Equal stretches are skipped 32 bytes (eight pixels) at a
// time.
func (e *encoder) diff(pix, prev []byte) {
	e.changed = e.changed[:0]
	n := len(pix)
	prev = prev[:n]
	for i := 0; ; {
		for ; i+32 <= n; i += 32 {
			if !same32(pix[i:i+32:i+32], prev[i:i+32:i+32]) {
				break
			}
		}
		for i < n && binary.LittleEndian.Uint32(pix[i:]) == binary.LittleEndian.Uint32(prev[i:]) {
			i += 4
		}
		if i >= n {
			return
		}
		start := i
		for i < n && binary.LittleEndian.Uint32(pix[i:]) != binary.LittleEndian.Uint32(prev[i:]) {
			i += 4
		}
		e.changed = append(e.changed, span{1 + 3*(start/4), 1 + 3*(i/4)})
	}
}

// update writes the changed pixels of pix into the row, which holds the
// row above, and returns what the row's s1 and s2 (see rowSum) change by.
func (e *encoder) update(pix []byte, n int) (d1, d2 int64, err error) {
	row := e.row
	for _, s := range e.changed {
		for i, j := (s.start-1)/3*4, s.start; j < s.end; i, j = i+4, j+3 {
			p := pix[i : i+4 : i+4]
			if p[3] != 0xff {
				return 0, 0, ErrNotOpaque
			}
			r := row[j : j+3 : j+3]
			// The weighted sum gives byte k the weight n−k: w, w−1, w−2.
			dr, dg, db := int64(p[0])-int64(r[0]), int64(p[1])-int64(r[1]), int64(p[2])-int64(r[2])
			d := dr + dg + db
			d1 += d
			d2 += int64(n-j)*d - dg - 2*db
			r[0], r[1], r[2] = p[0], p[1], p[2]
		}
	}
	return d1, d2, nil
}

// repeat copies the whole row above: matches at distance n, the last one
// at least minMatch long.
func (e *encoder) repeat(n int) {
	for left := n; left > 0; {
		l := min(left, maxMatch)
		if r := left - l; r > 0 && r < minMatch {
			l -= minMatch - r
		}
		e.match(l, n)
		left -= l
	}
}

// tokenise writes one row as tokens: at each byte, the longer of the run
// equal to the row above (distance len(row): the bytes up to the next
// changed span) and the run equal to the pixel before (distance 3), if
// either reaches minMatch; else an earlier place in the row with the same
// next bytes (a glyph drawn twice); else the literal bytes up to the next
// pixel (anti-aliased text: a match that starts within a pixel is found at
// the next one, two bytes shorter at most, for a third of the look-ups).
func (e *encoder) tokenise() {
	row := e.row
	n := len(row)
	e.rowGen++ // a new row: the table's entries of earlier rows are stale
	changed := e.changed
	for i := 0; i < n; {
		for len(changed) > 0 && changed[0].end <= i {
			changed = changed[1:]
		}
		up, left := n-i, 0 // up: the bytes from i equal to the row above
		if len(changed) > 0 {
			up = max(0, changed[0].start-i)
		}
		up = min(up, maxMatch)
		if i >= 3 && i+3 <= n && row[i] == row[i-3] && row[i+1] == row[i-2] && row[i+2] == row[i-1] {
			left = common(row[i:min(n, i+maxMatch)], row[i-3:])
		}
		switch {
		case up >= 4 && up > left+2: // a far copy costs more bits than a near one
			e.match(up, n)
			i += up
		case left >= minMatch:
			e.match(left, 3)
			i += left
		default:
			// Text: the same glyph at the same phase earlier in the row.
			if i+4 <= n {
				h := hash4(row[i:])
				if c := int(e.seen[h]) - 1; c >= 0 && e.gen[h] == e.rowGen &&
					binary.LittleEndian.Uint32(row[c:]) == binary.LittleEndian.Uint32(row[i:]) {
					l := 4 + common(row[i+4:min(n, i+maxMatch)], row[c+4:])
					e.seen[h] = int32(i + 1)
					e.match(l, i-c)
					i += l
					continue
				}
				e.seen[h], e.gen[h] = int32(i+1), e.rowGen
			}
			next := min(n, i+3-(i+2)%3) // the next pixel's first byte (row[0] is the filter byte)
			if len(changed) > 0 && changed[0].start > i {
				next = min(next, changed[0].start)
			}
			e.literals(row[i:next])
			i = next
		}
	}
}

// hash4 hashes four bytes for the table of earlier positions in a row.
func hash4(b []byte) uint32 {
	return (binary.LittleEndian.Uint32(b) * 0x1e35a7bd) >> (32 - hashBits)
}

const hashBits = 13

// same32 tells whether the 32 bytes of a and b are equal, four words at a
// time (small enough to be inlined in the encoder's loops).
func same32(a, b []byte) bool {
	a, b = a[:32:32], b[:32:32]
	// ^ and | bind alike in Go: each difference in parentheses.
	return (binary.LittleEndian.Uint64(a)^binary.LittleEndian.Uint64(b))|
		(binary.LittleEndian.Uint64(a[8:])^binary.LittleEndian.Uint64(b[8:]))|
		(binary.LittleEndian.Uint64(a[16:])^binary.LittleEndian.Uint64(b[16:]))|
		(binary.LittleEndian.Uint64(a[24:])^binary.LittleEndian.Uint64(b[24:])) == 0
}

// common is the length of the common prefix of a and b (len(b) ≥ len(a)
// or shorter), 32 bytes at a time while they agree, then eight.
func common(a, b []byte) int {
	n := min(len(a), len(b))
	a, b = a[:n], b[:n]
	i := 0
	for ; i+32 <= n; i += 32 {
		if !same32(a[i:i+32:i+32], b[i:i+32:i+32]) {
			break
		}
	}
	for ; i+8 <= n; i += 8 {
		if x := binary.LittleEndian.Uint64(a[i:]) ^ binary.LittleEndian.Uint64(b[i:]); x != 0 {
			return i + bits.TrailingZeros64(x)/8
		}
	}
	for ; i < n && a[i] == b[i]; i++ {
	}
	return i
}

// literals emits the bytes of b (at most a pixel's) as literals.
func (e *encoder) literals(b []byte) {
	if len(e.tokens)+len(b) > maxTokens {
		e.flush(false)
	}
	for _, c := range b {
		e.litFreq[c]++
		e.tokens = append(e.tokens, uint32(c))
	}
}

// match counts and keeps a match of length bytes at dist.
func (e *encoder) match(length, dist int) {
	dc := distCode[dist]
	e.litFreq[257+int(lengthCode[length])]++
	e.distFreq[dc]++
	e.tokens = append(e.tokens, matchFlag|uint32(dc)<<24|uint32(length-minMatch)<<16|uint32(dist-1))
	if len(e.tokens) >= maxTokens {
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
