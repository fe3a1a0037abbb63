package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"syscall"
	"time"

	"github.com/basebrief/basebrief/internal/par"
)

// Kinds of work folder kept beside out.
const (
	kindTemp   = "tmp" // a packet being built
	kindBackup = "old" // the previous packet during the swap
)

// workName is the name of a work folder beside out, e.g.
// ".packet.tmp-4242-81723".
func workName(out, kind string) string {
	return fmt.Sprintf(".%s.%s-%d-%d", filepath.Base(out), kind, os.Getpid(), rand.Uint32())
}

// workPattern matches exactly the work folders of out, so that cleaning up
// never touches anything else in the parent folder.
func workPattern(out string) *regexp.Regexp {
	return regexp.MustCompile(`^\.` + regexp.QuoteMeta(filepath.Base(out)) + `\.(tmp|old)-[0-9]+-[0-9]+$`)
}

// workDir is one work folder found beside out.
type workDir struct {
	path, kind string
	mod        int64 // modification time, ns
}

// workDirs lists out's work folders, oldest first.
func workDirs(out string) ([]workDir, error) {
	parent := filepath.Dir(out)
	entries, err := readDir(parent)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", parent, err)
	}
	re := workPattern(out)
	var dirs []workDir
	for _, e := range entries {
		m := re.FindStringSubmatch(e.Name())
		if m == nil || !e.IsDir() {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue // removed meanwhile
		}
		dirs = append(dirs, workDir{filepath.Join(parent, e.Name()), m[1], info.ModTime().UnixNano()})
	}
	sort.Slice(dirs, func(i, j int) bool {
		if dirs[i].mod != dirs[j].mod {
			return dirs[i].mod < dirs[j].mod
		}
		return dirs[i].path < dirs[j].path
	})
	return dirs, nil
}

// removeAll and readDir are removeTree and os.ReadDir; a test replaces
// them to play a user who may not remove or list what root left.
var (
	removeAll = removeTree
	readDir   = os.ReadDir
)

// removers is how many files removeTree unlinks at once.
const removers = 16

// removeTree is os.RemoveAll with the folder's files unlinked many at a
// time first. On this machine's disk (ext4 mounted with discard) an unlink
// waits for the device: the previous packet with its 31 province slices,
// 547 files, took 0.28–0.52 s to remove one at a time, at the end of every
// run, and 0.17–0.22 s sixteen at a time (issue 25). The files are removed
// through an os.Root of dir, which no link inside it can lead out of, and
// only when dir itself is a folder, not a link; os.RemoveAll then removes
// the folders and what is left, and says what it could not remove.
func removeTree(dir string) error {
	if st, err := os.Lstat(dir); err == nil && st.IsDir() {
		if r, err := os.OpenRoot(dir); err == nil {
			if rs, err := r.Stat("."); err == nil && os.SameFile(st, rs) {
				var files []string
				_ = fs.WalkDir(r.FS(), ".", func(p string, d fs.DirEntry, err error) error {
					if err == nil && !d.IsDir() {
						files = append(files, p)
					}
					return nil // what cannot be listed, os.RemoveAll reports
				})
				par.Each(len(files), removers, func(i int) { _ = removeFileFn(r, files[i]) })
			}
			r.Close()
		}
	}
	return os.RemoveAll(dir)
}

// removeFileFn unlinks one file for removeTree; a test replaces it to see
// the unlinks.
var removeFileFn = func(r *os.Root, name string) error { return r.Remove(name) }

// Recover repairs what a run killed part-way left beside out: if out is
// missing but a backup of the previous packet exists (killed between the two
// renames of the swap), the backup is put back; every other temporary or
// backup folder of out is removed. It must be called with the lock held (Lock
// and Replace call it). What cannot be removed or listed is stepped around
// (Replace reports it); only a backup that cannot be put back is an error.
func Recover(out string) error {
	_, err := recoverOut(filepath.Clean(out), time.Time{})
	return err
}

// recoverOut is Recover, returning a warning for each leftover it stepped
// around. A killed run's backup that holds something of a person's is never
// removed: with a clock (Replace) it is kept aside as out.kept-<now> and
// reported; without (Lock) it is left for Replace.
func recoverOut(out string, now time.Time) (warnings []string, err error) {
	warnings = sweepScratch(out)
	dirs, err := workDirs(out)
	if err != nil {
		// Not a killed run's doing: this user may not list the folder. New
		// work folders get fresh names, so the run can go on.
		return append(warnings, fmt.Sprintf("cannot look for what earlier runs left beside %s: %v", out, describe(errors.Unwrap(err)))), nil
	}
	if len(dirs) == 0 {
		return warnings, nil
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		for i := len(dirs) - 1; i >= 0; i-- { // newest backup
			if dirs[i].kind != kindBackup {
				continue
			}
			if err := os.Rename(dirs[i].path, out); err != nil {
				return warnings, fmt.Errorf("restore previous packet from %s: %w", dirs[i].path, describe(err))
			}
			syncDir(filepath.Dir(out))
			dirs = append(dirs[:i], dirs[i+1:]...)
			break
		}
	}
	for _, d := range dirs {
		if d.kind == kindBackup {
			// Replace audited it before the swap; a person may still have
			// saved into it in the instant before the rename.
			if why, err := audit(d.path); err != nil || len(why) > 0 {
				if now.IsZero() {
					continue
				}
				if kept, err := keepAside(d.path, out, now); err == nil {
					warnings = append(warnings, fmt.Sprintf("a killed run's copy of the previous packet holds files a person added or changed (%s): kept as %s", summarize(why), kept))
					continue
				}
			}
		}
		if err := removeAll(d.path); err != nil {
			warnings = append(warnings, leftover(d.path, err))
		}
	}
	return warnings, nil
}

