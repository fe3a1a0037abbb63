package briefing

import (
	"errors"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/document"
)

// MaxPages is the most pages of the circulated briefing: the contract's
// "2–6 pages for any data".
const MaxPages = 6

// shape is how much of the briefing's optional matter a build shows: the
// foreword's characters (as build.forewordMax) and the city and base
// tables' rows (no base table at zero).
type shape struct {
	foreword           int
	cityRows, baseRows int
	basesNamed         int // bases a city's paragraph names (as build.basesNamed)
	charts             int // most charts placed (as build.maxCharts): 0 all, below zero none
}

// fullShape is the briefing as Build lays it out.
var fullShape = shape{maxForeword, cityRows, baseRows, basesNamed, 0}

// forewordSteps are the lengths of the foreword Fit tries, in characters
// (a paragraph break counting as a line), from the default down; -1 shows
// none of it, only a line saying where the whole text is.
var forewordSteps = []int{maxForeword, 200, 100, -1}

// tableSteps are the table lengths Fit tries once the foreword is down to
// its line, least missed first: the base table's rows (every base is on
// the workbook's 基地 sheet), then the city table's, then no base table.
// Between them, the cities' paragraphs name fewer bases (3, 1, then only
// count them): many bases in a few cities made the default data with 40
// more bases 7 pages (TestListsKeepPagePromise).
var tableSteps = []shape{
	{cityRows: cityRows, baseRows: 8, basesNamed: basesNamed},
	{cityRows: cityRows, baseRows: 8, basesNamed: 3},
	{cityRows: cityRows, baseRows: 4, basesNamed: 3},
	{cityRows: cityRows, baseRows: 4, basesNamed: 1},
	{cityRows: 10, baseRows: 4, basesNamed: 1},
	{cityRows: 10, baseRows: 4, basesNamed: 0},
	{cityRows: 10, baseRows: 0, basesNamed: 0},
	{cityRows: 5, baseRows: 0, basesNamed: 0},
	// Last, fewer charts (each is in the packet's charts folder): every
	// province slice of the national data was 7 pages with its four.
	{cityRows: 5, baseRows: 0, basesNamed: 0, charts: 2},
	{cityRows: 5, baseRows: 0, basesNamed: 0, charts: -1},
}

// steps are the shapes Fit tries for a foreword of cost characters, in
// order: the foreword shortened step by step, then the tables.
func steps(cost int) []shape {
	var out []shape
	for i, n := range forewordSteps {
		if i > 0 && (cost == 0 || (n >= 0 && cost <= n)) {
			continue // the foreword already shows whole at this length
		}
		out = append(out, shape{n, cityRows, baseRows, basesNamed, 0})
	}
	last := out[len(out)-1].foreword
	for _, t := range tableSteps {
		t.foreword = last
		out = append(out, t)
	}
	return out
}

// Renderer is how Fit draws a briefing: Lay lays a document out once, to
// count its pages and to draw that same layout; Render draws a document
// from nothing, where Lay fails or its drawing counts otherwise.
type Renderer struct {
	Lay    func(*document.Document) (Layout, error)
	Render func(*document.Document) ([]byte, error)
}

// Layout is a document laid out: its pages, and its drawing (report/pdf's
// Layout).
type Layout interface {
	Pages() int
	PDF() ([]byte, error)
}

// Fit builds the briefing of c and renders it with r, within the page
// promise: a document longer than MaxPages is built again with the
// foreword shortened, step by step, down to a line saying where its whole
// text is (the workbook's 说明 sheet, summary.json), then with shorter
// city and base tables and fewer bases named in the cities' paragraphs,
// down to no base table (tableSteps), and the first
// that fits is kept. Where even that does not fit, the shape of the
// fewest pages is kept. The PDF and the Word file are drawn from the one
// document returned.
//
// Each shape tried is laid out (r.Lay), and only the layout kept is drawn:
// drawing a PDF to count its pages cost the national province slices a
// third of their time, and laying the one kept out again to draw it
// another 10% of the PDFs' (issue 25). Should the drawn PDF's pages
// differ from the count (a renderer whose count is not its drawing's), or
// the layout fail, every shape is drawn and counted from its PDF, as
// before.
func Fit(c *analysis.Comparison, opts Options, r Renderer) (*document.Document, []byte, error) {
	if c == nil {
		return nil, nil, errors.New("build briefing: no comparison")
	}
	var (
		best      *document.Document
		bestLaid  Layout
		bestPages int
	)
	shapes := steps(textCost(paragraphs(c.Meta.Foreword)))
	for _, sh := range shapes {
		doc, err := build(c, opts, sh)
		if err != nil {
			return nil, nil, err
		}
		laid, err := r.Lay(doc)
		if err != nil {
			// A face whose metrics the layout cannot read (a --font
			// the subsetter refuses) is drawn, and embedded, whole.
			return fitDrawn(c, opts, shapes, r.Render)
		}
		pages := laid.Pages()
		if best == nil || pages < bestPages {
			best, bestLaid, bestPages = doc, laid, pages
		}
		if pages <= MaxPages {
			break
		}
	}
	pdf, err := bestLaid.PDF()
	if err != nil {
		return nil, nil, fmt.Errorf("render briefing: %w", err)
	}
	if pageCount(pdf) == bestPages {
		return best, pdf, nil
	}
	return fitDrawn(c, opts, shapes, r.Render)
}

// fitDrawn is Fit drawing every shape it tries and counting the PDF's
// pages.
func fitDrawn(c *analysis.Comparison, opts Options, shapes []shape, render func(*document.Document) ([]byte, error)) (*document.Document, []byte, error) {
	var (
		best      *document.Document
		bestPDF   []byte
		bestPages int
	)
	for _, sh := range shapes {
		doc, err := build(c, opts, sh)
		if err != nil {
			return nil, nil, err
		}
		pdf, err := render(doc)
		if err != nil {
			return nil, nil, fmt.Errorf("render briefing: %w", err)
		}
		pages := pageCount(pdf)
		if pages <= MaxPages {
			return doc, pdf, nil
		}
		if best == nil || pages < bestPages {
			best, bestPDF, bestPages = doc, pdf, pages
		}
	}
	return best, bestPDF, nil
}

// textCost is what clipParagraphs counts for ps: characters, and a line
// for each paragraph break.
func textCost(ps []string) int {
	n := 0
	for _, p := range ps {
		n += utf8.RuneCountInString(p) + lineChars
	}
	return max(n-lineChars, 0)
}

// pageObjects finds the page objects of a PDF as the renderer writes them
// (uncompressed object headers; only content streams are compressed).
var pageObjects = regexp.MustCompile(`/Type /Page\b[^s]`)

// pageCount is the number of pages of a rendered PDF.
func pageCount(pdf []byte) int { return len(pageObjects.FindAll(pdf, -1)) }

// forewordWhole is where the whole foreword is, for the line that ends a
// shortened one.
func (w words) forewordWhole() string {
	if w.zh() {
		return "工作簿“说明”表"
	}
	return "the workbook's Read me sheet"
}

// forewordLeftOut is the line that stands for a foreword left out whole.
func (w words) forewordLeftOut() string {
	if w.zh() {
		return "（前言全文见工作簿“说明”表。）"
	}
	return "(The foreword is on the workbook's Read me sheet.)"
}
