package history

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// Errors a caller may tell apart (all are warnings to a run).
var (
	// ErrNewer: the file was written by a newer basebrief; it is left alone.
	ErrNewer = errors.New("history written by a newer basebrief")
	// ErrBusy: another process held the file past the busy timeout.
	ErrBusy = errors.New("history file busy")
	// ErrDamaged: the file is not a SQLite database or is corrupt.
	ErrDamaged = errors.New("history file damaged")
)

// Options tune a Store; the zero value is usable.
type Options struct {
	// BusyTimeout is how long to wait for another process's lock on the
	// file (default 5 s).
	BusyTimeout time.Duration
	// Now is the clock for run times and the name a damaged file is kept
	// under (default time.Now).
	Now func() time.Time
	// ReadOnly opens the file for reading only (basebrief history): it is
	// never created, migrated or moved aside.
	ReadOnly bool
}

// Store is one history file.
type Store struct {
	path     string
	opts     Options
	db       *sql.DB // nil: the file does not exist yet, or is damaged
	readOnly bool    // opened read-only (permissions, or Options.ReadOnly)
	damaged  error   // set when the file was found damaged: Record keeps it aside
	// view is the latest figures, loaded by Prior when the latest run's
	// inputs differ: what Record compares the run's figures with.
	view *view
}

// sqliteHeader starts every SQLite 3 database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// Open opens the history at path for reading. A missing file is no error
// (Record creates it); a damaged one returns ErrDamaged with a usable
// Store, whose Record keeps the file aside and starts a new one.
func Open(ctx context.Context, path string, opts Options) (*Store, error) {
	if opts.BusyTimeout <= 0 {
		opts.BusyTimeout = 5 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	s := &Store{path: path, opts: opts, readOnly: opts.ReadOnly}
	switch err := checkHeader(path); {
	case errors.Is(err, fs.ErrNotExist):
		if opts.ReadOnly {
			return nil, fmt.Errorf("open history %s: no such file", path)
		}
		return s, nil
	case errors.Is(err, ErrDamaged):
		s.damaged = err
		return s, err
	case err != nil: // a folder, a file we may not read: not ours to move aside
		return nil, err
	}
	mode := "rw" // a file the system will not let us write opens read-only: SQLITE_READONLY on Record
	if s.readOnly {
		mode = "ro"
	}
	if err := s.open(ctx, mode); err != nil {
		return s, err
	}
	if v, err := userVersion(ctx, s.db); err != nil {
		return s, s.classify(err)
	} else if v > Version {
		s.Close()
		return s, fmt.Errorf("%w: %s has schema version %d, this basebrief knows %d; it is left as it is", ErrNewer, path, v, Version)
	}
	return s, nil
}

// checkHeader reports a file that exists but is not a SQLite database
// (ErrDamaged), or fs.ErrNotExist. An empty file is a new database.
func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return nil
	}
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("read history %s: %w", path, err)
	}
	if !bytes.Equal(head[:n], sqliteHeader) {
		return fmt.Errorf("%w: %s is not a SQLite database", ErrDamaged, path)
	}
	return nil
}

var errReadOnly = errors.New("history file read-only")

// dsn is the file's URI: mode rw (no create), rwc or ro; the busy timeout
// waits for another process's lock; transactions take the write lock when
// they begin, so a busy file fails before any work.
// https://www.sqlite.org/uri.html (mode), modernc.org/sqlite sqlite.go
// (_busy_timeout, _txlock).
func (s *Store) dsn(mode string) string {
	abs, err := filepath.Abs(s.path)
	if err != nil {
		abs = s.path
	}
	u := url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}
	q := url.Values{}
	q.Set("mode", mode)
	q.Set("_busy_timeout", fmt.Sprint(s.opts.BusyTimeout.Milliseconds()))
	q.Set("_txlock", "immediate")
	// A new file gets 16 KiB pages: a million-row first run measured 0.87 s
	// CPU with the default 4 KiB, 0.71 s with these (fewer page splits).
	q.Add("_pragma", "page_size(16384)")
	u.RawQuery = q.Encode()
	return u.String()
}

func (s *Store) open(ctx context.Context, mode string) error {
	db, err := sql.Open("sqlite", s.dsn(mode))
	if err != nil {
		return fmt.Errorf("open history %s: %w", s.path, err)
	}
	db.SetMaxOpenConns(1) // one connection: its pragmas and locks are the Store's
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return s.classify(fmt.Errorf("open history %s: %w", s.path, err))
	}
	s.db = db
	return nil
}

// classify maps SQLite's result codes to this package's errors.
func (s *Store) classify(err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return fmt.Errorf("%w: %s is locked by another process (waited %s): %v", ErrBusy, s.path, s.opts.BusyTimeout, err)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		if s.damaged == nil {
			s.damaged = fmt.Errorf("%w: %s: %v", ErrDamaged, s.path, err)
		}
		return s.damaged
	case sqlite3.SQLITE_READONLY:
		return fmt.Errorf("%w: %s: %v", errReadOnly, s.path, err)
	}
	return err
}

// Close closes the file.
func (s *Store) Close() error {
	if s == nil || s.db == nil {
		return nil
	}
	err := s.db.Close()
	s.db = nil
	return err
}

// Path is the file's path as given.
func (s *Store) Path() string { return s.path }

// forWriting makes the file ready for Record: created when missing, a
// damaged one kept aside under FILE.damaged-<time> and a new one started,
// the schema migrated. It returns the name a damaged file was kept under.
func (s *Store) forWriting(ctx context.Context) (kept string, err error) {
	if s.readOnly {
		return "", fmt.Errorf("%w: %s cannot be written; this run is not recorded", errReadOnly, s.path)
	}
	if s.damaged != nil {
		s.Close()
		kept = fmt.Sprintf("%s.damaged-%s", s.path, s.opts.Now().UTC().Format("20060102T150405Z"))
		if err := os.Rename(s.path, kept); err != nil {
			return "", fmt.Errorf("keep damaged history %s aside: %w", s.path, err)
		}
		// A journal beside it belongs to the damaged file, not to the new one.
		if err := os.Rename(s.path+"-journal", kept+"-journal"); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return kept, fmt.Errorf("keep damaged history journal aside: %w", err)
		}
		s.damaged, s.view = nil, nil
	}
	if s.db == nil {
		if err := s.open(ctx, "rwc"); err != nil {
			return kept, err
		}
	}
	if err := migrate(ctx, s.db); err != nil {
		return kept, s.classify(err)
	}
	return kept, nil
}
