package document

import (
	"time"

	"github.com/basebrief/basebrief/analysis"
)

// Document is one briefing, in reading order.
type Document struct {
	Lang     string // "zh" or "en"
	Info     Info
	Masthead Masthead
	Blocks   []Block
	Colophon Colophon
	// Checks are the matters to verify (需核实), one clause each, as the
	// 导语 on page 1 says them; every source of a check adds to this list.
	Checks []string
	// Notices are what building the document noticed (characters no
	// embedded face draws), for summary.json and the log.
	Notices []analysis.Notice
}

// Info is the file's metadata (PDF Info, Word core properties).
type Info struct {
	Title    string
	Subject  string
	Author   string
	Keywords string
	Created  time.Time // from SOURCE_DATE_EPOCH; written as given
}

// Masthead is the red 报头: title, 第N期, issuing unit and date.
type Masthead struct {
	Title string // 新的社会阶层人士统战工作简报
	Issue string // 第1期 (already worded)
	Unit  string // issuing unit, left under the title
	Date  string // worded date, right under the title: 2019年5月17日
	// Plain leaves the 报头 area blank (title, issue, unit, date and the
	// red rule not drawn) for pre-printed red-head paper; the space stays.
	Plain bool
}

// Colophon is the 版记 at the end of the last page, between rules: the
// 报/送/发 lines, then the issuing unit left and the printing date right,
// then the copies line.
type Colophon struct {
	Lines  []ColophonLine
	Unit   string // 某某市委统战部 (may be empty)
	Issued string // 2019年5月17日印发
	Copies string // （共印50份）; empty: not printed
	// Printed is the closing lines as one list (unit and date, copies),
	// for renderers that set them as plain lines; the same text as Unit,
	// Issued and Copies. Empty lines are not drawn.
	Printed []string
}

// ColophonLine is one 版记 line: a label (报：, 送：, 发：) and its recipients.
type ColophonLine struct {
	Label string
	Text  string
}

// Block is one element of the body.
type Block interface{ block() }

// Heading is a section heading. Level 0 is the briefing's own title under
// the masthead (a heavy face, centred), 1 a 一级标题 (一、…, 黑体), 2 a
// 二级标题 ((一)…, 楷体), 3 a 三级标题 (1., body face). Text carries its
// numbering already. A heading is kept on the page with what follows it.
type Heading struct {
	Level int
	Text  string
}

// Style names a paragraph's role; each renderer maps it to one style.
type Style int

const (
	Body    Style = iota // 正文: 三号, first line indented two characters
	Note                 // notes under a table, smaller, grey
	Caption              // under a figure, centred, smaller
	Source               // a numbered source line, smaller, grey, hanging
	Center               // centred body text (e.g. a subtitle line)
	Small                // appendix text: 四号, indented like Body
	Item                 // a bulleted line, smaller, grey, hanging after "· "
)

// Paragraph is running text. Lead, when set, opens it in the heading face
// (a city name opening its entry). Claims are the figures Text states, for
// the narrative's record in summary.json.
type Paragraph struct {
	Style  Style
	Lead   string
	Text   string
	Claims []Claim
	// Narrative marks the paragraphs of the briefing's narrative, the ones
	// summary.json's "narrative" lists.
	Narrative bool
}

// Claim is one figure a sentence states: row Of ("total", "region",
// "province", "city") named Name (empty for the total), its summary.json
// Field, and the Value that field holds there (int64, float64 or int).
type Claim struct {
	Of    string
	Name  string
	Field string
	Value any
}

// KeyFigures is a grid of boxed key figures.
type KeyFigures struct {
	Items []KeyFigure
}

// KeyFigure is one box: a big value over its label, with an optional
// detail line (e.g. 同比增长3.2%).
type KeyFigure struct {
	Value  string // 270万
	Label  string // 新的社会阶层人士
	Detail string
}

// Align is a table column's alignment.
type Align int

const (
	Left Align = iota
	Right
	CenterAlign
)

// Table is a three-line table (三线表) with a caption above it and notes
// below. Label numbers it (表1); Continued heads its continuation on a
// following page (续表1). The header row repeats on every page.
type Table struct {
	Label     string
	Continued string
	Caption   string
	Header    []string
	Align     []Align   // per column; missing = Left
	Widths    []float64 // relative column widths; nil = the renderer decides
	Rows      [][]string
	// Emphasis marks rows set bold (totals, "其余N个" rows), by index in Rows.
	Emphasis map[int]bool
	Notes    []string
}

// Figure is a chart as a PNG picture with its caption and alt text.
type Figure struct {
	Name    string // file stem, e.g. members_by_city
	Caption string // 图1  各城市新的社会阶层人士人数
	Alt     string // what the picture shows, for screen readers
	PNG     []byte
	// Width and Height are the PNG's pixel size, so renderers can scale
	// to the type area keeping its aspect; 0 when the PNG cannot be read.
	Width, Height int
	// Compact asks for at most half the type area's height, two figures
	// to a page (a briefing of large data keeps its charts short).
	Compact bool
}

// PageBreak starts a new page.
type PageBreak struct{}

func (Heading) block()    {}
func (Paragraph) block()  {}
func (KeyFigures) block() {}
func (Table) block()      {}
func (Figure) block()     {}
func (PageBreak) block()  {}

// Narrative returns the narrative paragraphs, in order.
func (d *Document) Narrative() []Paragraph {
	var out []Paragraph
	for _, b := range d.Blocks {
		if p, ok := b.(Paragraph); ok && p.Narrative {
			out = append(out, p)
		}
	}
	return out
}