// leftover is the warning for a folder an earlier run left that this user
// cannot remove (typically one a run as root left for the cron user).
func leftover(path string, err error) string {
	owner := ""
	if st, serr := os.Lstat(path); serr == nil {
		if sys, ok := st.Sys().(*syscall.Stat_t); ok && int(sys.Uid) != os.Getuid() {
			owner = fmt.Sprintf(", owned by uid %d", sys.Uid)
		}
	}
	return fmt.Sprintf("cannot remove %s left by an earlier run%s (%v): basebrief steps around it; remove it as its owner", path, owner, errors.Unwrap(err))
}

// Restore repairs, before a run reads any input, what a killed run left
// beside out, so that even a run that then fails leaves things as the
// README promises: killed runs' scratch folders are removed, and when a run
// was killed between the two renames of its swap (out missing, its backup
// beside it) the previous packet is put back. It writes nothing when there
// is nothing to repair, and leaves the swap's repair to a live run that
// holds the lock (that run may be between its own two renames).
func Restore(ctx context.Context, out string) error {
	out = filepath.Clean(out)
	sweepScratch(out) // what it cannot remove, Replace reports
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	dirs, err := workDirs(out)
	if err != nil {
		// No parent folder: nothing was ever written here. An unlistable
		// one: nothing to repair can be found, and the run says so later.
		return nil
	}
	if !slices.ContainsFunc(dirs, func(d workDir) bool { return d.kind == kindBackup }) {
		return nil
	}
	release, err := Lock(ctx, out, 0) // Lock runs Recover
	if errors.Is(err, ErrLocked) {
		return nil
	}
	if err != nil {
		return err
	}
	return release()
}

// swap puts the finished folder tmp in place of out. With no old packet it
// is one rename. Otherwise out is first renamed to a backup name: between
// that rename and the next, out does not exist for a moment; a crash right
// there leaves the backup, which Recover renames back on the next run.
// Then the backup is removed or, when keep is set (it holds something of a
// person's), renamed to out.kept-<keep>. Keeping it aside only after the
// new packet is in place, from the backup, means no crash finds out
// missing without a backup to put back: renamed straight from out to its
// kept name, a run killed before its second rename left no packet in
// place, and its new one deleted as unfinished
// (TestKillLoopKeepsPersonsFile, under load). A crash before the backup is
// kept aside leaves it for the next run's Recover to keep aside. A backup
// that will not go is a warning, not a failure: the new packet is in place.
func swap(out, tmp string, keep time.Time) (kept, warning string, err error) {
	parent := filepath.Dir(out)
	backup := ""
	if _, err := os.Lstat(out); err == nil {
		backup = filepath.Join(parent, workName(out, kindBackup))
		if err := os.Rename(out, backup); err != nil {
			return "", "", fmt.Errorf("move previous packet aside: %w", describe(err))
		}
		hook("swap:aside", backup)
	}
	if err := os.Rename(tmp, out); err != nil {
		if backup != "" {
			if rerr := os.Rename(backup, out); rerr != nil {
				return "", "", fmt.Errorf("move new packet into place: %w (and restore previous: %v)", describe(err), rerr)
			}
		}
		return "", "", fmt.Errorf("move new packet into place: %w", describe(err))
	}
	if err := syncDir(parent); err != nil {
		return "", "", err
	}
	hook("swap:done", out)
	switch {
	case backup == "":
	case !keep.IsZero():
		if kept, err = keepAside(backup, out, keep); err != nil {
			return "", fmt.Sprintf("the previous packet holds files a person added or changed; keeping it aside failed (%v): the next run keeps aside %s", err, backup), nil
		}
		syncDir(parent)
	default:
		if err := removeAll(backup); err != nil {
			return "", leftover(backup, err), nil
		}
	}
	return kept, "", nil
}

// syncDir fsyncs a folder so that the entries created or renamed in it are
// on disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// testHook, when set by a test, is called at each stage of Write, so a test
// can slow a write down or kill the process at a chosen moment.
// path is the file just written or the folder the stage concerns.
var testHook func(stage, path string)

func hook(stage, path string) {
	if testHook != nil {
		testHook(stage, path)
	}
}
