package docx

import (
	"slices"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/report/document"
)

// schemaOrder is the sequence ECMA-376 fixes for the property elements
// this package writes. Word refuses a file ("unreadable content") whose
// children come out of this order; LibreOffice does not mind, so its check
// cannot catch it.
var schemaOrder = map[string][]string{
	"pPr": {"pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
		"suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
		"overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
		"snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
		"textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
		"sectPr", "pPrChange"},
	"rPr": {"rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
		"shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
		"w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
		"vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"},
	"tblPr": {"tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
		"tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook",
		"tblCaption", "tblDescription"},
	"tcPr": {"cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
		"textDirection", "tcFitText", "vAlign", "hideMark"},
	"sectPr": {"headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
		"paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
		"titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings"},
	"style": {"name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
		"semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
		"personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr"},
	"settings": {"writeProtection", "view", "zoom", "removePersonalInformation", "defaultTabStop",
		"autoHyphenation", "evenAndOddHeaders", "characterSpacingControl", "compat", "docVars", "rsids",
		"themeFontLang"},
	"tblBorders": {"top", "left", "start", "bottom", "right", "end", "insideH", "insideV"},
	"tcBorders":  {"top", "left", "start", "bottom", "right", "end", "insideH", "insideV", "tl2br", "tr2bl"},
	"pBdr":       {"top", "left", "bottom", "right", "between", "bar"},
	"tblCellMar": {"top", "left", "start", "bottom", "right", "end"},
	"font":       {"altName", "panose1", "charset", "family", "notTrueType", "pitch", "sig"},
	"tc":         {"tcPr", "p", "tbl"},
	"tr":         {"tblPrEx", "trPr", "tc"},
	"tbl":        {"tblPr", "tblGrid", "tr"},
	"inline":     {"extent", "effectExtent", "docPr", "cNvGraphicFramePr", "graphic"},
}

// TestSchemaOrder walks every part and wants the children of each
// element above in schema order and known.
func TestSchemaOrder(t *testing.T) {
	d := testDoc(t)
	d.Blocks = append(d.Blocks, document0()...)
	p := unzip(t, render(t, d))
	for _, name := range p.names {
		if !strings.HasSuffix(name, ".xml") || strings.HasPrefix(name, "[") || strings.HasPrefix(name, "docProps") {
			continue
		}
		for el, order := range schemaOrder {
			for _, n := range p.xml(t, name).all(el) {
				last := -1
				for _, c := range n.children {
					i := slices.Index(order, c.name.Local)
					if i < 0 {
						t.Errorf("%s: %s holds %s, not in the schema's sequence", name, el, c.name.Local)
						continue
					}
					if i < last {
						t.Errorf("%s: in %s, %s comes after %s", name, el, c.name.Local, order[last])
					}
					last = max(last, i)
				}
			}
		}
	}
}

// document0 adds the blocks testDoc lacks: a page break before a table,
// a wide table (set small, with its own spacing), a level-3 heading.
func document0() []document.Block {
	return []document.Block{
		document.PageBreak{},
		document.Table{Header: strings.Fields("a b c d e f g h i j k"), Rows: [][]string{strings.Fields("1 2 3 4 5 6 7 8 9 10 11")}},
		document.Heading{Level: 3, Text: "1.成都"},
	}
}
