package analysis

import (
	"fmt"
	"strings"
	"testing"
)

func TestBefore(t *testing.T) {
	may := Period{Year: 2019, Month: 5}
	for _, tc := range []struct {
		p, q Period
		want bool
	}{
		{Period{Year: 2019, Month: 4}, may, true},
		{may, may, false},
		{Period{Year: 2019, Month: 6}, may, false},
		{Period{Year: 2019}, may, false},             // the year holds May
		{Period{Year: 2018}, may, true},              // a whole year before
		{Period{Year: 2019, Quarter: 1}, may, true},  // Q1 ends in March
		{Period{Year: 2019, Quarter: 2}, may, false}, // Q2 holds May
		{Period{Year: 2019, Month: 5, Day: 31}, Period{Year: 2019, Month: 6}, true},
		{Period{Year: 2019, Month: 5}, Period{Year: 2019, Month: 5, Day: 17}, false}, // the month holds the day
		{Period{Year: 2019, Month: 5, Day: 16}, Period{Year: 2019, Month: 5, Day: 17}, true},
		{Period{}, may, false},
	} {
		if got := before(tc.p, tc.q); got != tc.want {
			t.Errorf("before(%s, %s) = %v, want %v", tc.p, tc.q, got, tc.want)
		}
	}
}

// priorOf builds a Prior of figures, as the history would hand it over.
func priorOf(run int64, printed []Period, figs ...Figure) *Prior {
	p := &Prior{Run: run, Printed: printed}
	places, periods := map[Place]int32{}, map[Period]int32{}
	for _, f := range figs {
		pl := Place{f.Province, f.City}
		if _, ok := places[pl]; !ok {
			places[pl] = int32(len(p.Places))
			p.Places = append(p.Places, pl)
		}
		if _, ok := periods[f.Period]; !ok {
			periods[f.Period] = int32(len(p.Periods))
			p.Periods = append(p.Periods, f.Period)
		}
		p.Figures = append(p.Figures, PriorFigure{places[pl], periods[f.Period], f.Segment, f.Members})
	}
	return p
}

func revisionLines(rs []Revision) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "%s %s/%s seg%d %s→%s run%d printed=%v\n", r.Period, r.Province, r.City, r.Segment,
			ptrText(r.Was), ptrText(r.Now), r.WasRun, r.Printed)
	}
	return b.String()
}

func ptrText(n *int64) string {
	if n == nil {
		return "null"
	}
	return fmt.Sprint(*n)
}

