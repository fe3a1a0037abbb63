package docx

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/basebrief/basebrief/report/document"
)

// body writes word/document.xml.
type body struct {
	xw
	d    *document.Document
	lang string
	// images are the pictures' PNGs in document order (media/imageN.png).
	images [][]byte
	// breakNext asks the next paragraph to start a page (a PageBreak
	// block becomes w:pageBreakBefore, not an empty paragraph).
	breakNext bool
}

// pp are a paragraph's own properties beyond its style.
type pp struct {
	style    string
	keepNext bool
	border   string // a w:pBdr element
	tabs     string // a w:tabs element
	spacing  string // a w:spacing element
	ind      string // a w:ind element
	jc       string
}

// rp are a run's own properties beyond its paragraph's style.
type rp struct {
	style string  // a character style
	bold  bool    //
	size  float64 // pt; 0 the style's
}

func (b *body) write() []byte {
	b.raw(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:wp="` + nsWP +
		`" xmlns:a="` + nsA + `" xmlns:pic="` + nsPic + `"><w:body>`)
	b.masthead(b.d.Masthead)
	for _, blk := range b.d.Blocks {
		switch v := blk.(type) {
		case document.Heading:
			b.heading(v)
		case document.Paragraph:
			b.paragraph(v)
		case document.KeyFigures:
			b.keyFigures(v)
		case document.Table:
			b.table(v)
		case document.Figure:
			b.figure(v)
		case document.PageBreak:
			b.breakNext = true
		}
	}
	b.colophon(b.d.Colophon)
	b.sectPr()
	b.raw(`</w:body></w:document>`)
	return b.Bytes()
}

// pOpen opens a paragraph and writes its properties in schema order.
func (b *body) pOpen(p pp) {
	b.raw(`<w:p><w:pPr>`)
	b.val("w:pStyle", p.style)
	if p.keepNext {
		b.raw(`<w:keepNext/>`)
	}
	if b.breakNext {
		b.raw(`<w:pageBreakBefore/>`)
		b.breakNext = false
	}
	b.raw(p.border)
	b.raw(p.tabs)
	b.raw(p.spacing)
	b.raw(p.ind)
	if p.jc != "" {
		b.val("w:jc", p.jc)
	}
	b.raw(`</w:pPr>`)
}

func (b *body) pClose() { b.raw(`</w:p>`) }

// para writes a paragraph of one run.
func (b *body) para(p pp, text string, r rp) {
	b.pOpen(p)
	b.run(text, r)
	b.pClose()
}

// run writes text as runs; line breaks become w:br and tabs w:tab. In a
// Chinese document each number (5.1%, 96.8, 3,000) is a run of its own in
// English: LibreOffice takes digits after Chinese characters for Chinese
// text and breaks them as it breaks Chinese, anywhere a full stop may end
// a line ("同比增长5./1%", "96./8万"); a number whose run is in English it
// keeps whole, as Word does.
func (b *body) run(text string, r rp) {
	text = clean(text)
	if text == "" {
		return
	}
	if b.lang == "en" || ascii(text) {
		b.runOf(text, r, false)
		return
	}
	at := 0
	for {
		start, end, ok := nextNumber(text, at)
		if !ok {
			break
		}
		b.runOf(text[at:start], r, false)
		b.runOf(text[start:end], r, true)
		at = end
	}
	b.runOf(text[at:], r, false)
}

// runOf writes text as one run, in English when latin is set.
func (b *body) runOf(text string, r rp, latin bool) {
	if text == "" {
		return
	}
	b.raw(`<w:r>`)
	b.rPr(text, r, latin)
	for i, line := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		if i > 0 {
			b.raw(`<w:br/>`)
		}
		for j, part := range strings.Split(line, "\t") {
			if j > 0 {
				b.raw(`<w:tab/>`)
			}
			if part != "" {
				b.raw(`<w:t xml:space="preserve">`)
				b.text(part)
				b.raw(`</w:t>`)
			}
		}
	}
	b.raw(`</w:r>`)
}

// rPr writes a run's properties. In a Chinese document, a run with
// characters beyond ASCII is hinted East Asian, so that quotation marks,
// dashes and the middle dot, which Chinese and Latin faces share, are set
// full-width in the Chinese face as Word does when one types them.
func (b *body) rPr(text string, r rp, latin bool) {
	hint := b.lang != "en" && !ascii(text)
	if r.style == "" && !r.bold && r.size == 0 && !hint && !latin {
		return
	}
	b.raw(`<w:rPr>`)
	if r.style != "" {
		b.val("w:rStyle", r.style)
	}
	if hint {
		b.raw(`<w:rFonts w:hint="eastAsia"/>`)
	}
	if r.bold {
		b.raw(`<w:b/><w:bCs/>`)
	}
	if r.size > 0 {
		hp := strconv.Itoa(int(r.size * 2))
		b.raw(`<w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/>`)
	}
	if latin {
		// The East Asian language too: LibreOffice breaks digits by
		// the language of the script it gives them, East Asian here.
		b.raw(`<w:lang w:val="en-US" w:eastAsia="en-US"/>`)
	}
	b.raw(`</w:rPr>`)
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// ems is the width of s in ems: Chinese characters and full-width forms
// one, everything else about half, and a quarter em more wherever a
// Chinese character meets a Latin letter or digit. Word sets those
// boundaries solid, as the file asks (autoSpaceDE and autoSpaceDN off,
// stylesXML), but LibreOffice's Word import ignores both settings
// (writerfilter's DomainMapper passes over them) and widens each by about
// a quarter em: 3357.5万 measured to fit its key-figure box broke there
// as 3357.5 / 万.
func ems(s string) float64 {
	w := 0.0
	prev := 0 // 1: a Chinese character, 2: a Latin letter or digit
	for _, r := range s {
		w += em(r)
		class := 0
		switch {
		case unicode.Is(unicode.Han, r):
			class = 1
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			class = 2
		}
		if class != 0 && prev != 0 && class != prev {
			w += 0.25
		}
		prev = class
	}
	return w
}

// em is r's advance in ems, generous: Latin by the widest face a reader is
// likely to set Times New Roman in (DejaVu Serif, LibreOffice's stand-in
// where Times and Liberation Serif are missing, about a fifth wider than
// Times: digits 0.636 em, capitals 0.74 on average, lower case 0.57,
// bold 5-10% more), so that a cell the table-fitting rule keeps whole is
// not broken by the face Word finds.
func em(r rune) float64 {
	switch {
	case wide(r):
		return 1
	case r >= '0' && r <= '9':
		return 0.7 // bold (totals): 0.696
	case r >= 'A' && r <= 'Z', r == '%', r == '+', r == '—':
		return 0.8
	case r == ' ', r == ',', r == '.', r == ':', r == ';', r == '\'', r == 'i', r == 'l', r == 'j', r == '|', r == '!':
		return 0.35
	case r == '(', r == ')', r == '[', r == ']', r == 'f', r == 't', r == 'r':
		return 0.45
	}
	return 0.62
}

func wide(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) ||
		r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·'
}

