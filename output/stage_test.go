package output

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
	"weak"
)

// listed is files as a caller that gave them to a stage knows them.
func listed(files []File) []Staged {
	out := make([]Staged, len(files))
	for i, f := range files {
		out[i] = Staged{f.Path, int64(len(f.Data))}
	}
	return out
}

// stagedScratch makes a run's scratch folder beside out and a stage in it.
func stagedScratch(t *testing.T, ctx context.Context, out string) (*Scratch, *Stage) {
	t.Helper()
	s, err := NewScratch(out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Remove() })
	st, err := s.Stage(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s, st
}

// TestStageWritesAsGiven: files given to a stage are on disk before the
// packet is replaced (the slices' files are written while the rest render;
// issue 25), and ReplaceStaged puts in place the same packet, manifest
// included, that Replace writes from the same files.
func TestStageWritesAsGiven(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	files := slicedFiles(3)
	s, st := stagedScratch(t, context.Background(), out)
	st.Add(files[:4])
	first := filepath.Join(s.Dir, stagedName, filepath.FromSlash(files[0].Path))
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		if b, err := os.ReadFile(first); err == nil && string(b) == string(files[0].Data) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s not written 5 s after it was given", files[0].Path)
		}
	}
	st.Add(files[4:])
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if _, err := ReplaceStaged(context.Background(), out, st, listed(files), info(), Options{Now: night}); err != nil {
		t.Fatal(err)
	}
	if _, err := Verify(out); err != nil {
		t.Fatal(err)
	}
	staged := snapshot(t, out)
	other := filepath.Join(dir, "written")
	if err := Write(context.Background(), other, files, info()); err != nil {
		t.Fatal(err)
	}
	sameSnapshot(t, snapshot(t, other), staged)
	if _, err := os.Stat(filepath.Join(s.Dir, stagedName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("staging folder left in the scratch folder: %v", err)
	}
}

// TestStageRefusesBadPackets: a path that would leave the packet, a file
// staged twice, or staged files that are not the packet's fail the
// replace; the old packet stays and nothing is written outside.
func TestStageRefusesBadPackets(t *testing.T) {
	for _, tt := range []struct {
		name          string
		staged, files []File
		want          string
	}{
		{"escaping path", append(packetFiles("new"), File{"../escaped.txt", []byte("x")}), packetFiles("new"), "without . or .. elements"},
		{"staged twice", append(packetFiles("new"), packetFiles("new")[0]), packetFiles("new"), "listed twice"},
		{"one missing", packetFiles("new")[1:], packetFiles("new"), "not the packet's"},
		{"another size", append([]File{{"summary.json", []byte("{}")}}, packetFiles("new")[1:]...), packetFiles("new"), "not the packet's: summary.json"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "packet")
			mustWrite(t, out, "old")
			before := snapshot(t, out)
			_, st := stagedScratch(t, context.Background(), out)
			st.Add(tt.staged)
			_, err := ReplaceStaged(context.Background(), out, st, listed(tt.files), info(), Options{Now: night})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("ReplaceStaged = %v, want %q", err, tt.want)
			}
			sameSnapshot(t, before, snapshot(t, out))
			for _, p := range []string{"escaped.txt", "../escaped.txt"} {
				if _, err := os.Lstat(filepath.Join(dir, p)); err == nil {
					t.Fatalf("%s written", p)
				}
			}
		})
	}
}

// TestStageCancelled: a stage whose context ends writes no more and says
// so; files given after Close are dropped, not a panic (a render left
// running after a signal may still give some).
func TestStageCancelled(t *testing.T) {
	out := filepath.Join(t.TempDir(), "packet")
	ctx, cancel := context.WithCancel(context.Background())
	_, st := stagedScratch(t, ctx, out)
	cancel()
	st.Add(packetFiles("new"))
	if err := st.Close(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Close = %v, want context.Canceled", err)
	}
	st.Add(packetFiles("late"))
	if err := st.Close(); !errors.Is(err, context.Canceled) {
		t.Fatalf("Close again = %v", err)
	}
}

