package pdf

import (
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// surface is what pdfDoc asks of fpdf: a real *fpdf.Fpdf to draw, or a
// pager to lay the document out and count its pages.
type surface interface {
	AddPage()
	PageNo() int
	Error() error
	SetFooterFunc(func())
	SetFont(family, style string, size float64)
	GetStringWidth(s string) float64
	Text(x, y float64, s string)
	RawWriteStr(s string)
	SetTextColor(r, g, b int)
	GetTextColor() (int, int, int)
	SetTextRenderingMode(mode int)
	SetDrawColor(r, g, b int)
	SetFillColor(r, g, b int)
	SetLineWidth(w float64)
	Line(x1, y1, x2, y2 float64)
	Rect(x, y, w, h float64, style string)
	Bookmark(title string, level int, y float64)
	RegisterImageOptionsReader(name string, opts fpdf.ImageOptions, r io.Reader) *fpdf.ImageInfoType
	ImageOptions(name string, x, y, w, h float64, flow bool, opts fpdf.ImageOptions, link int, linkStr string)
}

var _ surface = (*fpdf.Fpdf)(nil)

// newPager is newPDFDocRunes with a pager for the fpdf document.
func newPager(doc *document.Document, faces *font.Set) (*pdfDoc, error) {
	// A briefing records about 1,700 calls, an annex fewer.
	p := &pager{fonts: map[string]*font.Widths{}, ops: make([]op, 0, 1024)}
	d := &pdfDoc{pdf: p, faces: faces, family: map[*font.Face]string{}, zh: doc.Lang != "en",
		widths: map[*font.Face]*font.Widths{}, drawn: map[*font.Face]allowed{}}
	for i, f := range faces.All() {
		w, err := f.PDFWidths()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		d.family[f] = familyName(i)
		d.widths[f] = w
		p.fonts[familyName(i)] = w
	}
	return d, nil
}

// pager is a surface that lays the document out without a PDF: it keeps
// what layout reads back (the page number, the current font's widths, the
// text colour) and records every drawing call, in order, for Layout to
// play onto fpdf (layout.go). Like fpdf, it calls the footer when a page
// ends (the footer sets pdfDoc's font and colour) and then restores the
// font and text colour that were current; the footer's calls are recorded
// apart, for the footer function fpdf calls at the same points.
type pager struct {
	fonts   map[string]*font.Widths
	page    int
	footer  func()
	family  string
	cur     *font.Widths
	size    float64 // the font size in points
	em      float64 // the font size in millimetres, as fpdf's fontSize
	text    [3]int  // the text colour, as fpdf's GetTextColor gives it back
	ops     []op    // the drawing, the footers' calls left out
	footers [][]op  // each page's footer calls, page by page
}

// k is fpdf's scale factor for millimetres (fpdf.go, NewCustom): points
// per millimetre.
const k = 72.0 / 25.4

func (p *pager) AddPage() {
	if p.page > 0 {
		p.endPage()
	}
	p.page++
	p.ops = append(p.ops, op{kind: opAddPage})
}

// endPage calls the footer as fpdf does where a page ends (AddPage, Close),
// recording its calls apart, and restores the state fpdf restores.
func (p *pager) endPage() {
	if p.footer == nil {
		p.footers = append(p.footers, nil)
		return
	}
	family, size, text, ops := p.family, p.size, p.text, p.ops
	p.ops = nil
	p.footer()
	p.footers = append(p.footers, p.ops)
	p.ops = ops
	p.selectFont(family, size)
	p.text = text
}

func (p *pager) PageNo() int             { return p.page }
func (p *pager) Error() error            { return nil }
func (p *pager) SetFooterFunc(fn func()) { p.footer = fn }
func (p *pager) SetFont(family, _ string, size float64) {
	p.selectFont(family, size)
	p.ops = append(p.ops, op{kind: opFont, s: family, f: [4]float64{size}})
}

func (p *pager) selectFont(family string, size float64) {
	p.family, p.cur, p.size, p.em = family, p.fonts[family], size, size/k
}

// bookmarkFont records the selection of the font a bookmark's title is
// given in, at size (pdfDoc's current size): which face is decided only as
// the PDF is drawn, when it is known which faces are embedded
// (bookmarkFace).
func (p *pager) bookmarkFont(size float64) {
	p.ops = append(p.ops, op{kind: opBookmarkFont, f: [4]float64{size}})
}

// GetStringWidth is fpdf's: the widths' sum, in thousandths of an em,
// times the size in millimetres, over 1000 (the same operations, so the
// same float).
func (p *pager) GetStringWidth(s string) float64 {
	if p.cur == nil {
		return 0
	}
	return float64(p.cur.Measure(s)) * p.em / 1000
}

func (p *pager) Text(x, y float64, s string) {
	p.ops = append(p.ops, op{kind: opText, s: s, f: [4]float64{x, y}})
}
func (p *pager) RawWriteStr(s string) { p.ops = append(p.ops, op{kind: opRaw, s: s}) }

// SetTextColor records a change of the text colour only: pdfDoc.font sets
// it at every measurement, and fpdf's SetTextColor of the colour already
// set changes nothing (it writes nothing to the page; the text colour is
// written with each text, and colorFlag compares it with the fill colour,
// which SetFillColor and AddPage keep in step).
func (p *pager) SetTextColor(r, g, b int) {
	c := [3]int{clamp(r), clamp(g), clamp(b)}
	if c == p.text {
		return
	}
	p.text = c
	p.ops = append(p.ops, op{kind: opTextColor, i: c})
}
func (p *pager) GetTextColor() (int, int, int) { return p.text[0], p.text[1], p.text[2] }
func (p *pager) SetTextRenderingMode(mode int) {
	p.ops = append(p.ops, op{kind: opRenderMode, i: [3]int{mode}})
}
func (p *pager) SetDrawColor(r, g, b int) {
	p.ops = append(p.ops, op{kind: opDrawColor, i: [3]int{r, g, b}})
}
func (p *pager) SetFillColor(r, g, b int) {
	p.ops = append(p.ops, op{kind: opFillColor, i: [3]int{r, g, b}})
}
func (p *pager) SetLineWidth(w float64) {
	p.ops = append(p.ops, op{kind: opLineWidth, f: [4]float64{w}})
}
func (p *pager) Line(x1, y1, x2, y2 float64) {
	p.ops = append(p.ops, op{kind: opLine, f: [4]float64{x1, y1, x2, y2}})
}
func (p *pager) Rect(x, y, w, h float64, style string) {
	p.ops = append(p.ops, op{kind: opRect, s: style, f: [4]float64{x, y, w, h}})
}
func (p *pager) Bookmark(title string, level int, y float64) {
	p.ops = append(p.ops, op{kind: opBookmark, s: title, i: [3]int{level}, f: [4]float64{y}})
}

// RegisterImageOptionsReader records r to be read when the PDF is drawn;
// fpdf's answer, the image's size, is not read by layout.
func (p *pager) RegisterImageOptionsReader(name string, opts fpdf.ImageOptions, r io.Reader) *fpdf.ImageInfoType {
	p.ops = append(p.ops, op{kind: opRegisterImage, s: name, image: &imageArgs{opts: opts, r: r}})
	return nil
}

func (p *pager) ImageOptions(name string, x, y, w, h float64, flow bool, opts fpdf.ImageOptions, link int, linkStr string) {
	p.ops = append(p.ops, op{kind: opImage, s: name, f: [4]float64{x, y, w, h},
		image: &imageArgs{opts: opts, flow: flow, link: link, linkStr: linkStr}})
}

// clamp is fpdf's colorComp: a colour component kept within 0–255.
func clamp(v int) int { return min(max(v, 0), 255) }
