package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/basebrief/basebrief/output"
)

// lastLine is the last line of a run's stderr.
func lastLine(stderr string) string {
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	return lines[len(lines)-1]
}

// --font naming a FIFO, a device, a folder or an oversized file is refused
// at once (not read, not waited on) as an input error.
func TestFontMustBeABoundedRegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "font.fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	huge := filepath.Join(dir, "huge.ttf")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(maxFontSize + 1) // sparse: no disk used
	f.Close()
	for _, tc := range []struct{ name, path, want string }{
		{"fifo", fifo, "named pipe"},
		{"device", "/dev/zero", "device"},
		{"folder", dir, "folder"},
		{"too large", huge, "too large"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			done := make(chan struct{})
			var code int
			var stderr string
			go func() {
				defer close(done)
				code, _, stderr = runArgs(t, "run", "--out", filepath.Join(t.TempDir(), "packet"), "--font", tc.path)
			}()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Fatal("--font blocked")
			}
			if code != exitInput || !strings.Contains(lastLine(stderr), tc.want) || !strings.Contains(lastLine(stderr), "--font") {
				t.Fatalf("exit %d, stderr:\n%s", code, stderr)
			}
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("refusing took %v", d)
			}
		})
	}
}

// Names carrying newlines, escape sequences and bidi overrides reach the
// log escaped: no forged log line, no raw control byte.
func TestLogEscapesNames(t *testing.T) {
	data := t.TempDir()
	for _, name := range []string{"cities.csv", "figures.csv"} {
		b, err := os.ReadFile(filepath.Join("testdata/valid", name))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(data, name), b, 0o644)
	}
	evil := "成都\nlevel=ERROR msg=\"forged\"\x1b[2J\u202e\x7f"
	var bases bytes.Buffer
	w := csv.NewWriter(&bases)
	w.WriteAll([][]string{{"base", "city"}, {"基地甲", evil}, {"基地\nlevel=ERROR msg=forged2", "重庆"}, {"基地乙", "重庆"}, {"基地乙", "重庆"}})
	os.WriteFile(filepath.Join(data, "bases.csv"), bases.Bytes(), 0o644)
	for _, format := range []string{"text", "json"} {
		code, _, stderr := runArgs(t, "validate", "--data", data)
		if format == "json" {
			code, _, stderr = runArgs(t, "run", "--out", filepath.Join(t.TempDir(), "p"), "--data", data, "--log-format", "json")
		}
		if code != exitInput {
			t.Fatalf("%s: exit %d\n%s", format, code, stderr)
		}
		for _, line := range strings.Split(stderr, "\n") {
			if strings.HasPrefix(line, "level=") || strings.Contains(line, "forged2") && !strings.Contains(line, `\n`) {
				t.Errorf("%s: forged line %q", format, line)
			}
		}
		if strings.ContainsAny(stderr, "\x1b\x7f\u202e") || !strings.Contains(stderr, `\x1b[2J`) {
			t.Errorf("%s: control characters reached the log raw (or not at all):\n%q", format, stderr)
		}
	}
}

