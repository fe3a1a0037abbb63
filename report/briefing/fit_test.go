package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/pdf"
)

// renderer lays out and draws a document with the PDF backend, as the
// packet does.
func renderer(opts Options) Renderer {
	return Renderer{
		Lay: func(doc *document.Document) (Layout, error) { return pdf.Lay(doc, pdf.Options{Face: opts.Face}) },
		Render: func(doc *document.Document) ([]byte, error) {
			var b bytes.Buffer
			err := pdf.Write(&b, doc, pdf.Options{Face: opts.Face})
			return b.Bytes(), err
		},
	}
}

// grown is the default dataset with k more bases, a line or two each in
// their city's section: data whose briefing ends anywhere on its last
// pages, where half a page of foreword turned 6 pages into 7.
func grown(tb testing.TB, k int) *analysis.Comparison {
	tb.Helper()
	d := westernDataset()
	for i := range k {
		ct := d.Cities[(i*3)%len(d.Cities)]
		d.Bases = append(d.Bases, analysis.Base{Name: fmt.Sprintf("第%d个%s", i, strings.Repeat("基", 10+(i*13)%30)),
			City: ct.Name, Province: ct.Province, Kind: strings.Repeat("领域", 3+(i*7)%15), Line: 100 + i})
	}
	return mustCompare(tb, d)
}

// A foreword of any length keeps the briefing within the 2–6 pages of the
// contract: Fit shortens it to the room the pages leave, down to a line
// saying where the whole text is, and where the data alone takes more
// pages the foreword adds none. Before, the foreword was cut at 300
// characters whatever the room: the default data with five to nine more
// bases (zh) or 37 (en) went from 6 pages to 7 with a long foreword.
func TestForewordKeepsPagePromise(t *testing.T) {
	long := strings.Repeat("前言的情况说明，内容很长。", 1600) // 20,800 characters
	for _, tc := range []struct {
		lang  vocab.Lang
		bases int
	}{{vocab.Zh, 0}, {vocab.En, 0}, {vocab.Zh, 5}, {vocab.Zh, 7}, {vocab.Zh, 9}, {vocab.En, 37}, {vocab.En, 40}} {
		t.Run(fmt.Sprintf("%s default data and %d bases", tc.lang, tc.bases), func(t *testing.T) {
			opts := testOptions(t)
			opts.Lang = tc.lang
			c := grown(t, tc.bases)
			c.Meta.Foreword = ""
			without := pages(write(t, "without.pdf", c, opts))
			c.Meta.Foreword = long
			doc, drawn, err := Fit(c, opts, renderer(opts))
			if err != nil {
				t.Fatal(err)
			}
			got := pages(drawn)
			if got > max(MaxPages, without) {
				t.Errorf("%d pages with a long foreword, %d without: want at most %d", got, without, max(MaxPages, without))
			}
			var text strings.Builder
			for _, bl := range doc.Blocks {
				if p, ok := bl.(document.Paragraph); ok {
					text.WriteString(p.Text + "\n")
				}
			}
			if !strings.Contains(text.String(), "工作簿“说明”表") && !strings.Contains(text.String(), "workbook's Read me sheet") {
				t.Error("the shortened foreword does not say where its whole text is: the workbook's 说明 (Read me) sheet")
			}
			t.Logf("%d pages without a foreword, %d with", without, got)
		})
	}
}

// Where the foreword fits, Fit draws what Build and one rendering draw,
// byte for byte.
func TestFitUnchangedWhereItFits(t *testing.T) {
	opts := testOptions(t)
	c := western(t)
	_, drawn, err := Fit(c, opts, renderer(opts))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(drawn, write(t, "western.pdf", c, opts)) {
		t.Error("Fit changed a briefing within its pages")
	}
}

// Data whose lists alone pass six pages (many bases in a few cities: the
// default data with 40 more gave 7 pages in Chinese and 10 with 120) is
// brought within the promise by naming less, the complete lists being the
// workbook's: a city's paragraph names fewer bases, then only counts them
// and says where they are, and the tables list fewer rows. The briefing
// still counts every base.
func TestListsKeepPagePromise(t *testing.T) {
	for _, tc := range []struct {
		lang  vocab.Lang
		bases int
	}{{vocab.Zh, 40}, {vocab.En, 40}, {vocab.Zh, 120}, {vocab.En, 120}, {vocab.Zh, 400}} {
		t.Run(fmt.Sprintf("%s default data and %d bases", tc.lang, tc.bases), func(t *testing.T) {
			opts := testOptions(t)
			opts.Lang = tc.lang
			c := grown(t, tc.bases)
			full := pages(write(t, "full.pdf", c, opts))
			doc, drawn, err := Fit(c, opts, renderer(opts))
			if err != nil {
				t.Fatal(err)
			}
			got := pages(drawn)
			if got > MaxPages {
				t.Errorf("%d pages (%d naming every list at full length): want at most %d", got, full, MaxPages)
			}
			text := document.Dump(doc)
			total := fmt.Sprintf("合计%d个", len(c.Bases))
			if tc.lang == vocab.En {
				total = fmt.Sprintf("Total %s", vocab.For(vocab.En).Number(len(c.Bases)))
			}
			if !strings.Contains(text, total) {
				t.Errorf("the fitted briefing no longer counts all %d bases (%q)", len(c.Bases), total)
			}
			t.Logf("%d pages naming every list at full length, %d fitted", full, got)
		})
	}
}

