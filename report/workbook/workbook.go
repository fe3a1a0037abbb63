package workbook

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/workbook/internal/sheetxml"
)

// Options controls the workbook.
type Options struct {
	Lang     vocab.Lang // zh (default) or en: sheet names, headers, labels
	Modified time.Time  // document properties' created/modified; never time.Now
	// TmpDir holds excelize's temporary files (a large sheet spills to
	// one): a folder the run owns and removes. Empty: the system's.
	TmpDir string
}

// maxRows is Excel's row limit per sheet.
const maxRows = 1048576

// Write writes the workbook for c to w.
func Write(w io.Writer, c *analysis.Comparison, opts Options) error {
	_, err := write(w, c, opts, config{limit: maxRows})
	return err
}

// check is a formula cell and the value it must compute: the figure of the
// Comparison it stands for. want nil: the cell must compute to empty.
type check struct {
	sheet, cell, formula string
	want                 *float64
	// libreOnly: excelize's calculator gets this formula wrong, so only
	// LibreOffice checks it (make check).
	libreOnly bool
}

// book is one workbook being written.
type book struct {
	f       *excelize.File
	c       *analysis.Comparison
	l       *labels
	tl      timeLabels
	figs    *figureList // the 人数 sheet's rows: every period's figures
	st      styles
	lang    vocab.Lang
	limit   int      // rows per sheet
	record  bool     // keep checks (tests)
	notes   []string // what the overview must say about split or cut tables
	clipped int      // rows whose text is taller than the format allows (wrapHeight)
	checks  []check
	layout  layout
	segs    []analysis.Segment // segments with a city figure: the city sheet's columns
	// onRequest are the data lists that print only when asked (tablePlan).
	onRequest []string
	// parts are the sheets' rows written directly, by part name, for
	// sortedZip to splice into the frames excelize writes.
	parts map[string]sheetxml.Part
	// viaExcelize writes the rows through excelize's StreamWriter instead
	// (the reference the tests compare with).
	viaExcelize bool
	noKits      bool // config.noKits
	// kit is what AddChart made for the chart sheet, kept under kitKey
	// once the workbook is written (chartkit.go).
	kit    *chartKit
	kitKey string
	// The streamed sheets' frames (framekit.go): the first sheet's name,
	// each sheet's ID, the key of each frame made through a StreamWriter
	// by part name, and those frames once written, by key.
	firstSheet string
	sheetIDs   map[string]int
	frameKeys  map[string]string
	newFrames  map[string][]byte
}

// config is what tests change: the rows per sheet, whether to keep the
// formula checks, and whether rows go through excelize's StreamWriter.
type config struct {
	limit       int
	checks      bool
	viaExcelize bool
	// noKits makes the styles and charts anew in the workbook's own File
	// (the reference TestKitsSameBytes compares the kits with).
	noKits bool
}

// write builds the workbook and returns the book, whose checks the tests
// evaluate.
func write(w io.Writer, c *analysis.Comparison, opts Options, cfg config) (*book, error) {
	if c == nil {
		return nil, fmt.Errorf("write workbook: no comparison")
	}
	c = c.InReadingOrder() // ties in official order, not code point
	lang := opts.Lang
	if lang != vocab.En {
		lang = vocab.Zh
	}
	var err error
	b := &book{c: c, l: labelsFor(lang), tl: timeLabelsFor(lang, c), lang: lang, limit: cfg.limit, record: cfg.checks, viaExcelize: cfg.viaExcelize, noKits: cfg.noKits}
	if cfg.noKits {
		b.f = excelize.NewFile(excelize.Options{TmpDir: opts.TmpDir})
	} else if b.f, err = newFile(excelize.Options{TmpDir: opts.TmpDir}); err != nil { // its theme from the kit
		return nil, err
	}
	defer b.f.Close()
	b.l.forOneProvince(c, lang)
	var kit *styleKit
	if cfg.noKits {
		b.st, err = newStyles(b.f, b.l.wanFormat)
	} else if kit, err = kitFor(b.l.wanFormat); err == nil {
		b.st = kit.ids
	}
	if err != nil {
		return nil, err
	}
	b.figs = newFigureList(c)
	b.layout = planLayout(c, b.l, cfg.limit, b.figs.len())
	b.segs = segments(c.Cities)
	if err := b.createSheets(); err != nil {
		return nil, err
	}
	steps := []func() error{b.writeRegions, b.writeProvinces, b.writeCities, b.writeTrend, b.writeProvinceTrend, b.writeBases,
		b.writeFigures, b.writeRevisions, b.writeQuality, b.writeCharts, b.writeOverview, b.writeReadme}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	if err := b.properties(opts.Modified); err != nil {
		return nil, err
	}
	// Content types are kept in a map inside excelize: sort them so two
	// runs give the same bytes.
	if ct := b.f.ContentTypes; ct != nil {
		sort.Slice(ct.Defaults, func(i, j int) bool { return ct.Defaults[i].Extension < ct.Defaults[j].Extension })
	}
	// The styles and theme as the kit wrote them, set last: until then the
	// File keeps the styles of its template, which only AddShape (the
	// default font, chartkit.go) reads.
	if kit != nil {
		useKit(b.f, kit)
	}
	// The archive goes straight to w: excelize hands the zip writer a
	// buffer of its own, which it copies to w once the archive is closed
	// (File.WriteTo: WriteToBuffer, then buf.WriteTo(w)); left empty, it
	// copies nothing, and the whole file is neither buffered twice nor
	// copied.
	b.f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		z := newSortedZip(w, b.parts)
		z.keep, z.frame = b.keepPart, b.keepFrame
		return z
	})
	if err := b.f.Write(w); err != nil {
		return nil, fmt.Errorf("write workbook: %w", err)
	}
	b.saveKit()
	b.saveFrames()
	return b, nil
}

