package output

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// packetFiles is a small packet whose contents carry tag, so an old and a
// new packet differ in every file.
func packetFiles(tag string) []File {
	return []File{
		{"summary.json", []byte(`{"period":"2019","tag":"` + tag + `"}` + "\n")},
		{"charts/members_by_city.png", []byte("PNG " + tag)},
		{"charts/members_by_city.svg", []byte("<svg>" + tag + "</svg>")},
		{"workbook.xlsx", bytes.Repeat([]byte(tag), 1000)},
	}
}

func info() ManifestInfo {
	return ManifestInfo{Version: "test", Period: "2019", Lang: "zh", Data: "embedded",
		Inputs: []Input{{Name: "figures.csv", SHA256: "ab", Encoding: "UTF-8", Rows: 2}},
		Counts: map[string]int{"cities": 10, "bases": 13}}
}

// mustWrite locks out, writes a packet tagged tag and unlocks.
func mustWrite(tb testing.TB, out, tag string) {
	tb.Helper()
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		tb.Fatal(err)
	}
	defer release()
	if err := Write(context.Background(), out, packetFiles(tag), info()); err != nil {
		tb.Fatal(err)
	}
}

// helperLock starts a helper process, a test run again as a process of its
// own by a test that kills it or runs it as another user: it skips unless
// the variable env names the out folder (only such a test sets it), then
// locks that folder. The helper ends with helperExit.
func helperLock(t *testing.T, env, skip string) (out string, release func() error) {
	out = os.Getenv(env)
	if out == "" {
		t.Skip(skip)
	}
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		fmt.Println("lock:", err)
		os.Exit(2)
	}
	return out, release
}

// helperExit ends a helper process: 0, or 2 after printing what failed.
func helperExit(what string, err error) {
	if err != nil {
		fmt.Println(what+":", err)
		os.Exit(2)
	}
	os.Exit(0)
}

// snapshot reads every file under dir: relative path → contents.
func snapshot(tb testing.TB, dir string) map[string]string {
	tb.Helper()
	got := map[string]string{}
	err := filepath.Walk(dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil || fi.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		tb.Fatal(err)
	}
	return got
}

func sameSnapshot(tb testing.TB, want, got map[string]string) {
	tb.Helper()
	if len(want) != len(got) {
		tb.Fatalf("packet has %d files, want %d: %v", len(got), len(want), keys(got))
	}
	for k, v := range want {
		if got[k] != v {
			tb.Fatalf("packet file %s differs from before", k)
		}
	}
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// names lists the entries of dir.
func names(tb testing.TB, dir string) []string {
	tb.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	var ns []string
	for _, e := range entries {
		ns = append(ns, e.Name())
	}
	return ns
}

func fmtNames(ns []string) string { return fmt.Sprintf("%q", ns) }
