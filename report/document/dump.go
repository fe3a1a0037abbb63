package document

import (
	"fmt"
	"strings"
)

// Dump writes d as text, block by block: what every backend draws, for
// exact golden files of the words (a table as its caption, header, rows
// and notes; a figure as its caption and picture size).
func Dump(d *Document) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	m := d.Masthead
	p("masthead: %s | %s | %s | %s | plain=%v", m.Title, m.Issue, m.Unit, m.Date, m.Plain)
	p("info: %s | %s | %s", d.Info.Title, d.Info.Subject, d.Info.Keywords)
	for _, c := range d.Checks {
		p("check: %s", c)
	}
	for _, blk := range d.Blocks {
		switch v := blk.(type) {
		case Heading:
			p("\nH%d %s", v.Level, v.Text)
		case Paragraph:
			tag := [...]string{"body", "note", "caption", "source", "center", "small", "item"}[v.Style]
			if v.Narrative {
				tag += "*"
			}
			lead := ""
			if v.Lead != "" {
				lead = "[" + v.Lead + "] "
			}
			p("%s: %s%s", tag, lead, v.Text)
			for _, c := range v.Claims {
				p("  claim %s %q %s = %v", c.Of, c.Name, c.Field, c.Value)
			}
		case KeyFigures:
			for _, k := range v.Items {
				p("figure: %s | %s | %s", k.Value, k.Label, k.Detail)
			}
		case Table:
			p("table %s (%s): %s", v.Label, v.Continued, v.Caption)
			p("  | %s", strings.Join(v.Header, " | "))
			for i, r := range v.Rows {
				mark := " "
				if v.Emphasis[i] {
					mark = "*"
				}
				p(" %s| %s", mark, strings.Join(r, " | "))
			}
			for _, n := range v.Notes {
				p("  note: %s", n)
			}
		case Figure:
			p("picture %s %dx%d compact=%v: %s", v.Name, v.Width, v.Height, v.Compact, v.Caption)
		case PageBreak:
			p("page break")
		}
	}
	c := d.Colophon
	for _, l := range c.Lines {
		p("colophon: %s%s", l.Label, l.Text)
	}
	p("colophon: %s | %s | %s", c.Unit, c.Issued, c.Copies)
	return b.String()
}