func TestClean(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"成都 (Chengdu) 1,400,000", "成都 (Chengdu) 1,400,000"},
		{"a\nb\r\tc", `a\nb\r\tc`},
		{"\x1b[31mred\u0085", `\x1b[31mred\u0085`},
		{"x\u202ey\u2028z\u2066", `x\u202ey\u2028z\u2066`},
		{"bad \xff\xfe utf8", `bad \xff\xfe utf8`},
	} {
		if got := clean(tc.in); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// A run killed between the swap's two renames left the packet at its
// backup name: the next run puts it back first, even when it then fails on
// its input.
func TestRestoreBeforeInputFailure(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	oldPacket(t, out)
	before := snapshot(t, out)
	if err := os.Rename(out, filepath.Join(dir, ".packet.old-99999-1")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runArgs(t, "run", "--out", out, "--data", "testdata/bad")
	if code != exitInput {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	sameFiles(t, before, snapshot(t, out))
	if e := entries(t, dir); e != "packet packet.lock" {
		t.Fatalf("out's folder holds %s", e)
	}
}

// The last log line names the real cause, not "packet folder busy".
func TestLastLineNamesCause(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	oldPacket(t, real)
	os.Symlink(real, filepath.Join(dir, "linked"))
	os.Mkdir(filepath.Join(dir, "dirlock.lock"), 0o755)
	victim := filepath.Join(dir, "victim.txt")
	os.WriteFile(victim, []byte("keep"), 0o644)
	os.Symlink(victim, filepath.Join(dir, "symlock.lock"))
	for _, tc := range []struct{ out, want string }{
		{"linked", "symbolic link (to " + real + ")"},
		{"dirlock", "dirlock.lock is a folder"},
		{"symlock", "symlock.lock is a symbolic link"},
	} {
		t.Run(tc.out, func(t *testing.T) {
			code, _, stderr := runArgs(t, "run", "--out", filepath.Join(dir, tc.out), "--data", "testdata/valid")
			last := lastLine(stderr)
			if code != exitFailure || !strings.Contains(last, tc.want) || strings.Contains(last, "busy") {
				t.Fatalf("exit %d, last line %q", code, last)
			}
		})
	}
	if b, _ := os.ReadFile(victim); string(b) != "keep" {
		t.Fatalf("the file a symlinked lock points to holds %q", b)
	}
	if _, err := output.Verify(real); err != nil {
		t.Fatalf("the folder a symlinked --out points to: %v", err)
	}
}

// A signal ends the run within a second at every stage, reading the input
// and rendering included, which do not look at the context themselves.
func TestSignalEndsAnyStage(t *testing.T) {
	for _, name := range []string{"read", "render"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "packet")
			oldPacket(t, out)
			before := snapshot(t, out)
			hung, release := make(chan struct{}), make(chan struct{})
			stageHook = func(s string) {
				if s == name {
					close(hung)
					<-release // a stage that never looks at ctx
				}
			}
			// The abandoned stage goes on only after the test has read
			// what it needs, so -race sees no shared write.
			defer func() { stageHook = nil; close(release) }()
			ctx, cancel := context.WithCancel(context.Background())
			go func() { <-hung; cancel() }()
			start := time.Now()
			var stderr strings.Builder
			code := run(ctx, []string{"run", "--out", out, "--data", "testdata/valid"}, strings.NewReader(""), &strings.Builder{}, &stderr)
			if d := time.Since(start); d > 2*time.Second {
				t.Fatalf("the run ended %v after the signal", d)
			}
			if last := lastLine(stderr.String()); code != exitFailure || !strings.Contains(last, "interrupted") || !strings.Contains(last, name) {
				t.Fatalf("exit %d, last line %q", code, last)
			}
			sameFiles(t, before, snapshot(t, out))
		})
	}
}

// A killed run's scratch folder (where the workbook library spills large
// sheets) is removed by the next run, even one that fails on its input; a
// run's own is gone when it ends.
func TestKilledRunsScratchRemoved(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	oldPacket(t, out)
	killed := filepath.Join(dir, ".packet.scratch-99999-1")
	os.Mkdir(killed, 0o755)
	os.WriteFile(filepath.Join(killed, "excelize-12345"), make([]byte, 1<<20), 0o600)
	if code, _, stderr := runArgs(t, "run", "--out", out, "--data", "testdata/bad"); code != exitInput {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if e := entries(t, dir); e != "packet packet.lock" {
		t.Fatalf("out's folder holds %s", e)
	}
}

// A panic in a stage (a bug) ends the run with exit 3 and a last log line
// saying so, not a crash with exit 2, the usage-error code.
func TestPanicIsInternalError(t *testing.T) {
	for _, name := range []string{"read", "render"} {
		t.Run(name, func(t *testing.T) {
			stageHook = func(s string) {
				if s == name {
					panic("index out of range [65536]")
				}
			}
			defer func() { stageHook = nil }()
			dir := t.TempDir()
			code, _, stderr := runArgs(t, "run", "--out", filepath.Join(dir, "packet"), "--data", "testdata/valid")
			if last := lastLine(stderr); code != exitFailure || !strings.Contains(last, "internal error") || !strings.Contains(last, "65536") {
				t.Fatalf("exit %d, last line %q", code, last)
			}
			if e := entries(t, dir); e != "" {
				t.Fatalf("a panicked run left %s", e)
			}
		})
	}
}

// On a read-only or full file system the last line says so. It mounts
// tmpfs, so it runs as root with BASEBRIEF_CHECK=1 only.
func TestLastLineReadOnlyAndFull(t *testing.T) {
	if os.Getenv("BASEBRIEF_CHECK") != "1" || os.Getuid() != 0 {
		t.Skip("mounts tmpfs: set BASEBRIEF_CHECK=1 and run as root")
	}
	for _, tc := range []struct{ opts, want string }{
		{"ro,size=1m", "read-only file system"},
		{"size=256k", "no space left on device"},
	} {
		t.Run(tc.opts, func(t *testing.T) {
			dir := t.TempDir()
			if out, err := exec.Command("mount", "-t", "tmpfs", "-o", tc.opts, "tmpfs", dir).CombinedOutput(); err != nil {
				t.Skipf("cannot mount tmpfs: %v %s", err, out)
			}
			t.Cleanup(func() { exec.Command("umount", dir).Run() })
			code, _, stderr := runArgs(t, "run", "--out", filepath.Join(dir, "packet"))
			if last := lastLine(stderr); code != exitFailure || !strings.Contains(last, tc.want) || strings.Contains(last, "busy") {
				t.Fatalf("exit %d, last line %q", code, last)
			}
		})
	}
}
