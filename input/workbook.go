package input

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input/internal/sheet"
)

// A table is read from NAME.csv, NAME.xlsx, or a sheet of data.xlsx named
// after it (cities/城市, bases/基地, figures/人数); exactly one of them.
// Workbook rows go through the same layout and value rules as CSV rows;
// only the cells come from input/internal/sheet.

const (
	dataBook    = "data.xlsx"
	encXLSX     = "xlsx" // analysis.InputFile.Encoding of a workbook sheet
	codeSheet   = "sheet_chosen"
	maxBookSize = 1 << 30
)

// sheetNames are the sheet names of each table in data.xlsx, English first.
var sheetNames = map[string][2]string{
	"cities":  {"cities", "城市"},
	"bases":   {"bases", "基地"},
	"figures": {"figures", "人数"},
}

// tableSource is where one table is: a CSV file, or a sheet of a workbook.
type tableSource struct {
	file  string
	sheet string // "" for a CSV file; for NAME.xlsx, chosen when read
	book  bool
}

// locate finds the one source of table s, collecting an error when there
// is none or more than one.
func (ld *loader) locate(s schema) (tableSource, bool) {
	base := strings.TrimSuffix(s.file, ".csv")
	names := sheetNames[base]
	var found []tableSource
	var refused []string
	for _, ext := range []string{".csv", ".xlsx", ".xls", ".et"} {
		if _, err := fs.Stat(ld.fsys, base+ext); err == nil {
			switch ext {
			case ".csv":
				found = append(found, tableSource{file: s.file})
			case ".xlsx":
				found = append(found, tableSource{file: base + ext, book: true})
			default:
				refused = append(refused, base+ext)
			}
		}
	}
	for _, ext := range []string{".xls", ".et"} {
		if _, err := fs.Stat(ld.fsys, "data"+ext); err == nil {
			refused = append(refused, "data"+ext)
		}
	}
	bookFailed := false
	if _, err := fs.Stat(ld.fsys, dataBook); err == nil {
		sheets, ok := ld.bookSheets(dataBook)
		bookFailed = !ok
		for _, name := range sheets {
			if n := strings.ToLower(strings.TrimSpace(name)); n == names[0] || n == names[1] {
				found = append(found, tableSource{file: dataBook, sheet: name, book: true})
			}
		}
	}
	for _, name := range refused {
		if ld.refused[name] {
			continue // said once for all three tables
		}
		mapSet(&ld.refused, name)
		ld.c.add(Error{File: name, Msg: "an old-format workbook (.xls, or WPS .et), expected .xlsx: open it in Excel or WPS and save it as Excel Workbook (*.xlsx) under the same name"})
	}
	switch {
	case len(found) == 1 && len(refused) == 0:
		return found[0], true
	case len(found) > 1:
		where := make([]string, len(found))
		for i, f := range found {
			where[i] = f.file
			if f.sheet != "" {
				where[i] += " sheet " + f.sheet
			}
		}
		ld.c.add(Error{File: found[0].file, Msg: fmt.Sprintf("the %s table is given %d times (%s), expected one source: remove or rename the others",
			base, len(found), strings.Join(where, ", "))})
	case len(refused) == 0 && !bookFailed:
		ld.c.add(Error{File: s.file, Msg: fmt.Sprintf("file not found, expected %s in the data folder with columns %s (or %s.xlsx, or a sheet %s or %s in %s)",
			s.file, s.columnList(), base, names[1], names[0], dataBook)})
	}
	return tableSource{}, false
}

// bookSheets lists a workbook's sheets, remembering the list (and whether
// it could be opened: its error is reported once) for the other tables.
func (ld *loader) bookSheets(name string) (sheets []string, ok bool) {
	if b, seen := ld.books[name]; seen {
		return b.sheets, b.ok
	}
	if f, wb := ld.openBook(name); wb != nil {
		sheets, ok = wb.Sheets(), true
		f.Close()
	}
	if ld.books == nil {
		ld.books = map[string]bookSheets{}
	}
	ld.books[name] = bookSheets{sheets, ok}
	return sheets, ok
}

// bookSheets is what locating tables learnt of a workbook.
type bookSheets struct {
	sheets []string
	ok     bool
}

func mapSet(m *map[string]bool, k string) {
	if *m == nil {
		*m = map[string]bool{}
	}
	(*m)[k] = true
}

