package input

import (
	"errors"
	"io/fs"
	"os"
	"sort"

	"github.com/basebrief/basebrief/analysis"
)

// Options tune Load.
type Options struct {
	// Period is the period compared. Zero: the latest period present;
	// otherwise it must be present in figures.csv.
	Period analysis.Period
	// MaxErrors bounds the errors listed (0: 100); past it a final
	// "... and N more" entry counts the rest.
	MaxErrors int
}

// LoadDir loads the data folder dir. Messages name files by base name.
func LoadDir(dir string, opts Options) (*analysis.Dataset, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, Errors{{File: dir, Msg: "data folder not found, expected a folder holding cities.csv, bases.csv and figures.csv"}}
	}
	if !st.IsDir() {
		return nil, Errors{{File: dir, Msg: "is not a folder, expected a folder holding cities.csv, bases.csv and figures.csv"}}
	}
	return Load(os.DirFS(dir), opts)
}

// Load reads cities.csv, bases.csv, figures.csv and the optional
// briefing.toml from fsys and validates them. On invalid input it returns
// Errors listing every problem found (up to opts.MaxErrors); any other
// return is a valid Dataset.
func Load(fsys fs.FS, opts Options) (*analysis.Dataset, error) {
	return load(fsys, opts, false)
}

// load is Load; with parallel set, figures.csv is read as a large file is
// (pipeline), whatever its size, so tests can compare the two ways.
func load(fsys fs.FS, opts Options, parallel bool) (*analysis.Dataset, error) {
	ld := &loader{fsys: fsys, c: newCollector(opts.MaxErrors), parallel: parallel}
	d := &analysis.Dataset{}

	ix := newCityIndex()
	ld.readCSV(citiesSchema, func(t *table) { ix = readCities(t) })
	d.Cities = ix.cities
	ld.readCSV(basesSchema, func(t *table) { d.Bases = readBases(t, ix) })
	var fr figureResult
	ld.readCSV(figuresSchema, func(t *table) { fr = readFigures(t, ix, opts.Period) })
	d.Figures, d.Periods, d.Period, d.Previous = fr.figures, fr.periods, fr.period, fr.previous
	d.History = fr.history

	meta, file := readBriefing(fsys, ld.c, &ld.warnings)
	d.Meta = meta
	if file != nil {
		ld.files = append(ld.files, *file)
	}
	if err := ld.c.result(); err != nil {
		return nil, err
	}
	if len(d.Periods) == 0 {
		ld.warnings = append(ld.warnings, figuresSchema.file+": no figures, so no members are reported")
	}
	d.Files = ld.files
	sort.Strings(ld.warnings)
	for _, w := range unique(ld.warnings) {
		// Zh left empty until each input warning gets its code and Chinese text.
		d.Notices = append(d.Notices, analysis.Notice{Code: analysis.CodeInput, En: w})
	}
	return d, nil
}

// loader carries what one Load gathers across files.
type loader struct {
	fsys     fs.FS
	c        *collector
	warnings []string
	files    []analysis.InputFile
	parallel bool // parse figures.csv beside validation even when small
}

// readCSV reads one CSV file, handing its table to read.
func (ld *loader) readCSV(s schema, read func(*table)) {
	file, ok := ld.decodeCSV(s, func(dec *decoder) (int, int, error) {
		t := newTable(dec.text, s, ld.c, &ld.warnings)
		t.parallel = dec.async != nil || ld.parallel
		if t.retry == nil {
			read(t)
		}
		return t.rows, t.skipped, t.retry
	})
	if ok {
		ld.files = append(ld.files, file)
	}
}

// decodeCSV is the decode stage of one file: it opens s.file and hands its
// text, checked and hashed as it is read, to consume, first as UTF-8 and,
// if consume meets bytes that are not UTF-8 (errNotUTF8), again from the
// start as GB18030, dropping the errors and warnings of the abandoned
// attempt. consume returns the rows and skipped rows it counted. ok is
// false when the file could not be read at all (the error is collected).
func (ld *loader) decodeCSV(s schema, consume func(*decoder) (rows, skipped int, err error)) (file analysis.InputFile, ok bool) {
	for _, gb := range []bool{false, true} {
		mark, nwarn := ld.c.mark(), len(ld.warnings)
		f, dec := openDecoder(ld.fsys, s, gb, ld.c)
		if dec == nil {
			return file, false
		}
		rows, skipped, err := consume(dec)
		dec.close()
		f.Close()
		if errors.Is(err, errNotUTF8) && !gb {
			ld.c.reset(mark)
			ld.warnings = ld.warnings[:nwarn]
			continue
		}
		return analysis.InputFile{
			Name: s.file, SHA256: dec.raw.sum(), Encoding: dec.encoding, Rows: rows, Skipped: skipped,
		}, true
	}
	return file, false
}

func unique(s []string) []string {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
