package input

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/basebrief/basebrief/analysis"
)

// monthlyFS holds 甲 and 乙 (省) over 2018-11 … 2019-12, listed newest
// first, with a province-level figure and segment rows.
func monthlyFS() fstest.MapFS {
	figs := "province,city,period,members,segment,source\n" +
		"省,甲,2019-12,720,,月报\n省,乙,2019-12,130,企业,月报\n省,乙,2019-12,20,新媒体,月报\n" +
		"省,甲,2019-03,690,,季报\n" +
		"省,,2018-12,900,,年报\n省,甲,2018-12,650,,\n" +
		"省,甲,2018-11,640,,月报\n"
	return fstest.MapFS{
		"cities.csv":  {Data: []byte("city,province,region\n甲,省,区\n乙,省,区\n")},
		"bases.csv":   {Data: []byte("base,city\n")},
		"figures.csv": {Data: []byte(figs)},
	}
}

func TestHistoryKeepsEveryRow(t *testing.T) {
	d, err := Load(monthlyFS(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := d.History
	if h.Rows() != 7 || len(h.Periods) != 4 || len(h.Places) != 3 || h.Places[2] != (analysis.Place{Province: "省"}) {
		t.Fatalf("history: %d rows, %d periods, places %v", h.Rows(), len(h.Periods), h.Places)
	}
	var got []string
	for _, pf := range h.Periods {
		for i := 0; i < pf.Len(); i++ {
			place, seg, n := pf.At(i)
			got = append(got, fmt.Sprintf("%s %s%s/%d %d", pf.Period, h.Places[place].Province, h.Places[place].City, seg, n))
		}
	}
	want := "2018-11 省甲/0 640|2018-12 省/0 900|2018-12 省甲/0 650|2019-03 省甲/0 690|2019-12 省甲/0 720|2019-12 省乙/1 130|2019-12 省乙/4 20"
	if strings.Join(got, "|") != want {
		t.Errorf("history\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	// Every row keeps its line and source, whether kept as a Figure or not.
	var lines []string
	for k := range h.Periods {
		for j := 0; j < h.Periods[k].Len(); j++ {
			f := h.Figure(k, j)
			lines = append(lines, fmt.Sprintf("%d:%s", f.Line, f.Source))
		}
	}
	if got := strings.Join(lines, " "); got != "8:月报 6:年报 7: 5:季报 2:月报 3:月报 4:月报" {
		t.Errorf("lines and sources = %s", got)
	}
	// Only the compared period and the previous candidate are kept as Figures.
	if len(d.Figures) != 4 || d.Period != period(2019, 12, 0) {
		t.Errorf("figures %d, period %v", len(d.Figures), d.Period)
	}
}

func TestYearViewPeriod(t *testing.T) {
	d, err := Load(monthlyFS(), Options{Period: analysis.Period{Year: 2019}})
	if err != nil {
		t.Fatalf("--period 2019 on monthly figures: %v", err)
	}
	c, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	if c.Source != period(2019, 12, 0) || c.PreviousSource != period(2018, 12, 0) || c.Totals.Members == nil || *c.Totals.Members != 870 {
		t.Errorf("year view: source %v, previous %v, members %v", c.Source, c.PreviousSource, c.Totals.Members)
	}
	_, err = Load(monthlyFS(), Options{Period: analysis.Period{Year: 2017}})
	if err == nil || !strings.Contains(err.Error(), "period 2017 has no figures") {
		t.Errorf("2017: %v", err)
	}
}
