package output

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// TestRemoveTreeUnlinksTogether: removeTree unlinks a folder's files
// several at a time (each unlink waits for the disk here; issue 25) and
// removes the whole tree, the link inside it but not what the link points
// to.
func TestRemoveTreeUnlinksTogether(t *testing.T) {
	dir := t.TempDir()
	tree := filepath.Join(dir, ".packet.old-1-2")
	outside := filepath.Join(dir, "outside")
	writeAt(t, filepath.Join(outside, "keep.txt"), "a person's file")
	for _, p := range []string{"summary.json", "charts/a.png", "slices/四川/briefing.pdf", "slices/四川/charts/b.svg", "slices/重庆/summary.json"} {
		writeAt(t, filepath.Join(tree, filepath.FromSlash(p)), "x")
	}
	if err := os.Symlink(outside, filepath.Join(tree, "slices", "link")); err != nil {
		t.Fatal(err)
	}
	defer func(f func(*os.Root, string) error) { removeFileFn = f }(removeFileFn)
	var (
		mu    sync.Mutex
		calls int
		met   = make(chan struct{})
		alone bool // an unlink waited with no other begun
	)
	removeFileFn = func(r *os.Root, name string) error {
		mu.Lock()
		calls++
		if calls == 2 {
			close(met)
		}
		mu.Unlock()
		select {
		case <-met:
		case <-time.After(5 * time.Second):
			// removeTree ignores the error (os.RemoveAll removes what is
			// left): say it here, or unlinks one at a time would pass.
			mu.Lock()
			alone = true
			mu.Unlock()
			return errors.New("no other unlink while this one waited")
		}
		return r.Remove(name)
	}
	if err := removeTree(tree); err != nil {
		t.Fatal(err)
	}
	if alone {
		t.Error("an unlink waited 5 s and no other began: the files are unlinked one at a time")
	}
	if _, err := os.Lstat(tree); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("tree still there: %v", err)
	}
	if calls != 6 {
		t.Errorf("%d files unlinked through the root, want 6 (5 files and the link)", calls)
	}
	if b, err := os.ReadFile(filepath.Join(outside, "keep.txt")); err != nil || string(b) != "a person's file" {
		t.Errorf("the file the link points to: %q, %v", b, err)
	}
}

// TestRemoveTreeOfLink: a link given as the folder is removed, never what
// it points to, as os.RemoveAll does.
func TestRemoveTreeOfLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target")
	writeAt(t, filepath.Join(target, "keep.txt"), "kept")
	link := filepath.Join(dir, ".packet.old-1-2")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	if err := removeTree(link); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(link); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("link still there: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(target, "keep.txt")); err != nil || string(b) != "kept" {
		t.Errorf("the link's target: %q, %v", b, err)
	}
}
