package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"

	"github.com/basebrief/basebrief/output"
	"github.com/basebrief/basebrief/report/font"
)

// maxFontSize bounds what --font may read. The largest single-face CJK
// TrueType files are about 20–35 MB; a bigger file is not a font to embed,
// and /dev/zero must not be read until memory runs out.
const maxFontSize = 64 << 20

// loadFont is the face for --font (empty: the embedded one). Every problem
// with the file the user named is an input error (exit 1); only a fault of
// the machine while reading it is not.
func loadFont(path string) (*font.Face, error) {
	if path == "" {
		return font.Default()
	}
	b, err := readRegular(path, maxFontSize)
	if err != nil {
		if userFault(err) {
			return nil, &inputError{fmt.Errorf("--font %s: %w", path, err)}
		}
		return nil, fmt.Errorf("--font %s: %w", path, err)
	}
	face, err := font.Parse(path, b)
	if err == nil {
		err = face.Verify()
	}
	if err != nil {
		return nil, &inputError{fmt.Errorf("--font %s: %w; give a TrueType (.ttf) font with Chinese glyphs whose licence allows embedding, or leave --font out for the embedded one", path, err)}
	}
	return face, nil
}

var (
	errNotRegular = errors.New("not a regular file")
	errTooLarge   = errors.New("file too large")
)

// readRegular reads the regular file at path, at most limit bytes. A FIFO,
// device, socket or folder is refused at once: O_NONBLOCK keeps the open of
// a FIFO from waiting for a writer, and the type is checked on the open
// file, so a rename in between cannot swap it.
func readRegular(path string, limit int64) ([]byte, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%w: it is a %s", errNotRegular, output.FileKind(st.Mode()))
	}
	if st.Size() > limit {
		return nil, fmt.Errorf("%w: %d MB, at most %d MB is read", errTooLarge, st.Size()>>20, limit>>20)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit { // grew while being read
		return nil, fmt.Errorf("%w: over %d MB", errTooLarge, limit>>20)
	}
	return b, nil
}

// userFault tells the problems of a named file that the user can fix
// (missing, unreadable, wrong kind, too big) from faults of the machine.
func userFault(err error) bool {
	return errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission) ||
		errors.Is(err, errNotRegular) || errors.Is(err, errTooLarge) ||
		errors.Is(err, syscall.ELOOP) || errors.Is(err, syscall.ENOTDIR) || errors.Is(err, syscall.ENAMETOOLONG)
}
