package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/basebrief/basebrief/output"
)

// epoch pins the packet time for the tests that compare bytes.
const epoch = "1558051200" // 2019-05-17 00:00 UTC

// snapshot reads every file under dir: relative path → contents.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	got := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		got[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func sameFiles(t *testing.T, a, b map[string][]byte) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("packets differ: %d files vs %d", len(a), len(b))
	}
	for name, data := range a {
		if !bytes.Equal(data, b[name]) {
			t.Errorf("%s differs between runs", name)
		}
	}
}

// entries lists the names in dir.
func entries(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var ns []string
	for _, e := range es {
		ns = append(ns, e.Name())
	}
	return strings.Join(ns, " ")
}

// mustRun runs basebrief run into out and checks it succeeded.
func mustRun(t *testing.T, out string, args ...string) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := runArgs(t, append([]string{"run", "--out", out}, args...)...)
	if code != exitOK {
		t.Fatalf("run %v: exit %d\n%s", args, code, stderr)
	}
	return stdout, stderr
}

// oldPacket puts a small packet at out, as a previous run would have, without
// rendering one.
func oldPacket(t *testing.T, out string) {
	t.Helper()
	release, err := output.Lock(context.Background(), out, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	files := []output.File{{Path: "summary.json", Data: []byte("{}\n")}, {Path: "charts/a.png", Data: []byte("png")}}
	if err := output.Write(context.Background(), out, files, output.ManifestInfo{Version: "old"}); err != nil {
		t.Fatal(err)
	}
}

func TestRunDefaultData(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	stdout, stderr := mustRun(t, out)
	if stdout != out+"\n" {
		t.Fatalf("stdout = %q, want the packet path", stdout)
	}
	m, err := output.Verify(out)
	if err != nil {
		t.Fatal(err)
	}
	if m.Period != "2019" || m.Data != "embedded" || m.Version != "dev" || m.Created != "2019-05-17T00:00:00Z" ||
		m.Counts["cities"] != 10 || m.Counts["pilot_cities"] != 2 || len(m.Inputs) < 3 {
		t.Fatalf("manifest: %+v", m)
	}
	var sum struct {
		Regions []struct {
			Members         int64
			ReportingCities int `json:"reporting_cities"`
		}
	}
	b, _ := os.ReadFile(filepath.Join(out, "summary.json"))
	if err := json.Unmarshal(b, &sum); err != nil || len(sum.Regions) != 1 ||
		sum.Regions[0].Members != 2700000 || sum.Regions[0].ReportingCities != 2 {
		t.Fatalf("summary.json regions = %+v (%v)", sum.Regions, err)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	for _, want := range []string{`msg="packet written"`, "inputs=", "rows=", "period=2019", "files=", "seconds="} {
		if !strings.Contains(last, want) {
			t.Errorf("summary line %q lacks %s", last, want)
		}
	}
	if e := entries(t, dir); e != "packet packet.history.db packet.lock" {
		t.Fatalf("out's folder holds %s", e)
	}
}

func TestRunReproducible(t *testing.T) {
	gbk := gbkCopy(t, "testdata/valid")
	for _, tc := range []struct {
		name, epoch string
		args        []string
	}{
		{"default data", epoch, nil},
		{"default data without SOURCE_DATE_EPOCH", "", nil},
		{"multi-period GBK", epoch, []string{"--data", gbk}},
		{"english", epoch, []string{"--lang", "en", "--data", "testdata/valid"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if raceEnabled && tc.name != "multi-period GBK" {
				t.Skip("repeats a full render; run without -race")
			}
			t.Setenv("SOURCE_DATE_EPOCH", tc.epoch)
			dir := t.TempDir()
			mustRun(t, filepath.Join(dir, "a"), tc.args...)
			mustRun(t, filepath.Join(dir, "b"), tc.args...)
			a, b := snapshot(t, filepath.Join(dir, "a")), snapshot(t, filepath.Join(dir, "b"))
			sameFiles(t, a, b)
			if len(a) < 6 {
				t.Fatalf("packet holds only %d files", len(a))
			}
			if tc.name == "multi-period GBK" {
				checkGBKManifest(t, filepath.Join(dir, "a"))
			}
		})
	}
}

// checkGBKManifest checks what the manifest records of the GBK fixture.
func checkGBKManifest(t *testing.T, out string) {
	t.Helper()
	m, err := output.Verify(out)
	if err != nil {
		t.Fatal(err)
	}
	if m.Period != "2019" || m.Previous == nil || *m.Previous != "2018" || m.Data != "folder" || m.Counts["cities"] != 4 {
		t.Fatalf("manifest period %q previous %v data %q counts %v", m.Period, m.Previous, m.Data, m.Counts)
	}
	for _, in := range m.Inputs {
		if in.Encoding != "GB18030" || len(in.SHA256) != 64 || in.Rows == 0 {
			t.Errorf("input %+v: want GB18030, a SHA-256 and rows", in)
		}
	}
}

// gbkCopy copies a fixture folder with every CSV re-encoded to GBK, as Excel
// on a Chinese system saves it.
func gbkCopy(t *testing.T, src string) string {
	t.Helper()
	dst := t.TempDir()
	es, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if g, err := simplifiedchinese.GBK.NewEncoder().Bytes(b); err == nil {
			b = g
		} else {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// An invalid run exits 1, lists every error as file:line:column and leaves
// the previous packet byte-for-byte.
func TestRunInputInvalidKeepsPacket(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	oldPacket(t, out)
	before := snapshot(t, out)

	code, stdout, stderr := runArgs(t, "run", "--out", out, "--data", "testdata/bad")
	if code != exitInput || stdout != "" {
		t.Fatalf("exit %d, stdout %q", code, stdout)
	}
	for _, want := range []string{"\nfigures.csv:2:4: ", "\nfigures.csv:3:", "nothing written"} {
		if !strings.Contains("\n"+stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	sameFiles(t, before, snapshot(t, out))
	if e := entries(t, dir); e != "packet packet.lock" {
		t.Fatalf("out's folder holds %s", e)
	}
}

func TestRunJSONLogs(t *testing.T) {
	code, _, stderr := runArgs(t, "run", "--out", filepath.Join(t.TempDir(), "p"), "--data", "testdata/bad", "--log-format", "json")
	if code != exitInput {
		t.Fatalf("exit %d", code)
	}
	located := 0
	for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("not JSON: %q", line)
		}
		if rec["file"] == "figures.csv" && rec["line"] == 2.0 && rec["column"] == 4.0 {
			located++
		}
	}
	if located != 1 {
		t.Fatalf("no JSON record for figures.csv:2:4 in\n%s", stderr)
	}
}

func TestRunExitStatuses(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	dir := t.TempDir()
	foreign := filepath.Join(dir, "home")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "thesis.doc"), []byte("keep"), 0o644)
	file := filepath.Join(dir, "file")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, tc := range []struct {
		name string
		args []string
		code int
		want string
	}{
		{"region", []string{"--data", "testdata/valid", "--region", "东部"}, exitOK, "packet written"},
		{"unknown region", []string{"--data", "testdata/valid", "--region", "北部"}, exitInput, "东部"},
		{"period", []string{"--data", "testdata/valid", "--period", "2018"}, exitOK, "period=2018"},
		{"warning", []string{"--data", "testdata/warn"}, exitOK, "level=WARN"},
		{"warning strict", []string{"--data", "testdata/warn", "--strict"}, exitInput, "nothing written"},
		{"masthead flags", []string{"--title", "测试简报", "--issue", "7", "--date", "2020-01-02"}, exitOK, "packet written"},
		{"missing font", []string{"--font", filepath.Join(dir, "none.ttf")}, exitInput, "none.ttf"},
		{"not a font", []string{"--font", file}, exitInput, "TrueType"},
		{"foreign out", []string{"--out", foreign}, exitFailure, "not a basebrief packet"},
		{"out under a file", []string{"--out", filepath.Join(file, "packet")}, exitFailure, "level=ERROR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if raceEnabled && tc.code == exitOK && tc.name != "region" {
				t.Skip("repeats a full render; run without -race")
			}
			args := append([]string{"run", "--out", filepath.Join(t.TempDir(), "packet")}, tc.args...)
			code, stdout, stderr := runArgs(t, args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) || (code == exitOK) == (stdout == "") {
				t.Fatalf("exit %d (want %d), stdout %q, stderr:\n%s", code, tc.code, stdout, stderr)
			}
		})
	}
	if b, _ := os.ReadFile(filepath.Join(foreign, "thesis.doc")); string(b) != "keep" {
		t.Fatal("a foreign folder was touched")
	}
}

