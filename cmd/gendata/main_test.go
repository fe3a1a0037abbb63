package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"-out", "x", "extra"}, {"-out", "x", "-rows", "10", "-periods", "2"},
		{"-out", "x", "-bases", "5"}, {"-out", "x", "-bases", "3-1"}, {"-out", "x", "-cities", "30"}, {"-out", "x", "-batches", "0"}} {
		var stderr strings.Builder
		if code := run(args, &stderr); code != 2 || !strings.Contains(stderr.String(), "gendata") {
			t.Errorf("run(%q) = %d, %q", args, code, stderr.String())
		}
	}
}

func TestShapeFlags(t *testing.T) {
	dir := t.TempDir()
	var stderr strings.Builder
	args := []string{"-out", dir, "-periods", "3", "-cities", "40", "-segments=false", "-bases", "1-5", "-namelen", "40", "-batches", "12"}
	if code := run(args, &stderr); code != 0 {
		t.Fatalf("run = %d: %s", code, stderr.String())
	}
	fig, err := os.ReadFile(filepath.Join(dir, "figures.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// 40 cities and the province totals of 7 provinces, three months, no
	// segment rows: 47 × 3 rows under the header.
	if lines := strings.Count(string(fig), "\n"); lines != 1+47*3 {
		t.Errorf("%d lines, want %d", lines, 1+47*3)
	}
	if strings.Contains(string(fig), "企业") {
		t.Error("segment rows written with -segments=false")
	}
}
