package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"syscall"
)

// kindScratch names the folder a run owns while it renders, for the
// temporary files of the libraries it uses (excelize spills a large sheet
// to a file). It lives beside out, not in $TMPDIR, so nothing of a run is
// ever left outside out's documented siblings.
const kindScratch = "scratch"

// Scratch is a run's scratch folder. The run holds an flock on the folder
// itself while it lives, so another run can tell a live run's folder (lock
// held) from a killed run's (lock free: the kernel dropped it) and remove
// only the latter, whatever pid it was.
type Scratch struct {
	Dir string
	// Warnings name killed runs' scratch folders this user could not
	// remove; the run stepped around them.
	Warnings []string
	f        *os.File
}

// NewScratch removes the scratch folders of killed runs beside out and
// makes this run's own. Remove it when done.
func NewScratch(out string) (*Scratch, error) {
	out = filepath.Clean(out)
	if err := CheckOut(out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, fmt.Errorf("create parent of %s: %w", out, describe(err))
	}
	warnings := sweepScratch(out)
	for range 3 {
		dir := filepath.Join(filepath.Dir(out), workName(out, kindScratch))
		if err := os.Mkdir(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create scratch folder: %w", describe(err))
		}
		f, err := lockDir(dir)
		if err != nil {
			continue // swept between Mkdir and lock: another name
		}
		// A sweep may have taken the folder before the lock: the lock then
		// holds a removed folder. Keep it only if it is still the one at dir.
		st, err1 := f.Stat()
		cur, err2 := os.Lstat(dir)
		if err1 == nil && err2 == nil && os.SameFile(st, cur) {
			return &Scratch{Dir: dir, Warnings: warnings, f: f}, nil
		}
		f.Close()
	}
	return nil, errors.New("create scratch folder: removed by another run three times")
}

// Remove deletes the scratch folder and drops its lock.
func (s *Scratch) Remove() error {
	if s == nil {
		return nil
	}
	err := removeAll(s.Dir)
	s.f.Close()
	if err != nil {
		return fmt.Errorf("remove scratch folder: %w", err)
	}
	return nil
}

// lockDir opens dir (never through a link) and takes its flock without
// waiting.
func lockDir(dir string) (*os.File, error) {
	f, err := os.OpenFile(dir, os.O_RDONLY|syscall.O_DIRECTORY|syscall.O_NOFOLLOW, 0)
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// scratchPattern matches exactly out's scratch folders.
func scratchPattern(out string) *regexp.Regexp {
	return regexp.MustCompile(`^\.` + regexp.QuoteMeta(filepath.Base(out)) + `\.` + kindScratch + `-[0-9]+-[0-9]+$`)
}

// sweepScratch removes out's scratch folders whose lock is free: their run
// was killed. A live run's folder (lock held) is left alone, and so is
// anything that is not a folder of exactly that name form. It returns a
// warning for each it could not remove, and for a parent it cannot list.
func sweepScratch(out string) (warnings []string) {
	parent := filepath.Dir(out)
	entries, err := readDir(parent)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return []string{fmt.Sprintf("cannot look for killed runs' scratch folders in %s: %v", parent, describe(errors.Unwrap(err)))}
	}
	re := scratchPattern(out)
	for _, e := range entries {
		if !e.IsDir() || !re.MatchString(e.Name()) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		f, err := lockDir(dir)
		if err != nil {
			continue // a live run's, or gone meanwhile (or not ours to open)
		}
		err = removeAll(dir)
		f.Close()
		if err != nil {
			warnings = append(warnings, leftover(dir, err))
		}
	}
	return warnings
}
