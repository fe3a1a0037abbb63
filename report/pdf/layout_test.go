package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/briefing"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// layoutCases are drawnCases and briefings with charts, in both
// languages (the images registered and placed, bookmarked).
func layoutCases(t *testing.T) map[string]*document.Document {
	t.Helper()
	cases := drawnCases(t)
	charts := []briefing.Figure{
		{Name: "members_by_city", Title: "各城市新的社会阶层人士人数（2019年）", PNG: testPNG(t, 1600, 900)},
		{Name: "bases_by_province", Title: "各省区市实践创新基地数", PNG: testPNG(t, 1601, 1000)},
	}
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		doc, err := briefing.Build(national(t, 62), briefing.Options{Lang: lang, Charts: charts,
			Created: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		cases["charts/"+string(lang)] = doc
	}
	cases["one page"] = &document.Document{Lang: "zh", Blocks: []document.Block{document.Paragraph{Text: "一页"}}}
	return cases
}

// pageObject is a page of the PDF (briefing.pageCount).
var pageObject = regexp.MustCompile(`/Type /Page\b[^s]`)

// testPNG is a w×h PNG with a diagonal line.
func testPNG(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		img.Set(x, x*h/w, color.RGBA{200, 0, 0, 255})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestLayoutDrawsAsLayingOut: a Layout drawn (its recording played onto
// fpdf) is the PDF drawing the document anew with the same subsets is,
// byte for byte: page footers, bookmarks, bold text, colours, tables
// running on, images; and drawn twice, the same bytes twice.
func TestLayoutDrawsAsLayingOut(t *testing.T) {
	faces := mustFaces(t)
	for name, doc := range layoutCases(t) {
		t.Run(name, func(t *testing.T) {
			l, err := lay(doc, faces)
			if err != nil {
				t.Fatal(err)
			}
			want, missed, err := renderPDFRunes(doc, faces, false, l.runes)
			if err != nil || len(missed) > 0 {
				t.Fatalf("drawn anew: %v (missed %v)", err, missed)
			}
			for range 2 {
				got, err := l.PDF()
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					at := 0
					for at < min(len(got), len(want)) && got[at] == want[at] {
						at++
					}
					t.Fatalf("the layout drawn differs from the document drawn at byte %d of %d", at, len(want))
				}
			}
			if strings.HasPrefix(name, "charts/") && bytes.Count(want, []byte("/Subtype /Image")) != 2 {
				t.Errorf("%d images drawn, want 2", bytes.Count(want, []byte("/Subtype /Image")))
			}
			if n := len(pageObject.FindAll(want, -1)); l.Pages() != n {
				t.Errorf("the layout counts %d pages, the PDF has %d", l.Pages(), n)
			}
		})
	}
}

// TestLaidOutOnce: a PDF is laid out once, whether written (Write) or laid
// out to count its pages and then drawn (Lay, as briefing.Fit does): the
// PDF kept was laid out three times before (issue 25).
func TestLaidOutOnce(t *testing.T) {
	doc := build(t, national(t, 62), vocab.Zh)
	before := layouts.Load()
	write(t, doc, Options{})
	if n := layouts.Load() - before; n != 1 {
		t.Errorf("Write laid the document out %d times", n)
	}
	before = layouts.Load()
	l, err := Lay(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := l.PDF()
	if err != nil {
		t.Fatal(err)
	}
	if n := layouts.Load() - before; n != 1 {
		t.Errorf("Lay and PDF laid the document out %d times", n)
	}
	if !bytes.Equal(out, write(t, doc, Options{})) {
		t.Error("the layout drawn is not the PDF Write writes")
	}
}

// TestRuns: runs cuts text into spans by face as writing each character
// (the missing mark for one no face has, U+FFFD for a byte that is not
// UTF-8) into its face's span does, in every role; a span without a mark
// is a piece of the text.
func TestRuns(t *testing.T) {
	d, err := newPager(&document.Document{Lang: "zh"}, mustFaces(t))
	if err != nil {
		t.Fatal(err)
	}
	want := func(s string) []span {
		var out []span
		var cur *font.Face
		var b strings.Builder
		for _, r := range s {
			f, r := d.pick(r, cur)
			if f != cur && b.Len() > 0 {
				out = append(out, span{cur, b.String()})
				b.Reset()
			}
			cur = f
			b.WriteRune(r)
		}
		if b.Len() > 0 {
			out = append(out, span{cur, b.String()})
		}
		return out
	}
	for _, s := range []string{"", "新的社会阶层人士", "成都 MFG创客联邦 1A+6S", "镕基地𠀀三\U0001F600", " \t前后 ", "bad\xffbyte\xe4\xb8", "—— 12% …… 〓\uFFFD", "喆珺a镕"} {
		for _, role := range []font.Role{font.Hei, font.Kai, font.Song} {
			d.role = role
			got := d.runs(s)
			if !slices.Equal(got, want(s)) {
				t.Errorf("role %d, %q: %v, want %v", role, s, got, want(s))
			}
			for _, sp := range got {
				if !strings.ContainsRune(sp.text, missingMark) && !strings.ContainsRune(sp.text, utf8.RuneError) &&
					!strings.Contains(s, sp.text) {
					t.Errorf("role %d, %q: span %q is not of the text", role, s, sp.text)
				}
			}
		}
	}
}
