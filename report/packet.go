package report

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/briefing"
	"github.com/basebrief/basebrief/report/chart"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/docx"
	"github.com/basebrief/basebrief/report/font"
	"github.com/basebrief/basebrief/report/pdf"
	"github.com/basebrief/basebrief/report/workbook"
)

// Options are what every renderer needs besides the comparison.
type Options struct {
	Lang vocab.Lang
	Face *font.Face // nil: the embedded face
	Time time.Time  // document dates, from SOURCE_DATE_EPOCH
	// TmpDir is where libraries may put temporary files: the run's own
	// scratch folder, which it removes. Empty: the system's.
	TmpDir string
	// PlainMasthead leaves the briefing's 报头 blank for pre-printed paper.
	PlainMasthead bool

	// SliceDone, if set, is called as each slice's packet is rendered,
	// from the goroutine that rendered it: the command bounds the heap
	// again from what is then live.
	SliceDone func()
	// Rendered, if set, is called by PacketWithSlices (and Slices) with
	// each packet's files as it is rendered — the whole packet's, and each
	// slice's at its paths under slices/ — from the goroutine that rendered
	// it, in any order: the command writes them while the rest render.
	// The bytes are then Rendered's: PacketWithSlices keeps none of them
	// and returns each file with its Path and Size, Data nil.
	Rendered func([]File)

	rasters *chart.Rasters // Slices: chart rasters kept from packet to packet
}

// File is one rendered file of the packet, at a slash-separated path
// relative to the packet folder.
type File struct {
	Path string
	Data []byte
	// Size is the length of a file whose bytes went to Options.Rendered,
	// returned with Data nil; 0 while Data holds the file (len(Data)).
	Size int
}

// Notices are what rendering c with face adds to the comparison's notices
// (characters no embedded face has): the packet lists them with the
// others, and the command logs them, so every notice reaches stderr.
// A nil face is the embedded one.
func Notices(c *analysis.Comparison, face *font.Face) []analysis.Notice {
	return briefing.MissingGlyphs(c, face)
}

// PrepareFonts reads ahead what drawing and embedding with face (nil: the
// embedded faces) will need; safe to run beside anything (font.Prepare).
func PrepareFonts(face *font.Face) { font.Prepare(face) }

