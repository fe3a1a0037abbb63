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
	"syscall"
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

// Write replaces the packet folder out with files plus a manifest.json made
// from them and info. The caller holds Lock(out).
//
// The packet is built in a temporary folder beside out, every file and
// folder fsynced, then renamed into place. On any failure, including ctx
// ending, the old packet is untouched and the temporary folder removed; if
// the process dies instead, the next Lock or Write cleans up (see Recover).
func Write(ctx context.Context, out string, files []File, info ManifestInfo) (err error) {
	out = filepath.Clean(out)
	if err := CheckOut(out); err != nil {
		return err
	}
	if err := CheckPaths(files); err != nil {
		return err
	}
	manifest, err := NewManifest(files, info).Encode()
	if err != nil {
		return err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create parent of %s: %w", out, describe(err))
	}
	if err := Recover(out); err != nil {
		return err
	}
	if err := CheckReplaceable(out); err != nil {
		return err
	}
	tmp := filepath.Join(parent, workName(out, kindTemp))
	if err := os.Mkdir(tmp, 0o755); err != nil {
		return fmt.Errorf("create temporary folder: %w", describe(err))
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	all := append(append([]File{}, files...), File{ManifestName, manifest})
	if err := writeTree(ctx, tmp, all); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("write packet: %w", err)
	}
	hook("swap", tmp)
	return swap(out, tmp)
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
	seen := make(map[string]bool, len(files))
	for _, f := range files {
		p := f.Path
		switch {
		case !fs.ValidPath(p) || p == ".":
			return fmt.Errorf("packet file %q: path must be relative, slash-separated, without . or .. elements", p)
		case strings.ContainsAny(p, `\:`) || strings.ContainsRune(p, 0):
			return fmt.Errorf("packet file %q: path holds a backslash, colon or NUL", p)
		case p == ManifestName:
			return fmt.Errorf("packet file %q: the manifest is written by output", p)
		case seen[p]:
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

// CheckReplaceable refuses to replace anything at out but a folder that is
// empty or holds a basebrief manifest: a mistyped --out must never delete a
// user's folder. Write checks it; a caller may check early to fail fast.
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
		if json.Unmarshal(b, &m) == nil && m.Tool == Tool {
			return nil
		}
		return fmt.Errorf("replace %s: %w: its %s names another tool", out, ErrNotPacket, ManifestName)
	}
	entries, rerr := os.ReadDir(out)
	if rerr == nil && len(entries) == 0 {
		return nil
	}
	return fmt.Errorf("replace %s: %w: the folder is not empty and has no %s; choose another --out or remove it", out, ErrNotPacket, ManifestName)
}

// writeTree writes files under root, fsyncing each file and then each
// folder, deepest first, so the whole tree is on disk before the rename.
func writeTree(ctx context.Context, root string, files []File) error {
	dirs := map[string]bool{root: true}
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("write packet: %w", err)
		}
		name := filepath.Join(root, filepath.FromSlash(f.Path))
		dir := filepath.Dir(name)
		if !dirs[dir] {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return fmt.Errorf("create folder %s: %w", path.Dir(f.Path), err)
			}
			for d := dir; d != root; d = filepath.Dir(d) {
				dirs[d] = true
			}
		}
		if err := writeFile(name, f.Data); err != nil {
			return fmt.Errorf("write %s: %w", f.Path, err)
		}
		hook("file", name)
	}
	order := make([]string, 0, len(dirs))
	for d := range dirs {
		order = append(order, d)
	}
	sort.Slice(order, func(i, j int) bool { return len(order[i]) > len(order[j]) })
	for _, d := range order {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}

// writeFile creates name (it must not exist), writes data and fsyncs it.
func writeFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
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
