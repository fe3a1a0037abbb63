package input

import (
	"bytes"
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
// Where no sheet is named after a table, the one sheet whose header names
// the table's columns is read (人数统计表, Sheet1). Workbook rows go through
// the same layout and value rules as CSV rows (sheetsource.go); only the
// cells come from input/internal/sheet.

const (
	dataBook        = "data.xlsx"
	encXLSX         = "xlsx" // analysis.InputFile.Encoding of a workbook sheet
	codeSheet       = "sheet_chosen"
	codeSheetHidden = "sheet_hidden"
	maxBookSize     = 1 << 30
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
	held  bool // a sheet not named after the table, found holding its columns
}

// namedAfter reports whether a sheet is named after table base.
func namedAfter(sheetName, base string) bool {
	names := sheetNames[base]
	n := strings.ToLower(strings.TrimSpace(sheetName))
	return n == names[0] || n == names[1]
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
		b := ld.book(dataBook)
		bookFailed = b.wb == nil
		for _, name := range b.sheets {
			if namedAfter(name, base) {
				found = append(found, tableSource{file: dataBook, sheet: name, book: true})
			}
		}
		if len(found) == 0 && len(refused) == 0 && b.wb != nil {
			if src, ok := ld.heldSheet(s, b); ok {
				return src, true
			} else if src.sheet != "" {
				return tableSource{}, false // several: said
			}
		}
	}
	for _, name := range refused {
		if ld.refused[name] {
			continue // said once for all three tables
		}
		mapSet(&ld.refused, name)
		ld.c.add(Error{File: name, Msg: refusedBook(ld.fsys, name)})
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

// heldSheet finds, among the sheets of data.xlsx named after no table, the
// one whose header names table s's columns. With several it says so and
// returns the first's name with ok false.
func (ld *loader) heldSheet(s schema, b *book) (tableSource, bool) {
	var others []string
	for _, name := range b.sheets {
		if !namedAfter(name, "cities") && !namedAfter(name, "bases") && !namedAfter(name, "figures") {
			others = append(others, name)
		}
	}
	held := b.holding(s, others)
	switch len(held) {
	case 0:
		return tableSource{}, false
	case 1:
		return tableSource{file: b.name, sheet: held[0], book: true, held: true}, true
	}
	base := strings.TrimSuffix(s.file, ".csv")
	ld.c.add(Error{File: b.name, Msg: fmt.Sprintf("sheets %s all hold the columns of the %s table, expected one: name the one to read %s (or %s)",
		quoteList(held), base, sheetNames[base][1], sheetNames[base][0])})
	return tableSource{sheet: held[0]}, false
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	return strings.Join(q, ", ")
}

func mapSet(m *map[string]bool, k string) {
	if *m == nil {
		*m = map[string]bool{}
	}
	(*m)[k] = true
}

// book is a workbook file as one run reads it: its bytes read once, so
// that every table and every reading of a table (the figures may be read
// twice) sees the same snapshot, even if the file is replaced meanwhile.
type book struct {
	name   string
	data   []byte
	wb     *sheet.Workbook // nil when the file is no workbook (the error is said once)
	sheets []string
	sum    chan string // its SHA-256, computed beside the first reading
	sumStr string
	heads  map[string][][]string // the first rows of sheets looked at
}

// book opens a workbook file once for the run, collecting the error when
// it cannot be read as one.
func (ld *loader) book(name string) *book {
	if b, ok := ld.books[name]; ok {
		return b
	}
	if ld.books == nil {
		ld.books = map[string]*book{}
	}
	b := &book{name: name}
	ld.books[name] = b
	f, size, ok := openRegular(ld.fsys, name, "an .xlsx workbook", schema{}, ld.c)
	if !ok {
		return b
	}
	if size > maxBookSize {
		f.Close()
		ld.c.add(Error{File: name, Msg: fmt.Sprintf("workbook larger than %d MiB, expected a workbook of sane size", maxBookSize>>20)})
		return b
	}
	data := make([]byte, size)
	_, err := io.ReadFull(f, data)
	f.Close()
	if err != nil {
		ld.c.add(Error{File: name, Msg: fmt.Sprintf("cannot read file: %v", err)})
		return b
	}
	wb, err := sheet.Open(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		msg := err.Error()
		if kind := sniffText(data); kind != "" {
			msg = notAWorkbook(name, kind)
		}
		ld.c.add(Error{File: name, Msg: msg})
		return b
	}
	b.data, b.wb, b.sheets = data, wb, wb.Sheets()
	b.sum = make(chan string, 1)
	go func() {
		s := sha256.Sum256(data)
		b.sum <- hex.EncodeToString(s[:])
	}()
	return b
}

// sha256 returns the file's SHA-256.
func (b *book) sha256() string {
	if b.sumStr == "" {
		b.sumStr = <-b.sum
	}
	return b.sumStr
}

// head returns the first non-blank rows of a sheet, read once.
func (b *book) head(name string) [][]string {
	if rows, ok := b.heads[name]; ok {
		return rows
	}
	rows, _ := b.wb.Head(name, headerSearchRows)
	if b.heads == nil {
		b.heads = map[string][][]string{}
	}
	b.heads[name] = rows
	return rows
}

// holding returns the sheets among names whose header names every required
// column of s, as the header search would find it.
func (b *book) holding(s schema, names []string) []string {
	var held []string
	for _, name := range names {
		for _, rec := range b.head(name) {
			if s.named(rec) == len(s.required) {
				held = append(held, name)
				break
			}
		}
	}
	return held
}

// readSheet reads table s from a workbook sheet.
func (ld *loader) readSheet(s schema, src tableSource, read func(*table)) {
	b := ld.book(src.file)
	if b.wb == nil {
		return
	}
	name := src.file
	if src.sheet == "" {
		src.sheet = ld.chooseSheet(s, b)
		if src.sheet == "" {
			return
		}
	} else {
		name += ":" + src.sheet
		if src.held {
			base := strings.TrimSuffix(s.file, ".csv")
			ld.notes.add(codeSheet,
				fmt.Sprintf("%s：%s表读自工作表“%s”（唯一含其各列的工作表）", src.file, sheetNames[base][1], src.sheet),
				fmt.Sprintf("%s: the %s table read from sheet %q, the one sheet holding its columns", src.file, base, src.sheet))
		}
	}
	if b.wb.Hidden(src.sheet) {
		ld.notes.add(codeSheetHidden,
			fmt.Sprintf("%s：工作表“%s”是隐藏的，仍已读取；请确认它是要用的表（右击工作表标签 > 取消隐藏）", src.file, src.sheet),
			fmt.Sprintf("%s: sheet %q is hidden and was read all the same: make sure it is the table meant (right-click a sheet tab > Unhide)", src.file, src.sheet))
	}
	rows, err := b.wb.Rows(src.sheet)
	if err != nil {
		ld.c.add(Error{File: src.file, Sheet: src.sheet, Msg: err.Error()})
		return
	}
	defer rows.Close()
	ss := &sheetSource{file: src.file, sheet: src.sheet, rows: rows}
	t := newTable(ld.ctx, ss, s, ld.c, &ld.notes)
	ss.found(t, ld.c)
	t.parallel = ld.parallel || len(b.data) > asyncSheetBytes
	read(t)
	ld.files = append(ld.files, analysis.InputFile{
		Name: name, SHA256: b.sha256(), Encoding: encXLSX, Rows: t.rows, Skipped: t.skipped,
	})
}

// asyncSheetBytes is the workbook size from which rows are parsed beside
// their checks, as for a large CSV file.
const asyncSheetBytes = 1 << 20

// chooseSheet picks the sheet of NAME.xlsx holding the table: the one named
// after it, else the one sheet whose header names its columns (the first
// of several, with a warning), else the first sheet holding anything.
func (ld *loader) chooseSheet(s schema, b *book) string {
	base := strings.TrimSuffix(s.file, ".csv")
	names := sheetNames[base]
	for _, name := range b.sheets {
		if namedAfter(name, base) {
			return name
		}
	}
	if len(b.sheets) == 0 {
		ld.c.add(Error{File: b.name, Msg: "the workbook has no worksheet, expected one holding the table"})
		return ""
	}
	if len(b.sheets) == 1 {
		return b.sheets[0]
	}
	chosen, why := "", ""
	switch held := b.holding(s, b.sheets); {
	case len(held) == 1:
		ld.notes.add(codeSheet,
			fmt.Sprintf("%s：%s表读自工作表“%s”（唯一含其各列的工作表）", b.name, names[1], held[0]),
			fmt.Sprintf("%s: the %s table read from sheet %q, the one sheet holding its columns", b.name, base, held[0]))
		return held[0]
	case len(held) > 1:
		chosen, why = held[0], fmt.Sprintf("the first of %d sheets holding its columns", len(held))
	default:
		for _, name := range b.sheets {
			if len(b.head(name)) > 0 {
				chosen = name // an empty first sheet is skipped
				break
			}
		}
		if chosen == "" {
			chosen = b.sheets[0]
		}
		why = fmt.Sprintf("no sheet's header names its columns; the first sheet holding cells, of %d", len(b.sheets))
	}
	ld.notes.add(codeSheet,
		fmt.Sprintf("%s：读取工作表“%s”（共%d张）；要读取其他工作表，请将其命名为“%s”", b.name, chosen, len(b.sheets), names[1]),
		fmt.Sprintf("%s: read sheet %q (%s); name a sheet %q or %q to read that one", b.name, chosen, why, names[1], names[0]))
	return chosen
}

// name names a table's place in notices: figures.csv, or data.xlsx:人数,
// since one workbook may hold all three tables.
func (pl place) name() string {
	if pl.sheet == "" {
		return pl.file
	}
	return pl.file + ":" + pl.sheet
}
