package output

import (
	"os"
	"path/filepath"
	"testing"
)

// A killed run's scratch folder (its lock gone with the process) is removed
// by the next run; a live run's is not, nor anything else of a like name.
func TestScratchSweepsOnlyKilledRuns(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	live, err := NewScratch(out)
	if err != nil {
		t.Fatal(err)
	}
	defer live.Remove()
	must(t, os.WriteFile(filepath.Join(live.Dir, "excelize-1"), []byte("live"), 0o600))
	killed := filepath.Join(dir, ".packet.scratch-99999-7")
	must(t, os.Mkdir(killed, 0o755))
	must(t, os.WriteFile(filepath.Join(killed, "excelize-2"), make([]byte, 1<<10), 0o600))
	target := t.TempDir()
	must(t, os.WriteFile(filepath.Join(target, "keep"), nil, 0o644))
	must(t, os.Symlink(target, filepath.Join(dir, ".packet.scratch-99999-8")))
	must(t, os.WriteFile(filepath.Join(dir, ".packet.scratch-99999-9"), []byte("a file"), 0o644))
	must(t, os.Mkdir(filepath.Join(dir, ".other.scratch-99999-7"), 0o755))

	s, err := NewScratch(out)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(killed); err == nil {
		t.Fatal("a killed run's scratch folder was kept")
	}
	if b, _ := os.ReadFile(filepath.Join(live.Dir, "excelize-1")); string(b) != "live" {
		t.Fatal("a live run's scratch folder was swept")
	}
	for _, keep := range []string{".packet.scratch-99999-8", ".packet.scratch-99999-9", ".other.scratch-99999-7"} {
		if _, err := os.Lstat(filepath.Join(dir, keep)); err != nil {
			t.Fatalf("%s was removed", keep)
		}
	}
	if _, err := os.Stat(filepath.Join(target, "keep")); err != nil {
		t.Fatal("the sweep followed a link")
	}
	if err := s.Remove(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(s.Dir); err == nil {
		t.Fatal("Remove left the folder")
	}
}

// Recover, which a run calls under the lock, sweeps killed runs' scratch
// folders too, so a run that never renders still cleans up.
func TestRecoverSweepsScratch(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	killed := filepath.Join(dir, ".packet.scratch-99999-7")
	must(t, os.Mkdir(killed, 0o755))
	mustWrite(t, out, "a")
	if _, err := os.Stat(killed); err == nil {
		t.Fatal("a killed run's scratch folder survived a write")
	}
}
