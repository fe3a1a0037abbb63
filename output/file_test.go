package output

import (
	"io"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// A killed WriteFile left its temporary file beside the target: the next
// WriteFile removes it. A live write's (its lock held) and anything not a
// regular file of that name form are left alone.
func TestWriteFileSweepsKilledTemps(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "data[1].xlsx")
	killed := filepath.Join(dir, ".data[1].xlsx.123.tmp")
	must(t, os.WriteFile(killed, []byte("half"), 0o600))
	live := filepath.Join(dir, ".data[1].xlsx.456.tmp")
	must(t, os.WriteFile(live, []byte("live"), 0o600))
	lf, err := os.Open(live)
	if err != nil {
		t.Fatal(err)
	}
	defer lf.Close()
	must(t, syscall.Flock(int(lf.Fd()), syscall.LOCK_EX))
	target := filepath.Join(dir, "precious")
	must(t, os.WriteFile(target, []byte("keep"), 0o644))
	link := filepath.Join(dir, ".data[1].xlsx.789.tmp")
	must(t, os.Symlink(target, link))
	other := filepath.Join(dir, ".other.xlsx.1.tmp")
	must(t, os.WriteFile(other, nil, 0o600))

	err = WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err })
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Fatalf("file holds %q", b)
	}
	if _, err := os.Lstat(killed); err == nil {
		t.Error("a killed write's temporary file was kept")
	}
	for _, keep := range []string{live, link, other, target} {
		if _, err := os.Lstat(keep); err != nil {
			t.Errorf("%s was removed", filepath.Base(keep))
		}
	}
}
