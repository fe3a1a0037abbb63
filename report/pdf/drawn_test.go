package pdf

import (
	"encoding/binary"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/briefing"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// drawnCases are briefings and annexes in both languages, of the western
// fixture and a national one with a long foreword (every page break
// moved, tables running on under 续表).
func drawnCases(t *testing.T) map[string]*document.Document {
	t.Helper()
	created := time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)
	out := map[string]*document.Document{}
	for _, data := range []struct {
		name string
		c    *analysis.Comparison
	}{{"western", western(t)}, {"national", national(t, 341)}} {
		for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
			c := *data.c
			c.Meta.Foreword = strings.Repeat("前言的情况说明，内容很长。Foreword text, ", 30)
			opts := briefing.Options{Lang: lang, Created: created}
			doc, err := briefing.Build(&c, opts)
			if err != nil {
				t.Fatal(err)
			}
			ax, err := briefing.BuildAnnex(&c, opts)
			if err != nil {
				t.Fatal(err)
			}
			out[fmt.Sprintf("%s/%s/briefing", data.name, lang)] = doc
			out[fmt.Sprintf("%s/%s/annex", data.name, lang)] = ax
		}
	}
	return out
}

// TestDrawnRunesAreWhatIsDrawn: the characters the layout finds each face
// drawing (drawnRunes, what the subsets are cut to) are those the drawing
// draws, page numbers included (a page of its own: its number is set only
// as the PDF is closed), so no PDF needs drawing twice; and every
// character set in the PDF has its glyph in the font it is set in (the
// font's CIDToGIDMap maps it to a glyph other than 0), so none shows
// blank.
func TestDrawnRunesAreWhatIsDrawn(t *testing.T) {
	faces := mustFaces(t)
	cases := drawnCases(t)
	cases["one page"] = &document.Document{Lang: "zh", Blocks: []document.Block{document.Paragraph{Text: "一页"}}}
	for name, doc := range cases {
		t.Run(name, func(t *testing.T) {
			runes, err := drawnRunes(doc, faces)
			if err != nil {
				t.Fatal(err)
			}
			out, missed, err := renderPDFRunes(doc, faces, false, runes)
			if err != nil || len(missed) > 0 {
				t.Fatalf("drawn outside the layout's characters: %v (%v)", missed, err)
			}
			n := checkGlyphs(t, out)
			if n < 500 && name != "one page" {
				t.Errorf("%d characters drawn", n)
			}
			if name == "western/zh/briefing" {
				// The last resort (renderPDF): every face whole, fpdf
				// measuring, the same characters drawn.
				whole, missed, err := renderPDFRunes(doc, faces, false, nil)
				if err != nil || len(missed) > 0 {
					t.Fatal(err, missed)
				}
				if m := checkGlyphs(t, whole); m != n {
					t.Errorf("whole faces: %d characters drawn, subsets %d", m, n)
				}
			}
		})
	}
}

// TestOnlyDrawingFacesEmbedded: a face is embedded only if the document
// draws with it, as the whole-face PDF shows it drawing: the English
// briefing, set in the heading face's proportional Latin, embeds neither
// the song face of Chinese running text nor the kai face of level-2
// headings when it has none.
func TestOnlyDrawingFacesEmbedded(t *testing.T) {
	faces := mustFaces(t)
	for name, doc := range drawnCases(t) {
		t.Run(name, func(t *testing.T) {
			out := write(t, doc, Options{})
			used := facesSet(t, out)
			embedded := fontNames(out)
			if !slices.Equal(used, embedded) {
				t.Errorf("fonts embedded %q, fonts text is set in %q", embedded, used)
			}
			if strings.HasPrefix(name, "western/en/briefing") && slices.Contains(embedded, subsetTag(faces.Faces[font.Song].Name)) {
				t.Errorf("the English briefing embeds the song face: %q", embedded)
			}
		})
	}
}

// subsetTag is the name a face is embedded under (subsetName).
func subsetTag(faceName string) string {
	out := subsetName([]byte("/utf8"+familyName(0)+"\n"), familyName(0), faceName)
	return strings.TrimSpace(string(out[1:]))
}

