package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/basebrief/basebrief/output"
)

// TestMain lets a test run basebrief as a process of its own: with
// BASEBRIEF_AS_MAIN=1 the test binary is basebrief (signals, file
// descriptors and the memory watchdog are the process's).
func TestMain(m *testing.M) {
	if os.Getenv("BASEBRIEF_AS_MAIN") == "1" {
		main()
	}
	if os.Getenv("BASEBRIEF_PRINTS") == "1" { // a library that prints, under main's set-up
		stdout := privateStdout()
		fmt.Println("ERROR - copyright restrictions.") // what fpdf does, to fd 1
		fmt.Fprintln(stdout, "/srv/briefing/packet")
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// command is basebrief args as a process.
func command(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "BASEBRIEF_AS_MAIN=1")
	return cmd
}

// A file an analyst saved in the packet and a Word file edited in place are
// kept: the old packet moves aside whole, a warning names it, the run goes on.
func TestRunKeepsWhatAPersonSaved(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustRun(t, out)
	if err := os.WriteFile(filepath.Join(out, "发言稿.docx"), []byte("my speech"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "briefing.docx"), []byte("edited in Word"), 0o644); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	now = func() time.Time { return time.Date(2019, 12, 31, 2, 0, 0, 0, time.Local) }
	defer func() { now = time.Now }()

	stdout, stderr := mustRun(t, out)
	kept := filepath.Join(dir, "packet.kept-20191231T0200")
	if !strings.Contains(stderr, "kept whole, not deleted") || !strings.Contains(stderr, "kept="+kept) ||
		!strings.Contains(stderr, "added 发言稿.docx") || !strings.Contains(stderr, "changed briefing.docx") {
		t.Fatalf("stderr does not name the kept folder and why:\n%s", stderr)
	}
	if stdout != out+"\n" {
		t.Fatalf("stdout %q", stdout)
	}
	sameFiles(t, before, snapshot(t, kept))
	if _, err := output.Verify(out); err != nil {
		t.Fatal(err)
	}
	// The next night the packet is basebrief's alone: replaced, no warning.
	if _, stderr := mustRun(t, out); strings.Contains(stderr, "kept") {
		t.Fatalf("an untouched packet was kept:\n%s", stderr)
	}
	if e := entries(t, dir); e != "packet packet.history.db packet.kept-20191231T0200 packet.lock" {
		t.Fatalf("folder holds %s", e)
	}
}

// --data equal to or inside --out, or the reverse, is a usage error and
// nothing is touched: the data would be deleted with the old packet.
func TestDataInsideOutIsUsageError(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	copyDir(t, "testdata/valid", data)
	copyDir(t, "testdata/valid", filepath.Join(dir, "packet", "data"))
	os.Symlink(data, filepath.Join(dir, "link"))
	for _, tc := range []struct{ name, data, out string }{
		{"same folder", data, data},
		{"data inside out", filepath.Join(dir, "packet", "data"), filepath.Join(dir, "packet")},
		{"out inside data", data, filepath.Join(data, "packet")},
		{"through a link", filepath.Join(dir, "link"), data},
		{"relative and absolute", "testdata/valid", mustAbs(t, "testdata/valid")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runArgs(t, "run", "--data", tc.data, "--out", tc.out)
			if code != exitUsage || stdout != "" || !strings.Contains(stderr, "inside") {
				t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(data, "cities.csv")); err != nil {
		t.Fatal("data touched")
	}
	// Side by side is fine.
	mustRun(t, filepath.Join(dir, "out"), "--data", data)
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	es, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(dst, 0o755)
	for _, e := range es {
		if e.IsDir() {
			continue
		}
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644)
	}
}

// A control character in --out is refused: the path printed on stdout would
// split into two lines.
func TestOutWithNewlineIsUsageError(t *testing.T) {
	out := filepath.Join(t.TempDir(), "pack\net")
	code, stdout, stderr := runArgs(t, "run", "--out", out)
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, "control character") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Lstat(out); err == nil {
		t.Fatal("written")
	}
}

// basebrief template refuses to overwrite a file (a filled-in workbook)
// unless --force.
func TestTemplateRefusesExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.xlsx")
	os.WriteFile(path, []byte("filled in"), 0o644)
	code, stdout, stderr := runArgs(t, "template", "--out", path)
	if code != exitUsage || stdout != "" || !strings.Contains(stderr, "--force") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if b, _ := os.ReadFile(path); string(b) != "filled in" {
		t.Fatal("the filled-in workbook was overwritten")
	}
	if code, _, stderr := runArgs(t, "template", "--out", path, "--force"); code != exitOK {
		t.Fatalf("--force: exit %d, %s", code, stderr)
	}
}

