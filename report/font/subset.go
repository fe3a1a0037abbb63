package font

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// Subset returns a TrueType font holding only the glyphs of runes (and of
// glyph 0, and the parts of composite glyphs), in the layout the PDF
// library's own subsetting writes (codeberg.org/go-pdf/fpdf's UTF8CutFont;
// utf8fontfile.go, GenerateCutFont), U+0000 mapped besides. Given to fpdf's AddUTF8FontFromBytes instead of the whole face,
// it spares fpdf its two walks over the whole face for every PDF (parsing
// the character map into maps when the font is added, again when it is
// cut on output): a quarter of a run's CPU with --slices. The glyphs fpdf
// then cuts from the subset are the same bytes it cuts from the face,
// provided every character the PDF measures or draws is among runes.
//
// The face is read once (its table directory, character map and glyph
// offsets); each subset then costs only the glyphs it keeps. A face the
// subsetter cannot read gives an error, and the caller embeds the face
// whole.
func (f *Face) Subset(runes []rune) (out []byte, err error) {
	f.readCutter()
	if f.cutErr != nil {
		return nil, f.cutErr
	}
	defer func() {
		// The file passed Parse and checkTables; a glyph table that still
		// reads out of range is a face to embed whole, not a crash.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("subset %s: %v", f.Name, r)
		}
	}()
	return f.cut.cut(runes), nil
}

func (f *Face) readCutter() {
	f.cutOnce.Do(func() { f.cut, f.cutErr = readCutter(f.TTF) })
}

// cutter is what subsetting needs of a face, read once.
type cutter struct {
	ttf      []byte
	tables   map[string][2]int // tag → offset, size
	glyph    []uint16          // rune → glyph, as fpdf reads the format 4 cmap
	mapped   []bool            // rune is in a cmap segment (fpdf keeps those)
	loca     []int             // glyph offsets in glyf, numGlyphs+1
	hMetrics int               // numberOfHMetrics
	// kept are the tables every subset copies unchanged, and sums their
	// checksums, summed once for the run rather than for every subset.
	kept map[string][]byte
	sums map[string]uint32
}

// keptTables are the tables a subset copies from the face as they are.
var keptTables = []string{"name", "cvt ", "fpgm", "prep", "gasp", "OS/2"}

func readCutter(b []byte) (*cutter, error) {
	c := &cutter{ttf: b, tables: map[string][2]int{}}
	if len(b) < 12 {
		return nil, errors.New("subset: not a font")
	}
	n := int(be16(b, 4))
	for i := range n {
		rec := b[12+16*i:]
		c.tables[string(rec[:4])] = [2]int{int(be32(rec, 8)), int(be32(rec, 12))}
	}
	for _, tag := range []string{"head", "hhea", "maxp", "cmap", "hmtx", "loca", "glyf", "post"} {
		if _, ok := c.tables[tag]; !ok {
			return nil, fmt.Errorf("subset: no %q table", tag)
		}
	}
	locaFormat := int(be16(b, c.tables["head"][0]+50))
	c.hMetrics = int(be16(b, c.tables["hhea"][0]+34))
	numGlyphs := int(be16(b, c.tables["maxp"][0]+4))
	if err := c.readCmap(); err != nil {
		return nil, err
	}
	c.kept, c.sums = map[string][]byte{}, map[string]uint32{}
	for _, tag := range keptTables {
		if t := c.table(tag); len(t) > 0 {
			c.kept[tag], c.sums[tag] = t, checksum(t)
		}
	}
	// fpdf reads entry n+1 as the start of glyph n (its array starts with
	// a zero it adds), so glyph n's offset is entry n: the same numbers.
	loca := c.tables["loca"][0]
	c.loca = make([]int, numGlyphs+1)
	for i := range c.loca {
		switch locaFormat {
		case 0:
			c.loca[i] = int(be16(b, loca+2*i)) * 2
		case 1:
			c.loca[i] = int(be32(b, loca+4*i))
		default:
			return nil, fmt.Errorf("subset: loca format %d", locaFormat)
		}
	}
	return c, nil
}