func TestRunLocked(t *testing.T) {
	out := filepath.Join(t.TempDir(), "packet")
	release, err := output.Lock(context.Background(), out, 0)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runArgs(t, "run", "--out", out, "--wait", "100ms")
	release()
	if code != exitFailure || stdout != "" ||
		!strings.Contains(stderr, "locked by another run") || !strings.Contains(stderr, "pid "+strconv.Itoa(os.Getpid())) {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Fatal("a locked run wrote the packet")
	}
}

// Two runs at once on one out folder: the second waits for the first, both
// succeed, and the packet is whole.
func TestConcurrentRuns(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	var wg sync.WaitGroup
	codes := make([]int, 3)
	if raceEnabled {
		codes = codes[:2]
	}
	for i := range codes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i] = run(context.Background(), []string{"run", "--out", out, "--wait", "1m"},
				strings.NewReader(""), &bytes.Buffer{}, &bytes.Buffer{})
		}()
	}
	wg.Wait()
	for i, c := range codes {
		if c != exitOK {
			t.Fatalf("run %d: exit %d", i, c)
		}
	}
	if _, err := output.Verify(out); err != nil {
		t.Fatal(err)
	}
	if e := entries(t, dir); e != "packet packet.history.db packet.lock" {
		t.Fatalf("out's folder holds %s", e)
	}
}

// SIGTERM (a cancelled context) before the swap: exit 3, the previous
// packet stays and no temporary folder is left.
func TestRunCancelledKeepsPacket(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", epoch)
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	oldPacket(t, out)
	before := snapshot(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stderr bytes.Buffer
	code := run(ctx, []string{"run", "--out", out}, strings.NewReader(""), &bytes.Buffer{}, &stderr)
	if code != exitFailure || !strings.Contains(stderr.String(), "context canceled") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	sameFiles(t, before, snapshot(t, out))
	if e := entries(t, dir); e != "packet packet.lock" {
		t.Fatalf("out's folder holds %s", e)
	}
}
