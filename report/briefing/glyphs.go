package briefing

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// CodeMissingGlyph is the notice for characters no embedded face draws:
// the PDF shows 〓 in their place (a character above U+FFFF always, as the
// PDF library cannot embed it), and the notice names them.
const CodeMissingGlyph = "missing_glyph"

// missingGlyphs checks every text of the document, and the names and notes
// of the comparison the charts and workbook show, against the faces, and
// returns one notice naming the characters none of them draws.
func missingGlyphs(doc *document.Document, c *analysis.Comparison, faces *font.Set, lang vocab.Lang) []analysis.Notice {
	var all strings.Builder
	add := func(ss ...string) {
		for _, s := range ss {
			all.WriteString(s)
			all.WriteByte('\n')
		}
	}
	m := doc.Masthead
	add(m.Title, m.Issue, m.Unit, m.Date)
	for _, l := range doc.Colophon.Lines {
		add(l.Label, l.Text)
	}
	add(doc.Colophon.Unit, doc.Colophon.Issued, doc.Colophon.Copies)
	for _, b := range doc.Blocks {
		switch v := b.(type) {
		case document.Heading:
			add(v.Text)
		case document.Paragraph:
			add(v.Lead, v.Text)
		case document.KeyFigures:
			for _, it := range v.Items {
				add(it.Value, it.Label, it.Detail)
			}
		case document.Table:
			add(v.Label, v.Caption)
			add(v.Header...)
			for _, r := range v.Rows {
				add(r...)
			}
			add(v.Notes...)
		case document.Figure:
			add(v.Caption)
		}
	}
	for _, ct := range c.Cities {
		add(ct.City, ct.Province, ct.Region, ct.Note)
	}
	for _, b := range c.Bases {
		add(b.Name, b.Kind, b.Source)
	}
	missing := faces.Missing(all.String())
	if len(missing) == 0 {
		return nil
	}
	var zh, en []string
	for i, r := range missing {
		if i == 20 {
			zh = append(zh, fmt.Sprintf("等%d个", len(missing)))
			en = append(en, fmt.Sprintf("and %d more", len(missing)-20))
			break
		}
		zh = append(zh, fmt.Sprintf("“%c”（U+%04X）", r, r))
		en = append(en, fmt.Sprintf("%q (U+%04X)", r, r))
	}
	_ = lang
	return []analysis.Notice{{Code: CodeMissingGlyph,
		Zh: "内嵌字体没有以下字符的字形，简报PDF中以“〓”代替：" + strings.Join(zh, "、") + "。请核对原数据，必要时用 --font 指定含有这些字符的 TrueType 字体。",
		En: "the embedded fonts have no glyph for " + strings.Join(en, ", ") + "; the PDF briefing shows 〓 in their place. Check the data, or give a TrueType font that has them with --font."}}
}
