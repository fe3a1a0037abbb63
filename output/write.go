package output

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/basebrief/basebrief/internal/par"
)

// File is one file of the packet: Path is relative to the packet folder and
// slash-separated, e.g. "charts/members_by_city.png".
type File struct {
	Path string
	Data []byte
}

// ErrNotPacket is returned (wrapped) when out exists but is not a packet
// this tool wrote: Write never replaces a folder it did not make.
var ErrNotPacket = errors.New("not a basebrief packet")

// Options tune a Replace.
type Options struct {
	// Now is the run's clock, for the name of a kept folder
	// (packet.kept-20191231T0200); zero means time.Now.
	Now time.Time
}

// Result says what a Replace did besides putting the new packet in place.
type Result struct {
	// Kept is where the previous packet was moved aside, whole, because a
	// person had added or changed something in it; "" when it was replaced.
	Kept string
	// Why lists what was added or changed ("added notes.txt").
	Why []string
	// Warnings name what earlier runs left beside out that this user could
	// not remove or list; the run stepped around it.
	Warnings []string
	// Files are the files of the packet put in place, as its manifest
	// lists them, then manifest.json itself: what the run's history
	// records, without hashing the packet again. Nil on failure.
	Files []FileEntry
}

// Write is Replace with the default options, for callers that need no
// report of what was kept aside.
func Write(ctx context.Context, out string, files []File, info ManifestInfo) error {
	_, err := Replace(ctx, out, files, info, Options{})
	return err
}

// Replace replaces the packet folder out with files plus a manifest.json
// made from them and info. The caller holds Lock(out).
//
// The packet is built in a temporary folder beside out, every file and
// folder fsynced, then renamed into place. On any failure, including ctx
// ending, the old packet is untouched and the temporary folder removed; if
// the process dies instead, the next Lock or Write cleans up (see Recover).
// The old packet is deleted only when it holds exactly what its manifest
// lists (and the receipts `send` adds); anything a person added or changed
// there makes the whole old folder move aside to out.kept-<time> instead.
func Replace(ctx context.Context, out string, files []File, info ManifestInfo, opts Options) (res Result, err error) {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	return replace(ctx, out, paths, opts, func(tmp string) ([]FileEntry, error) {
		m := NewManifest(files, info)
		manifest, err := m.Encode()
		if err != nil {
			return nil, err
		}
		if err := os.Mkdir(tmp, 0o755); err != nil {
			return nil, fmt.Errorf("create temporary folder: %w", describe(err))
		}
		all := append(append([]File{}, files...), File{ManifestName, manifest})
		if err := writeTree(ctx, tmp, all); err != nil {
			return nil, err
		}
		return m.listing(manifest), nil
	})
}

// replace is Replace with the temporary folder made by build: tmp, with
// the files at paths and the manifest in it, each file and folder
// fsynced; build returns the packet's files as Result.Files lists them.
// Whatever build leaves at tmp is removed on failure.
func replace(ctx context.Context, out string, paths []string, opts Options, build func(tmp string) ([]FileEntry, error)) (res Result, err error) {
	out = filepath.Clean(out)
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	if err := CheckOut(out); err != nil {
		return res, err
	}
	if err := checkPaths(paths); err != nil {
		return res, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return res, fmt.Errorf("create parent of %s: %w", out, describe(err))
	}
	res.Warnings, err = recoverOut(out, opts.Now)
	if err != nil {
		return res, err
	}
	if err := CheckReplaceable(out); err != nil {
		return res, err
	}
	tmp := filepath.Join(parent, workName(out, kindTemp))
	defer func() {
		if err != nil {
			removeAll(tmp)
		}
	}()
	listed, err := build(tmp)
	if err != nil {
		return res, err
	}
	if err := ctx.Err(); err != nil {
		return res, fmt.Errorf("write packet: %w", err)
	}
	// Audited last, just before the swap: a file saved into the packet
	// while this run rendered is seen.
	why, err := audit(out)
	if err != nil {
		return res, err
	}
	var keep time.Time // set: the old packet is kept aside, not removed
	if len(why) > 0 {
		res.Why, keep = why, opts.Now
	}
	hook("swap", tmp)
	var warn string
	res.Kept, warn, err = swap(out, tmp, keep)
	if warn != "" {
		res.Warnings = append(res.Warnings, warn)
	}
	if err == nil {
		res.Files = listed
	}
	return res, err
}