// part is a run of rows of one list written on one sheet.
type part struct {
	sheet    string
	first, n int // rows first .. first+n-1 of the list
}

// layout fixes every sheet and how many rows it holds before any is written,
// so formulas can point at rows of sheets not written yet.
type layout struct {
	regions, provinces, cities part
	bases, figures             []part
}

// planLayout fits each list into sheets of at most limit rows (a header
// and a totals row included). The summary tables are cut at the limit (they
// are sorted by members, so the cut rows are the smallest); the detail
// tables are split over numbered sheets.
func planLayout(c *analysis.Comparison, l *labels, limit, figures int) layout {
	per := max(limit-2, 1)
	one := func(sheet string, n int) part { return part{sheet: sheet, n: min(n, per)} }
	split := func(sheet string, n int) []part {
		var ps []part
		for first := 0; first < n || first == 0; first += per {
			name := sheet
			if first > 0 {
				name = fmt.Sprintf("%s (%d)", sheet, first/per+1)
			}
			ps = append(ps, part{sheet: name, first: first, n: min(per, n-first)})
		}
		return ps
	}
	return layout{
		regions:   one(l.regions, len(c.Regions)),
		provinces: one(l.provinces, len(c.Provinces)),
		cities:    one(l.cities, len(c.Cities)),
		bases:     split(l.bases, len(c.Bases)),
		figures:   split(l.figures, figures),
	}
}

// createSheets adds every sheet in reading order and notes the cut and
// split tables for the overview.
func (b *book) createSheets() error {
	lay := b.layout
	names := []string{b.l.overview, b.l.charts, lay.regions.sheet, lay.provinces.sheet, lay.cities.sheet}
	if b.hasTrend() {
		names = append(names, b.tl.trend)
		if len(b.c.Provinces) > 0 {
			names = append(names, b.tl.trendProvinces)
		}
	}
	for _, ps := range [][]part{lay.bases, lay.figures} {
		for _, p := range ps {
			names = append(names, p.sheet)
		}
	}
	if b.hasRevisions() {
		names = append(names, revisionLabelsFor(b.lang).sheet)
	}
	names = append(names, b.l.quality, b.l.readme)
	if err := b.f.SetSheetName("Sheet1", names[0]); err != nil {
		return fmt.Errorf("name sheet %s: %w", names[0], err)
	}
	for _, n := range names[1:] {
		if _, err := b.f.NewSheet(n); err != nil {
			return fmt.Errorf("add sheet %s: %w", n, err)
		}
	}
	b.firstSheet, b.sheetIDs = names[0], map[string]int{}
	for id, name := range b.f.GetSheetMap() {
		b.sheetIDs[name] = id
	}
	for _, t := range []struct {
		p part
		n int
	}{{lay.regions, len(b.c.Regions)}, {lay.provinces, len(b.c.Provinces)}, {lay.cities, len(b.c.Cities)}} {
		if t.p.n < t.n {
			b.notes = append(b.notes, b.l.truncated(t.p.sheet, t.n, t.p.n))
		}
	}
	if b.l.aloneNote != "" {
		b.notes = append(b.notes, b.l.aloneNote)
	}
	if b.figs.cut > 0 {
		b.notes = append(b.notes, b.tl.historyCut(b.figs.cut+b.figs.len(), maxHistoryRows, lay.figures[0].sheet, b.tl.trend))
	}
	for _, t := range []struct {
		ps []part
		n  int
	}{{lay.bases, len(b.c.Bases)}, {lay.figures, b.figs.len()}} {
		if len(t.ps) > 1 {
			var sheets []string
			for _, p := range t.ps {
				sheets = append(sheets, p.sheet)
			}
			b.notes = append(b.notes, b.l.split(t.ps[0].sheet, t.n, sheets))
		}
	}
	return nil
}

