package analysis

import (
	"fmt"
	"testing"
)

// nationalHistory is 2,800 cities in 31 provinces and 7 regions over
// months periods: each city a total row and two segment rows a month, and
// every province a province-level figure (about 1M rows over 120 months).
func nationalHistory(months int) *Dataset {
	d := &Dataset{}
	for i := range 2800 {
		prov := fmt.Sprintf("省%02d", i%31)
		d.Cities = append(d.Cities, City{Name: fmt.Sprintf("市%04d", i), Province: prov, Region: fmt.Sprintf("区%d", i%31%7)})
		d.History.Places = append(d.History.Places, Place{Province: prov, City: d.Cities[i].Name})
	}
	for p := range 31 {
		d.History.Places = append(d.History.Places, Place{Province: fmt.Sprintf("省%02d", p)})
	}
	for m := range months {
		pf := PeriodFigures{Period: Period{Year: 2015 + m/12, Month: m%12 + 1}}
		for i := range 2800 {
			n := int64(1000 + i + m)
			pf.Add(i, SegmentAll, n)
			pf.Add(i, SegmentEnterprise, n/2)
			pf.Add(i, SegmentNewMedia, n/4)
		}
		for p := range 31 {
			pf.Add(2800+p, SegmentAll, int64(100000+p*m))
		}
		d.History.Periods = append(d.History.Periods, pf)
	}
	d.Period = d.History.Periods[months-1].Period
	// As input does: the compared period's rows kept in full too (they
	// override the history's).
	last := &d.History.Periods[months-1]
	for j := range last.Len() {
		place, seg, n := last.At(j)
		pl := d.History.Places[place]
		d.Figures = append(d.Figures, Figure{Province: pl.Province, City: pl.City, Period: d.Period, Segment: seg, Members: n})
	}
	return d
}

// BenchmarkSeries builds the series of ~1M rows over 120 months.
func BenchmarkSeries(b *testing.B) {
	d := nationalHistory(120)
	c, err := Compare(d, "")
	if err != nil {
		b.Fatal(err)
	}
	v := planView(c.History, d.Period)
	b.ReportMetric(float64(d.History.Rows()), "rows")
	b.ResetTimer()
	cpu := cpuTime() // the machine is shared: CPU time says more than wall time
	for b.Loop() {
		if s := series(c.History, v, c); len(s) != 120 {
			b.Fatalf("%d points", len(s))
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}

// BenchmarkCompareHistory is the whole comparison over the same history.
func BenchmarkCompareHistory(b *testing.B) {
	d := nationalHistory(120)
	cpu := cpuTime()
	for b.Loop() {
		if c, err := Compare(d, ""); err != nil || len(c.Series) != 120 {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
}
