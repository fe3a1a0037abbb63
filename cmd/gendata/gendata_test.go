package main

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

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

func TestUsage(t *testing.T) {
	var stderr strings.Builder
	if code := run(nil, &stderr); code != 2 || !strings.Contains(stderr.String(), "usage: gendata -out DIR") {
		t.Errorf("run() = %d, %q", code, stderr.String())
	}
	dir := t.TempDir()
	if code := run([]string{"-out", dir, "-rows", "100", "-cities", "40"}, &stderr); code != 0 {
		t.Errorf("run = %d: %s", code, stderr.String())
	}
}
