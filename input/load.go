package input

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input/internal/csvtext"
)

// Options tune Load.
type Options struct {
	// Period is the period compared. Zero: the latest period of the finest
	// kind present; otherwise it must be present in figures.csv.
	Period analysis.Period
	// MaxErrors bounds the messages listed (0: 100), shared fairly between
	// the files; past it a last line for each file counts the rest.
	MaxErrors int
}

// Invalid is the error Load returns for invalid input: the problems, and
// the warnings met reading the files, which often explain them. errors.As
// finds the Errors in it too.
type Invalid struct {
	Errors  Errors
	Notices []analysis.Notice
}

func (e *Invalid) Error() string { return e.Errors.Error() }

// As lets errors.As(err, &errs) take the list of an *Invalid.
func (e *Invalid) As(target any) bool {
	if p, ok := target.(*Errors); ok {
		*p = e.Errors
		return true
	}
	return false
}

// LoadDir loads the data folder dir. Messages name files by base name.
func LoadDir(dir string, opts Options) (*analysis.Dataset, error) {
	return LoadDirContext(context.Background(), dir, opts)
}

// LoadDirContext is LoadDir, stopping soon (within a few milliseconds of
// rows) once ctx is cancelled, with an error wrapping ctx.Err().
func LoadDirContext(ctx context.Context, dir string, opts Options) (*analysis.Dataset, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, Errors{{File: dir, Msg: "data folder not found, expected a folder holding cities.csv, bases.csv and figures.csv"}}
	}
	if !st.IsDir() {
		return nil, Errors{{File: dir, Msg: "is not a folder, expected a folder holding cities.csv, bases.csv and figures.csv"}}
	}
	return LoadContext(ctx, os.DirFS(dir), opts)
}

// Load reads cities.csv, bases.csv, figures.csv and the optional
// briefing.toml from fsys and validates them. On invalid input it returns
// an *Invalid listing every problem found (up to opts.MaxErrors); any
// other return is a valid Dataset.
func Load(fsys fs.FS, opts Options) (*analysis.Dataset, error) {
	return LoadContext(context.Background(), fsys, opts)
}

// LoadContext is Load, stopping soon once ctx is cancelled.
func LoadContext(ctx context.Context, fsys fs.FS, opts Options) (*analysis.Dataset, error) {
	return load(ctx, fsys, opts, false)
}

// load is Load; with parallel set, figures.csv is read as a large file is
// (pipeline), whatever its size, so tests can compare the two ways.
func load(ctx context.Context, fsys fs.FS, opts Options, parallel bool) (*analysis.Dataset, error) {
	ld := &loader{ctx: ctx, fsys: fsys, c: newCollector(opts.MaxErrors), parallel: parallel}
	d := &analysis.Dataset{}

	ix := newCityIndex()
	ld.readTable(citiesSchema, func(t *table) { ix = readCities(t) })
	d.Cities = ix.cities
	ld.readTable(basesSchema, func(t *table) { d.Bases = readBases(t, ix) })
	var fr figureResult
	for _, daysAsMonths := range []bool{true, false} {
		notes, files := ld.notes.mark(), len(ld.files)
		ld.readTable(figuresSchema, func(t *table) { fr = readFigures(t, ix, opts.Period, ld.c, daysAsMonths) })
		if !fr.retryDays {
			break
		}
		// First-of-month days were not beside months: read them as days.
		ld.c.forget(figuresSchema.file)
		ld.notes.reset(notes)
		ld.files = ld.files[:files]
	}
	d.Figures, d.Periods, d.Period, d.Previous = fr.figures, fr.periods, fr.period, fr.previous
	d.History = fr.history

	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("read input: %w", err)
	}
	meta, file := readBriefing(fsys, ld.c, &ld.notes)
	d.Meta = meta
	if file != nil {
		ld.files = append(ld.files, *file)
	}
	if n, ok := ix.matchedNotice(); ok {
		ld.notes.add(n.Code, n.Zh, n.En)
	}
	if n, ok := ix.changesNotice(); ok {
		ld.notes.add(n.Code, n.Zh, n.En)
	}
	if err := ld.c.result(); err != nil {
		return nil, &Invalid{Errors: err.(Errors), Notices: ld.notes.sorted()}
	}
	d.Files = ld.files
	d.Notices = ld.notes.sorted()
	spellAsWritten(d, &ix.names)
	return d, nil
}

// loader carries what one Load gathers across files.
type loader struct {
	ctx      context.Context
	fsys     fs.FS
	c        *collector
	notes    notices
	files    []analysis.InputFile
	parallel bool             // parse figures.csv beside validation even when small
	books    map[string]*book // workbooks, each read once (workbook.go)
	refused  map[string]bool  // old-format workbooks already reported
}

// readTable reads one table from its CSV file or workbook sheet
// (workbook.go), handing it to read.
func (ld *loader) readTable(s schema, read func(*table)) {
	src, ok := ld.locate(s)
	switch {
	case !ok:
	case src.book:
		ld.readSheet(s, src, read)
	default:
		ld.readCSV(s, read)
	}
}

// readCSV reads one CSV file: its text, checked and hashed as it is read,
// first as UTF-8 and, if the rows meet bytes that are not UTF-8
// (errNotUTF8), again from the start as GB18030, dropping the errors and
// warnings of the abandoned attempt.
func (ld *loader) readCSV(s schema, read func(*table)) {
	for _, gb := range []bool{false, true} {
		mark := ld.notes.mark()
		f, dec := openCSV(ld.fsys, s.file, s, gb, ld.c)
		if dec == nil {
			return
		}
		src := &csvSource{file: s.file, r: csvtext.NewRowReader(dec.Text, dec.Sep)}
		t := newTable(ld.ctx, src, s, ld.c, &ld.notes)
		t.parallel = dec.Async() || ld.parallel
		if t.retry == nil {
			read(t)
		}
		dec.Close()
		f.Close()
		if errors.Is(t.retry, errNotUTF8) && !gb {
			ld.c.forget(s.file)
			ld.notes.reset(mark)
			continue
		}
		if dec.CROnly {
			ld.notes.add(codeLineEnds,
				fmt.Sprintf("%s：行以单独的CR结尾（旧版Mac Excel的格式），已按换行读取", s.file),
				fmt.Sprintf("%s: lines end with a lone CR (old Mac Excel), read as line ends", s.file))
		}
		ld.files = append(ld.files, analysis.InputFile{
			Name: s.file, SHA256: dec.Sum(), Encoding: dec.Encoding, Rows: t.rows, Skipped: t.skipped,
		})
		return
	}
}