// CheckOut rejects an out folder that cannot be renamed into place: the
// current folder, a parent, the root.
func CheckOut(out string) error {
	switch filepath.Base(filepath.Clean(out)) {
	case ".", "..", string(filepath.Separator):
		return fmt.Errorf("out folder %q: expected a folder name such as \"packet\", not the current, parent or root folder", out)
	}
	return nil
}

// CheckPaths rejects any path that is empty, absolute, not slash-separated,
// holds "." or ".." elements, or would escape the packet folder; and
// duplicates, and a file named like the manifest.
func CheckPaths(files []File) error {
	paths := make([]string, len(files))
	for i, f := range files {
		paths[i] = f.Path
	}
	return checkPaths(paths)
}

// checkPaths is CheckPaths for the files at paths.
func checkPaths(paths []string) error {
	seen := make(map[string]bool, len(paths))
	for _, p := range paths {
		if err := checkPath(p); err != nil {
			return err
		}
		if seen[p] {
			return fmt.Errorf("packet file %q: listed twice", p)
		}
		seen[p] = true
	}
	for p := range seen { // a file cannot also be a folder of another
		for d := path.Dir(p); d != "."; d = path.Dir(d) {
			if seen[d] {
				return fmt.Errorf("packet file %q: %q is also a file", p, d)
			}
		}
	}
	return nil
}

// checkPath is CheckPaths' rule for one path.
func checkPath(p string) error {
	switch {
	case !fs.ValidPath(p) || p == ".":
		return fmt.Errorf("packet file %q: path must be relative, slash-separated, without . or .. elements", p)
	case strings.ContainsAny(p, `\:`) || strings.ContainsRune(p, 0):
		return fmt.Errorf("packet file %q: path holds a backslash, colon or NUL", p)
	case p == ManifestName:
		return fmt.Errorf("packet file %q: the manifest is written by output", p)
	}
	return nil
}

// CheckReplaceable refuses to replace anything at out but a folder that is
// empty, holds a basebrief manifest, or holds a packet's own names (a
// packet whose manifest was lost or damaged, which Replace keeps aside): a
// mistyped --out must never move or delete a user's folder. Replace checks
// it; a caller may check early to fail fast.
func CheckReplaceable(out string) error {
	st, err := os.Lstat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("check %s: %w", out, err)
	}
	if st.Mode()&fs.ModeSymlink != 0 {
		// Renaming the new packet into place would replace the link, not the
		// folder it points to: name the real folder instead.
		target, _ := filepath.EvalSymlinks(out)
		if target == "" {
			target, _ = os.Readlink(out)
		}
		return fmt.Errorf("replace %s: %w: it is a symbolic link (to %s); give the folder itself as --out", out, ErrNotPacket, target)
	}
	if !st.IsDir() {
		return fmt.Errorf("replace %s: %w: it is a %s, not a folder", out, ErrNotPacket, FileKind(st.Mode()))
	}
	b, err := readManifest(filepath.Join(out, ManifestName))
	if err == nil {
		var m struct{ Tool string }
		if json.Unmarshal(b, &m) == nil {
			if m.Tool == Tool {
				return nil
			}
			return fmt.Errorf("replace %s: %w: its %s names another tool", out, ErrNotPacket, ManifestName)
		}
	}
	entries, rerr := os.ReadDir(out)
	if rerr == nil && len(entries) == 0 {
		return nil
	}
	if looksLikePacket(out) {
		return nil // a packet that lost its manifest: Replace keeps it aside whole
	}
	return fmt.Errorf("replace %s: %w: the folder is not empty and has no %s; choose another --out or remove it", out, ErrNotPacket, ManifestName)
}

// writeTree writes files under root, fsyncing each file as soon as it is
// written, many at a time, then each folder, deepest first, so the whole
// tree is on disk before the rename. The files are written in order, one
// at a time.
func writeTree(ctx context.Context, root string, files []File) error {
	dirs := map[string]bool{root: true}
	syncErrs := make([]error, len(files))
	written := make(chan syncItem, len(files))
	done := make(chan struct{})
	go func() {
		defer close(done)
		syncFiles(ctx, written, func(it syncItem, err error) { syncErrs[it.i] = err })
	}()
	err := writeFiles(ctx, root, files, dirs, written)
	close(written)
	<-done
	if err != nil {
		return err
	}
	for i, err := range syncErrs {
		if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
			return fmt.Errorf("write packet: %w", err)
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", files[i].Path, err)
		}
	}
	return syncDirs(dirs)
}

