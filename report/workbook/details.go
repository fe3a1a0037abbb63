package workbook

import (
	"fmt"
	"strconv"

	"github.com/basebrief/basebrief/analysis"
)

// The detail sheets: every base and every figure used, as read, split over
// numbered sheets when a list outgrows Excel's row limit.

func (b *book) writeBases() error {
	l := b.l
	regionOf := map[[2]string]string{}
	for _, c := range b.c.Cities {
		regionOf[[2]string{c.Province, c.City}] = c.Region
	}
	for _, p := range b.layout.bases {
		t := &table{sheet: p.sheet, rows: p.n, freeze: 1, long: true, cols: []column{
			{key: "base", header: l.base, min: 12, max: 48}, {key: "city", header: l.city, min: 8},
			{key: "province", header: l.province, min: 8}, {key: "region", header: l.region, min: 8},
			{key: "batch", header: l.batch, min: 6}, {key: "kind", header: l.kind, min: 10, max: 40},
			{key: "segment", header: l.segment, min: 8, max: 36}, {key: "since", header: l.since, min: 10},
			{key: "source", header: l.source, min: 10, max: 60},
		}}
		t.cells = func(i, r int) []cell {
			s := &b.c.Bases[p.first+i]
			var batch cell
			if s.Batch > 0 {
				batch = b.intCell(s.Batch, b.st.rank)
			}
			seg := ""
			if s.Segment != analysis.SegmentAll {
				seg = l.segmentName(s.Segment)
			}
			return []cell{b.styled(b.st.wrap, s.Name), b.text(s.City), b.text(s.Province),
				b.text(regionOf[[2]string{s.Province, s.City}]), batch, b.styled(b.st.wrap, s.Kind),
				b.styled(b.st.wrap, seg), b.text(s.Since), b.styled(b.st.wrap, s.Source)}
		}
		t.totals = func(first, last int) []cell {
			key := 0
			for _, s := range b.c.Bases[p.first : p.first+p.n] {
				if s.KeyProject() {
					key++
				}
			}
			return []cell{b.styled(b.st.totalText, l.basesTotal),
				b.formula(t.sheet, "B", last+1, b.st.totalInt, fmt.Sprintf("SUBTOTAL(103,A%d:A%d)", first, last), fi(p.n)),
				cell{}, cell{},
				b.formula(t.sheet, t.col("batch"), last+1, b.st.totalInt, fmt.Sprintf("SUBTOTAL(102,%s%d:%s%d)", t.col("batch"), first, t.col("batch"), last), fi(key))}
		}
		if err := b.writeTable(t); err != nil {
			return err
		}
	}
	return nil
}

func (b *book) writeFigures() error {
	l := b.l
	for _, p := range b.layout.figures {
		t := &table{sheet: p.sheet, rows: p.n, long: true, cols: []column{
			{key: "period", header: l.period, min: 8}, {key: "province", header: l.province, min: 8},
			{key: "city", header: l.city, min: 8}, {key: "segment", header: l.segment, min: 10, max: 36},
			{key: "members", header: l.members, min: 12}, {key: "wan", header: l.wan, min: 10},
			{key: "source", header: l.source, min: 10, max: 60}, {key: "line", header: l.line, min: 8},
		}}
		last := -1
		// Per table, not per row: the column letters and the period's text
		// (rows run period by period).
		cMembers, cWan := t.col("members"), t.col("wan")
		var period analysis.Period
		var periodText string
		t.cells = func(i, r int) []cell {
			fig := b.figs.at(p.first+i, &last)
			f := &fig
			seg := l.allMembers
			if f.Segment != analysis.SegmentAll {
				seg = l.segmentName(f.Segment)
			}
			n := f.Members
			var line cell
			if f.Line > 0 {
				line = b.intCell(f.Line, b.st.rank)
			}
			if f.Period != period || periodText == "" {
				period, periodText = f.Period, f.Period.String()
			}
			m := cMembers + strconv.Itoa(r)
			return []cell{b.text(periodText), b.text(f.Province), b.text(f.City), b.styled(b.st.wrap, seg),
				b.people(&n, b.st.int), b.wanFormula(t.sheet, cWan, r, m, &n),
				b.styled(b.st.wrap, f.Source), line}
		}
		if err := b.writeTable(t); err != nil {
			return err
		}
	}
	return nil
}
