package briefing

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// words is the briefing's vocabulary (vocab.Words: every phrase in the
// packet's language, the one place that language is chosen) and what a
// briefing adds to it.
type words struct {
	vocab.Words
	lang vocab.Lang
	// orig maps a place's English name back to the data's (an English
	// briefing's claims name the rows as summary.json does); nil in Chinese.
	orig map[string]string
}

func newWords(lang vocab.Lang) words {
	v := vocab.For(lang)
	return words{Words: v, lang: v.Lang()}
}

func (w words) zh() bool { return w.Words.Zh() }

func (w words) people(n *int64) string { return vocab.PeoplePtr(n, w.lang) }

func (w words) period(p analysis.Period) string {
	return vocab.Period(p.Year, p.Half, p.Quarter, p.Month, p.Day, w.lang)
}

// periodLong is period as English prose says it at a sentence's head:
// "the first half of 2019" for H1 2019; other periods as period.
func (w words) periodLong(p analysis.Period) string {
	if p.Kind() == analysis.KindHalf {
		return vocab.HalfLong(p.Year, p.Half, w.lang)
	}
	return w.period(p)
}

func (w words) batch(n int) string { return vocab.Batch(n, w.lang) }

func (w words) tier(t analysis.Tier) string { return vocab.Tier(string(t), w.lang) }

func (w words) count(n int, zh, one, many string) string {
	return vocab.Count(n, zh, one, many, w.lang)
}

// list joins names, at most limit of them (0: all), then "等N个" / "and N more".
func (w words) list(names []string, limit int) string { return w.List(names, limit, "") }

// listOf is list with the noun a Chinese count needs: 海南、北京等7个省区市.
func (w words) listOf(names []string, limit int, noun string) string {
	return w.List(names, limit, noun)
}

// the is a region's name as English prose says it: the Western region.
func (w words) the(name string) string { return w.The(name) }

// end closes a sentence: 。 or .
func (w words) end() string { return w.End() }

// paren writes a parenthetical: （x） or " (x)".
func (w words) paren(s string) string { return w.Paren(s) }

// scope names what the briefing covers: the province it holds alone, the
// region, or "N个片区".
func (w words) scope(c *analysis.Comparison) string {
	if p := c.OneProvince(); p != "" {
		return p
	}
	if len(c.Regions) == 1 {
		return c.Regions[0].Region
	}
	return w.T(fmt.Sprintf("%d个片区", len(c.Regions)), fmt.Sprintf("the %d regions", len(c.Regions)))
}

// builder appends the briefing's blocks and numbers headings, tables and
// figures as it goes.
type builder struct {
	words
	c    *analysis.Comparison
	opts Options
	doc  *document.Document
	// heading counters for 一、（一）1.
	h1, h2, h3      int
	tables, figures int
	idx             index
	// forewordMax is the most characters of the foreword shown: 0 is
	// maxForeword, below zero none; Fit lowers it to keep the page promise.
	forewordMax int
	// cityRows and baseRows are the most rows the city and base tables
	// list before "其余N个" (no base table at zero); Fit lowers them when
	// the data alone breaks the page promise.
	cityRows, baseRows int
	// basesNamed is the most bases a city's paragraph names (key projects
	// first, then "等N个"); at zero it only counts them and says where the
	// names are. Fit lowers it where long lists break the page promise.
	basesNamed int
	// maxCharts is the most charts placed: 0 all, below zero none (a
	// line says where they are); Fit lowers it last.
	maxCharts int
}

// newBuilder starts the document of c, which is in reading order; an
// English one names places in English (romanised).
func newBuilder(c *analysis.Comparison, opts Options) *builder {
	w := newWords(opts.Lang)
	if !w.zh() {
		c, w.orig = c.Romanised()
	}
	return &builder{words: w, c: c, opts: opts,
		doc: &document.Document{Lang: string(opts.Lang)}, idx: newIndex(c),
		cityRows: cityRows, baseRows: baseRows, basesNamed: basesNamed}
}

// narrator writes the narrative paragraphs over the builder's comparison.
func (b *builder) narrator() narrator {
	return narrator{words: b.words, c: b.c, reporting: b.idx.reporting}
}

