package report

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/briefing"
)

// halfYears: 成都 and 重庆 report by half-year, 2018-H1 to 2019-H1.
func halfYears() *analysis.Dataset {
	d := &analysis.Dataset{Period: analysis.Period{Year: 2019, Half: 1}}
	for _, c := range [][3]string{{"成都", "四川", "西部"}, {"重庆", "重庆", "西部"}} {
		d.Cities = append(d.Cities, analysis.City{Name: c[0], Province: c[1], Region: c[2]})
	}
	for i, n := range [][2]int64{{1200000, 1300000}, {1250000, 1350000}, {1300000, 1400000}} {
		p := analysis.Period{Year: 2018 + i/2, Half: i%2 + 1}
		d.Figures = append(d.Figures, analysis.Figure{Province: "四川", City: "成都", Period: p, Members: n[0]},
			analysis.Figure{Province: "重庆", City: "重庆", Period: p, Members: n[1]})
		d.Periods = append(d.Periods, p)
	}
	return d
}

// TestHalfYearPacket: a half-year is "half" in summary.json, 2019年上半年 /
// H1 2019 in the text, its previous period 上年下半年.
func TestHalfYearPacket(t *testing.T) {
	c, err := analysis.Compare(halfYears(), "")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := WriteSummary(&buf, c, briefing.Narrative(c, vocab.Zh)...); err != nil {
		t.Fatal(err)
	}
	var s struct {
		PeriodKind string `json:"period_kind"`
		P          string `json:"period"`
		Previous   string `json:"previous_period"`
		YearAgo    string `json:"year_ago_period"`
		Narrative  []struct{ Text string }
		Series     []struct{ Period string }
	}
	if err := json.Unmarshal(buf.Bytes(), &s); err != nil {
		t.Fatal(err)
	}
	if s.P != "2019-H1" || s.PeriodKind != "half" || s.Previous != "2018-H2" || s.YearAgo != "2018-H1" || len(s.Series) != 3 || s.Series[0].Period != "2018-H1" {
		t.Errorf("summary %+v", s)
	}
	var text []string
	for _, p := range s.Narrative {
		text = append(text, p.Text)
	}
	zh := strings.Join(text, "\n")
	for _, want := range []string{"2019年上半年，", "比上年下半年增加10万人", "同比增长8.0%"} {
		if !strings.Contains(zh, want) {
			t.Errorf("narrative lacks %q:\n%s", want, zh)
		}
	}
	var en []string
	for _, p := range briefing.Narrative(c, vocab.En) {
		en = append(en, p.Text)
	}
	if got := strings.Join(en, "\n"); !strings.Contains(got, "For the first half of 2019, ") || !strings.Contains(got, "year on year (against H1 2018), up 8.0%") {
		t.Errorf("English narrative:\n%s", got)
	}
	files, _, err := Packet(c, Options{Lang: vocab.Zh, Time: time.Date(2019, 7, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 5 {
		t.Errorf("%d files", len(files))
	}
}