// TestStageSyncFails: a staged file whose fsync fails fails the replace,
// naming the file, and the old packet stays.
func TestStageSyncFails(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	before := snapshot(t, out)
	files := slicedFiles(5)
	defer func() { syncFileFn = syncFile }()
	syncFileFn = func(name string) error {
		if strings.Contains(name, "p03") && strings.HasSuffix(name, "summary.json") {
			return &fs.PathError{Op: "sync", Path: name, Err: syscall.EIO}
		}
		return syncFile(name)
	}
	_, st := stagedScratch(t, context.Background(), out)
	st.Add(files)
	_, err := ReplaceStaged(context.Background(), out, st, listed(files), info(), Options{Now: night})
	if err == nil || !strings.Contains(err.Error(), "write slices/p03/summary.json") || !errors.Is(err, syscall.EIO) {
		t.Fatalf("ReplaceStaged = %v, want the sync error of slices/p03/summary.json", err)
	}
	sameSnapshot(t, before, snapshot(t, out))
}

// TestStageKeepsNoBytes: the stage lets each file's bytes go once it has
// written them, and the manifest lists what it wrote, size and SHA-256
// recorded as it wrote: a buffer the caller reuses once its files are
// staged changes nothing in the packet or its manifest (hashed at the end
// from the caller's bytes, the manifest listed the reused buffer's
// contents, not the file on disk). With --slices the command lets the
// bytes of each packet go as soon as it is staged (issue 25).
func TestStageKeepsNoBytes(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	staged := make(chan string, 100)
	testHook = func(stage, path string) {
		if stage == "staged" {
			staged <- path
		}
	}
	defer func() { testHook = nil }()
	_, st := stagedScratch(t, context.Background(), out)
	wait := func(n int) {
		t.Helper()
		for range n {
			select {
			case <-staged:
			case <-time.After(5 * time.Second):
				t.Fatal("files not staged 5 s after they were given")
			}
		}
	}
	files := slicedFiles(3)
	kept := files[:4] // the caller reuses these buffers once staged
	for i := len(kept); i < len(files); i++ {
		files[i].Data = bytes.Repeat(files[i].Data, 1000) // not tiny allocations, which share memory
	}
	st.Add(kept)
	wait(len(kept))
	want := snapshotFiles(kept)
	for _, f := range kept {
		for i := range f.Data {
			f.Data[i] = '#'
		}
	}
	// The other files are given and dropped: only weak pointers stay.
	refs := func() []weak.Pointer[byte] {
		rest := make([]File, len(files)-len(kept))
		var refs []weak.Pointer[byte]
		for i, f := range files[len(kept):] {
			rest[i] = File{f.Path, bytes.Clone(f.Data)}
			refs = append(refs, weak.Make(&rest[i].Data[0]))
		}
		st.Add(rest)
		return refs
	}()
	wait(len(files) - len(kept))
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(time.Millisecond) {
		runtime.GC()
		if !slices.ContainsFunc(refs, func(w weak.Pointer[byte]) bool { return w.Value() != nil }) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the stage still holds bytes it was given 5 s later")
		}
	}
	release, err := Lock(context.Background(), out, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	listing := listed(files)
	res, err := ReplaceStaged(context.Background(), out, st, listing, info(), Options{Now: night})
	if err != nil {
		t.Fatal(err)
	}
	m, err := Verify(out)
	if err != nil {
		t.Fatalf("packet differs from its manifest: %v", err)
	}
	got := snapshot(t, out)
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s: %.20q on disk, want %.20q as staged", p, got[p], w)
		}
	}
	// What the run records in its history: the manifest's files, then
	// the manifest as written.
	b, err := os.ReadFile(filepath.Join(out, ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	wantFiles := append(slices.Clone(m.Files), FileEntry{ManifestName, int64(len(b)), hex.EncodeToString(sum[:])})
	if !slices.Equal(res.Files, wantFiles) {
		t.Errorf("Result.Files =\n%v\nwant\n%v", res.Files, wantFiles)
	}
}

// snapshotFiles is files as snapshot reads them back.
func snapshotFiles(files []File) map[string]string {
	m := map[string]string{}
	for _, f := range files {
		m[f.Path] = string(f.Data)
	}
	return m
}
