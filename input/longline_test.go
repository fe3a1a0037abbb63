package input

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestLongLineFile: a figures.csv on disk with one 200 MB line fails with
// one error naming the line, in bounded memory and time, whether the file
// is UTF-8 or GBK (read as UTF-8 first, then again as GB18030). Unlike
// TestHostileInput it goes through LoadDir and a real file, whose size
// sends it down the parallel parse path. The line's first MiB is text and
// the rest a hole in a sparse file, so the test writes 1 MiB, not 200: a
// reader that went on past the line's limit would meet NUL bytes and
// report another error, and one that kept the line would fail the
// allocation bound.
func TestLongLineFile(t *testing.T) {
	const mb = 1 << 20
	gbk := func(s string) string {
		b, err := simplifiedchinese.GBK.NewEncoder().String(s)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	for _, tt := range []struct {
		name, head, fill string
	}{
		{"utf8", figHeader + "四川,成都,2019,130万,\n", "x"},
		{"gbk", gbk(figHeader + "四川,成都,2019,130万,\n"), gbk("成都")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			for name, s := range base {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			f, err := os.Create(filepath.Join(dir, "figures.csv"))
			if err != nil {
				t.Fatal(err)
			}
			f.WriteString(tt.head)
			chunk := bytes.Repeat([]byte(tt.fill), mb/len(tt.fill))
			if _, err := f.Write(chunk); err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(int64(len(tt.head)) + 200*mb); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err = LoadDir(dir, Options{})
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			want := "figures.csv:3: row longer than 64 KiB, expected CSV rows of ordinary length"
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v, want one containing %q", err, want)
			}
			if grown := after.TotalAlloc - before.TotalAlloc; grown > 16*mb {
				t.Errorf("allocated %d MiB, want < 16", grown/mb)
			}
			t.Logf("%v, allocated %d KiB", took, (after.TotalAlloc-before.TotalAlloc)>>10)
			if took > 10*time.Second {
				t.Errorf("took %v", took)
			}
		})
	}
}
