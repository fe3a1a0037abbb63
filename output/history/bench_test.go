package history

import (
	"context"
	"fmt"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// BenchmarkRecordFirst records a run of a million figures into a new
// history: the cost the first run with a history adds (issue 26: at most
// 1 s and 100 MB for 1M rows). gendata's shape: 2,800 places × 120 months
// × 3 rows.
func BenchmarkRecordFirst(b *testing.B) {
	const n = 1_000_000
	ctx := context.Background()
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		figs := NewFigures("figures.csv", n)
		places := make([]int32, 2800)
		for i := range places {
			places[i] = figs.Place("省", fmt.Sprintf("市%d", i))
		}
		periods := make([]int32, 120)
		for i := range periods {
			periods[i] = figs.Period(fmt.Sprintf("%04d-%02d", 2015+i/12, i%12+1))
		}
		for i := range n {
			figs.Add(places[i/3%2800], periods[i/3/2800%120], i%3, int64(1000+i%77777), i+2)
		}
		s, err := Open(ctx, filepath.Join(b.TempDir(), "h.db"), Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		c0 := cpuTime()
		r := &Run{Start: time.Now(), Packet: true, Inputs: []Input{{Name: "figures.csv", SHA256: "x"}}}
		if _, _, err := s.Record(ctx, r, figs); err != nil {
			b.Fatal(err)
		}
		cpu += cpuTime() - c0
		if r.FiguresWritten != n {
			b.Fatalf("wrote %d", r.FiguresWritten)
		}
		s.Close()
	}
	b.ReportMetric(float64(cpu)/float64(b.N), "cpu-ns/op")
}

// cpuTime is the process's CPU time, user and system: steadier than wall
// time on a shared machine.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