// A closed stderr (the log reader died) does not kill the run with SIGPIPE:
// the packet is written and the exit status is 0.
func TestClosedStderrDoesNotKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process")
	}
	out := filepath.Join(t.TempDir(), "packet")
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	r.Close() // every write to w now raises SIGPIPE
	cmd := command("run", "--out", out)
	cmd.Stderr = w
	var stdout strings.Builder
	cmd.Stdout = &stdout
	err = cmd.Run()
	w.Close()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
				t.Fatalf("killed by %v", ws.Signal())
			}
		}
		t.Fatalf("run: %v", err)
	}
	if _, err := output.Verify(out); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != out+"\n" {
		t.Fatalf("stdout %q", stdout.String())
	}
}

// A run past its memory ceiling stops with exit 3 and a message naming the
// ceiling, before the kernel or the runtime kills it (the runtime's own
// "out of memory" exits 2, the usage code).
func TestOutOfMemoryExits3(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process")
	}
	out := filepath.Join(t.TempDir(), "packet")
	cmd := command("run", "--out", out)
	// Below what the runtime itself holds (about 7 MB), so the ceiling is
	// passed whatever the garbage collector manages on a busy machine.
	cmd.Env = append(cmd.Env, "GOMEMLIMIT=4MiB")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	err := cmd.Run()
	code := cmd.ProcessState.ExitCode()
	if last := lastLine(stderr.String()); code != exitFailure || !strings.Contains(last, "out of memory") || !strings.Contains(last, "over its ceiling of 4 MB (GOMEMLIMIT=4MiB)") {
		t.Fatalf("exit %d (%v), last line %q", code, err, last)
	}
	if _, err := os.Lstat(out); err == nil {
		t.Fatal("a packet was written")
	}
}

// A font whose licence bits forbid embedding is refused with exit 1 naming
// the file and the fix; the PDF library never gets to print "ERROR -
// copyright restrictions." on stdout, which holds only the packet path.
func TestRestrictedFontRefused(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process")
	}
	b, err := os.ReadFile("../../report/font/wqy-microhei.ttf")
	if err != nil {
		t.Fatal(err)
	}
	// OS/2 fsType = 0x0002 (restricted licence).
	n := int(b[4])<<8 | int(b[5])
	for i := range n {
		rec := b[12+16*i:]
		if string(rec[:4]) == "OS/2" {
			off := int(rec[8])<<24 | int(rec[9])<<16 | int(rec[10])<<8 | int(rec[11])
			b[off+8], b[off+9] = 0, 2
		}
	}
	dir := t.TempDir()
	font := filepath.Join(dir, "restricted.ttf")
	os.WriteFile(font, b, 0o644)
	out := filepath.Join(dir, "packet")
	cmd := command("run", "--out", out, "--font", font)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.Run()
	last := lastLine(stderr.String())
	if code := cmd.ProcessState.ExitCode(); code != exitInput || stdout.String() != "" ||
		!strings.Contains(last, font) || !strings.Contains(last, "licence forbids embedding") || !strings.Contains(last, "leave --font out") {
		t.Fatalf("exit %d, stdout %q, last line %q", code, stdout.String(), last)
	}
}

// Whatever a library prints with fmt.Printf goes to stderr: stdout holds
// only the packet path.
func TestLibraryPrintsReachStderr(t *testing.T) {
	cmd := exec.Command(os.Args[0])
	cmd.Env = append(os.Environ(), "BASEBRIEF_PRINTS=1")
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	if stdout.String() != "/srv/briefing/packet\n" || stderr.String() != "ERROR - copyright restrictions.\n" {
		t.Fatalf("stdout %q, stderr %q", stdout.String(), stderr.String())
	}
}
