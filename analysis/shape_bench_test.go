package analysis

import (
	"fmt"
	"strconv"
	"syscall"
	"testing"

	"github.com/basebrief/basebrief/cmd/gendata/synth"
)

// BenchmarkStageSeries is the series stage (issue 18) on each shape of
// synth.Shapes at 1,000 and 10,000 cities, as make bench runs every stage:
// the history is built here as input would keep it (input cannot be
// imported from analysis), with the shape's periods, segment rows for
// every fourth city unless the shape has none, and a province figure for
// every fifth province.
func BenchmarkStageSeries(b *testing.B) {
	for _, sh := range synth.Shapes {
		for _, n := range []int{1000, 10_000} {
			b.Run(sh.Name+"/cities="+strconv.Itoa(n), func(b *testing.B) {
				d := shapeHistory(n, sh.Options.Periods, !sh.Options.NoSegments)
				c, err := Compare(d, "")
				if err != nil {
					b.Fatal(err)
				}
				v := planView(&d.History, d.Period)
				b.ReportMetric(float64(d.History.Rows()), "rows")
				b.ReportAllocs()
				b.ResetTimer()
				cpu := cpuTime()
				for b.Loop() {
					if s := series(&d.History, v, c); len(s) == 0 {
						b.Fatal("no points")
					}
				}
				b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

func shapeHistory(cities, months int, segments bool) *Dataset {
	d := &Dataset{}
	for i := range cities {
		prov := fmt.Sprintf("省%02d", i%31)
		d.Cities = append(d.Cities, City{Name: fmt.Sprintf("市%05d", i), Province: prov, Region: fmt.Sprintf("区%d", i%31%7)})
		d.History.Places = append(d.History.Places, Place{Province: prov, City: d.Cities[i].Name})
	}
	for p := 0; p < 31; p += 5 {
		d.History.Places = append(d.History.Places, Place{Province: fmt.Sprintf("省%02d", p)})
	}
	for m := range months {
		pf := PeriodFigures{Period: Period{Year: 2024 - (months-1-m)/12, Month: 12 - (months-1-m)%12}}
		for i := range cities {
			v := int64(3000 + (i*7919+m*31)%40000)
			pf.Add(i, SegmentAll, v)
			if segments && i%4 == 1 {
				for k, s := range Segments {
					pf.Add(i, s, v*int64(4-k)/12)
				}
			}
		}
		for p := cities; p < len(d.History.Places); p++ {
			pf.Add(p, SegmentAll, int64(1_000_000+p*m))
		}
		d.History.Periods = append(d.History.Periods, pf)
	}
	d.Period = d.History.Periods[months-1].Period
	return d
}

// cpuTime is the CPU time of the process so far (user and system, all
// threads) in nanoseconds; make bench takes growth from it, steadier than
// wall time on a shared machine.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
