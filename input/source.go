package input

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/basebrief/basebrief/input/internal/csvtext"
)

// A table is read from a rowSource: rows of cell text, each with where it
// is. The layout rules (header search, unit lines, totals rows, markers)
// and the values work on those rows alone, whatever the file: a CSV file
// gives its records (csvSource), a workbook sheet its rows.

// rowSource yields the rows of one table.
type rowSource interface {
	// next returns the next row's cells, valid until the following call.
	// At the end it returns io.EOF. A badRow error is a row that could
	// not be read: it is reported and reading goes on. errNotUTF8 asks for
	// the file to be read again as GB18030. An Error ends the table after
	// it is reported; any other error too, as "cannot read file".
	next() ([]string, error)
	// lines returns the first and last line (a sheet's row number) of the
	// row next returned; rows between two rows are empty ones skipped.
	lines() (first, last int)
	// place is where the rows are, for messages.
	place() place
}

// place names a table's file and, in a workbook, its sheet.
type place struct {
	file  string
	sheet string
}

// badRow is a row the source could not read; the rows after it can be.
type badRow struct{ e Error }

func (b badRow) Error() string { return b.e.Error() }

var errNotUTF8 = csvtext.ErrNotUTF8

// csvSource is the rows of a CSV file, as csvtext splits them.
type csvSource struct {
	file string
	r    *csvtext.RowReader
}

func (s *csvSource) next() ([]string, error) {
	rec, err := s.r.Read()
	if err == nil {
		return rec, nil
	}
	var pe *csv.ParseError
	var se *csvtext.StreamError
	switch {
	case err == io.EOF, errors.Is(err, errNotUTF8):
		return nil, err
	case errors.As(err, &se):
		return nil, Error{File: s.file, Line: se.Line, Msg: se.Msg}
	case errors.As(err, &pe):
		return nil, badRow{csvError(s.file, pe)}
	}
	return nil, err
}

func (s *csvSource) lines() (int, int) { return s.r.Start, s.r.End }

func (s *csvSource) place() place { return place{file: s.file} }

// csvError turns an encoding/csv syntax error into an Error on its line.
func csvError(file string, pe *csv.ParseError) Error {
	const quoted = `expected a value containing quotes to be wrapped in double quotes, with each inner quote doubled ("")`
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return Error{File: file, Line: pe.Line, Msg: "stray quote \" in an unquoted value, " + quoted}
	case errors.Is(pe.Err, csv.ErrQuote):
		return Error{File: file, Line: pe.StartLine, Msg: "quoted value not closed properly (a quote left open or text after the closing quote), " + quoted}
	}
	return Error{File: file, Line: pe.Line, Msg: fmt.Sprintf("%v, expected CSV text", pe.Err)}
}

// openCSV opens name in fsys, a regular file only (a FIFO would block the
// open, a device never end), and wraps it in a decoder reading it as UTF-8
// or, with gb, as GB18030. It returns a nil decoder when the file cannot be
// read at all (the error is collected).
func openCSV(fsys fs.FS, name string, s schema, gb bool, c errorSink) (fs.File, *csvtext.Decoder) {
	f, size, ok := openRegular(fsys, name, "a CSV file", s, c)
	if !ok {
		return nil, nil
	}
	dec, err := csvtext.NewDecoder(f, size, gb)
	if err != nil {
		f.Close()
		var se *csvtext.StreamError
		if errors.As(err, &se) {
			c.add(Error{File: name, Line: se.Line, Msg: se.Msg})
		} else {
			c.add(Error{File: name, Msg: fmt.Sprintf("cannot read file: %v", err)})
		}
		return nil, nil
	}
	return f, dec
}

// openRegular opens name if it is a regular file, checked before the open
// (opening a FIFO blocks) and again on the open file. what names the file
// expected, for messages.
func openRegular(fsys fs.FS, name, what string, s schema, c errorSink) (fs.File, int64, bool) {
	st, err := fs.Stat(fsys, name)
	if err == nil && !st.Mode().IsRegular() {
		c.add(Error{File: name, Msg: fmt.Sprintf("is %s, expected %s", modeName(st.Mode()), what)})
		return nil, 0, false
	}
	var f fs.File
	if err == nil {
		f, err = fsys.Open(name)
	}
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			if s.file != "" {
				c.add(Error{File: name, Msg: fmt.Sprintf("file not found, expected %s in the data folder with columns %s", name, s.columnList())})
			}
		} else {
			c.add(Error{File: name, Msg: fmt.Sprintf("cannot open file: %v", err)})
		}
		return nil, 0, false
	}
	st, err = f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		f.Close()
		if err != nil {
			c.add(Error{File: name, Msg: fmt.Sprintf("cannot read file: %v", err)})
		} else {
			c.add(Error{File: name, Msg: fmt.Sprintf("is %s, expected %s", modeName(st.Mode()), what)})
		}
		return nil, 0, false
	}
	return f, st.Size(), true
}

// modeName says what a file that is not a regular file is.
func modeName(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a symbolic link"
	}
	return "not a regular file"
}
