package pdf

import (
	"errors"
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

// Pages lays doc out as Write draws it and returns its page count, without
// drawing: no face is added to a PDF, no image read, nothing written.
// report/briefing's Fit calls it for every shape it tries (up to 14 a
// briefing), and Write only for the one it keeps; with a PDF drawn for
// each, the national province slices spent a third of their time there
// (issue 25). The widths are fpdf's own (font.Widths), so every line
// breaks where Write breaks it and the count is the PDF's.
func Pages(doc *document.Document, opts Options) (int, error) {
	if doc == nil {
		return 0, errors.New("lay out PDF: no document")
	}
	faces, err := font.With(opts.Face)
	if err != nil {
		return 0, fmt.Errorf("lay out PDF: %w", err)
	}
	d, err := newPager(doc, faces)
	if err != nil {
		return 0, fmt.Errorf("lay out PDF: %w", err)
	}
	d.layout(doc)
	return d.pdf.PageNo(), nil
}

// newPager is newPDFDoc with a pager for the fpdf document.
func newPager(doc *document.Document, faces *font.Set) (*pdfDoc, error) {
	p := &pager{fonts: map[string]*font.Widths{}}
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

// pager is a surface that only keeps what layout reads back: the page
// number and the current font's widths. Like fpdf, it calls the footer
// when a page ends (the footer sets pdfDoc's font) and then selects again
// the font that was current.
type pager struct {
	fonts  map[string]*font.Widths
	page   int
	footer func()
	family string
	cur    *font.Widths
	size   float64 // the font size in points
	em     float64 // the font size in millimetres, as fpdf's fontSize
}

// k is fpdf's scale factor for millimetres (fpdf.go, NewCustom): points
// per millimetre.
const k = 72.0 / 25.4

func (p *pager) AddPage() {
	if p.page > 0 && p.footer != nil {
		family, size := p.family, p.size
		p.footer()
		p.SetFont(family, "", size)
	}
	p.page++
}

func (p *pager) PageNo() int             { return p.page }
func (p *pager) Error() error            { return nil }
func (p *pager) SetFooterFunc(fn func()) { p.footer = fn }
func (p *pager) SetFont(family, _ string, size float64) {
	p.family, p.cur, p.size, p.em = family, p.fonts[family], size, size/k
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

func (p *pager) Text(float64, float64, string)                   {}
func (p *pager) RawWriteStr(string)                              {}
func (p *pager) SetTextColor(int, int, int)                      {}
func (p *pager) GetTextColor() (int, int, int)                   { return 0, 0, 0 }
func (p *pager) SetTextRenderingMode(int)                        {}
func (p *pager) SetDrawColor(int, int, int)                      {}
func (p *pager) SetFillColor(int, int, int)                      {}
func (p *pager) SetLineWidth(float64)                            {}
func (p *pager) Line(float64, float64, float64, float64)         {}
func (p *pager) Rect(float64, float64, float64, float64, string) {}
func (p *pager) Bookmark(string, int, float64)                   {}
func (p *pager) RegisterImageOptionsReader(string, fpdf.ImageOptions, io.Reader) *fpdf.ImageInfoType {
	return nil
}
func (p *pager) ImageOptions(string, float64, float64, float64, float64, bool, fpdf.ImageOptions, int, string) {
}
