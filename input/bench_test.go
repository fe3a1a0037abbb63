package input

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/basebrief/basebrief/input/defaultdata"
	"github.com/basebrief/basebrief/internal/testutil"
)

// writeNational writes a national data folder with rows figures rows: 2,800
// county-level units over 31 provinces, monthly periods, a total per city
// and four segment rows for every fourth city. A smaller cousin of
// cmd/gendata, deterministic and quick to write.
func writeNational(tb testing.TB, dir string, rows int) {
	tb.Helper()
	const ncities, nprov = 2800, 31
	segs := []string{"", "企业", "社会组织", "自由职业", "新媒体"}
	write := func(name string, fill func(w *bufio.Writer)) {
		testutil.WriteFile(tb, filepath.Join(dir, name), fill)
	}
	city := func(i int) (string, string) {
		return fmt.Sprintf("省份%02d", i%nprov), fmt.Sprintf("县区%04d", i)
	}
	write("cities.csv", func(w *bufio.Writer) {
		w.WriteString("city,province,region,tier\n")
		for i := range ncities {
			p, c := city(i)
			fmt.Fprintf(w, "%s,%s,片区%d,\n", c, p, i%nprov%7)
		}
	})
	write("bases.csv", func(w *bufio.Writer) {
		w.WriteString("base,city,province,batch,segment\n")
		for i := range ncities {
			p, c := city(i)
			fmt.Fprintf(w, "基地%d,%s,%s,第%d批,%s\n", i, c, p, 1+i%5, segs[i%5])
		}
	})
	write("figures.csv", func(w *bufio.Writer) {
		w.WriteString("province,city,period,members,segment,source\n")
		n := 0
		for m := 0; n < rows; m++ {
			period := fmt.Sprintf("%04d-%02d", 2000+m/12, m%12+1)
			for i := 0; i < ncities && n < rows; i++ {
				p, c := city(i)
				for s := range segs {
					if (s > 0 && i%4 != 1) || n >= rows {
						continue
					}
					w.WriteString(p + "," + c + "," + period + "," + members(1000+(i*7919+m*31)%100000, n) + "," + segs[s] + ",统计月报\n")
					n++
				}
			}
		}
	})
}

// members writes v as cmd/gendata does: mostly plain, one row in twenty
// grouped and quoted ("1,234,567"), one in twenty in 万 (12.34万).
func members(v, row int) string {
	switch row % 20 {
	case 7:
		s := strconv.Itoa(v)
		var g []byte
		for i := range len(s) {
			if i > 0 && (len(s)-i)%3 == 0 {
				g = append(g, ',')
			}
			g = append(g, s[i])
		}
		return `"` + string(g) + `"`
	case 13:
		return fmt.Sprintf("%d.%02d万", v/10000, v%10000/100)
	}
	return strconv.Itoa(v)
}

// benchRows are the figures rows of the stage benchmarks (issue 8).
var benchRows = []int{10_000, 100_000, 1_000_000}

func BenchmarkLoad(b *testing.B) {
	for _, rows := range benchRows {
		b.Run("rows="+strconv.Itoa(rows), func(b *testing.B) {
			dir := b.TempDir()
			writeNational(b, dir, rows)
			st, _ := os.Stat(filepath.Join(dir, "figures.csv"))
			b.SetBytes(st.Size())
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				d, err := LoadDir(dir, Options{})
				if err != nil {
					b.Fatal(err)
				}
				if d.Files[2].Rows != rows {
					b.Fatalf("rows = %d, want %d", d.Files[2].Rows, rows)
				}
			}
		})
	}
}

// TestLoadNational checks the streaming result on a generated folder: only
// the last two periods are kept, every period is listed.
func TestLoadNational(t *testing.T) {
	dir := t.TempDir()
	writeNational(t, dir, 50_000)
	d, err := LoadDir(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	// 2,800 totals + 700 × 4 segment rows = 5,600 rows a month: 50,000 rows
	// fill 8 months and 5,200 rows of the ninth (2000-09).
	if len(d.Periods) != 9 || d.Period != period(2000, 9, 0) || d.Previous != period(2000, 8, 0) {
		t.Errorf("periods %v, period %v, previous %v", d.Periods, d.Period, d.Previous)
	}
	if len(d.Figures) != 5600+5200 {
		t.Errorf("kept %d figures, want %d", len(d.Figures), 5600+5200)
	}
	if len(d.Cities) != 2800 || len(d.Bases) != 2800 {
		t.Errorf("cities %d bases %d", len(d.Cities), len(d.Bases))
	}
}

func BenchmarkLoadDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(defaultdata.FS, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
