package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/briefing"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// fontRef is a font resource in a page's resources: fpdf names it by a
// hash of its definition, widths included, so the name differs between a
// subset and the whole face; the object it names does not.
var (
	fontRef   = regexp.MustCompile(`/F([0-9a-f]{40}) (\d+) 0 R`)
	fontID    = regexp.MustCompile(`/F[0-9a-f]{40}`)
	pdfObject = regexp.MustCompile(`(?s)\d+ 0 obj\n.*?endobj`)
	stream    = regexp.MustCompile(`(?s)/Length \d+(.*?)stream\n(.*)\nendstream`)
)

// pdfObjects lists a PDF's objects with their streams inflated and every
// font named by its object number, the resource lines sorted.
func pdfObjects(tb testing.TB, pdf []byte) []string {
	tb.Helper()
	names := map[string]string{}
	for _, m := range fontRef.FindAllSubmatch(pdf, -1) {
		names["/F"+string(m[1])] = "/Fobj" + string(m[2])
	}
	var out []string
	for _, o := range pdfObject.FindAll(pdf, -1) {
		if m := stream.FindSubmatchIndex(o); m != nil {
			if z, err := zlib.NewReader(bytes.NewReader(o[m[4]:m[5]])); err == nil {
				if data, err := io.ReadAll(z); err == nil {
					o = slices.Concat(o[:m[0]], o[m[2]:m[3]], data)
				}
			}
		}
		s := fontID.ReplaceAllStringFunc(string(o), func(id string) string { return names[id] })
		if strings.Contains(s, "/ProcSet") {
			lines := strings.Split(s, "\n")
			slices.Sort(lines)
			s = strings.Join(lines, "\n")
		}
		out = append(out, s)
	}
	return out
}

// TestSubsetPDFIsWholeFacePDF: a PDF with each face cut to the
// characters it draws is the PDF with those faces embedded whole, object
// for object (streams inflated) but for the font resources' names and the
// fonts' widths (/W), which for the whole face list every character up to
// U+00FF whether drawn or not and are otherwise the same: for the briefing
// and the annex, Chinese and English, of a national fixture.
func TestSubsetPDFIsWholeFacePDF(t *testing.T) {
	faces := mustFaces(t)
	c := national(t, 341)
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		o := briefing.Options{Lang: lang, Created: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)}
		doc, err := briefing.Build(c, o)
		if err != nil {
			t.Fatal(err)
		}
		annex, err := briefing.BuildAnnex(c, o)
		if err != nil {
			t.Fatal(err)
		}
		for name, d := range map[string]*document.Document{"briefing": doc, "annex": annex} {
			t.Run(string(lang)+"/"+name, func(t *testing.T) {
				runes, err := drawnRunes(d, faces)
				if err != nil {
					t.Fatal(err)
				}
				wholeRunes := faceRunes{}
				for f := range runes {
					wholeRunes[f] = nil
				}
				whole, missed, err := renderPDFRunes(d, faces, false, wholeRunes)
				if err != nil || missed != nil {
					t.Fatal(err, missed)
				}
				sub, err := renderPDF(d, faces, false)
				if err != nil {
					t.Fatal(err)
				}
				a, b := pdfObjects(t, whole), pdfObjects(t, sub)
				if len(a) != len(b) || len(a) < 20 {
					t.Fatalf("subset PDF %d objects, whole-face PDF %d", len(b), len(a))
				}
				listed := 0
				for i := range a {
					wa, wb := cidWidths(t, a[i]), cidWidths(t, b[i])
					listed += len(wb)
					for cid, w := range wa {
						if wb[cid] != w && (cid > 0xFF || wb[cid] != 0) {
							t.Errorf("object %d: CID %d is %d wide in the subset, %d in the whole face", i+1, cid, wb[cid], w)
						}
					}
					if len(wb) > len(wa) {
						t.Errorf("object %d: the subset lists %d widths, the whole face %d", i+1, len(wb), len(wa))
					}
					oa, ob := widthList.ReplaceAllString(a[i], ""), widthList.ReplaceAllString(b[i], "")
					if oa != ob {
						t.Fatalf("object %d differs:\n%.300q\nwhole faces:\n%.300q", i+1, ob, oa)
					}
				}
				if listed < 100 {
					t.Errorf("the subset fonts list %d widths", listed)
				}
			})
		}
	}
}

// widthList is a CID font's /W array, as fpdf writes it.
var widthList = regexp.MustCompile(`(?s)/W \[.*? \]\n/CIDToGIDMap`)

// cidWidths reads the /W array of a CID font object: the width of each
// CID it lists ("c [w1 w2 ...]" or "first last w").
func cidWidths(t *testing.T, obj string) map[int]int {
	t.Helper()
	m := widthList.FindString(obj)
	if m == "" {
		return nil
	}
	f := strings.Fields(strings.TrimSuffix(strings.TrimPrefix(m, "/W ["), "]\n/CIDToGIDMap"))
	out := map[int]int{}
	num := func(s string) int {
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("/W: %q in %.200q", s, m)
		}
		return n
	}
	for i := 0; i < len(f); {
		c := num(f[i])
		if f[i+1] == "[" {
			i += 2
			for ; f[i] != "]"; i++ {
				out[c] = num(f[i])
				c++
			}
			i++
			continue
		}
		last, w := num(f[i+1]), num(f[i+2])
		for ; c <= last; c++ {
			out[c] = w
		}
		i += 3
	}
	return out
}

// TestSubsetMissRedraws: a character drawn outside its face's subset is
// found and the PDF drawn again with it.
func TestSubsetMissRedraws(t *testing.T) {
	faces := mustFaces(t)
	doc := build(t, national(t, 31), vocab.Zh)
	runes, err := drawnRunes(doc, faces)
	if err != nil {
		t.Fatal(err)
	}
	song := faces.Faces[font.Song]
	runes[song] = slices.DeleteFunc(runes[song], func(r rune) bool { return r == '的' })
	_, missed, err := renderPDFRunes(doc, faces, false, runes)
	if err != nil || len(missed) != 1 || string(missed[song]) != "的" {
		t.Fatalf("missed %v (%v), want 的 once, in the song face", missed, err)
	}
}
