package report

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// FuzzPacket renders the whole packet (workbook, charts, summary, PDF) from
// a comparison built of fuzzed names, notes, sources and counts: no panic,
// and no error once the comparison is made (a comparison analysis refuses
// is an input error, skipped).
func FuzzPacket(f *testing.F) {
	f.Add("绵阳", "基地甲", "", "会议材料", "西部", "简报", int64(1400000), int64(1300000), int64(1200000), uint8(0), false)
	f.Add(strings.Repeat("长", 116), strings.Repeat("基", 628), strings.Repeat("注", 790), "s", "西部", "", int64(0), int64(0), int64(0), uint8(3), true)
	f.Add("a\nb\x1b[2J", "<b>&amp;</b>", "\u202e\t", "%s%d{}", "", "'\"\\", int64(-1), int64(1<<62), int64(7), uint8(19), false)
	f.Add(" 成都 ", "基地乙", "注", "", "东部地区", "㐀\u9fff\ue000", int64(1), int64(0), int64(0), uint8(255), true)
	f.Add("𠀀", "𪚥基地", "😀", "\U0010FFFF", "西部", "𠀀😀", int64(5), int64(6), int64(7), uint8(1), false)
	f.Fuzz(func(t *testing.T, city, base, note, source, region, title string, m1, m2, m3 int64, extra uint8, en bool) {
		d, ok := fuzzDataset(city, base, note, source, region, title, m1, m2, m3, int(extra%24))
		if !ok {
			t.Skip("not a dataset input could give")
		}
		c, err := analysis.Compare(d, "")
		if err != nil {
			t.Skip("refused by analysis: an input error")
		}
		lang := vocab.Zh
		if en {
			lang = vocab.En
		}
		files, _, err := Packet(c, Options{Lang: lang, Time: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC), TmpDir: t.TempDir()})
		if err != nil {
			t.Fatalf("render: %v", err)
		}
		if len(files) < 3 {
			t.Fatalf("%d files rendered", len(files))
		}
	})
}

// fuzzDataset builds a dataset as input would give it: names trimmed and
// non-empty, keys unique, counts non-negative and summable. ok is false
// where input would refuse the data.
func fuzzDataset(city, base, note, source, region, title string, m1, m2, m3 int64, extra int) (*analysis.Dataset, bool) {
	city, base, region = strings.TrimSpace(city), strings.TrimSpace(base), strings.TrimSpace(region)
	if region == "" {
		region = "西部"
	}
	if city == "" || base == "" || city == "成都" || city == "重庆" || base == "基地乙" || strings.HasPrefix(city, "城市") {
		return nil, false
	}
	count := func(m int64) int64 { // input refuses counts whose sum overflows
		if m < 0 {
			m = -(m + 1)
		}
		return m % 1_000_000_000_000
	}
	y2018, y2019 := analysis.Period{Year: 2018}, analysis.Period{Year: 2019}
	d := &analysis.Dataset{
		Period: y2019, Periods: []analysis.Period{y2018, y2019},
		Meta: analysis.Meta{Title: title, Source: source, Foreword: note, Subject: note, Unit: source,
			Stated: []analysis.Stated{{Label: base, Value: float64(count(m3)), Unit: "个", Source: source}}},
		Cities: []analysis.City{
			{Name: "重庆", Province: "重庆", Region: region, Tier: analysis.TierPilot, Line: 2},
			{Name: "成都", Province: "四川", Region: region, Tier: analysis.TierPilot, Line: 3},
			{Name: city, Province: "四川", Region: region, Tier: analysis.TierPromotion, Note: note, Line: 4},
		},
		Bases: []analysis.Base{
			{Name: base, City: city, Province: "四川", Batch: 1, Kind: note, Source: source, Line: 2},
			{Name: "基地乙", City: "成都", Province: "四川", Line: 3},
		},
		Figures: []analysis.Figure{
			{Province: "四川", City: city, Period: y2019, Members: count(m1), Source: source, Line: 2},
			{Province: "四川", City: "成都", Period: y2019, Members: count(m2), Line: 3},
			{Province: "四川", City: "成都", Period: y2018, Members: count(m3), Line: 4},
			{Province: "重庆", City: "重庆", Period: y2018, Members: count(m1 ^ m2), Line: 5},
		},
	}
	if extra%2 == 1 { // a third year: the series is long enough for the trend chart
		y2017 := analysis.Period{Year: 2017}
		d.Periods = append([]analysis.Period{y2017}, d.Periods...)
		d.Figures = append(d.Figures, analysis.Figure{Province: "四川", City: city, Period: y2017, Members: count(m2 ^ m3), Source: source, Line: 30},
			analysis.Figure{Province: "四川", Period: y2017, Members: count(m3), Line: 31})
	}
	for i := range extra {
		name := fmt.Sprintf("城市%d", i)
		d.Cities = append(d.Cities, analysis.City{Name: name, Province: "重庆", Region: region, Line: 5 + i})
		d.Figures = append(d.Figures, analysis.Figure{Province: "重庆", City: name, Period: y2019, Members: count(m1 + int64(i)), Line: 6 + i})
	}
	return d, true
}