// openBook opens a workbook file, collecting the error when it cannot be
// read as one.
func (ld *loader) openBook(name string) (fs.File, *sheet.Workbook) {
	f, size, ok := openRegular(ld.fsys, name, "an .xlsx workbook", schema{}, ld.c)
	if !ok {
		return nil, nil
	}
	if size > maxBookSize {
		f.Close()
		ld.c.add(Error{File: name, Msg: fmt.Sprintf("workbook larger than %d MiB, expected a workbook of sane size", maxBookSize>>20)})
		return nil, nil
	}
	ra, ok := f.(io.ReaderAt)
	if !ok {
		b, err := io.ReadAll(io.LimitReader(f, size))
		if err != nil {
			f.Close()
			ld.c.add(Error{File: name, Msg: fmt.Sprintf("cannot read file: %v", err)})
			return nil, nil
		}
		ra = strings.NewReader(string(b))
	}
	wb, err := sheet.Open(ra, size)
	if err != nil {
		f.Close()
		ld.c.add(Error{File: name, Msg: err.Error()})
		return nil, nil
	}
	return &sizedFile{f, ra, size}, wb
}

// sizedFile keeps what hashing a workbook needs.
type sizedFile struct {
	fs.File
	ra   io.ReaderAt
	size int64
}

// hash returns the file's SHA-256, read beside the rows.
func (f *sizedFile) hash() <-chan string {
	out := make(chan string, 1)
	go func() {
		h := sha256.New()
		if _, err := io.Copy(h, io.NewSectionReader(f.ra, 0, f.size)); err != nil {
			out <- ""
			return
		}
		out <- hex.EncodeToString(h.Sum(nil))
	}()
	return out
}

// readSheet reads table s from a workbook sheet.
func (ld *loader) readSheet(s schema, src tableSource, read func(*table)) {
	f, wb := ld.openBook(src.file)
	if wb == nil {
		return
	}
	defer f.Close()
	sum := f.(*sizedFile).hash()
	name := src.file
	if src.sheet == "" {
		src.sheet = ld.chooseSheet(s, src.file, wb.Sheets())
		if src.sheet == "" {
			<-sum
			return
		}
	} else {
		name += ":" + src.sheet
	}
	rows, err := wb.Rows(src.sheet)
	if err != nil {
		<-sum
		ld.c.add(Error{File: src.file, Sheet: src.sheet, Msg: err.Error()})
		return
	}
	defer rows.Close()
	t := newTable(ld.ctx, &sheetSource{file: src.file, sheet: src.sheet, rows: rows}, s, ld.c, &ld.notes)
	t.parallel = ld.parallel || f.(*sizedFile).size > asyncSheetBytes
	read(t)
	ld.files = append(ld.files, analysis.InputFile{
		Name: name, SHA256: <-sum, Encoding: encXLSX, Rows: t.rows, Skipped: t.skipped,
	})
}

// asyncSheetBytes is the workbook size from which rows are parsed beside
// their checks, as for a large CSV file.
const asyncSheetBytes = 1 << 20

// chooseSheet picks the sheet of NAME.xlsx holding the table: the one named
// after it, else the first, with a warning when there are others.
func (ld *loader) chooseSheet(s schema, file string, sheets []string) string {
	names := sheetNames[strings.TrimSuffix(s.file, ".csv")]
	for _, name := range sheets {
		if n := strings.ToLower(strings.TrimSpace(name)); n == names[0] || n == names[1] {
			return name
		}
	}
	if len(sheets) == 0 {
		ld.c.add(Error{File: file, Msg: "the workbook has no worksheet, expected one holding the table"})
		return ""
	}
	if len(sheets) > 1 {
		ld.notes.add(codeSheet,
			fmt.Sprintf("%s：读取第一张工作表“%s”（共%d张）；要读取其他工作表，请将其命名为“%s”", file, sheets[0], len(sheets), names[1]),
			fmt.Sprintf("%s: read its first sheet %q of %d; name a sheet %q or %q to read that one", file, sheets[0], len(sheets), names[1], names[0]))
	}
	return sheets[0]
}

// sheetSource is the rows of a workbook sheet. Rows are padded to the
// widest row met so far: a sheet row ends at its last cell, where a CSV
// record keeps its empty fields.
type sheetSource struct {
	file, sheet string
	rows        *sheet.Rows
	buf         []string
	width       int
}

func (s *sheetSource) next() ([]string, error) {
	if !s.rows.Next() {
		if err := s.rows.Err(); err != nil {
			return nil, Error{File: s.file, Sheet: s.sheet, Msg: err.Error()}
		}
		return nil, io.EOF
	}
	cells := s.rows.Cells()
	if len(cells) > maxColumns {
		// The table reports it; padding a hostile width is not needed.
		return cells, nil
	}
	s.width = max(s.width, len(cells))
	s.buf = append(s.buf[:0], cells...)
	for len(s.buf) < s.width {
		s.buf = append(s.buf, "")
	}
	return s.buf, nil
}

func (s *sheetSource) lines() (int, int) { return s.rows.Row(), s.rows.Row() }

func (s *sheetSource) place() place { return place{file: s.file, sheet: s.sheet} }

// name names a table's place in notices: figures.csv, or data.xlsx:人数,
// since one workbook may hold all three tables.
func (pl place) name() string {
	if pl.sheet == "" {
		return pl.file
	}
	return pl.file + ":" + pl.sheet
}
