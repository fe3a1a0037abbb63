package docx

import (
	"strconv"

	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// Style ids. Where Word has a built-in style for the role (Normal, Title,
// caption, footer) the briefing uses it: Chinese Word and WPS show it as
// 正文, 标题, 题注 and 页脚, and their features (caption numbering, the
// style gallery) apply. The GB/T 9704 levels and the briefing's own roles
// are custom styles named in the document's language.
const (
	sNormal     = "Normal"
	sTitle      = "Title"
	sHeading1   = "Heading1"
	sHeading2   = "Heading2"
	sHeading3   = "Heading3"
	sCaption    = "Caption"
	sNote       = "Note"
	sSource     = "Source"
	sCenter     = "Centered"
	sSmall      = "SmallText"
	sItem       = "Item"
	sTable      = "TableText"
	sTableHead  = "TableHeader"
	sKFValue    = "KeyValue"
	sKFLabel    = "KeyLabel"
	sKFDetail   = "KeyDetail"
	sMasthead   = "Masthead"
	sIssue      = "MastheadIssue"
	sMastLine   = "MastheadLine"
	sFigure     = "Figure"
	sColophon   = "Colophon"
	sFooter     = "Footer"
	sLead       = "Lead" // character style
	sTableStyle = "TableNormal"
)

// pstyle is one paragraph (or character) style. Zero fields inherit from
// basedOn.
type pstyle struct {
	id, name        string
	char            bool // a character style
	basedOn, next   string
	ascii, eastAsia string
	size            float64 // pt
	bold            bool
	color           string
	jc              string
	// indent is the first-line indent in characters; noIndent resets an
	// inherited one (a hanging indent is set on the paragraph).
	indent   float64
	noIndent bool
	hang     float64 // hanging indent in characters (a numbered or bulleted line)
	exact    float64 // line pitch in pt, exact; 0 inherit
	single   bool    // single (auto) line spacing, for pictures and boxes
	before   int     // twips
	after    int     // twips
	keepNext bool
	outline  int // outline level + 1; 0 none
}

// metrics are the sizes of one language's briefing. Chinese follows GB/T
// 9704: 三号 body on 22 lines of the 225 mm type area (28.9 pt); English
// at that size reads like large print and is set as the PDF sets it:
// 12 pt, ragged right, no indent.
// Headings are flush left, as the PDF sets them.
type metrics struct {
	body, pitch float64
	indent      float64 // first-line indent, characters
	jc          string
}

// metricsFor reads the type sheet's body text for lang.
func metricsFor(lang string) metrics {
	t := document.BodyText(lang)
	m := metrics{body: t.Size, pitch: t.Pitch, indent: t.Indent, jc: "left"}
	if t.Justify {
		m.jc = "both"
	}
	return m
}

// styles lists the document's styles in styles.xml order.
func styles(lang string) []pstyle {
	m := metricsFor(lang)
	st := document.SmallText(lang)
	small := struct{ size, pitch, indent float64 }{st.Size, st.Pitch, st.Indent}
	n := vocab.For(vocab.Lang(lang)).T
	return []pstyle{
		{id: sNormal, name: "Normal", ascii: latin, eastAsia: fangsong, size: m.body, jc: m.jc,
			indent: m.indent, noIndent: m.indent == 0, exact: m.pitch, color: black},
		{id: sTitle, name: "Title", basedOn: sNormal, next: sNormal, ascii: latin, eastAsia: xbs, size: 22,
			jc: "center", noIndent: true, exact: 34, after: 227, keepNext: true},
		{id: sHeading1, name: n("一级标题", "Heading level 1"), basedOn: sNormal, next: sNormal, eastAsia: heiti,
			ascii: latin, keepNext: true, outline: 1, jc: "left", noIndent: true, bold: lang == "en"},
		{id: sHeading2, name: n("二级标题", "Heading level 2"), basedOn: sNormal, next: sNormal, eastAsia: kaiti,
			keepNext: true, outline: 2, jc: "left", noIndent: true},
		{id: sHeading3, name: n("三级标题", "Heading level 3"), basedOn: sNormal, next: sNormal, bold: true,
			keepNext: true, outline: 3, jc: "left", noIndent: true},
		{id: sCenter, name: n("居中正文", "Centered text"), basedOn: sNormal, jc: "center", noIndent: true},
		{id: sNote, name: n("注释", "Note"), basedOn: sNormal, size: document.NoteTextSize, exact: document.NoteTextPitch, color: black, noIndent: true, jc: "left"},
		{id: sSource, name: n("来源", "Source"), basedOn: sNote, size: 12, hang: 2},
		{id: sSmall, name: n("小字正文", "Small text"), basedOn: sNormal, size: small.size, exact: small.pitch, indent: small.indent},
		{id: sItem, name: n("条目", "Item"), basedOn: sNote, size: 12, hang: 1},
		{id: sCaption, name: "caption", basedOn: sNormal, next: sNormal, eastAsia: heiti, size: 12, exact: 21.6, jc: "center",
			noIndent: true, after: 113},
		{id: sFigure, name: n("图片", "Picture"), basedOn: sNormal, next: sCaption, jc: "center", noIndent: true,
			single: true, before: 57, keepNext: true},
		{id: sTable, name: n("表格", "Table text"), basedOn: sNormal, size: document.TableSize, exact: document.TableSize * document.TablePitch, noIndent: true, jc: "left"},
		{id: sTableHead, name: n("表头", "Table header"), basedOn: sTable, eastAsia: heiti, bold: lang == "en", jc: "center"},
		{id: sKFValue, name: n("关键数字", "Key figure"), basedOn: sNormal, eastAsia: heiti, size: 24, exact: 30,
			bold: true, color: red, jc: "center", noIndent: true, before: 57},
		{id: sKFLabel, name: n("关键数字说明", "Key figure label"), basedOn: sNormal, size: 11, exact: 15.4,
			jc: "center", noIndent: true},
		{id: sKFDetail, name: n("关键数字注", "Key figure detail"), basedOn: sKFLabel, size: 9.5, exact: 13.3,
			color: black, after: 57},
		{id: sMasthead, name: n("报头", "Masthead"), basedOn: sNormal, next: sIssue, ascii: latin, eastAsia: xbs,
			size: 36, exact: 54, color: red, jc: "center", noIndent: true, after: 113},
		{id: sIssue, name: n("期号", "Issue"), basedOn: sNormal, next: sMastLine, jc: "center", noIndent: true, after: 227},
		{id: sMastLine, name: n("报头署名", "Masthead line"), basedOn: sNormal, next: sNormal, size: 15,
			noIndent: true, jc: "left", after: 454},
		{id: sColophon, name: n("版记", "Distribution"), basedOn: sNormal, size: 14, exact: 24, noIndent: true, jc: "left"},
		{id: sFooter, name: "footer", basedOn: sNormal, ascii: songti, eastAsia: songti, size: 14, noIndent: true,
			single: true},
		{id: sLead, name: n("段首词", "Lead"), char: true, eastAsia: heiti},
	}
}

// stylesXML is word/styles.xml: the defaults (fonts and languages every
// style inherits), the paragraph and character styles, and the table style.
func stylesXML(lang string) []byte {
	var w xw
	w.raw(xmlHeader + `<w:styles xmlns:w="` + nsW + `">`)
	w.raw(`<w:docDefaults><w:rPrDefault><w:rPr>`)
	w.raw(`<w:rFonts w:ascii="` + latin + `" w:eastAsia="` + fangsong + `" w:hAnsi="` + latin + `" w:cs="` + latin + `"/>`)
	w.raw(`<w:kern w:val="2"/><w:sz w:val="21"/><w:szCs w:val="21"/>`)
	w.raw(`<w:lang w:val="` + langTag(lang) + `" w:eastAsia="zh-CN" w:bidi="ar-SA"/>`)
	// No extra space between Chinese and Latin text or digits (autoSpaceDE,
	// autoSpaceDN; ECMA-376 Part 1, 17.3.1.2-3, on unless turned off): the
	// PDF sets 3357.5万 without it, and with it Word and LibreOffice widen
	// every such boundary by about a quarter em, so a figure measured to fit
	// its cell (ems) broke as 3357.5 / 万.
	w.raw(`</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>` +
		`<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>`)
	for i, s := range styles(lang) {
		s.write(&w, i == 0)
	}
	w.raw(`<w:style w:type="table" w:default="1" w:styleId="` + sTableStyle + `"><w:name w:val="Normal Table"/>`)
	w.raw(`<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>`)
	w.raw(`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>`)
	w.raw(`<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	w.raw(`</w:styles>`)
	return w.Bytes()
}

func langTag(lang string) string {
	if lang == "en" {
		return "en-GB"
	}
	return "zh-CN"
}

// write writes the style; its children in the order the schema fixes
// (name, basedOn, next, uiPriority, qFormat, pPr, rPr): Word refuses a file
// whose elements are out of order.
func (s pstyle) write(w *xw, isDefault bool) {
	typ := "paragraph"
	if s.char {
		typ = "character"
	}
	w.raw(`<w:style w:type="` + typ + `"`)
	if isDefault {
		w.raw(` w:default="1"`)
	}
	w.attr("w:styleId", s.id)
	w.raw(`>`)
	w.val("w:name", s.name)
	if s.basedOn != "" {
		w.val("w:basedOn", s.basedOn)
	}
	if s.next != "" {
		w.val("w:next", s.next)
	}
	w.raw(`<w:qFormat/>`)
	if !s.char {
		s.writePPr(w)
	}
	s.writeRPr(w)
	w.raw(`</w:style>`)
}

func (s pstyle) writePPr(w *xw) {
	w.raw(`<w:pPr>`)
	if s.keepNext {
		w.raw(`<w:keepNext/><w:keepLines/>`)
	}
	if s.exact > 0 || s.single || s.before > 0 || s.after > 0 {
		w.raw(`<w:spacing`)
		w.attrInt("w:before", int64(s.before))
		w.attrInt("w:after", int64(s.after))
		switch {
		case s.exact > 0:
			w.attrInt("w:line", int64(s.exact*twipsPerPt+0.5))
			w.raw(` w:lineRule="exact"`)
		case s.single:
			w.raw(` w:line="240" w:lineRule="auto"`)
		}
		w.raw(`/>`)
	}
	switch {
	case s.hang > 0:
		t := int64(s.hang * s.size * twipsPerPt)
		w.raw(`<w:ind`)
		w.attrInt("w:leftChars", int64(s.hang*100))
		w.attrInt("w:left", t)
		w.attrInt("w:hangingChars", int64(s.hang*100))
		w.attrInt("w:hanging", t)
		w.raw(`/>`)
	case s.noIndent:
		w.raw(`<w:ind w:firstLineChars="0" w:firstLine="0"/>`)
	case s.indent > 0:
		// Both units: Word and WPS read the character count, LibreOffice
		// the twips.
		w.raw(`<w:ind`)
		w.attrInt("w:firstLineChars", int64(s.indent*100))
		w.attrInt("w:firstLine", int64(s.indent*s.size*twipsPerPt))
		w.raw(`/>`)
	}
	if s.jc != "" {
		w.val("w:jc", s.jc)
	}
	if s.outline > 0 {
		w.valInt("w:outlineLvl", int64(s.outline-1))
	}
	w.raw(`</w:pPr>`)
}

func (s pstyle) writeRPr(w *xw) {
	w.raw(`<w:rPr>`)
	if s.ascii != "" || s.eastAsia != "" {
		w.raw(`<w:rFonts`)
		if s.ascii != "" {
			w.attr("w:ascii", s.ascii)
			w.attr("w:hAnsi", s.ascii)
		}
		if s.eastAsia != "" {
			w.attr("w:eastAsia", s.eastAsia)
		}
		w.raw(`/>`)
	}
	if s.bold {
		w.raw(`<w:b/><w:bCs/>`)
	}
	if s.color != "" {
		w.val("w:color", s.color)
	}
	if s.size > 0 {
		hp := strconv.Itoa(int(s.size*2 + 0.5))
		w.raw(`<w:sz w:val="` + hp + `"/><w:szCs w:val="` + hp + `"/>`)
	}
	w.raw(`</w:rPr>`)
}
