package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// The GB/T 9704-2012 page, in millimetres: A4, top margin 37, left
// (binding) margin 28, type area 156 × 225.
// They are the type sheet's (report/document), read here and never set.
const (
	pageW   = document.PageW
	pageH   = document.PageH
	marginL = document.MarginL
	marginT = document.MarginT
	areaW   = document.AreaW
	areaH   = document.AreaH
	bottom  = marginT + areaH

	bodySize  = document.BodySize
	bodyPitch = document.BodyPitch
	noteSize  = document.NoteSize
	tableSize = document.TableSize
	ptMM      = 25.4 / 72
)

// Colours.
var (
	black = [3]int{0, 0, 0}
	red   = [3]int{206, 17, 38}
)

// missingMark stands in for a character no embedded face draws (〓, the
// geta mark Chinese typesetting uses for a missing character); a notice
// names the character.
const missingMark = '〓'

// pdfDoc is the PDF with a flowing cursor. Page breaks are taken here, not
// by fpdf, so nothing is ever set below the type area.
type pdfDoc struct {
	pdf    surface // the fpdf document drawn, or a pager (pages.go)
	faces  *font.Set
	family map[*font.Face]string
	zh     bool
	y      float64
	// the current font: role, size, colour
	role font.Role
	size float64
	// widths measure text, fpdf's own widths read from the faces
	// (font.PDFWidths); nil: fpdf measures, the faces embedded whole (a
	// face whose tables the subsetter cannot read).
	widths map[*font.Face]*font.Widths
	// embedded are the faces added to the PDF and the characters each
	// one's subset holds (nil: the whole face); nil for a pager. drawn
	// are the characters each face drew, and missed those it drew outside
	// its subset, or while not embedded (fontsubset.go).
	embedded map[*font.Face]allowed
	drawn    map[*font.Face]allowed
	missed   faceRunes
}

// families are the names fpdf knows the faces by: long enough to be
// renamed in place to the faces' own names (subsetName).
func familyName(i int) string { return fmt.Sprintf("basebriefsubsetface%d", i) }

// newPDFDocRunes is the PDF of doc with the faces of runes embedded, each
// as the subset of its characters (a nil slice: whole); nil runes: every
// face, whole, measured by fpdf.
func newPDFDocRunes(doc *document.Document, faces *font.Set, compress bool, runes faceRunes) *pdfDoc {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", SizeStr: "A4"})
	created := doc.Info.Created
	if created.IsZero() {
		created = time.Unix(0, 0)
	}
	pdf.SetCreationDate(created.UTC())
	pdf.SetModificationDate(created.UTC())
	pdf.SetCatalogSort(true)
	pdf.SetCompression(compress) // else compressPages does it, faster
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginL, marginT, pageW-marginL-areaW)
	d := &pdfDoc{pdf: pdf, faces: faces, family: map[*font.Face]string{}, zh: doc.Lang != "en",
		embedded: map[*font.Face]allowed{}, drawn: map[*font.Face]allowed{}, missed: faceRunes{}}
	if runes != nil {
		d.widths = faceWidths(faces)
	}
	for i, f := range faces.All() {
		d.family[f] = familyName(i)
		rs, ok := runes[f]
		if runes != nil && !ok {
			continue // draws nothing: not embedded
		}
		d.embedded[f] = newAllowed(rs)
		pdf.AddUTF8FontFromBytes(familyName(i), "", faceBytes(f, rs))
	}
	pdf.SetDisplayMode("fullwidth", "single")
	i := doc.Info
	pdf.SetTitle(i.Title, true)
	pdf.SetSubject(i.Subject, true)
	if i.Author != "" {
		pdf.SetAuthor(i.Author, true)
	}
	pdf.SetCreator("basebrief", false)
	pdf.SetKeywords(i.Keywords, true)
	pdf.SetLang(d.t("zh-CN", "en"))
	return d
}

func (d *pdfDoc) t(zh, en string) string {
	if d.zh {
		return zh
	}
	return en
}

