package output

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A packet.lock that is a symbolic link, a hard link, a folder or a FIFO is
// refused with a message naming it, and nothing it points to is written.
func TestLockRefusesNonRegular(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(t *testing.T, lock, victim string)
		want string
	}{
		{"symlink", func(t *testing.T, lock, victim string) { must(t, os.Symlink(victim, lock)) }, "symbolic link"},
		{"dangling symlink", func(t *testing.T, lock, victim string) {
			must(t, os.Symlink(victim+".new", lock))
		}, "symbolic link"},
		{"hard link", func(t *testing.T, lock, victim string) { must(t, os.Link(victim, lock)) }, "hard links"},
		{"folder", func(t *testing.T, lock, _ string) { must(t, os.Mkdir(lock, 0o755)) }, "is a folder"},
		{"fifo", func(t *testing.T, lock, _ string) { must(t, syscall.Mkfifo(lock, 0o644)) }, "not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "packet")
			victim := filepath.Join(dir, "precious.txt")
			must(t, os.WriteFile(victim, []byte("keep me"), 0o644))
			tc.make(t, LockPath(out), victim)
			release, err := Lock(context.Background(), out, 0)
			if err == nil {
				release()
				t.Fatal("Lock succeeded")
			}
			if !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "packet.lock") {
				t.Fatalf("error %q does not say %q of packet.lock", err, tc.want)
			}
			if errors.Is(err, ErrLocked) {
				t.Fatalf("error %q claims another run holds the lock", err)
			}
			if b, _ := os.ReadFile(victim); string(b) != "keep me" {
				t.Fatalf("the file the lock points to now holds %q", b)
			}
			if _, err := os.Lstat(victim + ".new"); err == nil {
				t.Fatal("a dangling link's target was created")
			}
		})
	}
}

// A symlinked out folder is named as a link, with its target, not as "not a
// folder"; a file at out is called a file.
func TestCheckReplaceableSaysWhatOutIs(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	mustWrite(t, real, "a")
	link := filepath.Join(dir, "packet")
	must(t, os.Symlink(real, link))
	err := CheckReplaceable(link)
	if !errors.Is(err, ErrNotPacket) || !strings.Contains(err.Error(), "symbolic link (to "+real+")") {
		t.Fatalf("symlinked out: %v", err)
	}
	file := filepath.Join(dir, "file")
	must(t, os.WriteFile(file, nil, 0o644))
	if err := CheckReplaceable(file); err == nil || !strings.Contains(err.Error(), "it is a file, not a folder") {
		t.Fatalf("file out: %v", err)
	}
}

// A run killed between the swap's two renames leaves out missing and its
// backup beside it: Restore puts it back; with out present or no backup it
// writes nothing at all (not even the lock file).
func TestRestore(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	before := snapshot(t, out)
	backup := filepath.Join(dir, ".packet.old-1-2")
	must(t, os.Rename(out, backup))
	stale := filepath.Join(dir, ".packet.tmp-1-3")
	must(t, os.Mkdir(stale, 0o755))
	if err := Restore(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	sameSnapshot(t, before, snapshot(t, out))
	if got := fmtNames(names(t, dir)); got != `["packet" "packet.lock"]` {
		t.Fatalf("after Restore the folder holds %s", got)
	}

	clean := t.TempDir()
	for _, out := range []string{filepath.Join(clean, "packet"), filepath.Join(clean, "missing", "packet")} {
		if err := Restore(context.Background(), out); err != nil {
			t.Fatal(err)
		}
	}
	if got := names(t, clean); len(got) != 0 {
		t.Fatalf("Restore with nothing to restore wrote %v", got)
	}
}

// A live run between its two renames holds the lock: Restore leaves its
// backup alone.
func TestRestoreLeavesLiveSwap(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	backup := filepath.Join(dir, ".packet.old-1-2")
	must(t, os.Mkdir(backup, 0o755))
	if err := Restore(context.Background(), out); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(backup); err != nil {
		t.Fatalf("a live run's backup was moved: %v", err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// A manifest.json in out that is a FIFO or a link to /dev/zero is neither
// waited on nor read without end: out is just not a packet.
func TestCheckReplaceableBoundedManifest(t *testing.T) {
	for _, tc := range []struct {
		name string
		make func(path string) error
	}{
		{"fifo", func(p string) error { return syscall.Mkfifo(p, 0o644) }},
		{"link to /dev/zero", func(p string) error { return os.Symlink("/dev/zero", p) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "packet")
			must(t, os.Mkdir(out, 0o755))
			must(t, tc.make(filepath.Join(out, ManifestName)))
			done := make(chan error, 1)
			go func() { done <- CheckReplaceable(out) }()
			select {
			case err := <-done:
				if !errors.Is(err, ErrNotPacket) {
					t.Fatalf("CheckReplaceable = %v, want ErrNotPacket", err)
				}
			case <-time.After(5 * time.Second):
				t.Fatal("CheckReplaceable blocked")
			}
		})
	}
}
