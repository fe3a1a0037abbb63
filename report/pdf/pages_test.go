package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/briefing"
	"github.com/basebrief/basebrief/report/document"
)

// TestPagesIsWrite: laying a document out without drawing it (Lay, what
// Fit counts with) ends on the page and at the height where drawing it
// ends, and counts the pages the PDF has: briefings and annexes in both
// languages, a plain masthead, forewords long enough to move every later
// page break, tables running on under 续表.
func TestPagesIsWrite(t *testing.T) {
	created := time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)
	page := regexp.MustCompile(`/Type /Page\b[^s]`)
	faces := mustFaces(t)
	type docCase struct {
		name string
		doc  *document.Document
	}
	var cases []docCase
	for _, data := range []struct {
		name string
		c    *analysis.Comparison
	}{{"western", western(t)}, {"national62", national(t, 62)}, {"national300", national(t, 300)}} {
		for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
			for _, foreword := range []int{0, 150, 700} {
				c := *data.c
				c.Meta.Foreword = strings.Repeat("前言的情况说明，内容很长。Foreword text, ", foreword/10)
				opts := briefing.Options{Lang: lang, Created: created, PlainMasthead: foreword == 150}
				doc, err := briefing.Build(&c, opts)
				if err != nil {
					t.Fatal(err)
				}
				cases = append(cases, docCase{fmt.Sprintf("%s/%s/foreword%d", data.name, lang, foreword), doc})
				if foreword == 0 {
					ax, err := briefing.BuildAnnex(&c, opts)
					if err != nil {
						t.Fatal(err)
					}
					cases = append(cases, docCase{fmt.Sprintf("%s/%s/annex", data.name, lang), ax})
				}
			}
		}
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			drawn := newPDFDoc(tc.doc, faces, false)
			drawn.layout(tc.doc)
			laid, err := newPager(tc.doc, faces)
			if err != nil {
				t.Fatal(err)
			}
			laid.layout(tc.doc)
			if got, want := laid.pdf.PageNo(), drawn.pdf.PageNo(); got != want || laid.y != drawn.y {
				t.Errorf("laid out: page %d at %.4f mm; drawn: page %d at %.4f mm", got, laid.y, want, drawn.y)
			}
			l, err := Lay(tc.doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if want := len(page.FindAll(write(t, tc.doc, Options{}), -1)); l.Pages() != want {
				t.Errorf("Pages: %d, the PDF has %d", l.Pages(), want)
			}
		})
	}
}
