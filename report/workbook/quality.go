package workbook

import (
	"fmt"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// The data-quality sheet: every warning, the files read, and how many
// cities of each province reported a figure. Columns A–F serve all three
// tables; long text spans merged cells so no column grows too wide.

func (b *book) writeQuality() error {
	l := b.l
	s := &sheet{name: l.quality}
	for j, w := range []float64{12, 12, 10, 12, 12, 14} {
		s.fit(j, w, w)
	}
	for _, f := range b.c.Files {
		s.fit(0, textWidth(f.Name), 30)
		s.fit(1, textWidth(f.Encoding), 20)
	}
	for _, p := range b.c.Provinces {
		s.fit(0, textWidth(p.Province), 30)
		s.fit(1, textWidth(p.Region), 30)
		s.fit(5, textWidth(basisOf(l, &p)), 30)
	}
	// the SHA-256 spans E:F
	s.fit(5, 64-(s.widths[4]-2)/1.1, 70)

	s.add(b.styled(b.st.section, l.warnings))
	head := b.addHeader(s, l.number, l.warning, "", "", "", "")
	s.merge(head, 1, 5)
	if len(b.c.Notices) == 0 {
		s.merge(s.add(cell{}, b.text(l.noWarnings)), 1, 5)
	}
	// Each notice in the workbook's language (Chinese where it has it).
	for i, n := range b.c.Notices {
		s.merge(s.add(b.intCell(i+1, b.st.rank), b.styled(b.st.wrap, n.Text(b.lang != vocab.En))), 1, 5)
	}
	s.blank()
	s.add(b.styled(b.st.section, l.filesRead))
	s.merge(b.addHeader(s, l.file, l.encoding, l.rows, l.skipped, l.sha, ""), 4, 2)
	for _, f := range b.c.Files {
		s.merge(s.add(b.text(f.Name), b.text(f.Encoding), b.intCell(f.Rows, b.st.int), b.intCell(f.Skipped, b.st.int), b.text(f.SHA256)), 4, 2)
	}
	s.blank()
	s.add(b.styled(b.st.section, l.coverageByProvince))
	head = b.addHeader(s, l.province, l.region, l.cityCount, l.reporting, l.coverage, l.basis)
	for _, p := range b.c.Provinces {
		r := s.next()
		var cov *float64
		if p.Cities > 0 {
			v := float64(p.ReportingCities) / float64(p.Cities)
			cov = &v
		}
		s.add(b.text(p.Province), b.text(p.Region), b.intCell(p.Cities, b.st.int), b.intCell(p.ReportingCities, b.st.int),
			b.formula(s.name, "E", r, b.st.pct, fmt.Sprintf(`IF(C%d=0,"",D%d/C%d)`, r, r, r), cov), b.styled(b.st.center, basisOf(l, &p)))
	}
	return b.writeSheet(s, fmt.Sprintf("A%d:F%d", head, s.next()-1))
}