// syncDirs fsyncs the folders dirs, syncers at a time: a packet with its
// slices has some seventy, each fsync a wait for the disk. The error is
// the first, deepest folders first, that failed.
func syncDirs(dirs map[string]bool) error {
	order := make([]string, 0, len(dirs))
	for d := range dirs {
		order = append(order, d)
	}
	sort.Slice(order, func(i, j int) bool {
		if len(order[i]) != len(order[j]) {
			return len(order[i]) > len(order[j])
		}
		return order[i] < order[j]
	})
	errs := make([]error, len(order))
	par.Each(len(order), syncers, func(i int) { errs[i] = syncDirFn(order[i]) })
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// syncDirFn is syncDir for syncDirs; a test replaces it to see the fsyncs.
var syncDirFn = syncDir

// writeFiles writes files under root in order, noting each folder made in
// dirs, and sends each file written on written.
func writeFiles(ctx context.Context, root string, files []File, dirs map[string]bool, written chan<- syncItem) error {
	for i, f := range files {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("write packet: %w", err)
		}
		name := filepath.Join(root, filepath.FromSlash(f.Path))
		if err := makeParent(root, name, f.Path, dirs); err != nil {
			return err
		}
		if err := writeFileFn(name, f.Data); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		written <- syncItem{i, f.Path, name}
		hook("file", name)
	}
	return nil
}

// makeParent makes the folder of name (the packet file p under root)
// unless dirs has it, and notes it and those above it up to root in dirs,
// for their fsyncs.
func makeParent(root, name, p string, dirs map[string]bool) error {
	dir := filepath.Dir(name)
	if dirs[dir] {
		return nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create folder %s: %w", path.Dir(p), err)
	}
	for d := dir; d != root; d = filepath.Dir(d) {
		dirs[d] = true
	}
	return nil
}

// syncers is how many files syncFiles fsyncs at once. One at a time, the
// 547 files of the national packet with its 31 province slices took
// 2.3–3 s on an ext4 disk; sixteen at a time, 0.4–0.7 s (the file system
// commits the fsyncs waiting together at once; issue 25).
const syncers = 16

// A syncItem is a file written, for syncFiles: its index in the files
// given, its path in the packet and its name on disk.
type syncItem struct {
	i          int
	path, name string
}

// syncFiles fsyncs the files that come on written, syncers at a time, as
// they come, until written is closed: the disk waits overlap the writing
// of the files after them (writeTree, Stage). failed is called, from any
// of the syncers, with each file whose fsync failed or came after ctx
// ended.
func syncFiles(ctx context.Context, written <-chan syncItem, failed func(syncItem, error)) {
	var wg sync.WaitGroup
	for range syncers {
		wg.Go(func() {
			for it := range written {
				err := ctx.Err()
				if err == nil {
					err = syncFileFn(it.name)
				}
				if err != nil {
					failed(it, err)
				}
			}
		})
	}
	wg.Wait()
}

// writeFileFn is writeFile; a test replaces it with one that runs out of
// disk space part-way.
var writeFileFn = writeFile

// writeFile creates name (it must not exist) and writes data; syncFile
// puts it on disk.
func writeFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncFileFn is syncFile; a test replaces it to see the fsyncs.
var syncFileFn = syncFile

// syncFile fsyncs a file written (opened for writing: some systems sync
// only a file open so).
func syncFile(name string) error {
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// FileKind names what kind of file m is, for messages that say why a path
// was refused: "it is a named pipe (FIFO)".
func FileKind(m fs.FileMode) string {
	switch {
	case m.IsRegular():
		return "file"
	case m.IsDir():
		return "folder"
	case m&fs.ModeSymlink != 0:
		return "symbolic link"
	case m&fs.ModeNamedPipe != 0:
		return "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "device"
	}
	return "special file"
}

// maxManifest bounds the manifest read to decide whether out is a packet:
// a real one lists a few dozen files.
const maxManifest = 16 << 20

// readManifest reads out's manifest.json if it is a regular file (not a
// link, not a FIFO that would block, not a device that never ends) of at
// most maxManifest bytes.
func readManifest(path string) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() || st.Size() > maxManifest {
		return nil, fmt.Errorf("%s: not a regular file of at most %d MB", path, maxManifest>>20)
	}
	return io.ReadAll(io.LimitReader(f, maxManifest))
}
