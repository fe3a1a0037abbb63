package font

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	xfont "golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// checkTables checks the table directory and the header fields the PDF
// library reads without checking them itself: on a font that fails any of
// these it prints a line to stdout ("ERROR - copyright restrictions.",
// "Unknown loca table format 3"; codeberg.org/go-pdf/fpdf utf8fontfile.go,
// parseOS2Table and the parse* functions around it) and goes on to embed
// a font that draws blank or piled-up text, or panics.
func checkTables(b []byte) error {
	if len(b) < 12 {
		return errors.New("not a font file (too short)")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	if n == 0 || 12+16*n > len(b) {
		return fmt.Errorf("table directory of %d tables runs past the end of the file (%d bytes): the file is damaged or cut short", n, len(b))
	}
	tables := map[string][]byte{}
	for i := range n {
		rec := b[12+16*i:]
		tag := string(rec[:4])
		off, size := int64(binary.BigEndian.Uint32(rec[8:])), int64(binary.BigEndian.Uint32(rec[12:]))
		if off+size > int64(len(b)) {
			return fmt.Errorf("table %q (%d bytes at %d) runs past the end of the file (%d bytes): the file is damaged or cut short", tag, size, off, len(b))
		}
		tables[tag] = b[off : off+size]
	}
	for _, tag := range []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post"} {
		if _, ok := tables[tag]; !ok {
			return fmt.Errorf("no %q table: not a complete TrueType font", tag)
		}
	}
	short := func(tag string, need int) error {
		if len(tables[tag]) < need {
			return fmt.Errorf("table %q is %d bytes, too short for its header: the file is damaged", tag, len(tables[tag]))
		}
		return nil
	}
	for tag, need := range map[string]int{"head": 54, "hhea": 36, "maxp": 6, "name": 6, "post": 16, "cmap": 4} {
		if err := short(tag, need); err != nil {
			return err
		}
	}
	if os2, ok := tables["OS/2"]; ok {
		if len(os2) < 10 {
			return errors.New(`table "OS/2" is too short: the file is damaged`)
		}
		// fsType: 0x0002 restricted licence, 0x0100 no subsetting, 0x0200
		// bitmap embedding only; the PDF library refuses all three, exactly so.
		if fs := binary.BigEndian.Uint16(os2[8:]); fs == 0x0002 || fs&0x0300 != 0 {
			return fmt.Errorf("its licence forbids embedding it in a PDF (OS/2 fsType 0x%04x: %s)", fs, fsTypeWords(fs))
		}
	}
	head, hhea := tables["head"], tables["hhea"]
	upem := binary.BigEndian.Uint16(head[18:])
	locFormat, glyphFormat := int16(binary.BigEndian.Uint16(head[50:])), binary.BigEndian.Uint16(head[52:])
	numGlyphs := int(binary.BigEndian.Uint16(tables["maxp"][4:]))
	metrics := int(binary.BigEndian.Uint16(hhea[34:]))
	switch {
	case upem < 16 || upem > 16384:
		return fmt.Errorf("head table gives %d units per em (16 to 16384 expected): the file is damaged", upem)
	case locFormat != 0 && locFormat != 1:
		return fmt.Errorf("head table gives loca format %d (0 or 1 expected): the file is damaged", locFormat)
	case glyphFormat != 0:
		return fmt.Errorf("head table gives glyph data format %d (0 expected): the file is damaged", glyphFormat)
	case binary.BigEndian.Uint16(hhea[32:]) != 0:
		return errors.New("hhea table gives an unknown metric data format: the file is damaged")
	case numGlyphs < 2:
		return fmt.Errorf("maxp table gives %d glyphs: the file is damaged", numGlyphs)
	case metrics == 0 || metrics > numGlyphs:
		return fmt.Errorf("hhea table gives %d horizontal metrics for %d glyphs: the file is damaged", metrics, numGlyphs)
	case len(tables["hmtx"]) < 4*metrics+2*(numGlyphs-metrics):
		return errors.New("hmtx table is shorter than its glyph count needs: the file is damaged")
	case binary.BigEndian.Uint16(tables["name"]) != 0:
		return errors.New("name table is not format 0, which the PDF library reads")
	}
	entry := 2 << locFormat
	if len(tables["loca"]) < (numGlyphs+1)*entry {
		return errors.New("loca table is shorter than its glyph count needs: the file is damaged")
	}
	return checkCmap(tables["cmap"])
}