// fitSize is the largest size, at most size and in half points, at which
// text fits in width twips.
func fitSize(text string, size float64, width int) float64 {
	e := ems(text)
	if e == 0 || e*size*twipsPerPt <= float64(width) {
		return size
	}
	s := float64(width) / twipsPerPt / e
	return float64(int(s*2)) / 2
}

// masthead writes the red 报头: the title, the issue under it, the unit
// left and the date right, over a red rule. A plain masthead keeps the
// paragraphs, and so the space, empty: offices print on paper that has
// the 报头 already. The lines have exact heights, so empty ones keep them.
func (b *body) masthead(m document.Masthead) {
	const size = 36
	title := clean(m.Title)
	fit := fitSize(title, size, areaW*98/100)
	r := rp{}
	if fit < size {
		r.size = fit
	}
	b.pOpen(pp{style: sMasthead})
	if !m.Plain {
		b.run(title, r)
	}
	b.pClose()
	b.pOpen(pp{style: sIssue})
	if !m.Plain {
		b.run(m.Issue, rp{})
	}
	b.pClose()
	const in = 300 // one character of 15 pt from either side
	line := pp{style: sMastLine,
		tabs: `<w:tabs><w:tab w:val="right" w:pos="` + strconv.Itoa(areaW-in) + `"/></w:tabs>`,
		ind:  `<w:ind w:left="` + strconv.Itoa(in) + `" w:right="` + strconv.Itoa(in) + `" w:firstLine="0"/>`,
	}
	if !m.Plain {
		line.border = `<w:pBdr><w:bottom w:val="single" w:sz="16" w:space="4" w:color="` + red + `"/></w:pBdr>`
	}
	b.pOpen(line)
	if !m.Plain && (m.Unit != "" || m.Date != "") {
		b.run(m.Unit+"\t"+m.Date, rp{})
	}
	b.pClose()
}

func (b *body) heading(h document.Heading) {
	style := sHeading1
	switch {
	case h.Level <= 0:
		style = sTitle
	case h.Level == 2:
		style = sHeading2
	case h.Level >= 3:
		style = sHeading3
	}
	b.para(pp{style: style}, h.Text, rp{})
}

// paraStyles maps the document's paragraph roles to styles; a role not
// listed is body text.
var paraStyles = map[document.Style]string{
	document.Body:    sNormal,
	document.Note:    sNote,
	document.Caption: sCaption,
	document.Source:  sSource,
	document.Center:  sCenter,
	document.Small:   sSmall,
	document.Item:    sItem,
}

func (b *body) paragraph(p document.Paragraph) {
	style, ok := paraStyles[p.Style]
	if !ok {
		style = sNormal
	}
	b.pOpen(pp{style: style})
	if p.Lead != "" {
		b.run(p.Lead, rp{style: sLead})
	}
	text := p.Text
	if p.Style == document.Item {
		text = "· " + text // the bullet is the renderer's, as in the PDF
	}
	b.run(text, rp{})
	b.pClose()
}

// spacer is an empty paragraph of h twips, after a table, so that two
// tables never touch (Word would join them) and the text after one does
// not sit on its rule.
func (b *body) spacer(h int) {
	b.raw(`<w:p><w:pPr><w:pStyle w:val="` + sNormal + `"/><w:spacing w:before="0" w:after="0" w:line="` +
		strconv.Itoa(h) + `" w:lineRule="exact"/></w:pPr></w:p>`)
}

func (b *body) sectPr() {
	b.raw(`<w:sectPr>`)
	b.raw(`<w:footerReference w:type="default" r:id="` + ridOdd + `"/>`)
	b.raw(`<w:footerReference w:type="even" r:id="` + ridEven + `"/>`)
	b.raw(`<w:pgSz w:w="` + strconv.Itoa(pageW) + `" w:h="` + strconv.Itoa(pageH) + `"/>`)
	b.raw(`<w:pgMar w:top="` + strconv.Itoa(marginT) + `" w:right="` + strconv.Itoa(marginR) +
		`" w:bottom="` + strconv.Itoa(marginB) + `" w:left="` + strconv.Itoa(marginL) +
		`" w:header="` + strconv.Itoa(headerDist) + `" w:footer="` + strconv.Itoa(footerDist) + `" w:gutter="0"/>`)
	b.raw(`<w:cols w:space="425"/><w:docGrid w:linePitch="312"/>`)
	b.raw(`</w:sectPr>`)
}
