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
	entries, err := os.ReadDir(parent)
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

// Recover repairs what a run killed part-way left beside out: if out is
// missing but a backup of the previous packet exists (killed between the two
// renames of the swap), the backup is put back; every other temporary or
// backup folder of out is removed. It must be called with the lock held (Lock
// and Write call it).
func Recover(out string) error {
	out = filepath.Clean(out)
	dirs, err := workDirs(out)
	if err != nil {
		return err
	}
	if err := sweepScratch(out); err != nil {
		return err
	}
	if len(dirs) == 0 {
		return nil
	}
	if _, err := os.Lstat(out); errors.Is(err, fs.ErrNotExist) {
		for i := len(dirs) - 1; i >= 0; i-- { // newest backup
			if dirs[i].kind != kindBackup {
				continue
			}
			if err := os.Rename(dirs[i].path, out); err != nil {
				return fmt.Errorf("restore previous packet from %s: %w", dirs[i].path, err)
			}
			syncDir(filepath.Dir(out))
			dirs = append(dirs[:i], dirs[i+1:]...)
			break
		}
	}
	for _, d := range dirs {
		if err := os.RemoveAll(d.path); err != nil {
			return fmt.Errorf("remove stale %s: %w", d.path, err)
		}
	}
	return nil
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
	if err := sweepScratch(out); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if _, err := os.Lstat(out); !errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	dirs, err := workDirs(out)
	if errors.Is(err, fs.ErrNotExist) {
		return nil // no parent folder: nothing was ever written here
	}
	if err != nil {
		return err
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
func swap(out, tmp string) error {
	parent := filepath.Dir(out)
	backup := ""
	if _, err := os.Lstat(out); err == nil {
		backup = filepath.Join(parent, workName(out, kindBackup))
		if err := os.Rename(out, backup); err != nil {
			return fmt.Errorf("move previous packet aside: %w", err)
		}
		hook("swap:aside", backup)
	}
	if err := os.Rename(tmp, out); err != nil {
		if backup != "" {
			if rerr := os.Rename(backup, out); rerr != nil {
				return fmt.Errorf("move new packet into place: %w (and restore previous: %v)", err, rerr)
			}
		}
		return fmt.Errorf("move new packet into place: %w", err)
	}
	if err := syncDir(parent); err != nil {
		return err
	}
	hook("swap:done", out)
	if backup != "" {
		// The new packet is in place: a backup that will not go is left
		// for the next run's Recover rather than failing this one.
		os.RemoveAll(backup)
	}
	return nil
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
