package flatpng

import (
	"cmp"
	"encoding/binary"
	"slices"
)

// The deflate format (RFC 1951): length and distance codes with their
// extra bits, the order code lengths are sent in.
var (
	lengthBase  = [29]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258}
	lengthExtra = [29]uint{0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0}
	distBase    = [30]int{1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577}
	distExtra   = [30]uint{0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13}
	clOrder     = [19]int{16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15}

	lengthCode [maxMatch + 1]uint8 // length → index into lengthBase
	distCode   [maxDist + 1]uint8  // distance → index into distBase
)

func init() {
	for c := len(lengthBase) - 1; c >= 0; c-- {
		for l := lengthBase[c]; l <= maxMatch && lengthCode[l] == 0; l++ {
			lengthCode[l] = uint8(c)
		}
	}
	lengthCode[maxMatch] = 28 // 258 has a code of its own (285), not 284 + 31
	for c := len(distBase) - 1; c >= 0; c-- {
		for d := distBase[c]; d <= maxDist && distCode[d] == 0; d++ {
			distCode[d] = uint8(c)
		}
	}
}

// flush writes the tokens as one dynamic Huffman block (RFC 1951 3.2.7),
// the last of the stream if final. emit has counted the symbols.
func (e *encoder) flush(final bool) {
	litFreq, distFreq := &e.litFreq, &e.distFreq
	litFreq[256]++ // end of block
	var litLen [286]uint8
	var distLen [30]uint8
	var litCode [286]uint16
	var distCodes [30]uint16
	e.huff.lengths(litFreq[:], 15, litLen[:])
	e.huff.lengths(distFreq[:], 15, distLen[:])
	codes(litLen[:], litCode[:])
	codes(distLen[:], distCodes[:])
	*litFreq, *distFreq = [286]int{}, [30]int{}

	nLit, nDist := 286, 30
	for nLit > 257 && litLen[nLit-1] == 0 {
		nLit--
	}
	for nDist > 1 && distLen[nDist-1] == 0 {
		nDist--
	}
	// The code lengths of both alphabets, run-length coded: 16 repeats the
	// previous length 3–6 times, 17 and 18 are runs of 3–10 and 11–138 zeros.
	var allBuf [286 + 30]uint8
	all := append(append(allBuf[:0], litLen[:nLit]...), distLen[:nDist]...)
	type clSym struct{ sym, extra uint8 }
	var clBuf [286 + 30]clSym
	cl := clBuf[:0]
	for i := 0; i < len(all); {
		l := all[i]
		run := 1
		for i+run < len(all) && all[i+run] == l {
			run++
		}
		switch {
		case l == 0 && run >= 11:
			r := min(run, 138)
			cl = append(cl, clSym{18, uint8(r - 11)})
			i += r
		case l == 0 && run >= 3:
			r := min(run, 10)
			cl = append(cl, clSym{17, uint8(r - 3)})
			i += r
		case l != 0 && run >= 4:
			cl = append(cl, clSym{l, 0})
			r := min(run-1, 6)
			cl = append(cl, clSym{16, uint8(r - 3)})
			i += 1 + r
		default:
			cl = append(cl, clSym{l, 0})
			i++
		}
	}
	var clFreq [19]int
	for _, s := range cl {
		clFreq[s.sym]++
	}
	var clLen [19]uint8
	var clCode [19]uint16
	e.huff.lengths(clFreq[:], 7, clLen[:])
	codes(clLen[:], clCode[:])
	nCL := 19
	for nCL > 4 && clLen[clOrder[nCL-1]] == 0 {
		nCL--
	}

	o := &e.out
	last := uint64(0)
	if final {
		last = 1
	}
	o.write(last|2<<1, 3) // BFINAL, BTYPE 10: dynamic codes
	o.write(uint64(nLit-257), 5)
	o.write(uint64(nDist-1), 5)
	o.write(uint64(nCL-4), 4)
	for _, s := range clOrder[:nCL] {
		o.write(uint64(clLen[s]), 3)
	}
	for _, s := range cl {
		o.write(uint64(clCode[s.sym]), uint(clLen[s.sym]))
		switch s.sym {
		case 16:
			o.write(uint64(s.extra), 2)
		case 17:
			o.write(uint64(s.extra), 3)
		case 18:
			o.write(uint64(s.extra), 7)
		}
	}
	e.writeTokens(&litLen, &distLen, &litCode, &distCodes)
	o.write(uint64(litCode[256]), uint(litLen[256]))
	e.tokens = e.tokens[:0]
}

