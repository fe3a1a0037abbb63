package briefing

import (
	"fmt"
	"strings"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// beijing is UTC+8, the zone the masthead's date is read in: a packet
// time of 2019-05-16T16:00Z is 17 May in Beijing.
var beijing = time.FixedZone("CST", 8*3600)

// masthead fills the 报头 and the document's metadata from briefing.toml,
// with defaults for what it and the flags left empty.
func (b *builder) masthead() {
	m := b.c.Meta
	title, issue := Masthead(m, b.opts.Lang)
	b.doc.Masthead = document.Masthead{Title: title, Issue: issue,
		Unit: m.Unit, Date: b.date(), Plain: b.opts.PlainMasthead}
	created := b.opts.Created
	if created.IsZero() {
		created = time.Unix(0, 0)
	}
	b.doc.Info = document.Info{Title: title + " " + b.doc.Masthead.Issue, Subject: b.subject(), Author: m.Unit,
		Keywords: b.T("新的社会阶层人士 实践创新基地 ", "new social strata innovation bases ") + b.c.Period.String(),
		Created:  created.UTC()}
}

// Masthead is the briefing's title and issue as the 报头 prints them:
// 新的社会阶层人士统战工作简报, 第12期 (Issue 12), with the defaults for what
// briefing.toml and the flags left empty. Mail subjects are made from it.
func Masthead(m analysis.Meta, lang vocab.Lang) (title, issue string) {
	t := vocab.For(lang).T
	title = m.Title
	if title == "" {
		title = t("新的社会阶层人士统战工作简报", "New Social Strata Work Briefing")
	}
	n := strings.TrimSpace(m.Issue)
	if n == "" {
		n = "1"
	}
	return title, t("第"+n+"期", "Issue "+n)
}

// date is the masthead's date: briefing.toml's, else the Beijing date of
// the packet time, else the period compared.
func (b *builder) date() string {
	if d := strings.TrimSpace(b.c.Meta.Date); d != "" {
		if t, err := time.Parse("2006-01-02", d); err == nil {
			return vocab.Date(t, b.lang)
		}
		return d
	}
	if !b.opts.Created.IsZero() {
		return vocab.Date(b.opts.Created.In(beijing), b.lang)
	}
	return b.period(b.c.Period)
}

// subject is the briefing's own title under the masthead.
func (b *builder) subject() string {
	if s := b.c.Meta.Subject; s != "" {
		return s
	}
	scope := ""
	if len(b.c.Regions) == 1 {
		scope = b.c.Regions[0].Region
	}
	p := b.period(b.c.Period)
	if !b.zh() {
		if scope != "" {
			scope += ": "
		}
		return scope + "innovation bases and the new social strata, " + p
	}
	return scope + "实践创新基地和新的社会阶层人士情况（" + p + "）"
}

// headline sets the subject as the title and the foreword under it.
func (b *builder) headline() {
	b.add(document.Heading{Level: 0, Text: b.subject()})
	ps, most := paragraphs(b.c.Meta.Foreword), b.forewordMax
	switch {
	case most == 0:
		most = maxForeword
	case most < 0 && len(ps) > 0:
		b.para(document.Body, b.forewordLeftOut())
		return
	}
	for _, s := range b.clipParagraphs(ps, most, b.forewordWhole()) {
		b.para(document.Body, s)
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

// colophon fills the 版记: 报/送/发, the issuing unit and date, copies.
func (b *builder) colophon() {
	m := b.c.Meta
	var lines []document.ColophonLine
	for _, r := range [][2]string{{b.T("报：", "To: "), m.Report}, {b.T("送：", "Cc: "), m.Send}, {b.T("发：", "Distribution: "), m.Distribute}} {
		if strings.TrimSpace(r[1]) != "" {
			lines = append(lines, document.ColophonLine{Label: r[0], Text: strings.TrimSpace(r[1])})
		}
	}
	date := b.doc.Masthead.Date
	col := document.Colophon{Lines: lines, Unit: m.Unit, Issued: b.T(date+"印发", "Issued "+date)}
	if m.Copies > 0 {
		col.Copies = fmt.Sprintf(b.T("（共印%d份）", "(%d copies)"), m.Copies)
	}
	col.Printed = []string{strings.TrimSpace(col.Unit + "  " + col.Issued), col.Copies}
	b.doc.Colophon = col
}
