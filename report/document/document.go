package document

import "time"

// Document is one briefing, in reading order.
type Document struct {
	Lang     string // "zh" or "en"
	Info     Info
	Masthead Masthead
	Blocks   []Block
	Colophon Colophon
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

// Colophon is the 版记 at the end: 报/送/发 lines and 共印N份.
type Colophon struct {
	Lines []ColophonLine
	// Printed is the closing line, e.g. "某某市委统战部  2019年5月17日印发"
	// or "共印50份"; empty lines are not drawn.
	Printed []string
}

// ColophonLine is one 版记 line: a label (报, 送, 发) and its recipients.
type ColophonLine struct {
	Label string
	Text  string
}

// Block is one element of the body.
type Block interface{ block() }

// Heading is a section heading. Level 0 is the briefing's own title under
// the masthead, 1 a 一级标题 (一、…, 黑体), 2 a 二级标题 ((一)…, 楷体).
// Text carries its numbering already.
type Heading struct {
	Level int
	Text  string
}

// Style names a paragraph's role; each renderer maps it to one style.
type Style int

const (
	Body    Style = iota // 正文
	Note                 // notes under a table or in the appendix, smaller
	Caption              // under a figure or above a table
	Source               // a source or basis line, smaller, grey
	Center               // centred body text (e.g. a subtitle line)
)

// Paragraph is running text. Lead, when set, is set bold before Text
// (a province name opening its section).
type Paragraph struct {
	Style Style
	Lead  string
	Text  string
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

// Table is a table with a caption above it and notes below.
type Table struct {
	Caption string
	Header  []string
	Align   []Align   // per column; missing = Left
	Widths  []float64 // relative column widths; nil = the renderer decides
	Rows    [][]string
	// Emphasis marks rows set bold (totals, "其余N个" rows), by index in Rows.
	Emphasis map[int]bool
	Notes    []string
}

// Figure is a chart as a PNG picture with its caption and alt text.
type Figure struct {
	Name    string // file stem, e.g. members_by_city
	Caption string // 图1 各城市新的社会阶层人士人数
	Alt     string // what the picture shows, for screen readers
	PNG     []byte
	// Width and Height are the PNG's pixel size, so renderers can scale
	// to the type area keeping its aspect.
	Width, Height int
}

// PageBreak starts a new page.
type PageBreak struct{}

func (Heading) block()    {}
func (Paragraph) block()  {}
func (KeyFigures) block() {}
func (Table) block()      {}
func (Figure) block()     {}
func (PageBreak) block()  {}
