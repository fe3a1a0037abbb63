package briefing

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/document"
)

// A province slice's one region row holds the province alone: a city's
// share there is of the province, and the briefing says so (成都 is 76.9%
// of 四川, not of 西部); the province's own share of its region is the
// whole's (48.1%), not 100%.
func TestSliceSharesNamed(t *testing.T) {
	d := small([][2]string{{"成都", "四川"}, {"绵阳", "四川"}, {"重庆", "重庆"}},
		map[analysis.Period][]int64{month(2019, 5): {1000000, 300000, 1400000}})
	full := mustCompare(t, d)
	sc, err := analysis.CompareSlice(d, full, analysis.SliceProvince, "四川")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Build(sc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	var tables []document.Table
	for _, b := range doc.Blocks {
		switch b := b.(type) {
		case document.Paragraph:
			text = append(text, b.Text)
		case document.Table:
			tables = append(tables, b)
		}
	}
	all := strings.Join(text, "\n")
	if !strings.Contains(all, "占四川的76.9%") || strings.Contains(all, "占西部的76.9%") {
		t.Errorf("a city's share of the slice is not named as the province's:\n%s", all)
	}
	var prov, city *document.Table
	for i := range tables {
		switch {
		case strings.HasPrefix(tables[i].Caption, "各省区市"):
			prov = &tables[i]
		case strings.HasPrefix(tables[i].Caption, "各城市"):
			city = &tables[i]
		}
	}
	if prov == nil || city == nil {
		t.Fatalf("tables %+v", tables)
	}
	if row := prov.Rows[0]; row[0] != "四川" || row[len(row)-1] != "48.1%" {
		t.Errorf("province table row %v: want 四川's share of 西部, 48.1%%", row)
	}
	if h := city.Header[len(city.Header)-1]; h != "占四川" {
		t.Errorf("city table's share column %q, want 占四川", h)
	}
}
