package input

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"testing/fstest"
)

func FuzzMembers(f *testing.F) {
	for _, s := range []string{"1400000", "1,400,000", "140万", "140 万", "1.4M", "0.014亿", "１４０万", "-5",
		"1e999", "9223372036854775807", ".5万", "1.4e6", "140万人", "1,40", "NaN", "一百四十", "0.00000001亿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseMembers(s)
		if err != nil {
			return
		}
		if v < 0 {
			t.Fatalf("ParseMembers(%q) = %d < 0", s, v)
		}
		if back, err := ParseMembers(strconv.FormatInt(v, 10)); err != nil || back != v {
			t.Fatalf("round trip of %q: %d → %d, %v", s, v, back, err)
		}
	})
}

func FuzzPeriod(f *testing.F) {
	for _, s := range []string{"2019", "2019-05", "2019-05-17", "2019年", "2019年5月", "2019年5月17日", "2019/5/7",
		"２０１９年５月", "2019-02-29", "2019-13", "2019年度", "0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePeriod(s)
		if err != nil {
			return
		}
		if p.Year < 1 || p.Year > 9999 || p.Month < 0 || p.Month > 12 || p.Day < 0 || p.Day > 31 || (p.Month == 0 && p.Day != 0) {
			t.Fatalf("ParsePeriod(%q) = %+v out of range", s, p)
		}
		if back, err := ParsePeriod(p.String()); err != nil || back != p {
			t.Fatalf("round trip of %q: %v → %v, %v", s, p, back, err)
		}
	})
}

func FuzzBatch(f *testing.F) {
	for _, s := range []string{"", "2", "第二批", "第十二批", "二", "十二", "第3批", "第一百零五批", "0", "第零批", "第X批"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseBatch(s)
		if err != nil {
			return
		}
		if n < 0 || n > maxBatch {
			t.Fatalf("ParseBatch(%q) = %d out of range", s, n)
		}
		if n == 0 {
			return
		}
		if back, err := ParseBatch(strconv.Itoa(n)); err != nil || back != n {
			t.Fatalf("round trip of %q: %d → %d, %v", s, n, back, err)
		}
	})
}

// FuzzLoad puts arbitrary bytes in one of the files of a valid folder:
// Load must never panic, and must return either Errors whose entries name
// a file or a dataset that keeps its invariants.
func FuzzLoad(f *testing.F) {
	files := []string{"cities.csv", "bases.csv", "figures.csv", "briefing.toml"}
	for _, dir := range []string{"english", "chinese", "mixed", "gbk"} {
		for i, name := range files {
			if b, err := os.ReadFile(filepath.Join("testdata", dir, name)); err == nil {
				f.Add(b, uint8(i))
			}
		}
	}
	f.Add([]byte(figHeader+"四川,成都,2019,\"130万\n"), uint8(2))
	f.Add([]byte("\xEF\xBB\xBF"+figHeader+"四川,,2019-02-30,1,\n"), uint8(2))
	f.Add([]byte("\x00\x01\x02"), uint8(0))
	f.Add([]byte("title = \"x\"\n[[stated]]\nvalue = nan\n"), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		fsys := dataFS(nil)
		fsys[files[int(which)%len(files)]] = &fstest.MapFile{Data: data}
		d, err := Load(fsys, Options{MaxErrors: 20})
		// Parsing beside validation, as for large files, changes nothing.
		if d2, err2 := load(context.Background(), fsys, Options{MaxErrors: 20}, true); !reflect.DeepEqual(d, d2) || !reflect.DeepEqual(err, err2) {
			t.Fatalf("one goroutine and two differ:\n%v\n%v\n%v\n---\n%v", d, d2, err, err2)
		}
		if err != nil {
			var es Errors
			if !errors.As(err, &es) || len(es) == 0 || len(es) > 21 {
				t.Fatalf("error %T with %d entries: %v", err, len(es), err)
			}
			for i, e := range es {
				if e.File == "" && i != len(es)-1 {
					t.Fatalf("error without a file: %q", e.Error())
				}
			}
			return
		}
		for i := 1; i < len(d.Periods); i++ {
			if !d.Periods[i-1].Less(d.Periods[i]) {
				t.Fatalf("periods not ascending: %v", d.Periods)
			}
		}
		for _, fig := range d.Figures {
			if fig.Period != d.Period && fig.Period != d.Previous {
				t.Fatalf("kept figure of period %v, compared %v previous %v", fig.Period, d.Period, d.Previous)
			}
			if fig.Members < 0 || fig.Province == "" {
				t.Fatalf("bad figure %+v", fig)
			}
		}
		if len(d.Files) < 3 {
			t.Fatalf("files = %+v", d.Files)
		}
	})
}
