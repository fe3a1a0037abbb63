package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input"
)

func generate(t *testing.T, o Options) string {
	t.Helper()
	dir := t.TempDir()
	if err := Write(dir, o); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestDeterministicAndValid(t *testing.T) {
	o := Options{Rows: 30_000, Cities: 2800, Seed: 7}
	a, b := generate(t, o), generate(t, o)
	for _, name := range []string{"cities.csv", "bases.csv", "figures.csv", "briefing.toml"} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs with the same seed (%d vs %d bytes)", name, len(x), len(y))
		}
	}
	d, err := input.LoadDir(a, input.Options{})
	if err != nil {
		t.Fatalf("generated data does not load: %v", err)
	}
	regions := map[string]bool{}
	provinces := map[string]bool{}
	for _, c := range d.Cities {
		regions[c.Region] = true
		provinces[c.Province] = true
	}
	if len(d.Cities) != 2800 || len(provinces) != 31 || len(regions) != 7 {
		t.Errorf("cities %d, provinces %d, regions %d; want 2800, 31, 7", len(d.Cities), len(provinces), len(regions))
	}
	if d.Files[2].Rows != 30_000 || d.Period != (analysis.Period{Year: 2024, Month: 12}) || d.Previous != (analysis.Period{Year: 2024, Month: 11}) {
		t.Errorf("rows %d, period %v, previous %v", d.Files[2].Rows, d.Period, d.Previous)
	}
	if len(d.Bases) == 0 || len(d.Warnings()) != 0 {
		t.Errorf("bases %d, warnings %q", len(d.Bases), d.Warnings())
	}
	c := generate(t, Options{Rows: 30_000, Cities: 2800, Seed: 8})
	x, _ := os.ReadFile(filepath.Join(a, "figures.csv"))
	y, _ := os.ReadFile(filepath.Join(c, "figures.csv"))
	if bytes.Equal(x, y) {
		t.Error("seeds 7 and 8 gave the same figures")
	}
}

func TestGBK(t *testing.T) {
	o := Options{Rows: 5_000, Cities: 100, Seed: 1}
	utf, gbk := generate(t, o), generate(t, Options{Rows: 5_000, Cities: 100, Seed: 1, GBK: true})
	a, err := input.LoadDir(utf, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := input.LoadDir(gbk, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if b.Files[0].Encoding != "GB18030" || b.Files[2].Encoding != "GB18030" {
		t.Errorf("encodings %+v", b.Files)
	}
	if !reflect.DeepEqual(a.Figures, b.Figures) || !reflect.DeepEqual(a.Cities, b.Cities) || !reflect.DeepEqual(a.Bases, b.Bases) {
		t.Error("GBK data loads differently from UTF-8 data")
	}
}

// TestShapes loads each benchmark shape at a small size and checks what
// makes it that shape: the rows and periods, segment rows or none, bases a
// city, batches, name lengths and the encoding.
func TestShapes(t *testing.T) {
	for _, sh := range Shapes {
		t.Run(sh.Name, func(t *testing.T) {
			o := sh.Options
			o.Cities = 62
			d, err := input.LoadDir(generate(t, o), input.Options{})
			if err != nil {
				t.Fatalf("does not load: %v", err)
			}
			if got, want := d.Files[2].Rows, FiguresRows(o); got != want {
				t.Errorf("rows %d, FiguresRows says %d", got, want)
			}
			if len(d.Periods) != o.Periods || d.Period != (analysis.Period{Year: 2024, Month: 12}) {
				t.Errorf("periods %d (latest %v), want %d to 2024-12", len(d.Periods), d.Period, o.Periods)
			}
			segs := 0
			for _, f := range d.Figures {
				if f.Segment != analysis.SegmentAll {
					segs++
				}
			}
			if o.NoSegments != (segs == 0) {
				t.Errorf("%d segment figures kept, NoSegments %v", segs, o.NoSegments)
			}
			perCity := map[string]int{}
			batches := map[int]bool{}
			for _, b := range d.Bases {
				perCity[b.Province+b.City]++
				batches[b.Batch] = true
			}
			lo, hi := max(o.MinBases, 0), max(o.MaxBases, 2)
			for _, c := range d.Cities {
				if n := perCity[c.Province+c.Name]; n < lo || n > hi {
					t.Errorf("%s has %d bases, want %d to %d", c.Name, n, lo, hi)
				}
				if n := utf8.RuneCountInString(c.Name); n < o.NameLen {
					t.Errorf("%s: %d characters, want %d", c.Name, n, o.NameLen)
				}
			}
			for b := range batches {
				if b < 0 || b > 12 {
					t.Errorf("batch %d, want 0 to 12", b)
				}
			}
			want := "UTF-8"
			if o.GBK {
				want = "GB18030"
			}
			if d.Files[0].Encoding != want || d.Files[2].Encoding != want {
				t.Errorf("encodings %+v, want %s", d.Files, want)
			}
		})
	}
}

func TestOptionsOutOfRange(t *testing.T) {
	for _, o := range []Options{{Cities: 10}, {Cities: 40, MinBases: 3, MaxBases: 1}, {Cities: 40, Rows: -1}, {Cities: 40, Batches: 100}} {
		if err := Write(t.TempDir(), o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

// TestManyCitiesLoad: 30,000 generated cities are 30,000 places to input,
// none another's name written another way (南宁市 beside 南宁 was).
func TestManyCitiesLoad(t *testing.T) {
	d, err := input.LoadDir(generate(t, Options{Cities: 30_000, Periods: 1, NoSegments: true, Seed: 1}), input.Options{})
	if err != nil {
		t.Fatalf("does not load: %.500v", err)
	}
	if len(d.Cities) != 30_000 {
		t.Errorf("%d cities", len(d.Cities))
	}
}
