package briefing

import (
	"fmt"
	"slices"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// CodeMissingGlyph is the notice for characters no embedded face draws:
// the PDF shows 〓 in their place (a character above U+FFFF always, as the
// PDF library cannot embed it), and the notice names them.
const CodeMissingGlyph = "missing_glyph"

// MissingGlyphs returns a notice naming the characters of c's names,
// notes, sources and masthead that no face draws (face: --font, nil for
// the embedded faces alone); none when every character is drawn. The
// briefing's own wording is always drawn.
func MissingGlyphs(c *analysis.Comparison, face *font.Face) []analysis.Notice {
	faces, err := font.With(face)
	if err != nil || c == nil {
		return nil
	}
	return missingGlyphs(nil, c, faces)
}

// missingGlyphs checks the texts of the document (when given) and of the
// comparison: the names and notes the charts and workbook show too.
func missingGlyphs(doc *document.Document, c *analysis.Comparison, faces *font.Set) []analysis.Notice {
	var missing []rune
	seen := map[rune]bool{}
	add := func(ss ...string) {
		for _, s := range ss {
			for _, r := range s {
				if r < 0x7F || faces.Pick(font.Hei, r) != nil || r <= ' ' || (r >= 0x7F && r < 0xA0) || seen[r] {
					continue // ASCII and control characters: nothing to draw or drawn by every face
				}
				missing = append(missing, r)
				seen[r] = true
			}
		}
	}
	if doc != nil {
		addDocument(doc, add)
	}
	m := c.Meta
	add(m.Title, m.Issue, m.Unit, m.Date, m.Subject, m.Report, m.Send, m.Distribute, m.Foreword, m.Source)
	for _, s := range c.Stated {
		add(s.Stated.Label, s.Stated.Unit, s.Stated.Source)
	}
	for _, f := range c.Figures {
		add(f.Source)
	}
	for _, ct := range c.Cities {
		add(ct.City, ct.Province, ct.Region, ct.Note)
	}
	for _, b := range c.Bases {
		add(b.Name, b.Kind, b.Source)
	}
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
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
	return []analysis.Notice{{Code: CodeMissingGlyph,
		Zh: "内嵌字体没有以下字符的字形，简报PDF中以“〓”代替：" + strings.Join(zh, "、") + "。请核对原数据，必要时用 --font 指定含有这些字符的 TrueType 字体。",
		En: "the embedded fonts have no glyph for " + strings.Join(en, ", ") + "; the PDF briefing shows 〓 in their place. Check the data, or give a TrueType font that has them with --font."}}
}

// addDocument passes every text of doc to add.
func addDocument(doc *document.Document, add func(...string)) {
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
}