// writeTokens writes the block's tokens with its codes. A literal's code
// and length, a match length's code and extra bits, and a distance code's
// code, base and bit counts are each one entry of a table made for the
// block, and the bits go out eight bytes at a time into room made
// beforehand (a token is at most 48 bits).
func (e *encoder) writeTokens(litLen *[286]uint8, distLen *[30]uint8, litCode *[286]uint16, distCodes *[30]uint16) {
	var lits [256]uint32 // code | code length << 16
	for c := range lits {
		lits[c] = uint32(litCode[c]) | uint32(litLen[c])<<16
	}
	var lens [maxMatch - minMatch + 1]uint64 // code | extra bits << code length, then the bit count << 32
	for l := minMatch; l <= maxMatch; l++ {
		lc := int(lengthCode[l])
		lens[l-minMatch] = uint64(litCode[257+lc]) | uint64(l-lengthBase[lc])<<litLen[257+lc] |
			uint64(litLen[257+lc]+uint8(lengthExtra[lc]))<<32
	}
	var dists [30]uint64 // code | code length << 16 | bit count << 24 | base << 32
	for dc := range dists {
		dists[dc] = uint64(distCodes[dc]) | uint64(distLen[dc])<<16 |
			uint64(distLen[dc]+uint8(distExtra[dc]))<<24 | uint64(distBase[dc])<<32
	}
	o := &e.out
	pos := len(o.buf)
	buf := slices.Grow(o.buf, 8+6*len(e.tokens))
	buf = buf[:cap(buf)]
	acc, nb := o.acc, o.nbits
	for _, t := range e.tokens {
		if t&matchFlag == 0 {
			l := lits[t&0xff]
			acc |= uint64(l&0xffff) << nb
			nb += uint(l >> 16)
		} else {
			l := lens[t>>16&0xff]
			acc |= (l & 0xffffffff) << nb
			nb += uint(l >> 32)
			d := dists[t>>24&0x1f]
			dist := uint64(t&0xffff) + 1
			acc |= (d&0xffff | (dist-d>>32)<<(d>>16&0xff)) << nb
			nb += uint(d >> 24 & 0xff)
		}
		binary.LittleEndian.PutUint64(buf[pos:], acc)
		k := nb / 8
		pos += int(k)
		acc >>= k * 8
		nb -= k * 8
	}
	o.buf, o.acc, o.nbits = buf[:pos], acc, nb
}

// coder is the scratch of building Huffman codes, kept with the encoder
// so that a block's codes are built without allocating.
type coder struct {
	freq   [286]int
	leaves [286]leaf
	parent [2*286 - 1]int32
	inner  [286]int // the inner nodes' frequencies, in the order made
	depth  [2*286 - 1]uint8
}

type leaf struct{ freq, sym int }

// lengths sets out to Huffman code lengths of at most limit bits for the
// frequencies; at least two symbols get a code (a decoder wants a complete
// code, zlib's one-code exception aside). Frequencies are halved and the
// code built again until it fits in limit.
func (h *coder) lengths(freq []int, limit int, out []uint8) {
	f := h.freq[:len(freq)]
	copy(f, freq)
	used := 0
	for _, x := range f {
		if x > 0 {
			used++
		}
	}
	for i := 0; used < 2; i++ {
		if f[i] == 0 {
			f[i] = 1
			used++
		}
	}
	for h.build(f, out) > limit {
		for i, x := range f {
			if x > 0 {
				f[i] = (x + 1) / 2
			}
		}
	}
}

// build sets out to a Huffman code's lengths for the nonzero frequencies
// (0 for the others) and returns the longest. Leaves sorted by frequency
// and symbol, and inner nodes in the order they are made (which is by
// frequency), are merged as two queues; a leaf goes before an inner node
// of the same frequency, so the same frequencies give the same code.
func (h *coder) build(freq []int, out []uint8) int {
	leaves := h.leaves[:0]
	for s, f := range freq {
		out[s] = 0
		if f > 0 {
			leaves = append(leaves, leaf{f, s})
		}
	}
	slices.SortFunc(leaves, func(a, b leaf) int {
		return cmp.Or(cmp.Compare(a.freq, b.freq), cmp.Compare(a.sym, b.sym))
	})
	nl := len(leaves)
	// Nodes 0..nl-1 are the leaves in order, nl.. the inner nodes.
	parent := h.parent[:2*nl-1]
	inner := h.inner[:0]
	li, ii := 0, 0
	pop := func() (freq, id int) {
		if li < nl && (ii == len(inner) || leaves[li].freq <= inner[ii]) {
			li++
			return leaves[li-1].freq, li - 1
		}
		ii++
		return inner[ii-1], nl + ii - 1
	}
	for range nl - 1 {
		fa, a := pop()
		fb, b := pop()
		id := nl + len(inner)
		parent[a], parent[b] = int32(id), int32(id)
		inner = append(inner, fa+fb)
	}
	depth := h.depth[:len(parent)]
	depth[len(depth)-1] = 0
	for i := len(parent) - 2; i >= 0; i-- { // parents come after children
		depth[i] = depth[parent[i]] + 1
	}
	maxDepth := 0
	for k, l := range leaves {
		out[l.sym] = depth[k]
		maxDepth = max(maxDepth, int(depth[k]))
	}
	return maxDepth
}

// codes sets out to the canonical codes for the lengths (RFC 1951 3.2.2),
// bit-reversed for writing least significant bit first.
func codes(lens []uint8, out []uint16) {
	var count [16]int
	for _, l := range lens {
		count[l]++
	}
	count[0] = 0
	var next [16]int
	code := 0
	for b := 1; b < 16; b++ {
		code = (code + count[b-1]) << 1
		next[b] = code
	}
	for s, l := range lens {
		out[s] = 0
		if l == 0 {
			continue
		}
		c := next[l]
		next[l]++
		out[s] = reverse(uint16(c), l)
	}
}

func reverse(c uint16, n uint8) uint16 {
	var r uint16
	for range n {
		r = r<<1 | c&1
		c >>= 1
	}
	return r
}

// bitWriter packs codes least significant bit first.
type bitWriter struct {
	buf   []byte
	acc   uint64
	nbits uint
}

func (w *bitWriter) reset() { w.buf, w.acc, w.nbits = w.buf[:0], 0, 0 }

func (w *bitWriter) write(v uint64, n uint) {
	w.acc |= v << w.nbits
	w.nbits += n
	for w.nbits >= 8 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc >>= 8
		w.nbits -= 8
	}
}

// align pads the last byte with zero bits.
func (w *bitWriter) align() {
	if w.nbits > 0 {
		w.buf = append(w.buf, byte(w.acc))
		w.acc, w.nbits = 0, 0
	}
}
