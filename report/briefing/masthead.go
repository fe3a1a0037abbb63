package briefing

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// mast is the masthead (报头) and closing block (报尾) with defaults filled.
type mast struct {
	title, issue, unit, date, subject string
	report, send, distribute          string
	copies                            int
	foreword                          string
}

// masthead fills the briefing's masthead from Meta, with defaults for
// what briefing.toml and the flags left empty.
func masthead(c *analysis.Comparison, opts Options) mast {
	en := opts.Lang == vocab.En
	pick := func(zh, e string) string {
		if en {
			return e
		}
		return zh
	}
	m := c.Meta
	out := mast{title: m.Title, unit: m.Unit, subject: m.Subject, report: m.Report, send: m.Send,
		distribute: m.Distribute, copies: m.Copies, foreword: m.Foreword}
	if out.title == "" {
		out.title = pick("新的社会阶层人士统战工作简报", "New Social Strata Work Briefing")
	}
	issue := strings.TrimSpace(m.Issue)
	if issue == "" {
		issue = "1"
	}
	out.issue = pick("第"+issue+"期", "Issue "+issue)
	switch {
	case m.Date != "":
		out.date = dateText(m.Date, opts.Lang)
	case !opts.Created.IsZero():
		out.date = dateText(opts.Created.UTC().Format("2006-01-02"), opts.Lang)
	default:
		out.date = periodText(c.Period, opts.Lang)
	}
	if out.subject == "" {
		out.subject = defaultSubject(c, opts.Lang)
	}
	return out
}

func defaultSubject(c *analysis.Comparison, lang vocab.Lang) string {
	scope := ""
	if len(c.Regions) == 1 {
		scope = c.Regions[0].Region
	}
	p := periodText(c.Period, lang)
	if lang == vocab.En {
		if scope != "" {
			scope += ": "
		}
		return scope + "innovation bases and the new social strata, " + p
	}
	return scope + "实践创新基地和新的社会阶层人士情况（" + p + "）"
}

// dateText writes 2019-05-17 as 2019年5月17日 or 17 May 2019; anything
// else as given.
func dateText(s string, lang vocab.Lang) string {
	t, err := time.Parse("2006-01-02", strings.TrimSpace(s))
	if err != nil {
		return s
	}
	if lang == vocab.En {
		return t.Format("2 January 2006")
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// periodText writes a period as 2019年, 2019年5月 or 2019年5月17日 (May
// 2019 in English); "—" for none.
func periodText(p analysis.Period, lang vocab.Lang) string {
	switch {
	case p.IsZero():
		return "—"
	case p.Day != 0:
		return dateText(p.String(), lang)
	case p.Month != 0:
		if lang == vocab.En {
			return time.Month(p.Month).String() + " " + strconv.Itoa(p.Year)
		}
		return fmt.Sprintf("%d年%d月", p.Year, p.Month)
	case lang == vocab.En:
		return strconv.Itoa(p.Year)
	}
	return fmt.Sprintf("%d年", p.Year)
}

// drawMasthead sets the 报头: the title large in red, the issue centred
// under it, the unit left and date right, then a red rule.
func (d *doc) drawMasthead(m mast) {
	size := 36.0
	d.bookmark(m.title+" "+m.issue, 0)
	d.font(size, red)
	if w := d.width(m.title); w > areaW {
		size = size * areaW / w * 0.98
		d.font(size, red)
	}
	h := size * 1.5 * ptMM
	d.text(marginL+(areaW-d.width(m.title))/2, d.baseline(d.y, h), m.title, true, 0)
	d.y += h + 2
	lh := bodyPitch * ptMM
	d.font(bodySize, black)
	d.text(marginL+(areaW-d.width(m.issue))/2, d.baseline(d.y, lh), m.issue, false, 0)
	d.y += lh + 4
	d.font(noteSize+1, black)
	d.pair(m.unit, m.date, lh)
	d.y += 1
	d.hrule(d.y, 2, red)
	d.y += 8
}

// pairRows splits a left/right pair (unit and date) into rows: one row
// when both fit with two characters between them, else the left text
// wrapped and the right one on a row of its own. Set in the current font,
// one character in from either side.
func (d *doc) pairRows(left, right string) [][2]string {
	em := d.fontSize() * ptMM
	avail := areaW - 2*em
	if d.width(left)+d.width(right)+2*em <= avail {
		return [][2]string{{left, right}}
	}
	var rows [][2]string
	for _, l := range lineTexts(left, avail, avail, d.width) {
		rows = append(rows, [2]string{l, ""})
	}
	return append(rows, [2]string{"", right})
}

// pair sets a left/right pair from the cursor on, each row lh high.
func (d *doc) pair(left, right string, lh float64) {
	em := d.fontSize() * ptMM
	for _, r := range d.pairRows(left, right) {
		d.text(marginL+em, d.baseline(d.y, lh), r[0], false, 0)
		d.text(marginL+areaW-em-d.width(r[1]), d.baseline(d.y, lh), r[1], false, 0)
		d.y += lh
	}
}

// headline sets the briefing's subject as a centred title and the foreword.
func (d *doc) headline(m mast) {
	p := para{size: 22, pitch: 34, colour: black, align: "C", bold: true}
	d.paragraph(m.subject, p)
	d.skip(4)
	for _, s := range paragraphs(m.foreword) {
		d.paragraph(s, d.body())
	}
}

// paragraphs splits text on line breaks, dropping empty lines.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// drawColophon sets the 报尾 at the foot of the last page: the 报/送/发
// recipients between rules, the issuing unit and date, and 共印N份.
func (d *doc) drawColophon(m mast) {
	type row struct{ label, text string }
	var rows []row
	for _, r := range []row{{d.t("报：", "To: "), m.report}, {d.t("送：", "Cc: "), m.send}, {d.t("发：", "Distribution: "), m.distribute}} {
		if strings.TrimSpace(r.text) != "" {
			rows = append(rows, r)
		}
	}
	lh := 24 * ptMM
	em := noteSize * ptMM
	d.font(noteSize, black)
	end := d.t(m.date+"印发", "Issued "+m.date)
	n := len(d.pairRows(m.unit, end))
	for _, r := range rows {
		n += len(lineTexts(r.label+r.text, areaW-em, areaW-em-d.width(r.label), d.width))
	}
	h := float64(n)*lh + 3
	if m.copies > 0 {
		h += lh
	}
	if d.room() < h+6 {
		d.newPage()
	}
	d.y = bottom - h
	d.bookmark(d.t("报尾", "Distribution"), 0)
	d.hrule(d.y, 1, black)
	for _, r := range rows {
		hang := (em + d.width(r.label)) / em
		d.paragraph(r.label+r.text, para{size: noteSize, pitch: 24, hang: hang, indent: -(hang - 1), colour: black})
	}
	if len(rows) > 0 {
		d.hrule(d.y, 0.7, black)
	}
	d.font(noteSize, black)
	d.pair(m.unit, end, lh)
	d.hrule(d.y, 1, black)
	if m.copies > 0 {
		s := fmt.Sprintf(d.t("（共印%d份）", "(%d copies)"), m.copies)
		d.text(marginL+areaW-em-d.width(s), d.baseline(d.y, lh), s, false, 0)
		d.y += lh
	}
}