func TestRevise(t *testing.T) {
	m := func(mo int) Period { return Period{Year: 2019, Month: mo} }
	cur := func() *Dataset {
		d := &Dataset{Period: m(12)}
		for _, c := range [][3]string{{"成都", "四川", "西部"}, {"绵阳", "四川", "西部"}, {"广州", "广东", "东部"}} {
			d.Cities = append(d.Cities, city(c[0], c[1], c[2], TierOther))
		}
		d.Figures = []Figure{
			fig("四川", "成都", m(10), SegmentAll, 1200000), fig("四川", "成都", m(11), SegmentAll, 1310000),
			fig("四川", "成都", m(12), SegmentAll, 1400000), fig("四川", "成都", m(11), SegmentNewMedia, 5100),
			fig("四川", "绵阳", m(10), SegmentAll, 200000), fig("四川", "", m(11), SegmentAll, 2000000),
			fig("广东", "广州", m(11), SegmentAll, 900000), fig("广东", "广州", m(12), SegmentAll, 950000),
		}
		return d
	}
	prior := priorOf(7, []Period{m(11), m(10)},
		fig("四川", "成都", m(10), SegmentAll, 1200000),        // same: no revision
		fig("四川", "成都", m(11), SegmentAll, 1300000),        // revised
		fig("四川", "成都", m(12), SegmentAll, 1000),           // the period compared: never a revision
		fig("四川", "成都", m(11), SegmentNewMedia, 5000),      // a segment revised
		fig("四川", "绵阳", m(11), SegmentAll, 210000),         // gone
		fig("广东", "广州", m(11), SegmentAll, 800000),         // revised, in another region
		fig("广东", "深圳", m(9), SegmentAll, 700000),          // gone, a place no longer listed
		fig("四川", "成都", Period{Year: 2019}, SegmentAll, 1), // a year holding the period compared
	)
	for _, tc := range []struct {
		name, region, want string
		prior              *Prior
	}{
		{"all", "", `2019-09 广东/深圳 seg0 700000→null run7 printed=false
2019-10 四川/绵阳 seg0 null→200000 run7 printed=true
2019-11 广东/广州 seg0 800000→900000 run7 printed=true
2019-11 四川/ seg0 null→2000000 run7 printed=true
2019-11 四川/成都 seg0 1300000→1310000 run7 printed=true
2019-11 四川/成都 seg4 5000→5100 run7 printed=true
2019-11 四川/绵阳 seg0 210000→null run7 printed=true
`, prior},
		{"region", "西部", `2019-10 四川/绵阳 seg0 null→200000 run7 printed=true
2019-11 四川/ seg0 null→2000000 run7 printed=true
2019-11 四川/成都 seg0 1300000→1310000 run7 printed=true
2019-11 四川/成都 seg4 5000→5100 run7 printed=true
2019-11 四川/绵阳 seg0 210000→null run7 printed=true
`, prior},
		{"no history", "", "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Compare(cur(), tc.region)
			if err != nil {
				t.Fatal(err)
			}
			Revise(c, tc.prior)
			if got := revisionLines(c.Revisions); got != tc.want {
				t.Errorf("revisions:\n%s\nwant:\n%s", got, tc.want)
			}
			n := 0
			for _, w := range c.Notices {
				if w.Code == CodeFiguresRevised {
					n++
				}
			}
			if want := min(len(c.Revisions), 1); n != want || len(c.Warnings) != len(c.Notices) {
				t.Errorf("%d figures_revised notices, want %d; %d warnings for %d notices", n, want, len(c.Warnings), len(c.Notices))
			}
		})
	}
}

func TestRevisionNotice(t *testing.T) {
	n := func(v int64) *int64 { return &v }
	var rs []Revision
	for i := range 7 {
		rs = append(rs, Revision{Province: "四川", City: "成都市", Period: Period{Year: 2019, Month: i + 1}, Was: n(1300000), Now: n(1310000 + int64(i)*100), WasRun: 3})
	}
	rs[1].Now, rs[2].Was = nil, nil
	rs[3].City, rs[3].Segment = "", SegmentFreelance
	got := revisionNotice(rs)
	// 131.04万 rounds to 131万; English writes millions to two decimals (1.31 million), as distinct as 万.
	wantZh := "7项往期数据与上期简报不同（已修订）：成都市2019年1月 由130万修订为131万；成都市2019年2月 原为130万，现已无数据；" +
		"成都市2019年3月 原无数据，现为131万；四川（全省）（自由职业）2019年4月 由130万修订为131万；" +
		"成都市2019年5月 由130万修订为131万……另有2项，见工作簿“修订”表。"
	if got.Zh != wantZh || got.Code != CodeFiguresRevised {
		t.Errorf("zh:\n got %s\nwant %s", got.Zh, wantZh)
	}
	wantEn := "7 earlier figures differ from those of the last briefing (run 3) and are revised: 成都市, January 2019: 1.3 million revised to 1.31 million; " +
		"成都市, February 2019: 1.3 million, now not reported; 成都市, March 2019: not reported before, now 1.31 million; " +
		"四川 (province) (Freelancers), April 2019: 1.3 million revised to 1.31 million; 成都市, May 2019: 1.3 million revised to 1.31 million; 2 more in the workbook's Revisions sheet"
	if got.En != wantEn {
		t.Errorf("en:\n got %s\nwant %s", got.En, wantEn)
	}
}
