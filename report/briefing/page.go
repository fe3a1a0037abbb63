package briefing

import (
	"fmt"
	"strings"
	"unicode"

	"codeberg.org/go-pdf/fpdf"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// The GB/T 9704-2012 page, in millimetres: A4, top margin 37, left
// (binding) margin 28, type area 156 × 225.
const (
	pageW   = 210.0
	pageH   = 297.0
	marginL = 28.0
	marginT = 37.0
	areaW   = 156.0
	areaH   = 225.0
	bottom  = marginT + areaH

	bodySize  = 16.0 // 三号
	bodyPitch = 28.9 // pt: 22 lines in the type area, as the standard sets
	noteSize  = 14.0 // 四号: page numbers, 报尾
	tableSize = 10.5 // 五号
	ptMM      = 25.4 / 72
	family    = "basebriefsubsetfaces" // long enough to be renamed to the face's name (subsetName)
)

// Colours.
var (
	black = [3]int{0, 0, 0}
	red   = [3]int{206, 17, 38}
	grey  = [3]int{90, 90, 90}
)

// doc is the PDF with a flowing cursor. Page breaks are taken here, not by
// fpdf, so nothing is ever set below the type area.
type doc struct {
	pdf  *fpdf.Fpdf
	lang vocab.Lang
	y    float64
	// heading counters for 一、（一）1.
	h1, h2, h3 int
	tables     int
	figures    int
}

func (d *doc) zh() bool { return d.lang != vocab.En }

// t picks the Chinese or English text.
func (d *doc) t(zh, en string) string {
	if d.zh() {
		return zh
	}
	return en
}

func (d *doc) newPage() {
	d.pdf.AddPage()
	d.y = marginT
}

// room reports how much of the type area is left on this page.
func (d *doc) room() float64 { return bottom - d.y }

// ensure starts a new page unless h millimetres are left.
func (d *doc) ensure(h float64) {
	if d.y+h > bottom+1e-6 {
		d.newPage()
	}
}

func (d *doc) font(size float64, c [3]int) {
	d.pdf.SetFont(family, "", size)
	d.pdf.SetTextColor(c[0], c[1], c[2])
}

func (d *doc) width(s string) float64 { return d.pdf.GetStringWidth(s) }

// text sets s with its baseline at y. bold strokes the outline too (the
// embedded face has no bold); spread adds that much space between
// characters, for justified lines.
func (d *doc) text(x, y float64, s string, bold bool, spread float64) {
	if s == "" {
		return
	}
	if bold {
		d.pdf.SetLineWidth(0.25 * ptMM * d.fontSize() / bodySize)
		r, g, b := d.pdf.GetTextColor()
		d.pdf.SetDrawColor(r, g, b)
		d.pdf.SetTextRenderingMode(2)
	}
	if spread != 0 {
		d.pdf.RawWriteStr(fmt.Sprintf("%.3f Tc", spread/ptMM))
	}
	d.pdf.Text(x, y, s)
	if spread != 0 {
		d.pdf.RawWriteStr("0 Tc")
	}
	if bold {
		d.pdf.SetTextRenderingMode(0)
	}
}

func (d *doc) fontSize() float64 { pt, _ := d.pdf.GetFontSize(); return pt }

// baseline is where text of the current size sits in a line box of height
// h starting at y: the em box centred in the line.
func (d *doc) baseline(y, h float64) float64 {
	em := d.fontSize() * ptMM
	return y + (h-em)/2 + em*0.86
}

// para describes how a paragraph is set.
type para struct {
	size    float64 // pt
	pitch   float64 // pt between baselines
	indent  float64 // first-line indent, in characters
	hang    float64 // left indent of every line, in characters
	colour  [3]int
	bold    bool
	align   string // "" justified (Chinese) / left, "C" centred, "R" right
	justify bool
}

// body is the paragraph style of the body text: 三号 on the standard's
// 22-line grid in Chinese; English, at that size, reads like large print
// and is set at 13 pt.
func (d *doc) body() para {
	if !d.zh() {
		return para{size: 13, pitch: 22, indent: 0, colour: black}
	}
	return para{size: bodySize, pitch: bodyPitch, indent: 2, colour: black, justify: true}
}

// paragraph sets s in the type area from the cursor on, breaking pages
// between lines, and returns the number of lines.
func (d *doc) paragraph(s string, p para) int {
	d.font(p.size, p.colour)
	em := p.size * ptMM
	lh := p.pitch * ptMM
	left := marginL + p.hang*em
	w := areaW - p.hang*em
	lines := wrap(s, w-p.indent*em, w, d.width)
	for i, l := range lines {
		d.ensure(lh)
		d.font(p.size, p.colour)
		x := left
		lw := w
		if i == 0 {
			x += p.indent * em
			lw -= p.indent * em
		}
		tw := d.width(l.text)
		spread := 0.0
		switch p.align {
		case "C":
			x += (lw - tw) / 2
		case "R":
			x += lw - tw
		default:
			if p.justify && l.full {
				spread = d.spread(l.text, lw-tw, em)
			}
		}
		d.text(x, d.baseline(d.y, lh), l.text, p.bold, spread)
		d.y += lh
	}
	return len(lines)
}

// spread is the extra space between characters that fills a Chinese line
// to the margin; none for Latin lines or when the gap would show.
func (d *doc) spread(s string, slack, em float64) float64 {
	n := len([]rune(s))
	if n < 2 || slack <= 0 || !hasHanzi(s) {
		return 0
	}
	gap := slack / float64(n-1)
	if gap > em*0.12 {
		return 0
	}
	return gap
}

// hasHanzi reports whether s has Chinese characters (not just CJK
// punctuation such as —), the lines that are justified.
func hasHanzi(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func hasCJK(s string) bool {
	for _, r := range s {
		if isCJK(r) {
			return true
		}
	}
	return false
}

// skip moves the cursor down h millimetres, never past the type area.
func (d *doc) skip(h float64) {
	d.y += h
	if d.y > bottom {
		d.y = bottom
	}
}

// heading sets a numbered heading (一、 / （一） / 1.) with its bookmark,
// keeping it on the page with the next two lines.
func (d *doc) heading(level int, title string) {
	p := d.body()
	lh := p.pitch * ptMM
	d.ensure(lh * 3)
	var num string
	switch level {
	case 1:
		d.h1++
		d.h2, d.h3 = 0, 0
		num = d.t(cnNum(d.h1)+"、", roman(d.h1)+". ")
	case 2:
		d.h2++
		d.h3 = 0
		num = d.t("（"+cnNum(d.h2)+"）", fmt.Sprintf("(%d) ", d.h2))
	default:
		d.h3++
		num = fmt.Sprintf("%d. ", d.h3)
		if d.zh() {
			num = fmt.Sprintf("%d.", d.h3)
		}
	}
	if level <= 2 {
		d.bookmark(num+title, level-1)
	}
	p.bold = level == 1
	p.justify = false
	d.paragraph(num+title, p)
}

// bookmark adds an outline entry at the cursor.
// The font is set first (at its current size, colour untouched) so fpdf
// takes the title as UTF-8.
func (d *doc) bookmark(title string, level int) {
	pt := d.fontSize()
	if pt == 0 {
		pt = bodySize
	}
	d.pdf.SetFont(family, "", pt)
	d.pdf.Bookmark(title, level, d.y)
}

// hrule draws a horizontal rule across the type area at y.
func (d *doc) hrule(y, widthPt float64, c [3]int) {
	d.pdf.SetDrawColor(c[0], c[1], c[2])
	d.pdf.SetLineWidth(widthPt * ptMM)
	d.pdf.Line(marginL, y, marginL+areaW, y)
}

// footer writes the page number, "— 1 —", 7 mm below the type area: odd
// pages at the right, even pages at the left, one character in.
func (d *doc) footer() {
	n := d.pdf.PageNo()
	d.font(noteSize, black)
	s := fmt.Sprintf("— %d —", n)
	em := noteSize * ptMM
	x := marginL + em
	if n%2 == 1 {
		x = marginL + areaW - em - d.width(s)
	}
	d.text(x, bottom+7+em*0.86, s, false, 0)
}

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// cnNum writes 1–99 as Chinese numerals: 一, 十, 十一, 二十一.
func cnNum(n int) string {
	switch {
	case n <= 0 || n >= 100:
		return fmt.Sprint(n)
	case n < 10:
		return cnDigits[n]
	}
	var b strings.Builder
	if n/10 > 1 {
		b.WriteString(cnDigits[n/10])
	}
	b.WriteString("十")
	if n%10 > 0 {
		b.WriteString(cnDigits[n%10])
	}
	return b.String()
}

// roman writes 1–39 as Roman numerals for English headings.
func roman(n int) string {
	if n <= 0 || n >= 40 {
		return fmt.Sprint(n)
	}
	ones := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	return strings.Repeat("X", n/10) + ones[n%10]
}
