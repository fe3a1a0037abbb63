package pdf

import (
	"errors"
	"fmt"
	"io"

	"codeberg.org/go-pdf/fpdf"

	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// Layout is a document laid out once for its PDF: its page count, the
// characters each face draws, and the drawing, recorded call by call.
// report/briefing's Fit lays out each shape it tries and draws the layout
// it keeps, and Write draws the layout it makes: the document is laid out
// once per PDF. Before, the PDF kept was laid out three times, to count
// its pages (Fit), to find what each face draws (the subsets are cut to it
// before fpdf sees a face) and to draw it (issue 25). Drawing the
// recording makes the calls the drawing layout made, in order, so the PDF
// is the same bytes.
type Layout struct {
	doc   *document.Document
	faces *font.Set
	pages int
	runes faceRunes
	ops   []op   // the drawing, as the pager recorded it
	foot  [][]op // each page's footer
}

// op is one drawing call the pager recorded (pager methods of the same
// names); image holds an image's arguments.
type op struct {
	kind  opKind
	s     string
	i     [3]int
	f     [4]float64
	image *imageArgs
}

type opKind uint8

const (
	opAddPage       opKind = iota
	opFont                 // s family, f[0] size
	opBookmarkFont         // f[0] size: the face bookmarkFace picks
	opText                 // s at f[0], f[1]
	opRaw                  // s
	opTextColor            // i
	opRenderMode           // i[0]
	opDrawColor            // i
	opFillColor            // i
	opLineWidth            // f[0]
	opLine                 // f
	opRect                 // f, style s
	opBookmark             // title s, level i[0], y f[0]
	opRegisterImage        // name s, image
	opImage                // name s, f, image
)

type imageArgs struct {
	opts    fpdf.ImageOptions
	r       io.Reader
	flow    bool
	link    int
	linkStr string
}

// Lay lays doc out for its PDF, as Write draws it; the faces are opts'.
func Lay(doc *document.Document, opts Options) (*Layout, error) {
	if doc == nil {
		return nil, errors.New("lay out PDF: no document")
	}
	faces, err := font.With(opts.Face)
	if err != nil {
		return nil, fmt.Errorf("lay out PDF: %w", err)
	}
	l, err := lay(doc, faces)
	if err != nil {
		return nil, fmt.Errorf("lay out PDF: %w", err)
	}
	return l, nil
}

// lay lays doc out with a pager. An error: a face's widths cannot be read.
func lay(doc *document.Document, faces *font.Set) (*Layout, error) {
	d, err := newPager(doc, faces)
	if err != nil {
		return nil, err
	}
	d.layout(doc)
	p := d.pdf.(*pager)
	p.endPage() // fpdf sets the last page's footer when it closes the document
	runes := faceRunes{}
	for f, set := range d.drawn {
		set.add(0) // fpdf cuts U+0000's glyph into every font
		runes[f] = set.runes()
	}
	return &Layout{doc: doc, faces: faces, pages: p.page, runes: runes, ops: p.ops, foot: p.footers}, nil
}

// Pages is the number of pages of the PDF.
func (l *Layout) Pages() int { return l.pages }

// PDF draws the layout: the PDF's bytes, each face that draws embedded as
// the subset of what it draws.
func (l *Layout) PDF() ([]byte, error) {
	out, err := l.render(false)
	if err != nil {
		return nil, fmt.Errorf("write PDF: %w", err)
	}
	return out, nil
}

// render draws the recording into a PDF with the faces of l.runes
// embedded, as renderPDFRunes draws the document.
func (l *Layout) render(fpdfCompresses bool) ([]byte, error) {
	d := newPDFDocRunes(l.doc, l.faces, fpdfCompresses, l.runes)
	pdf := d.pdf.(*fpdf.Fpdf)
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("fonts: %w", err)
	}
	mark := d.bookmarkFace()
	page := 0
	pdf.SetFooterFunc(func() {
		if page < len(l.foot) {
			l.play(pdf, d, mark, l.foot[page])
		}
		page++
	})
	l.play(pdf, d, mark, l.ops)
	out, err := pdf.Bytes()
	if err != nil {
		return nil, err
	}
	if !fpdfCompresses {
		out = compressPages(out)
	}
	for i, f := range l.faces.All() {
		out = subsetName(out, familyName(i), f.Name)
	}
	return out, nil
}

// play makes the recorded calls on pdf; mark is the face bookmarks'
// titles are given in (nil: none).
func (l *Layout) play(pdf *fpdf.Fpdf, d *pdfDoc, mark *font.Face, ops []op) {
	for _, o := range ops {
		switch o.kind {
		case opAddPage:
			pdf.AddPage()
		case opFont:
			pdf.SetFont(o.s, "", o.f[0])
		case opBookmarkFont:
			if mark != nil {
				pdf.SetFont(d.family[mark], "", o.f[0])
			}
		case opText:
			pdf.Text(o.f[0], o.f[1], o.s)
		case opRaw:
			pdf.RawWriteStr(o.s)
		case opTextColor:
			pdf.SetTextColor(o.i[0], o.i[1], o.i[2])
		case opRenderMode:
			pdf.SetTextRenderingMode(o.i[0])
		case opDrawColor:
			pdf.SetDrawColor(o.i[0], o.i[1], o.i[2])
		case opFillColor:
			pdf.SetFillColor(o.i[0], o.i[1], o.i[2])
		case opLineWidth:
			pdf.SetLineWidth(o.f[0])
		case opLine:
			pdf.Line(o.f[0], o.f[1], o.f[2], o.f[3])
		case opRect:
			pdf.Rect(o.f[0], o.f[1], o.f[2], o.f[3], o.s)
		case opBookmark:
			pdf.Bookmark(o.s, o.i[0], o.f[0])
		case opRegisterImage:
			if s, ok := o.image.r.(io.Seeker); ok {
				s.Seek(0, io.SeekStart) // drawn again: read from the start
			}
			pdf.RegisterImageOptionsReader(o.s, o.image.opts, o.image.r)
		case opImage:
			a := o.image
			pdf.ImageOptions(o.s, o.f[0], o.f[1], o.f[2], o.f[3], a.flow, a.opts, a.link, a.linkStr)
		}
	}
}
