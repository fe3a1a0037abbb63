package briefing

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// Claims true of exactly the places they name: a tie of any size said
// whole (first place and second), the leading city said as a city (天津
// is a province too, with another figure), a count of provinces with its
// noun, English counts grouped (3,000 cities), English regions with their
// article, data of one province said of the province.
func TestClaimsNameExactlyTheirPlaces(t *testing.T) {
	y2019 := analysis.Period{Year: 2019}
	secondTie := small([][2]string{{"成都", "四川"}, {"重庆", "重庆"}, {"贵阳", "贵州"}},
		map[analysis.Period][]int64{y2019: {1400000, 1300000, 1300000}})
	// Three provinces of 200万 each, none a single city's figure.
	threeWay := small([][2]string{{"广州", "广东"}, {"深圳", "广东"}, {"南宁", "广西"}, {"贵阳", "贵州"}, {"遵义", "贵州"}},
		map[analysis.Period][]int64{y2019: {1000000, 1000000, 2000000, 1500000, 500000}})
	// Six provinces whose own figures stand in the total.
	provs := []string{"四川", "重庆", "贵州", "云南", "陕西", "甘肃"}
	var sixCities [][2]string
	for _, p := range provs {
		sixCities = append(sixCities, [2]string{p + "甲", p})
	}
	six := small(sixCities, map[analysis.Period][]int64{y2019: {100, 200, 300, 400, 500, 600}})
	for i, p := range provs {
		six.Figures = append(six.Figures, analysis.Figure{Province: p, Period: y2019, Members: int64(1000 * (i + 1))})
	}
	var many [][2]string
	var figs []int64
	for i := range 1001 {
		many = append(many, [2]string{fmt.Sprintf("城%d", i), "四川"})
		figs = append(figs, int64(1000+i))
	}
	thousand := small(many, map[analysis.Period][]int64{y2019: figs})

	cases := []struct {
		name      string
		d         *analysis.Dataset
		lang      vocab.Lang
		want, not []string
	}{
		{"second place tied zh", secondTie, vocab.Zh,
			[]string{"城市中成都最多，为140万，占西部的35.0%；重庆、贵阳并列其次，均为130万。"}, []string{"重庆次之", "贵阳次之"}},
		{"second place tied en", secondTie, vocab.En,
			[]string{"Among cities, Chengdu leads with 1.4 million, 35.0% of the Western region; Chongqing and Guiyang follow with 1.3 million each."}, []string{"Chongqing follows"}},
		{"three provinces tied zh", threeWay, vocab.Zh,
			[]string{"分省区市看，广东、广西、贵州人数并列最多，均为200万。"}, []string{"广东、广西人数并列最多"}},
		{"three provinces tied en", threeWay, vocab.En,
			[]string{"Among provinces, Guangdong, Guangxi and Guizhou tie for the most members, 2 million each."}, nil},
		{"province-level figures counted with their noun", six, vocab.Zh,
			[]string{"等6个省区市以省级数据计入总数。"}, []string{"等6个以省级"}},
		{"English counts grouped", thousand, vocab.En,
			[]string{"All 1,001 cities report.", "This briefing covers 1,001 cities in Sichuan."}, []string{"1001", "Western"}},
		{"Chinese counts not grouped", thousand, vocab.Zh,
			[]string{"1001个城市均已报送。"}, []string{"1,001"}},
		// Data of one province (an office's own 市州) are said of it, not of
		// its region, whose other provinces they do not hold: 四川 and
		// 占四川, never 西部's total nor 占西部.
		{"one province said of itself", thousand, vocab.Zh,
			[]string{"本期简报涵盖四川的1001个城市", "，占四川的"}, []string{"西部", "1个省区市"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := docText(t, c.d, c.lang)
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("lacks %q\ngot:\n%s", w, got)
				}
			}
			for _, w := range c.not {
				if strings.Contains(got, w) {
					t.Errorf("says %q\ngot:\n%s", w, got)
				}
			}
		})
	}
}

// TestOneProvinceTableHasNoRegionShare: the province table of data of one
// province has no 占片区 column, which would read 100% as if the province
// were its whole region; data of several provinces keep it.
func TestOneProvinceTableHasNoRegionShare(t *testing.T) {
	y2019 := analysis.Period{Year: 2019}
	one := small([][2]string{{"成都", "四川"}, {"绵阳", "四川"}}, map[analysis.Period][]int64{y2019: {1300000, 200000}})
	two := small([][2]string{{"成都", "四川"}, {"重庆", "重庆"}}, map[analysis.Period][]int64{y2019: {1300000, 1400000}})
	for _, tc := range []struct {
		name  string
		d     *analysis.Dataset
		share bool
	}{{"one province", one, false}, {"two provinces", two, true}} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := Build(mustCompare(t, tc.d), Options{Lang: vocab.Zh})
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, b := range doc.Blocks {
				tb, ok := b.(document.Table)
				if !ok || !strings.HasPrefix(tb.Caption, "各省区市") {
					continue
				}
				found = true
				if has := slices.Contains(tb.Header, "占片区"); has != tc.share {
					t.Errorf("header %q: 占片区 %v, want %v", tb.Header, has, tc.share)
				}
				for _, r := range tb.Rows {
					if len(r) != len(tb.Header) {
						t.Errorf("row %q has %d cells for %d heads", r, len(r), len(tb.Header))
					}
				}
			}
			if !found {
				t.Fatal("no province table")
			}
		})
	}
}