var (
	baseFont = regexp.MustCompile(`/Subtype /Type0\n/BaseFont /(\S+)`)
	// a font set, or a string shown (its bytes UTF-16, any of them a
	// newline, a bracket or a backslash escaped)
	textOp    = regexp.MustCompile(`(?s)BT /Fobj(\d+) [0-9.]+ Tf ET\n|BT [0-9.-]+ [0-9.-]+ Td \(((?:\\.|[^\\)])*)\) Tj ET(?: Q)?\n`)
	objNumber = regexp.MustCompile(`^(\d+) 0 obj\n`)
	descends  = regexp.MustCompile(`/DescendantFonts \[(\d+) 0 R\]`)
	cidToGID  = regexp.MustCompile(`/CIDToGIDMap (\d+) 0 R`)
)

// fontNames are the Type0 fonts the PDF embeds, sorted.
func fontNames(pdf []byte) []string {
	var out []string
	for _, m := range baseFont.FindAllSubmatch(pdf, -1) {
		out = append(out, string(m[1]))
	}
	slices.Sort(out)
	return out
}

// byNumber are the PDF's objects (pdfObjects) by object number.
func byNumber(t *testing.T, pdf []byte) map[int]string {
	t.Helper()
	out := map[int]string{}
	for _, o := range pdfObjects(t, pdf) {
		m := objNumber.FindStringSubmatch(o)
		if m == nil {
			continue // a ToUnicode map, its lines sorted
		}
		n, _ := strconv.Atoi(m[1])
		out[n] = o
	}
	return out
}

// facesSet are the fonts some text is shown in, by the name each is
// embedded under, sorted.
func facesSet(t *testing.T, pdf []byte) []string {
	t.Helper()
	objs := byNumber(t, pdf)
	var out []string
	eachShown(t, objs, func(fontObj int, _ string) {
		m := baseFont.FindStringSubmatch(objs[fontObj])
		if m == nil {
			t.Fatalf("font object %d: %.80q", fontObj, objs[fontObj])
		}
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	})
	slices.Sort(out)
	return out
}

// eachShown calls fn with every string the pages show (raw, as in the
// content stream) and the font object it is shown in.
func eachShown(t *testing.T, objs map[int]string, fn func(fontObj int, text string)) {
	t.Helper()
	for _, o := range objs {
		if !strings.Contains(o, "/Type /Page\n") {
			continue
		}
		m := regexp.MustCompile(`/Contents (\d+) 0 R`).FindStringSubmatch(o)
		n, _ := strconv.Atoi(m[1])
		cur := 0
		for _, m := range textOp.FindAllStringSubmatch(objs[n], -1) {
			if m[1] != "" {
				cur, _ = strconv.Atoi(m[1])
				continue
			}
			if cur == 0 {
				t.Fatalf("text shown with no font: %q", m[0])
			}
			fn(cur, m[2])
		}
	}
}

// checkGlyphs checks that every character the PDF shows (UTF-16 in fpdf's
// escaped strings, the CID the font's CIDToGIDMap maps) has a glyph in its
// font, and returns how many were shown.
func checkGlyphs(t *testing.T, pdf []byte) int {
	t.Helper()
	objs := byNumber(t, pdf)
	maps := map[int][]byte{}
	n := 0
	eachShown(t, objs, func(fontObj int, text string) {
		gids, ok := maps[fontObj]
		if !ok {
			d := descends.FindStringSubmatch(objs[fontObj])
			cid, _ := strconv.Atoi(d[1])
			g := cidToGID.FindStringSubmatch(objs[cid])
			gn, _ := strconv.Atoi(g[1])
			_, data, _ := strings.Cut(objs[gn], ">>\n")
			gids = []byte(data)
			maps[fontObj] = gids
		}
		s := strings.NewReplacer(`\\`, `\`, `\(`, `(`, `\)`, `)`, `\r`, "\r").Replace(text)
		for i := 0; i+1 < len(s); i += 2 {
			c := int(binary.BigEndian.Uint16([]byte(s[i:])))
			n++
			if c <= ' ' {
				continue // spaces: an advance, no glyph needed
			}
			if 2*c+1 >= len(gids) || gids[2*c] == 0 && gids[2*c+1] == 0 {
				t.Errorf("%q (U+%04X) shown in font object %d, which has no glyph for it", rune(c), c, fontObj)
			}
		}
	})
	return n
}