func (b *builder) add(blocks ...document.Block) { b.doc.Blocks = append(b.doc.Blocks, blocks...) }

// heading appends a numbered heading: 一、 / （一） / 1. in Chinese,
// I. / (1) / 1. in English.
func (b *builder) heading(level int, title string) {
	var num string
	switch level {
	case 0:
	case 1:
		b.h1++
		b.h2, b.h3 = 0, 0
		num = b.T(vocab.Numeral(b.h1)+"、", vocab.Roman(b.h1)+". ")
	case 2:
		b.h2++
		b.h3 = 0
		num = b.T("（"+vocab.Numeral(b.h2)+"）", fmt.Sprintf("(%d) ", b.h2))
	default:
		b.h3++
		num = strconv.Itoa(b.h3) + b.T(".", ". ")
	}
	b.add(document.Heading{Level: level, Text: num + title})
}

func (b *builder) para(style document.Style, text string) {
	if text != "" {
		b.add(document.Paragraph{Style: style, Text: text})
	}
}

// table numbers t and appends it.
func (b *builder) table(t document.Table) {
	b.tables++
	t.Label = fmt.Sprintf(b.T("表%d", "Table %d"), b.tables)
	t.Continued = fmt.Sprintf(b.T("续表%d", "Table %d (continued)"), b.tables)
	b.roundingNote(&t)
	t.Notes = b.oneNote(t.Notes)
	b.add(t)
}

// oneNote joins a table's notes into one 注： paragraph: two lines each
// starting 注： (the city table's marks and its 合计) read as a slip, and a
// second line without it reads as body text.
func (b *builder) oneNote(notes []string) []string {
	if len(notes) < 2 {
		return notes
	}
	var parts []string
	for _, n := range notes {
		for _, p := range []string{"注：", "Notes: ", "Note: "} {
			n = strings.TrimPrefix(n, p)
		}
		n = strings.TrimSpace(n)
		if !strings.HasSuffix(n, "。") && !strings.HasSuffix(n, ".") {
			n += b.end()
		}
		if !b.zh() && n != "" { // "Note: the table's total" → "The table's total"
			n = strings.ToUpper(n[:1]) + n[1:]
		}
		parts = append(parts, n)
	}
	return []string{b.T("注：", "Notes: ") + strings.Join(parts, b.T("", " "))}
}

// figure numbers a chart and appends it.
func (b *builder) figure(f Figure, compact bool) {
	b.figures++
	caption := fmt.Sprintf(b.T("图%d  %s", "Figure %d  %s"), b.figures, f.Title)
	fb := figureBlock(f, caption, f.Title)
	// A tall chart (31 provinces' bars) squeezed into half a page comes
	// out a narrow strip nobody can read: it keeps its own page.
	fb.Compact = compact && float64(fb.Height) <= maxCompactAspect*float64(fb.Width)
	b.add(fb)
}

// maxCompactAspect is the tallest height-to-width ratio a chart may have to
// share a page: at half the type area's height it still spans about 60% of
// its width.
const maxCompactAspect = 1.1

// body sets the sections under the masthead, in reading order.
func (b *builder) body() {
	c := b.c
	b.headline()
	b.leadSection()
	b.keyFigures()
	b.narrative()
	b.places()
	b.charts()
	b.tablesSection()
	if len(c.Regions) > 1 && b.byProvince() {
		b.crossRegion() // by region, the sections already name each region's largest cities
	}
}

// annexBody sets the 数据说明 for the analysts: what needs verifying, the
// stated figures against the records, and the data-quality appendix
// (inputs with their SHA-256, warnings, notes, definitions). It does not
// circulate with the briefing.
func (b *builder) annexBody() {
	b.add(document.Heading{Level: 0, Text: b.T("数据说明", "Data notes")})
	b.para(document.Center, b.subject())
	b.para(document.Center, b.T("（供分析人员使用，不随简报印发）", "(for the analysts; not circulated with the briefing)"))
	if len(b.c.Checks) > 0 {
		b.heading(1, b.T("需核实的数字", "Figures to verify"))
		b.table(b.checksTable())
	}
	if len(b.c.Stated) > 0 {
		b.reconciliation()
	}
	b.appendix()
}
