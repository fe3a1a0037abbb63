package briefing

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
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

// A province of one city (a slice of 海南 or 重庆) reads naturally: the
// lead said "1个城市均已报送", the next paragraphs "只有重庆报送了城市人数"
// (as if others had not) and "城市中增加最多的是重庆" of the one city there
// is; the English "All 1 city reports".
func TestSliceOfOneCity(t *testing.T) {
	d := small([][2]string{{"成都", "四川"}, {"绵阳", "四川"}, {"重庆", "重庆"}},
		map[analysis.Period][]int64{month(2019, 4): {1000000, 300000, 1390000}, month(2019, 5): {1000000, 300000, 1400000}})
	full := mustCompare(t, d)
	sc, err := analysis.CompareSlice(d, full, analysis.SliceProvince, "重庆")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang      vocab.Lang
		want, not []string
	}{
		{vocab.Zh, []string{"本期简报涵盖重庆的1个城市；", "唯一的城市重庆已报送", "重庆报送人数为140万。", "重庆比上月增加1万人，增长0.7%。"},
			[]string{"1个城市均已报送", "各城市均已报送", "1个省区市", "只有重庆", "最多", "城市中"}},
		{vocab.En, []string{"This briefing covers 1 city in Chongqing", "Its one city, Chongqing, reports", "Chongqing reports 1.4 million.", "Chongqing is up 10,000 people (0.7%) on last month."},
			[]string{"All 1 city", "every city", "1 province", "Only Chongqing", "largest", "the most"}},
	} {
		doc, err := Build(sc, Options{Lang: tc.lang})
		if err != nil {
			t.Fatal(err)
		}
		var text []string
		for _, p := range doc.Narrative() {
			text = append(text, p.Text)
		}
		for _, b := range doc.Blocks {
			if k, ok := b.(document.KeyFigures); ok {
				for _, it := range k.Items {
					text = append(text, it.Detail)
				}
			}
		}
		all := strings.Join(text, "\n")
		for _, w := range tc.want {
			if !strings.Contains(all, w) {
				t.Errorf("%s: narrative lacks %q:\n%s", tc.lang, w, all)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(all, w) {
				t.Errorf("%s: narrative says %q:\n%s", tc.lang, w, all)
			}
		}
	}
}
