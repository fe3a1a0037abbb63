package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/internal/testutil"
)

// bigData writes a data folder whose reading really holds tens of MB:
// 1,000 cities with a figure for each month of 2005–2024 (240,000 rows,
// 10 MB of CSV), well inside every documented limit.
func bigData(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	write := func(name string, fill func(w *bufio.Writer)) {
		testutil.WriteFile(tb, filepath.Join(dir, name), fill)
	}
	const cities = 1000
	write("cities.csv", func(w *bufio.Writer) {
		w.WriteString("city,province,region\n")
		for i := range cities {
			fmt.Fprintf(w, "测试城市%d,测试省%d,测试片区\n", i, i%30)
		}
	})
	write("bases.csv", func(w *bufio.Writer) { w.WriteString("base,city\n") })
	write("figures.csv", func(w *bufio.Writer) {
		w.WriteString("province,city,period,members\n")
		for y := 2005; y <= 2024; y++ {
			for m := 1; m <= 12; m++ {
				for i := range cities {
					fmt.Fprintf(w, "测试省%d,测试城市%d,%d-%02d,%d\n", i%30, i, y, m, 1000+i+y+m)
				}
			}
		}
	})
	return dir
}

var usedMB = regexp.MustCompile(`the run used (\d+) MB, over its ceiling of (\d+) MB \(GOMEMLIMIT=48MiB\)`)

// A run that really allocates past its ceiling — not one that starts above
// it — stops with exit 3 and the message, nothing written: the watchdog
// polls while the input is read, it does not only look once at the start.
// Under a 48 MB ceiling (the process starts at about 10 MB) the big input
// grows well past it; without a ceiling it would be read and written
// (135 MB at its peak, measured).
func TestRealAllocationPastCeilingExits3(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process")
	}
	data := bigData(t)
	out := filepath.Join(t.TempDir(), "packet")
	cmd := command("run", "--data", data, "--out", out, "--history", "none")
	cmd.Env = append(cmd.Env, "GOMEMLIMIT=48MiB")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	last := lastLine(stderr.String())
	m := usedMB.FindStringSubmatch(last)
	if code != exitFailure || m == nil || !strings.Contains(last, "out of memory; nothing written") {
		t.Fatalf("exit %d (%v), last line %q", code, err, last)
	}
	used, _ := strconv.Atoi(m[1])
	if ceiling, _ := strconv.Atoi(m[2]); used <= ceiling || ceiling != 48 {
		t.Errorf("used %d MB, ceiling %d MB: want used above a 48 MB ceiling", used, ceiling)
	}
	if _, err := os.Lstat(out); err == nil {
		t.Fatal("a packet was written")
	}
	t.Log(last)
}