// checkCmap wants a Unicode BMP subtable of format 4: the one the PDF
// library looks for (Windows Unicode 3/1 or any Unicode platform 0).
func checkCmap(cmap []byte) error {
	n := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cmap) {
			break
		}
		pid, eid := binary.BigEndian.Uint16(cmap[rec:]), binary.BigEndian.Uint16(cmap[rec+2:])
		off := int(binary.BigEndian.Uint32(cmap[rec+4:]))
		if (pid == 3 && eid == 1 || pid == 0) && off+2 <= len(cmap) && binary.BigEndian.Uint16(cmap[off:]) == 4 {
			return nil
		}
	}
	return errors.New("no Unicode character map of format 4, which the PDF library needs")
}

func fsTypeWords(fs uint16) string {
	var w []string
	if fs&0x000F == 0x0002 {
		w = append(w, "restricted licence")
	}
	if fs&0x0100 != 0 {
		w = append(w, "no subsetting")
	}
	if fs&0x0200 != 0 {
		w = append(w, "bitmap embedding only")
	}
	return strings.Join(w, ", ")
}

var (
	commonOnce sync.Once
	common     string
)

// commonHanzi is the 3,755 hanzi of GB2312 level 1 (bytes B0A1–D7F9), the
// common characters of any simplified-Chinese text.
func commonHanzi() string {
	commonOnce.Do(func() {
		var gb []byte
		for hi := 0xB0; hi <= 0xD7; hi++ {
			for lo := 0xA1; lo <= 0xFE; lo++ {
				if hi == 0xD7 && lo > 0xF9 {
					break
				}
				gb = append(gb, byte(hi), byte(lo))
			}
		}
		s, err := simplifiedchinese.GBK.NewDecoder().Bytes(gb)
		if err == nil {
			common = string(s)
		}
	})
	return common
}

// Verify checks a face given with --font before anything is drawn with it:
// that it covers the probe and the 3,755 common hanzi (GB2312 level 1), and
// that every one of those glyphs has an outline and a sane advance (a
// damaged glyf or hmtx table parses, then draws blank or piled-up text);
// then it embeds the face in a one-page PDF, as the briefing will, so the
// PDF library's own failures surface here and not as an internal error.
func (f *Face) Verify() error {
	if err := checkTables(f.TTF); err != nil {
		return err
	}
	if missing := f.Missing(commonHanzi()); len(missing) > 0 {
		return fmt.Errorf("it lacks %d of the 3,755 common hanzi (GB2312 level 1), such as %q: a simplified-Chinese face is needed", len(missing), string(missing[:min(len(missing), 10)]))
	}
	var buf sfnt.Buffer
	upem := fixed.Int26_6(f.Font.UnitsPerEm())
	ppem := upem // outlines and advances in font units
	var bad []rune
	for _, r := range probe + commonHanzi() {
		if r > ' ' && !glyphOK(f.Font, &buf, r, ppem, upem) {
			bad = append(bad, r)
		}
	}
	if len(bad) > 0 {
		return fmt.Errorf("%d of its glyphs are damaged (no outline, or an advance of zero or beyond four ems), such as %q: the text would be blank or piled up", len(bad), string(bad[:min(len(bad), 10)]))
	}
	return f.tryPDF()
}

// glyphOK: r maps to a glyph whose outline loads and is not empty, whose
// advance is positive and under four ems, and whose bounds lie within a
// few ems of the origin.
func glyphOK(font *sfnt.Font, buf *sfnt.Buffer, r rune, ppem, upem fixed.Int26_6) bool {
	gi, err := font.GlyphIndex(buf, r)
	if err != nil || gi == 0 {
		return false
	}
	adv, err := font.GlyphAdvance(buf, gi, ppem, xfont.HintingNone)
	if err != nil || adv <= 0 || adv > 4*upem {
		return false
	}
	segs, err := font.LoadGlyph(buf, gi, ppem, nil)
	if err != nil || len(segs) == 0 {
		return false
	}
	bb := segs.Bounds()
	lim := 4 * upem
	return bb.Min.X > -lim && bb.Max.X < lim && bb.Min.Y > -lim && bb.Max.Y < lim && bb.Max.X > bb.Min.X && bb.Max.Y > bb.Min.Y
}

// tryPDF embeds the face in a throwaway one-page PDF with the probe text.
// A panic in the PDF library is caught and becomes the face's error.
func (f *Face) tryPDF() (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("the PDF library cannot embed it (%v)", r)
		}
	}()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddUTF8FontFromBytes("probe", "", f.TTF)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("the PDF library cannot read it: %w", err)
	}
	pdf.AddPage()
	pdf.SetFont("probe", "", 12)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("the PDF library cannot use it: %w", err)
	}
	pdf.Cell(0, 10, probe)
	if w := pdf.GetStringWidth("成都"); !(w > 0) {
		return errors.New("the PDF library measures its Chinese text as zero width")
	}
	if err := pdf.Output(io.Discard); err != nil {
		return fmt.Errorf("the PDF library cannot embed it: %w", err)
	}
	return nil
}
