package output

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/basebrief/basebrief/internal/par"
)

// KeptTimeLayout is the time in a kept folder's name: packet.kept-20191231T0200.
const KeptTimeLayout = "20060102T1504"

// DeliveryName is the receipts file `send` adds to a packet after it is in
// place (contract: DIR/delivery.json): basebrief's own, though the manifest,
// written before it, does not list it.
const DeliveryName = "delivery.json"

// maxAudited bounds the files an audit looks at: a packet holds a few dozen
// (a few thousand with --slices); past this the folder is a person's.
const maxAudited = 100_000

// packetNames are files and folders only a basebrief packet holds at its
// top: a folder with one of them but no manifest is a packet whose manifest
// was lost, kept aside rather than refused.
var packetNames = []string{"summary.json", "briefing.pdf", "briefing.docx", "workbook.xlsx", "annex.pdf", "charts", "slices"}

// audit compares the packet folder out with its manifest and lists what a
// person added or changed there ("added notes.txt", "changed
// briefing.docx"), at most a few. Nil means out holds only what basebrief
// wrote (files it listed may be missing: nothing is lost by replacing them).
// A folder that is not a packet at all is ErrNotPacket, as CheckReplaceable
// says.
func audit(out string) ([]string, error) {
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err := CheckReplaceable(out); err != nil {
		return nil, err
	}
	// Without a readable manifest every file is a person's until shown
	// otherwise; a folder with only empty folders loses nothing.
	b, err := readManifest(filepath.Join(out, ManifestName))
	var m Manifest
	noManifest := err != nil || json.Unmarshal(b, &m) != nil
	listed := make(map[string]FileEntry, len(m.Files))
	for _, f := range m.Files {
		listed[f.Path] = f
	}
	var (
		why   []string
		found []auditItem
	)
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			// A folder this user cannot list may hold anything: keep it.
			why = append(why, fmt.Sprintf("cannot read %s: %v", rel(out, p), errors.Unwrap(err)))
			return fs.SkipDir
		}
		if p == out || d.IsDir() {
			return nil
		}
		if len(found) >= maxAudited {
			why = append(why, fmt.Sprintf("more than %d files", maxAudited))
			return fs.SkipAll
		}
		found = append(found, auditItem{p: p, r: rel(out, p), d: d})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("check %s against its manifest: %w", out, err)
	}
	// Each file hashed is read whole: the previous packet with its slices
	// is 60 MB, hashed on every core at the end of the run (issue 25).
	reasons := make([]string, len(found))
	par.Each(len(found), runtime.GOMAXPROCS(0), func(i int) {
		if f := found[i]; f.r != ManifestName || noManifest {
			reasons[i] = auditFile(f.p, f.r, f.d, listed)
		}
	})
	for _, r := range reasons {
		if r != "" {
			why = append(why, r)
		}
	}
	sort.Strings(why)
	if noManifest && len(why) > 0 {
		why = append([]string{"no readable " + ManifestName}, why...)
	}
	return why, nil
}

// auditItem is a file audit found in the packet folder: its path, its
// path relative to the folder, and its entry.
type auditItem struct {
	p, r string
	d    fs.DirEntry
}

// auditFile says why the file at p (r relative to the packet) is not
// basebrief's as written, or "".
func auditFile(p, r string, d fs.DirEntry, listed map[string]FileEntry) string {
	if !d.Type().IsRegular() {
		return "added " + r + " (" + FileKind(d.Type()) + ")"
	}
	want, ok := listed[r]
	if !ok {
		if isDelivery(p, r) {
			return ""
		}
		return "added " + r
	}
	if info, err := d.Info(); err == nil && info.Size() != want.Size {
		return "changed " + r // no need to read a file that grew to gigabytes
	}
	sum, size, err := hashFile(p)
	switch {
	case err != nil:
		return fmt.Sprintf("cannot read %s: %v", r, errors.Unwrap(err))
	case size != want.Size || sum != want.SHA256:
		return "changed " + r
	}
	return ""
}

// isDelivery reports whether r is the receipts file `send` writes (at the
// packet's top or a slice's), holding a receipts list as send writes it.
func isDelivery(p, r string) bool {
	if path.Base(r) != DeliveryName {
		return false
	}
	if dir := path.Dir(r); dir != "." {
		if m, _ := path.Match("slices/*", dir); !m {
			return false
		}
	}
	b, err := readManifest(p) // a regular file, bounded
	if err != nil {
		return false
	}
	var d struct {
		Receipts *json.RawMessage `json:"receipts"`
	}
	return json.Unmarshal(b, &d) == nil && d.Receipts != nil
}

// hashFile is the SHA-256 and size of the regular file at p, opened without
// following a link or waiting on a FIFO.
func hashFile(p string) (string, int64, error) {
	f, err := os.OpenFile(p, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	if err != nil {
		return "", 0, err
	}
	defer f.Close()
	h := sha256.New()
	n, err := io.Copy(h, f)
	if err != nil {
		return "", 0, &fs.PathError{Op: "read", Path: p, Err: err}
	}
	return hex.EncodeToString(h.Sum(nil)), n, nil
}

func rel(root, p string) string {
	r, err := filepath.Rel(root, p)
	if err != nil {
		return p
	}
	return filepath.ToSlash(r)
}

// looksLikePacket reports whether dir holds one of the names only a
// basebrief packet has at its top.
func looksLikePacket(dir string) bool {
	for _, n := range packetNames {
		if _, err := os.Lstat(filepath.Join(dir, n)); err == nil {
			return true
		}
	}
	return false
}

// keepAside renames src (out, or a backup of it left by a killed run),
// which holds something of a person's, to a free name out.kept-<now> beside
// out (out.kept-<now>-2 … when taken) and returns that name. The rename is
// one step: src is then either where it was or whole at its new name,
// whenever the process dies.
func keepAside(src, out string, now time.Time) (string, error) {
	base := out + ".kept-" + now.Format(KeptTimeLayout)
	for i := 1; i <= 1000; i++ {
		name := base
		if i > 1 {
			name = fmt.Sprintf("%s-%d", base, i)
		}
		if _, err := os.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
			continue // taken (or unreadable): another name
		}
		// rename(2) would replace an empty folder created meanwhile at
		// name; the lock keeps other basebrief runs out, and a person
		// creating exactly this name in this second loses nothing.
		if err := os.Rename(src, name); err != nil {
			return "", fmt.Errorf("keep the previous packet aside as %s: %w", name, describe(err))
		}
		hook("kept", name)
		return name, nil
	}
	return "", fmt.Errorf("keep the previous packet aside: %s and 999 more names are taken; remove old %s.kept-* folders", base, filepath.Base(out))
}

// summarize shortens an audit's reasons for one warning line.
func summarize(why []string) string {
	const most = 5
	if len(why) <= most {
		return strings.Join(why, ", ")
	}
	return strings.Join(why[:most], ", ") + fmt.Sprintf(" and %d more", len(why)-most)
}
