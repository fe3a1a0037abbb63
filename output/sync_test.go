package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// slicedFiles is a packet with slices: a few files under each of n folders.
func slicedFiles(n int) []File {
	files := packetFiles("new")
	for i := range n {
		files = append(files, File{fmt.Sprintf("slices/p%02d/summary.json", i), []byte("{}\n")}, File{fmt.Sprintf("slices/p%02d/briefing.pdf", i), []byte("%PDF")})
	}
	return files
}

// TestWriteSyncsFilesTogether: every file is fsynced once before the
// packet is renamed into place, and several at once: one at a time, the
// 547 files of the national packet and its 31 province slices waited
// 2.3–3 s for the disk (issue 25). The first two fsyncs wait for each
// other, which one at a time never happens.
func TestWriteSyncsFilesTogether(t *testing.T) {
	out := filepath.Join(t.TempDir(), "packet")
	files := slicedFiles(20)
	defer func() { syncFileFn = syncFile }()
	var (
		mu     sync.Mutex
		synced = map[string]int{}
		met    = make(chan struct{})
		once   sync.Once
		calls  int
	)
	syncFileFn = func(name string) error {
		mu.Lock()
		synced[name]++
		calls++
		n := calls
		mu.Unlock()
		if n == 2 {
			once.Do(func() { close(met) })
		}
		select {
		case <-met:
		case <-time.After(5 * time.Second):
			return errors.New("no other fsync while this one waited")
		}
		return syncFile(name)
	}
	if err := Write(context.Background(), out, files, info()); err != nil {
		t.Fatal(err)
	}
	root := ""
	for n := range synced {
		if filepath.Base(n) == "workbook.xlsx" {
			root = filepath.Dir(n) // the folder written before its rename
		}
	}
	for _, f := range append(files, File{Path: ManifestName}) {
		if k := synced[filepath.Join(root, filepath.FromSlash(f.Path))]; k != 1 {
			t.Errorf("%s fsynced %d times, want once", f.Path, k)
		}
	}
	if len(synced) != len(files)+1 {
		t.Errorf("%d files fsynced, want %d and the manifest", len(synced), len(files))
	}
}

// TestWriteSyncErrorNamesFirstFile: of several files that fail to sync,
// the error names the first in the packet's order, and the old packet
// stays.
func TestWriteSyncErrorNamesFirstFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "packet")
	mustWrite(t, out, "old")
	before := snapshot(t, out)
	files := slicedFiles(20)
	defer func() { syncFileFn = syncFile }()
	syncFileFn = func(name string) error {
		if strings.Contains(name, "p03") || strings.Contains(name, "p11") {
			return &fs.PathError{Op: "sync", Path: name, Err: syscall.EIO}
		}
		return syncFile(name)
	}
	err := Write(context.Background(), out, files, info())
	if err == nil || !strings.Contains(err.Error(), "write slices/p03/summary.json") || !errors.Is(err, syscall.EIO) {
		t.Fatalf("Write = %v, want the sync error of slices/p03/summary.json", err)
	}
	sameSnapshot(t, before, snapshot(t, out))
	if ns := fmtNames(names(t, dir)); ns != `["packet" "packet.lock"]` {
		t.Fatalf("folder holds %s", ns)
	}
}

// TestWriteSyncsWhileWriting: the fsyncs begin as the files are written,
// not once the last is: the disk's waits overlap the writing of the rest
// (the national packet's 547 files; issue 25). The writer waits, after the
// first file, for an fsync to begin; written all first, none would.
func TestWriteSyncsWhileWriting(t *testing.T) {
	out := filepath.Join(t.TempDir(), "packet")
	defer func() { syncFileFn = syncFile; testHook = nil }()
	began := make(chan struct{})
	var once sync.Once
	syncFileFn = func(name string) error {
		once.Do(func() { close(began) })
		return syncFile(name)
	}
	var waited error
	testHook = func(stage, _ string) {
		if stage != "file" || waited != nil {
			return
		}
		select {
		case <-began:
		case <-time.After(5 * time.Second):
			waited = errors.New("no fsync began while the files were written")
		}
	}
	if err := Write(context.Background(), out, slicedFiles(20), info()); err != nil {
		t.Fatal(err)
	}
	if waited != nil {
		t.Fatal(waited)
	}
}

// TestWriteSyncsFoldersTogether: the folders too are fsynced several at
// once, each once (a packet with its slices has some seventy, each fsync
// a wait for the disk; issue 25), staged or written.
func TestWriteSyncsFoldersTogether(t *testing.T) {
	for _, staged := range []bool{false, true} {
		t.Run(fmt.Sprintf("staged=%v", staged), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "packet")
			files := slicedFiles(20)
			defer func() { syncDirFn = syncDir }()
			var (
				mu     sync.Mutex
				synced = map[string]int{}
				met    = make(chan struct{})
			)
			syncDirFn = func(name string) error {
				mu.Lock()
				synced[name]++
				if len(synced) == 2 && synced[name] == 1 {
					close(met)
				}
				mu.Unlock()
				select {
				case <-met:
				case <-time.After(5 * time.Second):
					return errors.New("no other folder fsync while this one waited")
				}
				return syncDir(name)
			}
			var err error
			if staged {
				_, st := stagedScratch(t, context.Background(), out)
				st.Add(files)
				_, err = ReplaceStaged(context.Background(), out, st, listed(files), info(), Options{Now: night})
			} else {
				err = Write(context.Background(), out, files, info())
			}
			if err != nil {
				t.Fatal(err)
			}
			// The packet's own folder, charts, slices and each slice's.
			if want := 3 + 20; len(synced) != want {
				t.Errorf("%d folders fsynced, want %d", len(synced), want)
			}
			for d, n := range synced {
				if n != 1 {
					t.Errorf("%s fsynced %d times", d, n)
				}
			}
		})
	}
}
