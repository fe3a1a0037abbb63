package output

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
)

// Stage writes a packet's files while the rest of it still renders, into a
// folder of the run's scratch folder (its own: no other run touches it
// while the run lives, and the next removes it if the run is killed), each
// file fsynced as soon as it is written. ReplaceStaged then moves that
// folder into place as Replace would have written it. With --slices the
// 547 files of the national packet and its slices were written and
// fsynced only after the last slice rendered, the cores idle meanwhile
// (issue 25); staged, each packet's files go to disk as it is done.
//
// The stage keeps no file's bytes once written: it records each file's
// size and SHA-256 as it writes it, and the manifest is made from those
// records. Held until the run ended, the 60 MB of the national packet's
// slices took a fifth of the run's peak memory, and the pages they took
// were faulted in fresh (issue 25).
type Stage struct {
	ctx     context.Context
	dir     string
	batches chan []File
	done    chan struct{} // closed when every file given is written and fsynced
	mu      sync.Mutex    // guards closed, and sends on batches
	closed  bool
	once    sync.Once

	// Set by the writer, read once done is closed.
	written map[string]FileEntry // by path: size and SHA-256 as written
	dirs    map[string]bool
	err     error

	syncMu  sync.Mutex
	syncErr error
}

// stagedName is the folder of the scratch folder files are staged in.
const stagedName = "staged"

// Stage starts writing the files Add gives into the scratch folder; ctx
// ending stops it. Close it (ReplaceStaged does) before the scratch folder
// is removed.
func (s *Scratch) Stage(ctx context.Context) (*Stage, error) {
	dir := filepath.Join(s.Dir, stagedName)
	if err := os.Mkdir(dir, 0o755); err != nil {
		return nil, fmt.Errorf("create staging folder: %w", describe(err))
	}
	st := &Stage{ctx: ctx, dir: dir, batches: make(chan []File, 64), done: make(chan struct{}),
		written: map[string]FileEntry{}, dirs: map[string]bool{dir: true}}
	go st.run()
	return st, nil
}

// Add gives files to write, at their paths in the packet; safe from any
// goroutine. Files given after Close are not written. The stage drops its
// hold of each file's Data once the file is written: the caller that
// drops its own lets the bytes go.
func (st *Stage) Add(files []File) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if !st.closed {
		st.batches <- files // the writer drains batches without the lock
	}
}

// Close stops taking files and waits until those given are written and
// fsynced; the error is the first failure.
func (st *Stage) Close() error {
	st.once.Do(func() {
		st.mu.Lock()
		st.closed = true
		close(st.batches)
		st.mu.Unlock()
	})
	<-st.done
	if st.err != nil {
		return st.err
	}
	return st.syncErr
}

// run writes the files in the order given and hands each to syncFiles,
// as writeTree does.
func (st *Stage) run() {
	defer close(st.done)
	items := make(chan syncItem, 1024)
	synced := make(chan struct{})
	go func() {
		defer close(synced)
		syncFiles(st.ctx, items, func(it syncItem, err error) {
			st.syncMu.Lock()
			defer st.syncMu.Unlock()
			if st.syncErr == nil {
				st.syncErr = fmt.Errorf("write %s: %w", it.path, err)
			}
		})
	}()
	defer func() { close(items); <-synced }()
	for batch := range st.batches {
		for _, f := range batch {
			if st.err != nil {
				continue // drained, not written
			}
			if err := st.ctx.Err(); err != nil {
				st.err = fmt.Errorf("write packet: %w", err)
				continue
			}
			name, err := st.write(f)
			if err != nil {
				st.err = err
				continue
			}
			items <- syncItem{path: f.Path, name: name}
		}
	}
}

// write writes one file under the staging folder and records its size and
// SHA-256, hashed here, once, while the bytes are at hand.
func (st *Stage) write(f File) (string, error) {
	if err := checkPath(f.Path); err != nil {
		return "", err
	}
	if _, ok := st.written[f.Path]; ok {
		return "", fmt.Errorf("packet file %q: listed twice", f.Path)
	}
	name := filepath.Join(st.dir, filepath.FromSlash(f.Path))
	if err := makeParent(st.dir, name, f.Path, st.dirs); err != nil {
		return "", err
	}
	if err := writeFileFn(name, f.Data); err != nil {
		return "", fmt.Errorf("write %s: %w", f.Path, err)
	}
	sum := sha256.Sum256(f.Data)
	st.written[f.Path] = FileEntry{Path: f.Path, Size: int64(len(f.Data)), SHA256: hex.EncodeToString(sum[:])}
	hook("staged", f.Path)
	return name, nil
}

// Staged is a file given to a Stage as the caller knows it once it has
// let the bytes go: its path and size, for ReplaceStaged to check that
// the stage wrote the packet.
type Staged struct {
	Path string
	Size int64
}

// ReplaceStaged is Replace with files already written by st: it closes st,
// checks that st wrote exactly files, adds the manifest made from what st
// recorded as it wrote, fsyncs the folders and moves the staged folder
// beside out, then replaces out with it as Replace does. The caller holds
// Lock(out).
func ReplaceStaged(ctx context.Context, out string, st *Stage, files []Staged, info ManifestInfo, opts Options) (Result, error) {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	return replace(ctx, out, paths, opts, func(tmp string) ([]FileEntry, error) {
		if err := st.Close(); err != nil {
			return nil, err
		}
		if err := st.holds(files); err != nil {
			return nil, err
		}
		entries := make([]FileEntry, 0, len(st.written))
		for _, e := range st.written {
			entries = append(entries, e)
		}
		m := newManifest(entries, info)
		manifest, err := m.Encode()
		if err != nil {
			return nil, err
		}
		name := filepath.Join(st.dir, ManifestName)
		if err := writeFileFn(name, manifest); err != nil {
			return nil, fmt.Errorf("write %s: %w", ManifestName, err)
		}
		if err := syncFileFn(name); err != nil {
			return nil, fmt.Errorf("write %s: %w", ManifestName, err)
		}
		if err := syncDirs(st.dirs); err != nil {
			return nil, err
		}
		if err := os.Rename(st.dir, tmp); err != nil {
			return nil, fmt.Errorf("move the staged packet beside %s: %w", out, describe(err))
		}
		return m.listing(manifest), nil
	})
}

// errStagedDiffers is a staged folder that does not hold the packet's
// files: a bug in the caller, never the user's.
var errStagedDiffers = errors.New("the files staged are not the packet's")

// holds checks that the files written are exactly files, at their sizes.
func (st *Stage) holds(files []Staged) error {
	if len(files) != len(st.written) {
		return fmt.Errorf("%w: %d staged, %d in the packet", errStagedDiffers, len(st.written), len(files))
	}
	for _, f := range files {
		if e, ok := st.written[f.Path]; !ok || e.Size != f.Size {
			return fmt.Errorf("%w: %s", errStagedDiffers, f.Path)
		}
	}
	return nil
}
