package testutil

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// NeedCheck skips unless BASEBRIEF_CHECK=1 (make check) and then returns
// the path of the program prog, failing when it is missing: make check has
// installed it, so a missing one is a broken machine, not a skip. pkg is
// the Debian package that brings it.
func NeedCheck(tb testing.TB, what, prog, pkg string) string {
	tb.Helper()
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		tb.Skip(what + " check: set BASEBRIEF_CHECK=1 (make check)")
	}
	path, err := exec.LookPath(prog)
	if err != nil {
		tb.Fatalf("BASEBRIEF_CHECK=1 but %s is missing (apt-get install %s): %v", prog, pkg, err)
	}
	return path
}

// Convert is one LibreOffice conversion.
type Convert struct {
	Name    string        // the file's name in the folder LibreOffice reads, with its extension
	To      string        // --convert-to: "pdf", or a filter with its options
	Out     string        // a folder under the temporary one to write to ("": the same)
	Profile string        // registrymodifications.xcu of the profile ("": LibreOffice's defaults)
	Timeout time.Duration // 3 minutes when 0
}

// Run writes data as c.Name into a temporary folder, has LibreOffice (the
// program lo) convert it, and returns the folder the result is in. Each
// conversion has a profile of its own, so parallel runs do not share one.
func (c Convert) Run(tb testing.TB, lo string, data []byte) string {
	tb.Helper()
	dir := tb.TempDir()
	src := filepath.Join(dir, c.Name)
	if err := os.WriteFile(src, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	if c.Profile != "" {
		user := filepath.Join(dir, "profile", "user")
		if err := os.MkdirAll(user, 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(user, "registrymodifications.xcu"), []byte(c.Profile), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	timeout := c.Timeout
	if timeout == 0 {
		timeout = 3 * time.Minute
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	out := filepath.Join(dir, c.Out)
	cmd := exec.CommandContext(ctx, lo, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", c.To, "--outdir", out, src)
	if msg, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("%s: %v\n%s", filepath.Base(lo), err, msg)
	}
	return out
}

// ReadOut reads the file LibreOffice wrote into out, name with its new
// extension, failing with what the missing file says of the machine.
func ReadOut(tb testing.TB, out, name, missing string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(out, name))
	if err != nil {
		tb.Fatalf("%s: %v", missing, err)
	}
	return b
}
