package docx

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestFooters wants "— N —" with N a complex PAGE field (begin,
// instruction, separate, cached number, end), at the right on odd pages
// and the left on even ones, wired through the section and settings.
func TestFooters(t *testing.T) {
	p := unzip(t, render(t, testDoc(t)))
	for _, f := range []struct {
		part, jc, cached string
	}{{"word/footer1.xml", "right", "1"}, {"word/footer2.xml", "left", "2"}} {
		ftr := p.xml(t, f.part)
		if got := ftr.first("jc").get("val"); got != f.jc {
			t.Errorf("%s: aligned %s, want %s", f.part, got, f.jc)
		}
		var seq []string
		for _, r := range ftr.all("r") {
			for _, c := range r.children {
				switch c.name.Local {
				case "fldChar":
					seq = append(seq, "fldChar:"+c.get("fldCharType"))
				case "instrText":
					seq = append(seq, "instr:"+strings.TrimSpace(c.text))
				case "t":
					seq = append(seq, "t:"+c.text)
				}
			}
		}
		want := []string{"t:— ", "fldChar:begin", "instr:PAGE", "fldChar:separate", "t:" + f.cached, "fldChar:end", "t: —"}
		if !slices.Equal(seq, want) {
			t.Errorf("%s runs\n got %q\nwant %q", f.part, seq, want)
		}
	}
	if p.xml(t, "word/settings.xml").first("evenAndOddHeaders") == nil {
		t.Error("settings.xml: no w:evenAndOddHeaders, so Word shows the odd footer on every page")
	}
	rels := map[string]string{}
	for _, r := range p.xml(t, "word/_rels/document.xml.rels").all("Relationship") {
		rels[r.get("Id")] = r.get("Target")
	}
	refs := map[string]string{}
	sect := p.xml(t, "word/document.xml").first("sectPr")
	for _, r := range sect.all("footerReference") {
		refs[r.get("type")] = rels[r.get("id")]
	}
	if refs["default"] != "footer1.xml" || refs["even"] != "footer2.xml" {
		t.Errorf("footer references %v, want default footer1.xml and even footer2.xml", refs)
	}
}

// TestPage wants A4 with the GB/T 9704 margins: top 37 mm, left 28 mm and
// a 156 × 225 mm type area.
func TestPage(t *testing.T) {
	sect := unzip(t, render(t, testDoc(t))).xml(t, "word/document.xml").first("sectPr")
	num := func(n *node, a string) int {
		v, err := strconv.Atoi(n.get(a))
		if err != nil {
			t.Fatalf("%s %s=%q", n.name.Local, a, n.get(a))
		}
		return v
	}
	mm := func(twips int) float64 { return float64(twips) * 25.4 / 1440 }
	sz, mar := sect.child("pgSz"), sect.child("pgMar")
	got := map[string]float64{
		"width":  mm(num(sz, "w")),
		"height": mm(num(sz, "h")),
		"top":    mm(num(mar, "top")),
		"left":   mm(num(mar, "left")),
		"area w": mm(num(sz, "w") - num(mar, "left") - num(mar, "right")),
		"area h": mm(num(sz, "h") - num(mar, "top") - num(mar, "bottom")),
	}
	for k, want := range map[string]float64{"width": 210, "height": 297, "top": 37, "left": 28, "area w": 156, "area h": 225} {
		if d := got[k] - want; d < -0.1 || d > 0.1 {
			t.Errorf("%s %.2f mm, want %.0f", k, got[k], want)
		}
	}
}

// TestPageBreak wants the PageBreak block as a page break before the
// figure that follows it, not an empty paragraph.
func TestPageBreak(t *testing.T) {
	doc := unzip(t, render(t, testDoc(t))).xml(t, "word/document.xml")
	var breaks []string
	for _, p := range doc.all("p") {
		if p.first("pageBreakBefore") != nil {
			breaks = append(breaks, p.first("pStyle").get("val"))
		}
	}
	if !slices.Equal(breaks, []string{sFigure}) {
		t.Errorf("pages broken before %v, want the figure's paragraph", breaks)
	}
}

// TestMasthead wants the 报头 in red over a red rule, and with Plain the
// same three paragraphs, empty and without the rule, so the space stays.
func TestMasthead(t *testing.T) {
	for _, plain := range []bool{false, true} {
		d := testDoc(t)
		d.Masthead.Plain = plain
		doc := unzip(t, render(t, d)).xml(t, "word/document.xml")
		ps := doc.first("body").children[:3]
		for i, want := range []string{sMasthead, sIssue, sMastLine} {
			if got := ps[i].first("pStyle").get("val"); got != want {
				t.Errorf("plain=%v: paragraph %d is %s, want %s", plain, i, got, want)
			}
			if txt := ps[i].texts(); (txt == "") != plain {
				t.Errorf("plain=%v: paragraph %d reads %q", plain, i, txt)
			}
		}
		rule := ps[2].first("pBdr")
		if plain != (rule == nil) {
			t.Errorf("plain=%v: red rule %v", plain, rule != nil)
		}
		if rule != nil && rule.child("bottom").get("color") != red {
			t.Errorf("rule colour %s", rule.child("bottom").get("color"))
		}
	}
}
