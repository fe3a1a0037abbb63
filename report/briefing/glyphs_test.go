package briefing

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/report/font"
)

// TestRareCharactersNeverPanic: characters above U+FFFF (which fpdf's
// UTF-8 font code cannot index) and ones no embedded face has, in every
// place text comes from, give a PDF with 〓 in their place and a
// missing_glyph notice naming each; characters one face lacks and another
// has are drawn by that one, without a notice.
func TestRareCharactersNeverPanic(t *testing.T) {
	d := westernDataset()
	d.Cities[0].Name = "𠀀城" // U+20000, CJK Extension B
	for i := range d.Bases {
		if d.Bases[i].City == d.Cities[0].Name || i == 0 {
			d.Bases[i].City = d.Cities[0].Name
			d.Bases[i].Province = d.Cities[0].Province
		}
	}
	for i := range d.Figures {
		if d.Figures[i].City == "重庆" {
			d.Figures[i].City = d.Cities[0].Name
		}
	}
	d.Bases[0].Name = "𪚥😀基地" // U+2A6A5, an emoji
	d.Cities[1].Note = "备注含私用区字符\uE000和扩展A的㐀"
	d.Meta.Title = "简报𠀀"
	d.Meta.Unit = "镕珺喆统战部" // GBK, not GB2312: the song face lacks them, the others have them
	c := mustCompare(t, d)
	doc, err := Build(c, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := writeBytes(c, testOptions(t)); err != nil {
		t.Fatalf("write: %v", err)
	}
	if len(doc.Notices) != 1 || doc.Notices[0].Code != CodeMissingGlyph {
		t.Fatalf("notices = %+v, want one %s", doc.Notices, CodeMissingGlyph)
	}
	n := doc.Notices[0]
	for _, want := range []string{"U+20000", "U+2A6A5", "U+1F600", "U+E000"} {
		if !strings.Contains(n.Zh, want) || !strings.Contains(n.En, want) {
			t.Errorf("notice does not name %s:\n%s\n%s", want, n.Zh, n.En)
		}
	}
	for _, r := range "镕珺喆" {
		if strings.ContainsRune(n.En, r) {
			t.Errorf("notice names %q, which the hei face draws", r)
		}
	}
	if got := MissingGlyphs(c, nil); len(got) != 1 || got[0].En != n.En {
		t.Errorf("MissingGlyphs = %+v, want the document's notice", got)
	}
	if got := MissingGlyphs(western(t), nil); len(got) != 0 {
		t.Errorf("default data: notices %+v", got)
	}
}

// TestPickFallsBack: a character the role's face lacks is drawn by another
// face that has it; one above U+FFFF by none.
func TestPickFallsBack(t *testing.T) {
	s, err := font.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	song := s.Faces[font.Song]
	if song.Has('镕') {
		t.Skip("the song face now has 镕")
	}
	if f := s.Pick(font.Song, '镕'); f == nil || !f.Has('镕') {
		t.Errorf("镕 in the song role: picked %v", f)
	}
	if f := s.Pick(font.Song, '成'); f != song {
		t.Errorf("成 in the song role: picked %v, want the song face", f)
	}
	if f := s.Pick(font.Hei, 0x20000); f != nil {
		t.Errorf("U+20000: picked %v, want none", f.Name)
	}
	if m := s.Missing("成都𠀀"); len(m) != 1 || m[0] != 0x20000 {
		t.Errorf("Missing = %q", string(m))
	}
}
