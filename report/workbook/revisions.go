package workbook

import (
	"fmt"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// The 修订 sheet: earlier figures that differ from what the last briefing's
// run read (Comparison.Revisions), one row each, with the change as a
// formula. Written only when there are revisions, so a packet without a
// history is the same workbook as before.

// revisionLabels are the sheet's words; the shared ones come from labels.
type revisionLabels struct {
	sheet, was, now, change, wasRun, printed string
}

func revisionLabelsFor(lang vocab.Lang) revisionLabels {
	w := vocab.For(lang)
	return revisionLabels{w.T("修订", "Revisions"), w.T("原数", "Was"), w.T("现数", "Now"), w.T("增减", "Change"),
		w.T("原数读自第几次运行", "Read by run"), w.T("上期简报所用", "In the last briefing")}
}

func (b *book) hasRevisions() bool { return len(b.c.Revisions) > 0 }

func (b *book) writeRevisions() error {
	if !b.hasRevisions() {
		return nil
	}
	l, rl := b.l, revisionLabelsFor(b.lang)
	rs := b.c.Revisions
	t := &table{sheet: rl.sheet, rows: len(rs), freeze: 3, long: true, cols: []column{
		{key: "period", header: l.period, min: 8}, {key: "province", header: l.province, min: 8},
		{key: "city", header: l.city, min: 8}, {key: "segment", header: l.segment, min: 10, max: 36},
		{key: "was", header: rl.was, min: 12}, {key: "now", header: rl.now, min: 12},
		{key: "change", header: rl.change, min: 12}, {key: "run", header: rl.wasRun, min: 8},
		{key: "printed", header: rl.printed, min: 8},
	}}
	cWas, cNow, cChange := t.col("was"), t.col("now"), t.col("change")
	t.cells = func(i, r int) []cell {
		rv := &rs[i]
		seg := l.allMembers
		if rv.Segment != analysis.SegmentAll {
			seg = l.segmentName(rv.Segment)
		}
		city := rv.City
		if city == "" {
			city = l.provinceLevel
		}
		var ch *float64
		if rv.Was != nil && rv.Now != nil {
			v := float64(*rv.Now - *rv.Was)
			ch = &v
		}
		printed := ""
		if rv.Printed {
			printed = l.yes
		}
		return []cell{b.text(rv.Period.String()), b.text(rv.Province), b.text(city), b.styled(b.st.wrap, seg),
			b.people(rv.Was, b.st.int), b.people(rv.Now, b.st.int),
			b.formula(t.sheet, cChange, r, b.st.signed, fmt.Sprintf(`IF(AND(ISNUMBER(%s%d),ISNUMBER(%s%d)),%s%d-%s%d,"")`, cWas, r, cNow, r, cNow, r, cWas, r), ch),
			b.intCell(int(rv.WasRun), b.st.rank), b.styled(b.st.center, printed)}
	}
	return b.writeTable(t)
}