// readCmap reads the first format 4 subtable of platform 3/1 or 0, as fpdf
// does (generateCMAP, generateSCCSDictionaries), with its quirks: a glyph
// index past the subtable's end is 0, and every rune of a segment is
// mapped, to glyph 0 if need be.
func (c *cutter) readCmap() error {
	b := c.ttf
	cm := c.tables["cmap"][0]
	pos := 0
	for i := range int(be16(b, cm+2)) {
		rec := cm + 4 + 8*i
		platform, enc := be16(b, rec), be16(b, rec+2)
		if platform == 3 && enc == 1 || platform == 0 {
			sub := cm + int(be32(b, rec+4))
			if be16(b, sub) == 4 {
				pos = sub
				break
			}
		}
	}
	if pos == 0 {
		return errors.New("subset: no format 4 Unicode cmap")
	}
	end := pos + int(be16(b, pos+2))
	segs := int(be16(b, pos+6)) / 2
	ends := pos + 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	offsets := deltas + 2*segs
	c.glyph = make([]uint16, 0x10000)
	c.mapped = make([]bool, 0x10000)
	for n := range segs {
		first, last := int(be16(b, starts+2*n)), int(be16(b, ends+2*n))
		delta := int(int16(be16(b, deltas+2*n)))
		off := int(be16(b, offsets+2*n))
		for r := first; r <= last; r++ {
			g := 0
			if off == 0 {
				g = (r + delta) & 0xFFFF
			} else if p := offsets + 2*n + off + (r-first)*2; p < end {
				if g = int(be16(b, p)); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			c.glyph[r], c.mapped[r] = uint16(g), true
		}
	}
	return nil
}

// cut writes the subset, step for step as GenerateCutFont does.
func (c *cutter) cut(runes []rune) []byte {
	b := c.ttf
	// Glyphs kept: 0 and those of the runes, in glyph order, then the
	// parts of composite glyphs in the order they are met.
	keep := make([]int, 1, len(runes)+1)
	newIdx := make(map[int]int, len(runes)+1)
	newIdx[0] = 0
	mapped := make([]runeGlyph, 0, len(runes)) // rune → old glyph
	for _, r := range runes {
		if r < 0 || r >= 0x10000 || !c.mapped[r] {
			continue
		}
		g := int(c.glyph[r])
		mapped = append(mapped, runeGlyph{int(r), g})
		if _, ok := newIdx[g]; !ok {
			newIdx[g] = -1
			keep = append(keep, g)
		}
	}
	slices.Sort(keep)
	for i, g := range keep {
		newIdx[g] = i
	}
	glyf := c.tables["glyf"][0]
	var parts func(g, depth int)
	parts = func(g, depth int) {
		start, size := c.loca[g], c.loca[g+1]-c.loca[g]
		if size == 0 || depth > 32 || int16(be16(b, glyf+start)) >= 0 {
			return
		}
		p := glyf + start + 10
		for flags := symbolContinue; flags&symbolContinue != 0; {
			flags = int(be16(b, p))
			part := int(be16(b, p+2))
			if _, ok := newIdx[part]; !ok {
				newIdx[part] = len(keep)
				keep = append(keep, part)
			}
			parts(part, depth+1)
			p += 4 + argSize(flags)
		}
	}
	for _, g := range slices.Clone(keep) {
		parts(g, 0)
	}

	out := make(map[string][]byte, len(c.kept)+9)
	for tag, t := range c.kept {
		out[tag] = t
	}
	post := c.table("post")
	out["post"] = slices.Concat([]byte{0, 3, 0, 0}, post[4:16], make([]byte, 16))

	// fpdf leaves U+0000 out of its cut's map, yet keeps its glyph: every
	// PDF lists 0 among its characters. The subset maps it, so that fpdf
	// keeps that glyph when it cuts the subset too.
	for i, m := range mapped {
		mapped[i].glyph = newIdx[m.glyph]
	}
	out["cmap"] = cmap4(mapped, len(keep))

	hmtx := c.tables["hmtx"][0]
	size := 0
	for _, g := range keep {
		size += (c.loca[g+1] - c.loca[g] + 3) &^ 3
	}
	glyfOut, hmtxOut := make([]byte, 0, size), make([]byte, 0, 4*len(keep))
	offsets := make([]int, 0, len(keep)+1)
	// fpdf reads a short metric by appending its side bearing to a slice
	// of the last long metric, writing it over that metric's own side
	// bearing in the font (getMetrics): a part met after a short-metric
	// glyph (parts come last) gets that bearing. lastLSB plays the
	// write, on this subset only; the face is never written.
	var lastLSB []byte
	for _, g := range keep {
		last := hmtx + 4*(c.hMetrics-1)
		switch {
		case g < c.hMetrics-1 || g == c.hMetrics-1 && lastLSB == nil:
			hmtxOut = append(hmtxOut, b[hmtx+4*g:hmtx+4*g+4]...)
		case g == c.hMetrics-1:
			hmtxOut = append(hmtxOut, b[last], b[last+1], lastLSB[0], lastLSB[1])
		default:
			lastLSB = b[hmtx+2*c.hMetrics+2*g:][:2]
			hmtxOut = append(hmtxOut, b[last], b[last+1], lastLSB[0], lastLSB[1])
		}
		offsets = append(offsets, len(glyfOut))
		at := len(glyfOut)
		glyfOut = append(glyfOut, b[glyf+c.loca[g]:glyf+c.loca[g+1]]...)
		if data := glyfOut[at:]; len(data) > 2 && int16(be16(data, 0)) < 0 {
			p := 10
			for flags := symbolContinue; flags&symbolContinue != 0; {
				flags = int(be16(data, p))
				binary.BigEndian.PutUint16(data[p+2:], uint16(newIdx[int(be16(data, p+2))]))
				p += 4 + argSize(flags)
			}
		}
		glyfOut = glyfOut[:(len(glyfOut)+3)&^3] // zeros: made so, within size
	}
	offsets = append(offsets, len(glyfOut))
	out["glyf"], out["hmtx"] = glyfOut, hmtxOut

	locaFormat := 0
	var loca []byte
	if (len(glyfOut)+1)>>1 > 0xFFFF {
		locaFormat = 1
		loca = make([]byte, 0, 4*len(offsets))
		for _, o := range offsets {
			loca = binary.BigEndian.AppendUint32(loca, uint32(o))
		}
	} else {
		loca = make([]byte, 0, 2*len(offsets))
		for _, o := range offsets {
			loca = binary.BigEndian.AppendUint16(loca, uint16(o/2))
		}
	}
	out["loca"] = loca
	head := slices.Clone(c.table("head"))
	copy(head[8:12], []byte{0, 0, 0, 0})
	binary.BigEndian.PutUint16(head[50:], uint16(locaFormat))
	out["head"] = head
	hhea := slices.Clone(c.table("hhea"))
	binary.BigEndian.PutUint16(hhea[34:], uint16(len(keep)))
	out["hhea"] = hhea
	maxp := slices.Clone(c.table("maxp"))
	binary.BigEndian.PutUint16(maxp[4:], uint16(len(keep)))
	out["maxp"] = maxp
	return assemble(out, c.sums)
}

// runeGlyph is a rune and its glyph.
type runeGlyph struct{ r, glyph int }

// The composite glyph flags fpdf reads (utf8fontfile.go).
const (
	symbolWords    = 1 << 0
	symbolScale    = 1 << 3
	symbolContinue = 1 << 5
	symbolAllScale = 1 << 6
	symbol2x2      = 1 << 7
)

// argSize is the bytes after a component's flags and glyph index: its
// offsets and, if any, its scale.
func argSize(flags int) int {
	n := 2
	if flags&symbolWords != 0 {
		n = 4
	}
	switch {
	case flags&symbolScale != 0:
		n += 2
	case flags&symbolAllScale != 0:
		n += 4
	case flags&symbol2x2 != 0:
		n += 8
	}
	return n
}

func (c *cutter) table(tag string) []byte {
	t, ok := c.tables[tag]
	if !ok || t[1] == 0 {
		return nil
	}
	return c.ttf[t[0] : t[0]+t[1]]
}

// cmap4 writes a cmap of one format 4 subtable (platform 3, encoding 1)
// mapping runes to glyphs, segments as fpdf cuts them (generateCMAPTable):
// a run of consecutive runes with consecutive glyphs is one segment, every
// segment written with an idDelta and a zero idRangeOffset.
// m lists each rune once or more (the same glyph each time), in any order;
// it is sorted here.
func cmap4(m []runeGlyph, numGlyphs int) []byte {
	slices.SortFunc(m, func(a, b runeGlyph) int { return a.r - b.r })
	m = slices.CompactFunc(m, func(a, b runeGlyph) bool { return a.r == b.r })
	type seg struct{ start, n, glyph int }
	var segs []seg
	prevR, prevG := -2, -1
	for _, rg := range m {
		r, g := rg.r, rg.glyph
		if r == prevR+1 && g == prevG+1 {
			segs[len(segs)-1].n++
		} else {
			segs = append(segs, seg{r, 1, g})
		}
		prevR, prevG = r, g
	}
	segCount := len(segs) + 1
	searchRange, entrySelector := 1, 0
	for searchRange*2 <= segCount {
		searchRange *= 2
		entrySelector++
	}
	searchRange *= 2
	rangeShift := segCount*2 - searchRange
	length := 16 + 8*segCount + numGlyphs + 1
	v := []int{0, 1, 3, 1, 0, 12, 4, length, 0, segCount * 2, searchRange, entrySelector, rangeShift}
	for _, s := range segs {
		v = append(v, s.start+s.n-1)
	}
	v = append(v, 0xFFFF, 0)
	for _, s := range segs {
		v = append(v, s.start)
	}
	v = append(v, 0xFFFF)
	for _, s := range segs {
		v = append(v, -(s.start - s.glyph))
	}
	v = append(v, 1)
	for range segs {
		v = append(v, 0)
	}
	v = append(v, 0)
	for _, rg := range m {
		v = append(v, rg.glyph)
	}
	v = append(v, 0)
	out := make([]byte, 0, 2*len(v))
	for _, x := range v {
		out = binary.BigEndian.AppendUint16(out, uint16(x))
	}
	return out
}

// assemble writes the tables, sorted by tag, with their checksums and the
// head table's checkSumAdjustment, as fpdf's assembleTables does; sums
// has the checksums of some tables already. The file's checksum is the
// directory's plus the tables' (each starts on a 4-byte boundary, padded
// with zeros), so no table is summed twice.
func assemble(tables map[string][]byte, sums map[string]uint32) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	slices.Sort(tags)
	n := len(tags)
	searchRange, entrySelector := 1, 0
	for searchRange*2 <= n {
		searchRange *= 2
		entrySelector++
	}
	searchRange *= 16
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out := make([]byte, 0, size)
	out = binary.BigEndian.AppendUint32(out, 0x00010000)
	for _, v := range []int{n, searchRange, entrySelector, n*16 - searchRange} {
		out = binary.BigEndian.AppendUint16(out, uint16(v))
	}
	offset, headAt := 12+16*n, 0
	var total uint32
	for _, t := range tags {
		if t == "head" {
			headAt = offset
		}
		sum, ok := sums[t]
		if !ok {
			sum = checksum(tables[t])
		}
		total += sum
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, sum)
		out = binary.BigEndian.AppendUint32(out, uint32(offset))
		out = binary.BigEndian.AppendUint32(out, uint32(len(tables[t])))
		offset += (len(tables[t]) + 3) &^ 3
	}
	total += checksum(out)
	for _, t := range tags {
		out = append(out, tables[t]...)
		out = out[:(len(out)+3)&^3] // zeros: made so, within size
	}
	binary.BigEndian.PutUint32(out[headAt+8:], adjustment(total))
	return out
}

