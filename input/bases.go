package input

import (
	"fmt"

	"github.com/basebrief/basebrief/analysis"
)

// segmentExpected is the hint appended to every segment error.
var segmentExpected = func() string {
	s := "expected one of"
	for i, seg := range analysis.Segments {
		sep := ","
		if i == 0 {
			sep = ""
		}
		s += fmt.Sprintf("%s %s (%s)", sep, seg.Name(), seg.Short())
	}
	return s + " or empty"
}()

// parseSegment reads the segment column of the current row, reporting an
// unknown name.
func parseSegment(t *table) (analysis.Segment, bool) {
	s := name(t.get(colSegment))
	seg, ok := analysis.ParseSegment(s)
	if !ok {
		t.errorf(colSegment, "segment %q is unknown, %s", s, segmentExpected)
	}
	return seg, ok
}

// readBases reads bases.csv, checking each base's city against ix.
func readBases(t *table, ix *cityIndex) []analysis.Base {
	type key struct {
		base string
		city int32
	}
	seen := make(map[key]int)
	ix.reading(t.pl)
	var bases gather[analysis.Base]
	for t.next() {
		b := analysis.Base{
			Name:     shownName(t.get(colBase)), // compared normalised (key), printed as written
			City:     t.get(colCity),            // as written: resolve normalises it and notes the match
			Province: t.get(colProvince),
			Kind:     cleanText(t.get(colKind)),
			Since:    cleanText(t.get(colSince)),
			Source:   cleanText(t.get(colSource)),
			Line:     t.line,
		}
		ok := requireValues(t, colBase, colCity)
		batch, err := ParseBatch(t.get(colBatch))
		if err != nil {
			t.errorf(colBatch, "batch %v", err)
			ok = false
		}
		b.Batch = batch
		seg, segOK := parseSegment(t)
		b.Segment = seg
		ok = ok && segOK
		city := int32(-1)
		if b.City != "" && ix.loaded {
			var pr problem
			if city, pr = ix.resolve(b.City, b.Province, t.line); city < 0 {
				t.problem(pr)
				ok = false
			} else {
				b.City, b.Province = ix.cities[city].Name, ix.cities[city].Province
			}
		}
		if b.Name != "" && city >= 0 {
			k := key{name(b.Name), city}
			if first, dup := seen[k]; dup {
				t.errorf(colBase, "duplicate base %s in %s, first on line %d, expected each base once per city", b.Name, b.City, first)
				continue
			}
			seen[k] = t.line
		}
		if ok {
			bases.add(b)
		}
	}
	t.layout.totals.note(t)
	t.layoutNotes()
	if !t.broken && t.retry == nil && !t.cancelled && t.rows == 0 {
		t.notes.add(codeNoBases,
			fmt.Sprintf("%s：表中没有基地，各项基地数均为0", t.pl.name()),
			fmt.Sprintf("%s has no rows: no bases or key projects are counted", t.pl.name()))
	}
	return bases.rows()
}