// renderPDF draws doc and returns the PDF's bytes, each face embedded as
// the subset of the characters it draws: doc is laid out once, and the
// layout drawn (Layout). A face whose widths cannot be read has every face
// embedded whole and measured by fpdf, doc drawn directly.
func renderPDF(doc *document.Document, faces *font.Set, fpdfCompresses bool) ([]byte, error) {
	l, err := lay(doc, faces)
	if err != nil {
		out, _, err := renderPDFRunes(doc, faces, fpdfCompresses, nil)
		return out, err
	}
	return l.render(fpdfCompresses)
}

// renderPDFRunes draws doc with the faces of runes embedded (as in
// newPDFDocRunes) and returns the PDF and the characters each face drew
// outside its subset.
func renderPDFRunes(doc *document.Document, faces *font.Set, fpdfCompresses bool, runes faceRunes) ([]byte, faceRunes, error) {
	d := newPDFDocRunes(doc, faces, fpdfCompresses, runes)
	if err := d.pdf.Error(); err != nil {
		return nil, nil, fmt.Errorf("fonts: %w", err)
	}
	d.layout(doc)
	out, err := d.pdf.(*fpdf.Fpdf).Bytes()
	if err != nil {
		return nil, nil, err
	}
	if len(d.missed) > 0 { // the last footer is set in Bytes (as in Output)
		return nil, d.missed, nil
	}
	if !fpdfCompresses {
		out = compressPages(out)
	}
	for i, f := range faces.All() {
		out = subsetName(out, familyName(i), f.Name)
	}
	return out, nil, nil
}

// layouts counts the layouts run, for the tests: one a PDF.
var layouts atomic.Int64

// layout sets doc's pages, from the masthead to the colophon.
func (d *pdfDoc) layout(doc *document.Document) {
	layouts.Add(1)
	d.pdf.SetFooterFunc(d.footer)
	d.newPage()
	if doc.Masthead.Title != "" || doc.Masthead.Plain {
		d.drawMasthead(doc.Masthead)
	}
	for i, blk := range doc.Blocks {
		var next document.Block
		if i+1 < len(doc.Blocks) {
			next = doc.Blocks[i+1]
		}
		d.draw(blk, next)
	}
	if len(doc.Colophon.Printed) > 0 || len(doc.Colophon.Lines) > 0 {
		d.drawColophon(doc.Colophon)
	}
}

// draw sets one block from the cursor on; next is the block after it, for
// a heading to keep with.
func (d *pdfDoc) draw(blk, next document.Block) {
	switch v := blk.(type) {
	case document.Heading:
		d.heading(v, next)
	case document.Paragraph:
		d.paragraphBlock(v)
	case document.KeyFigures:
		d.kfGrid(v.Items)
	case document.Table:
		d.drawTable(v)
	case document.Figure:
		d.figure(v)
	case document.PageBreak:
		d.newPage()
	}
}