// TestFitDrawsOnce: Fit lays out each shape it tries and draws only the
// one it keeps, from that layout (not laying it out again), which is the
// briefing drawing every shape and counting its PDF's pages keeps, byte
// for byte (fitDrawn, Fit before issue 25: the national province slices
// spent a third of their time drawing PDFs only to count their pages).
func TestFitDrawsOnce(t *testing.T) {
	long := strings.Repeat("前言的情况说明，内容很长。", 1600)
	for _, tc := range []struct {
		lang     vocab.Lang
		bases    int
		foreword string
		tries    int // shapes laid out
	}{
		{vocab.Zh, 0, "", 1},
		{vocab.Zh, 9, long, 4},
		{vocab.En, 40, "", 3},
		{vocab.Zh, 120, "", 5},
		{vocab.Zh, 400, long, 8},
	} {
		t.Run(fmt.Sprintf("%s default data and %d bases, foreword %d", tc.lang, tc.bases, len(tc.foreword)), func(t *testing.T) {
			opts := testOptions(t)
			opts.Lang = tc.lang
			c := grown(t, tc.bases)
			c.Meta.Foreword = tc.foreword
			r := renderer(opts)
			laid, drawn, rendered := 0, 0, 0
			counted := Renderer{
				Lay: func(d *document.Document) (Layout, error) {
					laid++
					l, err := r.Lay(d)
					return countedLayout{l, &drawn}, err
				},
				Render: func(d *document.Document) ([]byte, error) { rendered++; return r.Render(d) },
			}
			doc, out, err := Fit(c, opts, counted)
			if err != nil {
				t.Fatal(err)
			}
			if laid != tc.tries || drawn != 1 || rendered != 0 {
				t.Errorf("%d shapes laid out, %d layouts drawn and %d documents drawn anew, want %d, 1 and 0", laid, drawn, rendered, tc.tries)
			}
			wantDoc, want, err := fitDrawn(c, opts, steps(textCost(paragraphs(c.Meta.Foreword))), r.Render)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out, want) || document.Dump(doc) != document.Dump(wantDoc) {
				t.Errorf("Fit kept another briefing (%d pages) than drawing every shape does (%d pages)", pages(out), pages(want))
			}
		})
	}
}

// TestFitWithoutLayout: where the layout fails (a face whose metrics it
// cannot read), or counts otherwise than the PDF, Fit draws every shape
// and keeps what drawing them keeps.
func TestFitWithoutLayout(t *testing.T) {
	opts := testOptions(t)
	c := grown(t, 120)
	r := renderer(opts)
	want, wantPDF, err := fitDrawn(c, opts, steps(textCost(paragraphs(c.Meta.Foreword))), r.Render)
	if err != nil {
		t.Fatal(err)
	}
	miscount := func(n int) func(*document.Document) (Layout, error) {
		return func(d *document.Document) (Layout, error) {
			l, err := r.Lay(d)
			return fixedPages{l, n}, err
		}
	}
	for name, lay := range map[string]func(*document.Document) (Layout, error){
		"fails":       func(*document.Document) (Layout, error) { return nil, errors.New("no metrics") },
		"counts one":  miscount(1),
		"counts many": miscount(99),
	} {
		t.Run(name, func(t *testing.T) {
			doc, pdf, err := Fit(c, opts, Renderer{Lay: lay, Render: r.Render})
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(pdf, wantPDF) || document.Dump(doc) != document.Dump(want) {
				t.Errorf("kept %d pages, drawing every shape keeps %d", pageCount(pdf), pageCount(wantPDF))
			}
		})
	}
}

// countedLayout counts the layouts drawn.
type countedLayout struct {
	Layout
	drawn *int
}

func (l countedLayout) PDF() ([]byte, error) { *l.drawn++; return l.Layout.PDF() }

// fixedPages is a layout that counts n pages, whatever its drawing has.
type fixedPages struct {
	Layout
	n int
}

func (l fixedPages) Pages() int { return l.n }
