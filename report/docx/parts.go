package docx

import (
	"strconv"
	"time"

	"github.com/basebrief/basebrief/report/document"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsWP      = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA       = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic     = "http://schemas.openxmlformats.org/drawingml/2006/picture"
	nsRel     = "http://schemas.openxmlformats.org/package/2006/relationships"
	relDoc    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctWord    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// Relationship ids of document.xml's fixed targets; pictures follow from
// rIdImage on.
const (
	ridStyles   = "rId1"
	ridSettings = "rId2"
	ridFonts    = "rId3"
	ridOdd      = "rId4" // default footer: odd pages
	ridEven     = "rId5"
	rIdImage    = 6
)

func contentTypes() []byte {
	var w xw
	w.raw(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	w.raw(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	w.raw(`<Default Extension="xml" ContentType="application/xml"/>`)
	w.raw(`<Default Extension="png" ContentType="image/png"/>`)
	for _, o := range [][2]string{
		{"/word/document.xml", ctWord + "document.main+xml"},
		{"/word/styles.xml", ctWord + "styles+xml"},
		{"/word/settings.xml", ctWord + "settings+xml"},
		{"/word/fontTable.xml", ctWord + "fontTable+xml"},
		{"/word/footer1.xml", ctWord + "footer+xml"},
		{"/word/footer2.xml", ctWord + "footer+xml"},
		{"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"},
		{"/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"},
	} {
		w.raw(`<Override PartName="` + o[0] + `" ContentType="` + o[1] + `"/>`)
	}
	w.raw(`</Types>`)
	return w.Bytes()
}

func packageRels() []byte {
	var w xw
	w.raw(xmlHeader + `<Relationships xmlns="` + nsRel + `">`)
	w.raw(`<Relationship Id="rId1" Type="` + relDoc + `officeDocument" Target="word/document.xml"/>`)
	w.raw(`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`)
	w.raw(`<Relationship Id="rId3" Type="` + relDoc + `extended-properties" Target="docProps/app.xml"/>`)
	w.raw(`</Relationships>`)
	return w.Bytes()
}

// documentRels links the styles, settings, fonts, both footers and the
// pictures (media/image1.png …, in document order).
func documentRels(images int) []byte {
	var w xw
	w.raw(xmlHeader + `<Relationships xmlns="` + nsRel + `">`)
	for _, r := range [][3]string{
		{ridStyles, "styles", "styles.xml"},
		{ridSettings, "settings", "settings.xml"},
		{ridFonts, "fontTable", "fontTable.xml"},
		{ridOdd, "footer", "footer1.xml"},
		{ridEven, "footer", "footer2.xml"},
	} {
		w.raw(`<Relationship Id="` + r[0] + `" Type="` + relDoc + r[1] + `" Target="` + r[2] + `"/>`)
	}
	for i := range images {
		w.raw(`<Relationship Id="` + imageRID(i) + `" Type="` + relDoc + `image" Target="media/` + imageName(i) + `"/>`)
	}
	w.raw(`</Relationships>`)
	return w.Bytes()
}

func imageRID(i int) string  { return "rId" + strconv.Itoa(rIdImage+i) }
func imageName(i int) string { return "image" + strconv.Itoa(i+1) + ".png" }

// settingsXML turns on separate odd and even footers and Chinese
// punctuation compression, in the order CT_Settings fixes.
func settingsXML(lang string) []byte {
	var w xw
	w.raw(xmlHeader + `<w:settings xmlns:w="` + nsW + `">`)
	w.raw(`<w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/>`)
	w.raw(`<w:characterSpacingControl w:val="compressPunctuation"/>`)
	w.raw(`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>`)
	w.raw(`<w:themeFontLang w:val="` + langTag(lang) + `" w:eastAsia="zh-CN"/>`)
	w.raw(`</w:settings>`)
	return w.Bytes()
}

// fontTableXML declares the faces with their character sets, so Word and
// WPS pick a Chinese face when one is missing, and the named fallback
// (w:altName) they use for it.
func fontTableXML() []byte {
	var w xw
	w.raw(xmlHeader + `<w:fonts xmlns:w="` + nsW + `">`)
	for _, f := range faces {
		w.raw(`<w:font`)
		w.attr("w:name", f.name)
		w.raw(`>`)
		if f.alt != "" {
			w.val("w:altName", f.alt)
		}
		w.val("w:panose1", f.panose)
		w.val("w:charset", f.charset)
		w.val("w:family", f.family)
		w.val("w:pitch", f.pitch)
		w.raw(`</w:font>`)
	}
	w.raw(`</w:fonts>`)
	return w.Bytes()
}

// coreXML is docProps/core.xml: title, subject, author, keywords and the
// creation time (omitted when zero, so nothing depends on the clock).
func coreXML(d *document.Document) []byte {
	var w xw
	w.raw(xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`)
	w.raw(` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"`)
	w.raw(` xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`)
	for _, e := range [][2]string{
		{"dc:title", d.Info.Title}, {"dc:subject", d.Info.Subject},
		{"dc:creator", d.Info.Author}, {"cp:keywords", d.Info.Keywords},
	} {
		if e[1] == "" {
			continue
		}
		w.raw(`<` + e[0] + `>`)
		w.text(e[1])
		w.raw(`</` + e[0] + `>`)
	}
	w.raw(`<dc:language>` + langTag(d.Lang) + `</dc:language>`)
	if !d.Info.Created.IsZero() {
		t := d.Info.Created.UTC().Format(time.RFC3339)
		w.raw(`<dcterms:created xsi:type="dcterms:W3CDTF">` + t + `</dcterms:created>`)
		w.raw(`<dcterms:modified xsi:type="dcterms:W3CDTF">` + t + `</dcterms:modified>`)
	}
	w.raw(`</cp:coreProperties>`)
	return w.Bytes()
}

func appXML() []byte {
	return []byte(xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">` +
		`<Application>basebrief</Application><DocSecurity>0</DocSecurity></Properties>`)
}

// footerXML is one footer: "— N —" with N a PAGE field written as Word
// writes it (begin, instruction, separate, cached number, end). WPS misses
// simple fields (w:fldSimple) in some footers; it reads this form. Odd
// pages carry the number at the right, even pages at the left, one
// character in from the edge of the type area.
func footerXML(odd bool) []byte {
	var w xw
	w.raw(xmlHeader + `<w:ftr xmlns:w="` + nsW + `">`)
	w.raw(`<w:p><w:pPr><w:pStyle w:val="` + sFooter + `"/>`)
	cached := "2"
	if odd {
		w.raw(`<w:ind w:right="280" w:firstLine="0"/><w:jc w:val="right"/>`)
		cached = "1"
	} else {
		w.raw(`<w:ind w:left="280" w:firstLine="0"/><w:jc w:val="left"/>`)
	}
	w.raw(`</w:pPr>`)
	// w:hint makes Word draw the dash (U+2014, a character both Chinese
	// and Latin faces carry) with the East Asian face: a full-width 一字线.
	dash := func(s string) {
		w.raw(`<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">` + s + `</w:t></w:r>`)
	}
	dash("— ")
	w.raw(`<w:r><w:fldChar w:fldCharType="begin"/></w:r>`)
	w.raw(`<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>`)
	w.raw(`<w:r><w:fldChar w:fldCharType="separate"/></w:r>`)
	w.raw(`<w:r><w:t>` + cached + `</w:t></w:r>`)
	w.raw(`<w:r><w:fldChar w:fldCharType="end"/></w:r>`)
	dash(" —")
	w.raw(`</w:p></w:ftr>`)
	return w.Bytes()
}
