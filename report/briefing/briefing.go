package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/font"
)

// Options set how the briefing is written.
type Options struct {
	Lang vocab.Lang // zh (default) or en
	Face *font.Face // nil: the embedded WenQuanYi Micro Hei
	// Created is the document's creation and modification date, from
	// SOURCE_DATE_EPOCH; the zero time is written as the Unix epoch so the
	// output stays byte-identical.
	Created time.Time
	Charts  []Figure // charts to place, in order
	// AwaitCharts, when set, supplies the charts instead of Charts. It is
	// called when the charts section is reached, so the caller can render
	// them while the pages before it are laid out; the PDF is the same
	// either way.
	AwaitCharts func() []Figure

	fpdfCompresses bool // tests: let fpdf compress the pages, to compare
}

// Figure is one rendered chart.
type Figure struct {
	Name  string // file stem, e.g. "city-members"
	Title string // caption
	PNG   []byte
}

// Write renders the briefing of c as a PDF to w.
func Write(w io.Writer, c *analysis.Comparison, opts Options) error {
	if c == nil {
		return errors.New("write briefing: no comparison")
	}
	face := opts.Face
	if face == nil {
		var err error
		if face, err = font.Default(); err != nil {
			return fmt.Errorf("write briefing: %w", err)
		}
	}
	if opts.Lang == "" {
		opts.Lang = vocab.Zh
	}
	d := &doc{pdf: newPDF(face, opts), lang: opts.Lang}
	if err := d.pdf.Error(); err != nil {
		return fmt.Errorf("write briefing: font %s: %w", face.Name, err)
	}
	m := masthead(c, opts)
	d.setInfo(c, m)
	d.pdf.SetFooterFunc(d.footer)
	d.newPage()
	d.drawMasthead(m)
	if err := d.render(c, opts, m); err != nil {
		return fmt.Errorf("write briefing: %w", err)
	}
	d.drawColophon(m)
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return fmt.Errorf("write briefing: %w", err)
	}
	out := buf.Bytes()
	if !opts.fpdfCompresses {
		out = compressPages(out)
	}
	if _, err := w.Write(subsetName(out, face.Name)); err != nil {
		return fmt.Errorf("write briefing: %w", err)
	}
	return nil
}

// subsetName renames the embedded font from fpdf's "utf8<family>" to a
// subset tag and the face's name, "BBRIEF+WenQuanYiMicroHei", as PDF
// readers and pdffonts expect of a subset font. The new name has the same
// length, so the cross-reference offsets stay right.
func subsetName(pdf []byte, faceName string) []byte {
	old := "/utf8" + family
	var b strings.Builder
	for _, r := range faceName {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	name := "/BBRIEF+" + b.String()
	if len(name) > len(old) {
		name = name[:len(old)]
	}
	name += strings.Repeat("-", len(old)-len(name))
	return bytes.ReplaceAll(pdf, []byte(old+"\n"), []byte(name+"\n"))
}

func newPDF(face *font.Face, opts Options) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "mm", SizeStr: "A4"})
	created := opts.Created
	if created.IsZero() {
		created = time.Unix(0, 0)
	}
	pdf.SetCreationDate(created.UTC())
	pdf.SetModificationDate(created.UTC())
	pdf.SetCatalogSort(true)
	pdf.SetCompression(opts.fpdfCompresses) // else compressPages does it, faster
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(marginL, marginT, pageW-marginL-areaW)
	pdf.AddUTF8FontFromBytes(family, "", face.TTF)
	pdf.SetDisplayMode("fullwidth", "single")
	return pdf
}

func (d *doc) setInfo(c *analysis.Comparison, m mast) {
	d.pdf.SetTitle(m.title+" "+m.issue, true)
	d.pdf.SetSubject(m.subject, true)
	if m.unit != "" {
		d.pdf.SetAuthor(m.unit, true)
	}
	d.pdf.SetCreator("basebrief", false)
	d.pdf.SetKeywords(d.t("新的社会阶层人士 实践创新基地 ", "new social strata innovation bases ")+c.Period.String(), true)
	d.pdf.SetLang(d.t("zh-CN", "en"))
}

// render sets the body, section by section.
func (d *doc) render(c *analysis.Comparison, opts Options, m mast) error {
	d.headline(m)
	d.keyFigures(c)
	d.narrative(c)
	d.provinces(c)
	figs := opts.Charts
	if opts.AwaitCharts != nil {
		figs = opts.AwaitCharts()
	}
	figs, err := distinctWidths(figs)
	if err != nil {
		return err
	}
	if len(figs) > 0 {
		d.charts(figs)
	}
	d.tablesSection(c)
	if len(c.Regions) > 1 {
		d.crossRegion(c)
	}
	if len(c.Stated) > 0 {
		d.reconciliation(c)
	}
	d.appendix(c)
	return nil
}
