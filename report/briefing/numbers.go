package briefing

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// One set of numbers: a total of cities is the sum of the cities, a total
// of provinces takes a province's own figure where it gave one; where the
// two differ, the text says how, with the figures, so a reader adding a
// column finds what the briefing says.

// provinceLevelShown is how many province-level figures a line names with
// their figures before it counts the rest.
const provinceLevelShown = 3

// provinceLevel says which province-level figures stand for their cities
// in a total: "其中广东以省级数据559.3万计入总数（所辖城市报送数之和为
// 901.2万）"; "" where none does.
func (b *builder) provinceLevel(provs []analysis.ProvinceRow) string {
	var parts []string
	n := 0
	for _, p := range provs {
		if !p.ProvinceLevel || p.Members == nil {
			continue
		}
		n++
		if len(parts) == provinceLevelShown {
			continue
		}
		cities := b.T("所辖城市未报送", "its cities report none")
		if p.CitiesMembers != nil {
			cities = b.T("所辖城市报送数之和为"+vocab.People(*p.CitiesMembers, b.lang), "its cities' figures add up to "+vocab.People(*p.CitiesMembers, b.lang))
		}
		parts = append(parts, b.T(fmt.Sprintf("%s以省级数据%s计入总数（%s）", p.Province, vocab.People(*p.Members, b.lang), cities),
			fmt.Sprintf("%s's province-level figure %s stands in the total (%s)", p.Province, vocab.People(*p.Members, b.lang), cities)))
	}
	if n == 0 {
		return ""
	}
	s := strings.Join(parts, b.T("，", "; "))
	if n > len(parts) {
		s += b.T(fmt.Sprintf("，另有%d个省区市同样以省级数据计入", n-len(parts)), fmt.Sprintf("; %d more provinces likewise", n-len(parts)))
	}
	return b.T("其中", "Of these, ") + s
}

// cityTotalNote says how the city table's 合计 (the cities' own sum)
// relates to the total of the briefing; "" when they are the same figure.
func (b *builder) cityTotalNote() string {
	t := b.c.Totals
	if t.Members == nil || t.CitiesMembers == nil || *t.Members == *t.CitiesMembers {
		return ""
	}
	return b.T(fmt.Sprintf("注：本表合计%s为各城市报送数之和；简报总数为%s，", vocab.People(*t.CitiesMembers, b.lang), vocab.People(*t.Members, b.lang)),
		fmt.Sprintf("Note: the table's total, %s, is the sum of the cities' figures; the briefing's total is %s. ", vocab.People(*t.CitiesMembers, b.lang), vocab.People(*t.Members, b.lang))) +
		b.T(strings.TrimPrefix(b.provinceLevel(b.c.Provinces), "其中"), strings.TrimPrefix(b.provinceLevel(b.c.Provinces), "Of these, ")) + b.end()
}

// checksTable lists every province whose own figure differs from its
// cities' sum by more than the tolerance (the 导语 names the first few).
func (b *builder) checksTable() document.Table {
	t := document.Table{Caption: b.T(fmt.Sprintf("省级数据与所辖城市报送数之和相差%s以上的省区市", vocab.Percent(analysis.CheckTolerance)),
		fmt.Sprintf("Provinces whose own figure differs from their cities' sum by more than %s", vocab.Percent(analysis.CheckTolerance))),
		Header: []string{b.T("省区市", "Province"), b.T("省级数据", "Province-level"), b.T("城市报送数之和", "Cities' sum"),
			b.T("报送城市", "Reporting cities"), b.T("相差", "Difference")},
		Align: []document.Align{L, R, R, R, R}}
	var prov, cities []*int64
	for _, k := range b.c.Checks {
		prov, cities = append(prov, &k.ProvinceMembers), append(cities, &k.CitiesMembers)
	}
	// Both figure columns in one form, so the two figures of a row compare.
	form := vocab.FormFor(append(prov, cities...), b.lang)
	for _, k := range b.c.Checks {
		t.Rows = append(t.Rows, []string{k.Province, form.Cell(k.ProvinceMembers), form.Cell(k.CitiesMembers),
			fmt.Sprintf("%d/%d", k.ReportingCities, k.Cities), vocab.SignedPercent(k.Gap)})
	}
	t.Notes = []string{b.T("总数按省级数据计。相差为城市报送数之和与省级数据之差占省级数据的比例。",
		"The totals use the province-level figure. The difference is the cities' sum less the province-level figure, over the province-level figure.")}
	return t
}