// adjustment is head's checkSumAdjustment, 0xB1B0AFBA minus the file's
// checksum, computed as fpdf computes it (calcInt32): 16 bits at a time,
// a borrow from the high half adding one to it instead of taking one.
// PDF readers ignore the field; the bytes are fpdf's.
func adjustment(sum uint32) uint32 {
	xh, xl := 0xB1B0, 0xAFBA
	yh, yl := int(sum>>16), int(sum&0xFFFF)
	if yl > xl {
		xl += 1 << 16
		xh++
	}
	lo := xl - yl
	if yh > xh {
		xh += 1 << 16
	}
	return uint32((xh-yh)&0xFFFF)<<16 | uint32(lo&0xFFFF)
}

// checksum is the TrueType table checksum: the sum of big-endian 32-bit
// words, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

func be16(b []byte, at int) uint16 { return binary.BigEndian.Uint16(b[at:]) }
func be32(b []byte, at int) uint32 { return binary.BigEndian.Uint32(b[at:]) }

// Prepare reads ahead what drawing and embedding the set of f (With) will
// need: each face's character table (Has) and the tables Subset cuts from
// (about 60 ms for the three embedded faces). A run calls it on a
// goroutine of its own at the start, so that the work is done while the
// input loads rather than on the way to the first chart or PDF.
func Prepare(f *Face) {
	s, err := With(f)
	if err != nil {
		return // the renderers report it
	}
	for _, face := range s.All() {
		face.index()
		face.readCutter()
	}
}
