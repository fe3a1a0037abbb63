package font

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultDrawsMixedText(t *testing.T) {
	f, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	if f.Name != "WenQuanYi Micro Hei" {
		t.Errorf("family = %q", f.Name)
	}
	if m := f.Missing("成都 MFG创客联邦 数博大道“1A+6S”新阶层工作圈 乌鲁木齐"); len(m) != 0 {
		t.Errorf("missing glyphs %q", string(m))
	}
}

func TestParseRejects(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, data, want string
	}{
		{"ttc", "ttcf\x00\x01\x00\x00\x00\x00\x00\x02", "collection"},
		{"cff", "OTTO\x00\x01\x00\x00\x00\x00\x00\x02", "CFF"},
		{"text", "this is not a font at all", "not a TrueType"},
		{"short", "abc", "too short"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(dir, c.name+".ttf")
			if err := os.WriteFile(p, []byte(c.data), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Load(p)
			if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), p) {
				t.Fatalf("Load(%s) error = %v, want it to name the file and say %q", c.name, err, c.want)
			}
		})
	}
	if _, err := Load(filepath.Join(dir, "absent.ttf")); err == nil {
		t.Fatal("missing file: no error")
	}
}

// TestPickConcurrent: the PDF and Word renderers, and two packets, pick
// from one shared set at once; under -race (make check) an unguarded
// first look-up shows here.
func TestPickConcurrent(t *testing.T) {
	f, err := Parse("WenQuanYi Micro Hei", mustDefault(t).TTF)
	if err != nil {
		t.Fatal(err)
	}
	s, err := With(f)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan *Face)
	for range 4 {
		go func() { done <- s.Pick(Hei, '成') }()
	}
	for range 4 {
		if got := <-done; got != f {
			t.Errorf("Pick(成) = %v, want %s", got, f.Name)
		}
	}
}

func mustDefault(tb testing.TB) *Face {
	tb.Helper()
	f, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return f
}