// subsetName renames an embedded font from fpdf's "utf8<family>" to a
// subset tag and the face's name, "BBRIEF+WenQuanYiMicroHei", as PDF
// readers and pdffonts expect of a subset font. The new name has the same
// length, so the cross-reference offsets stay right, and is written over
// the old in pdf, which it returns.
func subsetName(pdf []byte, family, faceName string) []byte {
	old := []byte("/utf8" + family + "\n")
	var b strings.Builder
	for _, r := range faceName {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	name := "/BBRIEF+" + b.String()
	if len(name) > len(old)-1 {
		name = name[:len(old)-1]
	}
	name += strings.Repeat("-", len(old)-1-len(name))
	for rest := pdf; ; {
		i := bytes.Index(rest, old)
		if i < 0 {
			return pdf
		}
		copy(rest[i:], name)
		rest = rest[i+len(old):]
	}
}

func (d *pdfDoc) newPage() {
	d.pdf.AddPage()
	d.y = marginT
}

// room reports how much of the type area is left on this page.
func (d *pdfDoc) room() float64 { return bottom - d.y }

// ensure starts a new page unless h millimetres are left.
func (d *pdfDoc) ensure(h float64) {
	if d.y+h > bottom+1e-6 {
		d.newPage()
	}
}

// font selects a role's face at size pt in colour c.
func (d *pdfDoc) font(role font.Role, size float64, c [3]int) {
	d.role, d.size = role, size
	d.pdf.SetTextColor(c[0], c[1], c[2])
}

// span is a piece of text one face draws.
type span struct {
	face *font.Face
	text string
}

// runs cuts s into spans by the face that draws each character in the
// current role; a character none draws becomes the missing mark. A span is
// a slice of s unless it has a missing mark (or bytes that are not UTF-8,
// which become U+FFFD), written anew then.
func (d *pdfDoc) runs(s string) []span {
	var out []span
	var cur *font.Face
	start, marked := 0, false
	for i, r := range s {
		f, c := d.pick(r, cur)
		if f != cur && i > start {
			out = append(out, span{cur, d.spanText(s[start:i], marked)})
			start, marked = i, false
		}
		cur = f
		marked = marked || c != r || r == utf8.RuneError
	}
	if len(s) > start {
		out = append(out, span{cur, d.spanText(s[start:], marked)})
	}
	return out
}

// spanText is the text a span of s draws: s, or where marked, s with
// each character no face draws as the missing mark (pick).
func (d *pdfDoc) spanText(s string, marked bool) string {
	if !marked {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		_, c := d.pick(r, nil)
		b.WriteRune(c)
	}
	return b.String()
}

// pick is the face that draws r in the current role, cur being the face
// of the character before, and the character drawn: r, or the missing
// mark if no face has it. A space or control character no face has goes
// with the face before it.
func (d *pdfDoc) pick(r rune, cur *font.Face) (*font.Face, rune) {
	if f := d.faces.Pick(d.role, r); f != nil {
		return f, r
	}
	if r <= ' ' {
		if cur == nil {
			return d.faces.Faces[d.role], r
		}
		return cur, r
	}
	return d.faces.Pick(d.role, missingMark), missingMark
}

func (d *pdfDoc) setFace(f *font.Face) { d.pdf.SetFont(d.family[f], "", d.size) }

// width measures s in the current role and size: the widths of its
// spans (runs) summed, as measure gives each, without cutting s into them.
func (d *pdfDoc) width(s string) float64 {
	if d.widths == nil {
		w := 0.0
		for _, r := range d.runs(s) {
			w += d.measure(r)
		}
		return w
	}
	em := d.size / k
	w := 0.0
	var cur *font.Face
	var cw *font.Widths
	n := 0 // thousandths of an em, of the span so far
	for _, r := range s {
		f, r := d.pick(r, cur)
		if f != cur {
			if cur != nil {
				w += float64(n) * em / 1000
			}
			cur, cw, n = f, d.widths[f], 0
		}
		n += cw.Rune(r)
	}
	if cur != nil {
		w += float64(n) * em / 1000
	}
	return w
}

// measure is the width of a span at the current size: fpdf's
// GetStringWidth, computed from the face's widths as fpdf computes it (the
// same float), or fpdf's own where there are no widths.
func (d *pdfDoc) measure(r span) float64 {
	if d.widths == nil {
		d.setFace(r.face)
		return d.pdf.GetStringWidth(r.text)
	}
	return float64(d.widths[r.face].Measure(r.text)) * (d.size / k) / 1000
}

// text sets s with its baseline at y. bold strokes the outline too (the
// faces have no bold); spread adds that much space between characters,
// for justified lines.
func (d *pdfDoc) text(x, y float64, s string, bold bool, spread float64) {
	if s == "" {
		return
	}
	if bold {
		d.pdf.SetLineWidth(0.25 * ptMM * d.size / bodySize)
		r, g, b := d.pdf.GetTextColor()
		d.pdf.SetDrawColor(r, g, b)
		d.pdf.SetTextRenderingMode(2)
	}
	if spread != 0 {
		d.pdf.RawWriteStr(fmt.Sprintf("%.3f Tc", spread/ptMM))
	}
	for _, r := range d.runs(s) {
		if d.draws(r) {
			d.setFace(r.face)
			d.pdf.Text(x, y, r.text)
		}
		x += d.measure(r) + spread*float64(len([]rune(r.text)))
	}
	if spread != 0 {
		d.pdf.RawWriteStr("0 Tc")
	}
	if bold {
		d.pdf.SetTextRenderingMode(0)
	}
}

// baseline is where text of the current size sits in a line box of height
// h starting at y: the em box centred in the line.
func (d *pdfDoc) baseline(y, h float64) float64 {
	em := d.size * ptMM
	return y + (h-em)/2 + em*0.86
}

// skip moves the cursor down h millimetres, never past the type area.
func (d *pdfDoc) skip(h float64) {
	d.y += h
	if d.y > bottom {
		d.y = bottom
	}
}

// bookmark adds an outline entry at the cursor. A UTF-8 font is set first
// so fpdf takes the title as UTF-8 (bookmarkFace); a pager records that
// the font is set, the face being known only once the layout is done.
func (d *pdfDoc) bookmark(title string, level int) {
	if p, ok := d.pdf.(*pager); ok {
		p.bookmarkFont(d.size)
	} else if f := d.bookmarkFace(); f != nil {
		d.setFace(f)
	}
	d.pdf.Bookmark(title, level, d.y)
}

// bookmarkFace is the face bookmarks' titles are set in: the heading
// face, or another embedded one if it draws nothing; nil if none is.
func (d *pdfDoc) bookmarkFace() *font.Face {
	if f := d.faces.Faces[font.Hei]; d.isEmbedded(f) {
		return f
	}
	for _, e := range d.faces.All() {
		if d.isEmbedded(e) {
			return e
		}
	}
	return nil
}

// hrule draws a horizontal rule across the type area at y.
func (d *pdfDoc) hrule(y, widthPt float64, c [3]int) {
	d.pdf.SetDrawColor(c[0], c[1], c[2])
	d.pdf.SetLineWidth(widthPt * ptMM)
	d.pdf.Line(marginL, y, marginL+areaW, y)
}

// footer writes the page number, "— 1 —" in 四号, 7 mm below the type
// area: odd pages at the right, even pages at the left, one character in.
func (d *pdfDoc) footer() {
	n := d.pdf.PageNo()
	d.font(d.textRole(), noteSize, black)
	s := "— " + strconv.Itoa(n) + " —"
	em := noteSize * ptMM
	x := marginL + em
	if n%2 == 1 {
		x = marginL + areaW - em - d.width(s)
	}
	d.text(x, bottom+7+em*0.86, s, false, 0)
}

// Options set how the PDF is drawn.
type Options struct {
	// Face is a TrueType face given with --font, used in every role with
	// the embedded faces standing in for what it lacks; nil: the embedded
	// faces.
	Face *font.Face

	fpdfCompresses bool // tests: let fpdf compress the pages, to compare
}

// Write renders doc as an A4 PDF to w. Only the face is chosen here: the
// content is doc's.
func Write(w io.Writer, doc *document.Document, opts Options) error {
	out, err := Render(doc, opts)
	if err != nil {
		return err
	}
	if _, err := w.Write(out); err != nil {
		return fmt.Errorf("write PDF: %w", err)
	}
	return nil
}

// Render is Write's PDF as bytes of its own: a packet keeps them as they
// are, where writing them into a buffer copied each PDF once more (with
// --slices, 64 PDFs of up to 0.5 MB, each copy fresh memory).
func Render(doc *document.Document, opts Options) ([]byte, error) {
	if doc == nil {
		return nil, errors.New("write PDF: no document")
	}
	faces, err := font.With(opts.Face)
	if err != nil {
		return nil, fmt.Errorf("write PDF: %w", err)
	}
	out, err := renderPDF(doc, faces, opts.fpdfCompresses)
	if err != nil {
		return nil, fmt.Errorf("write PDF: %w", err)
	}
	return out, nil
}