// Packet renders every file of the packet except manifest.json, sorted by
// path. The workbook and summary render beside the charts; the briefing is
// built once the charts are there, as a document, and drawn from it.
// notes are things worth logging, such as charts skipped for lack of data.
func Packet(c *analysis.Comparison, o Options) (files []File, notes []string, err error) {
	if o.Face == nil {
		if o.Face, err = font.Default(); err != nil {
			return nil, nil, fmt.Errorf("load embedded font: %w", err)
		}
	}
	if o.Lang == "" {
		o.Lang = vocab.Zh
	}
	c = sliced(c, o.Lang)
	// Characters no embedded face draws are a notice of the whole packet
	// (the workbook's data-quality sheet and summary.json list it too).
	if ns := Notices(c, o.Face); len(ns) > 0 {
		cc := *c
		cc.Notices = append(slices.Clone(c.Notices), ns...)
		slices.SortStableFunc(cc.Notices, func(a, b analysis.Notice) int { return strings.Compare(a.En, b.En) })
		cc.Warnings = make([]string, len(cc.Notices))
		for i, n := range cc.Notices {
			cc.Warnings[i] = n.En
		}
		c = &cc
	}
	var (
		wg                 sync.WaitGroup
		xlsx, summ, word   bytes.Buffer
		briefingPDF, annex []byte
		xlsxErr, summErr   error
	)
	wg.Go(func() {
		defer recoverInto(&xlsxErr)
		xlsxErr = workbook.Write(&xlsx, c, workbook.Options{Lang: o.Lang, Modified: o.Time, TmpDir: o.TmpDir})
	})
	job := startCharts(c, o)
	charts, notes, chartErr := job.wait()
	var pdfErr, wordErr, annexErr error
	if chartErr == nil {
		bo := briefing.Options{Lang: o.Lang, Face: o.Face, Created: o.Time, Charts: job.figures(), PlainMasthead: o.PlainMasthead}
		// The analysts' 数据说明, what the circulated briefing leaves out,
		// drawn beside the briefing: it needs only the comparison and the
		// charts, and after them it was the end of each packet's critical
		// path (the last slice's, with a core idle; issue 25).
		wg.Go(func() {
			defer recoverInto(&annexErr)
			var ax *document.Document
			if ax, annexErr = briefing.BuildAnnex(c, bo); annexErr == nil {
				annex, annexErr = pdf.Render(ax, pdf.Options{Face: o.Face})
			}
		})
		// Built to the page promise: the PDF's pages decide how much of a
		// long foreword the document shows.
		doc, drawn, err := briefing.Fit(c, bo, briefing.Renderer{
			Lay:    func(d *document.Document) (briefing.Layout, error) { return pdf.Lay(d, pdf.Options{Face: o.Face}) },
			Render: func(d *document.Document) ([]byte, error) { return pdf.Render(d, pdf.Options{Face: o.Face}) },
		})
		if pdfErr = err; pdfErr == nil {
			// One document, two renderers and summary.json's narrative:
			// the Word file and the summary say what the PDF says.
			summErr = WriteSummary(&summ, c, doc.Narrative()...)
			wordErr = docx.Write(&word, doc)
			briefingPDF = drawn
		}
	}
	wg.Wait()
	if pdfErr == nil {
		pdfErr = annexErr // the briefing's own failure first
	}
	for _, e := range []struct {
		what string
		err  error
	}{{"render charts", chartErr}, {"write workbook", xlsxErr}, {"write summary", summErr}, {"write briefing", pdfErr}, {"write briefing.docx", wordErr}} {
		if e.err != nil {
			return nil, nil, fmt.Errorf("%s: %w", e.what, e.err)
		}
	}
	files = []File{{Path: "annex.pdf", Data: annex}, {Path: "briefing.pdf", Data: briefingPDF},
		{Path: "briefing.docx", Data: word.Bytes()}, {Path: "workbook.xlsx", Data: xlsx.Bytes()}, {Path: "summary.json", Data: summ.Bytes()}}
	for _, ch := range charts {
		files = append(files, File{Path: "charts/" + ch.Name + ".png", Data: ch.PNG}, File{Path: "charts/" + ch.Name + ".svg", Data: ch.SVG})
	}
	slices.SortFunc(files, func(a, b File) int { return strings.Compare(a.Path, b.Path) })
	return files, notes, nil
}

// chartJob renders the charts in the background.
type chartJob struct {
	done   chan struct{}
	charts []chart.Chart
	notes  []string
	err    error
}

func startCharts(c *analysis.Comparison, o Options) *chartJob {
	j := &chartJob{done: make(chan struct{})}
	go func() {
		defer close(j.done)
		defer recoverInto(&j.err)
		j.charts, j.notes, j.err = chart.Render(c, chart.Options{Lang: o.Lang, Face: o.Face, Source: c.Meta.Source, Rasters: o.rasters})
	}()
	return j
}

func (j *chartJob) wait() ([]chart.Chart, []string, error) {
	<-j.done
	return j.charts, j.notes, j.err
}

// figures waits for the charts and returns them for the briefing; none if
// they failed, which Packet reports.
func (j *chartJob) figures() []briefing.Figure {
	charts, _, err := j.wait()
	if err != nil {
		return nil
	}
	figs := make([]briefing.Figure, len(charts))
	for i, ch := range charts {
		figs[i] = briefing.Figure{Name: ch.Name, Title: ch.Title, PNG: ch.PNG}
	}
	return figs
}

// recoverInto turns a panic of a renderer's goroutine into its error, so a
// bug met on some input fails the run with a message (exit 3) instead of
// crashing the process with exit 2, the usage-error code. The run's own
// goroutine is guarded by cmd.
func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("internal error: %v (a bug in basebrief: please report it with the input)", r)
	}
}