// properties sets the document properties with fixed times. The workbook
// no longer asks programs to compute every formula on load
// (fullCalcOnLoad): each formula carries its right value, which every
// program shows as written, and basebrief's own reader (input) refuses
// the formulas of a workbook that asks, as their values are stale there.
func (b *book) properties(modified time.Time) error {
	if modified.IsZero() {
		modified = time.Unix(0, 0)
	}
	stamp := modified.UTC().Format(time.RFC3339)
	title := b.c.Meta.Title
	if title == "" {
		title = b.l.defaultTitle
	}
	keywords := []string{b.c.Period.String()}
	if !b.c.Previous.IsZero() {
		keywords = append(keywords, b.c.Previous.String())
	}
	err := b.f.SetDocProps(&excelize.DocProperties{
		Title: title, Subject: b.c.Meta.Subject, Description: b.l.periodLabel + " " + b.c.Period.String(),
		Keywords: strings.Join(keywords, ", "), Category: b.c.Period.String(), Creator: "basebrief",
		LastModifiedBy: "basebrief", Created: stamp, Modified: stamp, Language: string(b.lang),
	})
	if err != nil {
		return fmt.Errorf("set document properties: %w", err)
	}
	if err := b.f.SetAppProps(&excelize.AppProperties{Application: "basebrief"}); err != nil {
		return fmt.Errorf("set application properties: %w", err)
	}
	// The overview, the first sheet, is the active one already; setting it
	// again would make excelize parse every streamed sheet back.
	return nil
}

// Cell helpers. Text always goes in as a text value: it is written as an
// inline string, never as a formula, whatever it starts with.

// cell is one cell of a row; the zero cell is not written.
type cell = sheetxml.Cell

func (b *book) text(s string) cell { return b.styled(b.st.text, s) }

func (b *book) styled(style int, s string) cell {
	if s == "" {
		return cell{}
	}
	return cell{Style: style, Kind: sheetxml.Text, Text: s}
}

func (b *book) intCell(n int, style int) cell {
	return cell{Style: style, Kind: sheetxml.Int, Int: int64(n)}
}

func (b *book) people(n *int64, style int) cell {
	if n == nil {
		return cell{}
	}
	return cell{Style: style, Kind: sheetxml.Int, Int: *n}
}

// number is a stated or recorded figure, which may have decimals.
func (b *book) number(v float64, style int) cell {
	return cell{Style: style, Kind: sheetxml.Float, Float: v}
}

// formula writes a formula cell with its cached value, and records the
// value it must compute. The cached value is the Comparison's figure the
// formula stands for (the tests recalculate every formula, with excelize
// and LibreOffice, and compare): readers that do not recalculate (file
// previews, openpyxl, pandas, Excel in protected view) show it. want nil:
// the formula computes to empty text, cached as such (t="str", no <v>).
// A number value is kept beside the formula, as excelize's stream writer
// keeps it (StreamWriter.SetRow: setCellFormula, then setCellValFunc sets
// <v>), which sheetxml writes the same.
func (b *book) formula(sheet string, col string, row int, style int, f string, want *float64) cell {
	if b.record {
		// A copy: want itself does not outlive the call, so the figure it
		// points at (ratio, f64, fi: one for most formula cells) is not
		// moved to the heap for every workbook, only when the tests keep
		// the checks.
		var w *float64
		if want != nil {
			v := *want
			w = &v
		}
		b.checks = append(b.checks, check{sheet: sheet, cell: col + strconv.Itoa(row), formula: f, want: w})
	}
	c := cell{Style: style, Formula: f}
	if want != nil {
		c = cached(c, *want)
	}
	return c
}

// cached sets a formula's cached value: a whole number as an integer, so
// the cell holds "1400000", not a float's digits.
func cached(c cell, v float64) cell {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		c.Kind, c.Int = sheetxml.Int, int64(v)
	} else {
		c.Kind, c.Float = sheetxml.Float, v
	}
	return c
}

func f64(n *int64) *float64 {
	if n == nil {
		return nil
	}
	v := float64(*n)
	return &v
}

func fi(n int) *float64 {
	v := float64(n)
	return &v
}

func ratio(n *int64, div float64) *float64 {
	if n == nil {
		return nil
	}
	v := float64(*n) / div
	return &v
}
