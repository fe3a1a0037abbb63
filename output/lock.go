package output

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ErrLocked is returned (wrapped) by Lock when another run still holds the
// out folder after the wait.
var ErrLocked = errors.New("packet folder is locked by another run")

// pollInterval is how often Lock retries a held lock.
const pollInterval = 50 * time.Millisecond

// LockPath is the lock file guarding out: out + ".lock", beside the folder.
func LockPath(out string) string { return filepath.Clean(out) + ".lock" }

// Lock takes the exclusive lock on out, retrying for up to wait (0: try
// once). On success it records this process's pid in the lock file, repairs
// what a killed run left beside out (see Recover), and returns the function
// that releases the lock. The lock is an flock(2) on the lock file, so it is
// released by the kernel when the process dies, even by SIGKILL; the file
// itself stays.
func Lock(ctx context.Context, out string, wait time.Duration) (release func() error, err error) {
	out = filepath.Clean(out)
	if err := CheckOut(out); err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return nil, fmt.Errorf("create parent of %s: %w", out, describe(err))
	}
	path := LockPath(out)
	f, err := openLock(path)
	if err != nil {
		return nil, err
	}
	if err := acquire(ctx, f, wait); err != nil {
		who := holder(f)
		f.Close()
		if errors.Is(err, ErrLocked) {
			return nil, fmt.Errorf("%w: %s is held by %s; gave up after --wait %s", ErrLocked, path, who, wait)
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	release = func() error {
		f.Truncate(0) // no pid left behind for the next run to blame
		if err := syscall.Flock(int(f.Fd()), syscall.LOCK_UN); err != nil {
			f.Close()
			return fmt.Errorf("unlock %s: %w", path, err)
		}
		return f.Close()
	}
	if err := f.Truncate(0); err == nil {
		f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	}
	if err := Recover(out); err != nil {
		release()
		return nil, err
	}
	return release, nil
}

// acquire polls a non-blocking flock until it succeeds, wait runs out or
// ctx ends. Polling (rather than a blocking flock) keeps the wait bounded.
func acquire(ctx context.Context, f *os.File, wait time.Duration) error {
	deadline := time.Now().Add(wait)
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		if err == nil {
			return nil
		}
		if !errors.Is(err, syscall.EWOULDBLOCK) && !errors.Is(err, syscall.EINTR) {
			return err
		}
		left := time.Until(deadline)
		if left <= 0 {
			return ErrLocked
		}
		t := time.NewTimer(min(left, pollInterval))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
	}
}

// openLock opens (or creates) the lock file without following a symbolic
// link and refuses anything but a regular file with one name: the lock file
// is truncated and written, and that must never reach a file it points to
// or shares its contents with. O_NONBLOCK keeps a FIFO from blocking the
// open; it changes nothing for a regular file.
func openLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0o644)
	if errors.Is(err, fs.ErrPermission) {
		// A lock file an earlier run as another user (root) left: flock
		// needs only a read descriptor, so it still guards the folder;
		// only the holder's pid is not recorded. Never a stuck night.
		f, err = os.OpenFile(path, os.O_RDONLY|syscall.O_NOFOLLOW|syscall.O_NONBLOCK, 0)
	}
	if err != nil {
		if st, lerr := os.Lstat(path); lerr == nil {
			if err := unusableLock(path, st); err != nil {
				return nil, err
			}
		}
		return nil, fmt.Errorf("open lock file %s: %w", path, describe(err))
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("check lock file %s: %w", path, err)
	}
	if err := unusableLock(path, st); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// CheckLock reports early, before a run does its work, a lock file that
// Lock would refuse. A missing one is fine: Lock creates it.
func CheckLock(out string) error {
	path := LockPath(out)
	st, err := os.Lstat(path)
	if err != nil {
		return nil // missing, or Lock reports the real error
	}
	return unusableLock(path, st)
}

// unusableLock says what is wrong with the file at the lock path, if
// anything: it must be a regular file with one name.
func unusableLock(path string, st os.FileInfo) error {
	sys, _ := st.Sys().(*syscall.Stat_t)
	switch {
	case st.Mode()&os.ModeSymlink != 0:
		return fmt.Errorf("lock file %s is a symbolic link; basebrief never writes through one: remove it (a run recreates it)", path)
	case st.IsDir():
		return fmt.Errorf("lock file %s is a folder; remove or rename it (a run recreates the lock file)", path)
	case !st.Mode().IsRegular():
		return fmt.Errorf("lock file %s is not a regular file (%s); remove it (a run recreates it)", path, st.Mode().Type())
	case sys != nil && sys.Nlink > 1:
		return fmt.Errorf("lock file %s has %d hard links; it would overwrite another file's contents: remove it (a run recreates it)", path, sys.Nlink)
	}
	return nil
}

// describe adds to a file system error what the operator can do about it.
func describe(err error) error {
	switch {
	case errors.Is(err, syscall.EROFS):
		return fmt.Errorf("%w (the folder holding --out must be on a writable file system)", err)
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		return fmt.Errorf("%w (this user may not write in the folder holding --out)", err)
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return fmt.Errorf("%w (free space on the disk holding --out)", err)
	}
	return err
}

// holder names the lock's holder for the message, from the pid it wrote:
// read from the lock file already checked and open, and no more than a pid.
func holder(f *os.File) string {
	b := make([]byte, 24)
	n, _ := f.ReadAt(b, 0)
	pid := strings.TrimSpace(string(b[:n]))
	if _, err := strconv.Atoi(pid); err != nil {
		return "another process"
	}
	return "pid " + pid
}
