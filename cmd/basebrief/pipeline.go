package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"path/filepath"
	"runtime"
	"runtime/trace"
	"strings"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/output"
	"github.com/basebrief/basebrief/report"
	"github.com/basebrief/basebrief/report/briefing"
)

// runPacket is `basebrief run`: load, compare, render, then write the
// packet under the lock. The lock is taken only around the write, so a
// waiting run has already done its work when its turn comes.
func runPacket(ctx context.Context, cfg config, log *logger, stdout io.Writer) (err error) {
	start := time.Now()
	// A run killed between the swap's two renames left no packet/: put it
	// back before anything can fail, as the README promises.
	if err := output.Restore(ctx, cfg.out); err != nil {
		return log.fail(err, "cannot restore the previous packet left by a killed run; nothing written")
	}
	if err := output.CheckReplaceable(cfg.out); err != nil { // fail before the work
		return log.fail(err, "cannot replace --out; nothing written")
	}
	if err := output.CheckLock(cfg.out); err != nil {
		return log.fail(err, "cannot lock the packet folder; nothing written")
	}
	face, err := loadFont(cfg.font)
	if err != nil {
		return log.fail(err, "font unusable; nothing written")
	}
	go report.PrepareFonts(face) // while the input loads
	var (
		ds  *analysis.Dataset
		cmp *analysis.Comparison
	)
	err = stage(ctx, "read", func() (err error) {
		ds, cmp, err = loadAndCompare(cfg, log)
		return err
	})
	if err != nil {
		return failStage(log, err)
	}
	if cfg.slices != "" {
		var known []string
		for _, name := range analysis.SliceNames(cmp, cfg.slices) {
			known = append(known, report.SliceDir(name))
		}
		if err := checkSlices(&cfg.send, known); err != nil {
			return log.fail(err, "delivery file names an unknown slice; nothing written")
		}
	}
	hist := openHistory(ctx, cfg, log, ds, cmp, start) // before rendering: the revisions are in the packet
	defer hist.close()
	// What rendering adds to the comparison's notices (a character no
	// face has) is a warning too: logged like the others.
	log.notices(report.Notices(cmp, face))
	t := packetTime(cfg.epoch, ds.Meta, ds.Period)
	var (
		files []report.File
		notes []string
	)
	// The libraries' temporary files go to a folder beside --out that this
	// run owns: removed when it ends, swept by the next run if it is killed.
	scratch, err := output.NewScratch(cfg.out)
	if err != nil {
		return log.fail(err, "cannot create the scratch folder beside --out; nothing written")
	}
	defer scratch.Remove()
	for _, w := range scratch.Warnings {
		log.Warn(clean(w))
	}
	// With slices, each packet's files are written beside --out as it is
	// rendered (output.Stage), not all after the last (issue 25).
	var staged *output.Stage
	if cfg.slices != "" {
		if staged, err = scratch.Stage(ctx); err != nil {
			return log.fail(err, "cannot create the staging folder beside --out; nothing written")
		}
		defer staged.Close() // before the scratch folder is removed
	}
	dataLive, limit := boundHeap()
	if limit > 0 {
		log.Debug("heap bounded from the data read", "live_mb", dataLive>>20, "limit_mb", limit>>20)
	}
	err = stage(ctx, "render", func() (err error) {
		o := report.Options{Lang: vocab.Lang(cfg.lang), Face: face, Time: t, TmpDir: scratch.Dir, PlainMasthead: cfg.plainHead}
		paceRender()
		if cfg.slices == "" {
			files, notes, err = report.Packet(cmp, o)
			return err
		}
		o.SliceDone = sliceHeap(dataLive, runtime.GOMAXPROCS(0)) // GOMAXPROCS packets render at a time
		o.Rendered = func(fs []report.File) { staged.Add(outputFiles(fs)) }
		files, notes, err = report.PacketWithSlices(ds, cmp, cfg.slices, o)
		return err
	})
	if err != nil {
		if errors.Is(err, errInterrupted) || errors.Is(err, errInternal) || errors.Is(err, errOutOfMemory) {
			return failStage(log, err)
		}
		return log.fail(fmt.Errorf("render packet: %w", err), "render failed; nothing written")
	}
	for _, n := range notes {
		log.Info(clean(n))
	}
	release, err := output.Lock(ctx, cfg.out, cfg.wait)
	if err != nil {
		switch {
		case errors.Is(err, output.ErrLocked):
			return log.fail(err, "packet folder busy; nothing written")
		case errors.Is(context.Cause(ctx), errOutOfMemory):
			return log.fail(context.Cause(ctx), "out of memory; nothing written")
		case ctx.Err() != nil:
			return log.fail(err, "interrupted by a signal while waiting for the lock; nothing written")
		}
		return log.fail(err, "cannot lock the packet folder; nothing written")
	}
	defer release()
	info := manifestInfo(cfg, ds, cmp, t)
	var res output.Result
	trace.WithRegion(ctx, "write", func() {
		if staged != nil {
			res, err = output.ReplaceStaged(ctx, cfg.out, staged, stagedFiles(files), info, output.Options{Now: now()})
		} else {
			res, err = output.Replace(ctx, cfg.out, outputFiles(files), info, output.Options{Now: now()})
		}
	})
	for _, w := range res.Warnings {
		log.Warn(clean(w))
	}
	if res.Kept != "" {
		log.Warn("the previous packet holds files a person added or changed: kept whole, not deleted",
			"kept", clean(res.Kept), "changes", clean(strings.Join(res.Why, ", ")))
	}
	if err != nil {
		if cause := context.Cause(ctx); errors.Is(cause, errOutOfMemory) {
			return log.fail(cause, "out of memory while writing; previous packet left as it was")
		}
		if ctx.Err() != nil {
			return log.fail(err, "interrupted by a signal while writing; previous packet left as it was")
		}
		return log.fail(err, "write failed; previous packet left as it was")
	}
	hist.record(ctx, cfg, ds, cmp, res.Files) // after the swap: a history problem never costs the packet
	abs, err := filepath.Abs(cfg.out)
	if err != nil {
		abs = cfg.out
	}
	fmt.Fprintln(stdout, clean(abs))
	defer func() {
		// After the packet is in place and logged: a failed delivery
		// leaves the packet written (exit 4).
		if err == nil && cfg.send.delivery != nil {
			err = deliver(ctx, cfg.send, cfg.out, log, stdout, hist)
		}
	}()
	log.Info("packet written", "out", abs, "inputs", len(ds.Files), "rows", rows(ds),
		"period", ds.Period.String(), "previous", cmp.Previous.String(), "region", cfg.region,
		"files", len(res.Files), "bytes", packetBytes(res.Files), "warnings", len(cmp.Warnings),
		"seconds", math.Round(time.Since(start).Seconds()*100)/100)
	return nil
}

// outputFiles are the rendered files as output writes them.
func outputFiles(files []report.File) []output.File {
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Path: f.Path, Data: f.Data}
	}
	return out
}

// stagedFiles are the files rendered with slices, their bytes already
// given to the stage (report.Options.Rendered): path and size.
func stagedFiles(files []report.File) []output.Staged {
	out := make([]output.Staged, len(files))
	for i, f := range files {
		out[i] = output.Staged{Path: f.Path, Size: int64(f.Size)}
	}
	return out
}

// packetBytes is the size of the packet's files but its manifest, as the
// manifest lists them.
func packetBytes(files []output.FileEntry) int64 {
	var n int64
	for _, f := range files {
		if f.Path != output.ManifestName {
			n += f.Size
		}
	}
	return n
}

// failStage logs a stage's failure: its own errors are logged where they
// happen (loadAndCompare), an interruption or a panic here.
func failStage(log *logger, err error) error {
	switch {
	case errors.Is(err, errInterrupted):
		return log.fail(err, "interrupted by a signal; nothing written")
	case errors.Is(err, errInternal):
		return log.fail(err, "internal error; nothing written")
	case errors.Is(err, errOutOfMemory):
		return log.fail(err, "out of memory; nothing written (see README, Limits)")
	}
	return err
}

// now is the run's clock, for the name of a kept-aside packet only: the
// packet itself never reads it.
var now = time.Now

// manifestInfo is what the manifest records of this run. It holds no path:
// the packet is the same wherever the data folder was.
func manifestInfo(cfg config, ds *analysis.Dataset, cmp *analysis.Comparison, t time.Time) output.ManifestInfo {
	info := output.ManifestInfo{
		Version:  version,
		Created:  t,
		Data:     "folder",
		Period:   ds.Period.String(),
		Previous: ds.Previous.String(),
		Region:   cfg.region,
		Lang:     cfg.lang,
		Warnings: cmp.Warnings,
		Counts: map[string]int{
			"regions":          cmp.Totals.Regions,
			"provinces":        cmp.Totals.Provinces,
			"cities":           cmp.Totals.Cities,
			"pilot_cities":     cmp.Totals.PilotCities,
			"promotion_cities": cmp.Totals.PromotionCities,
			"bases":            cmp.Totals.Bases,
			"key_projects":     cmp.Totals.KeyProjects,
			"reporting_cities": cmp.Totals.ReportingCities,
			"periods":          len(ds.Periods),
		},
	}
	if cfg.data == "" {
		info.Data = "embedded"
	}
	lang := vocab.Lang(cfg.lang)
	title, issue := briefing.Masthead(ds.Meta, lang)
	p := ds.Period
	info.Masthead = &output.Masthead{Title: title, Issue: issue, Period: vocab.Period(p.Year, p.Half, p.Quarter, p.Month, p.Day, lang)}
	for _, f := range ds.Files {
		info.Inputs = append(info.Inputs, output.Input{Name: f.Name, SHA256: f.SHA256,
			Encoding: f.Encoding, Rows: f.Rows, Skipped: f.Skipped})
	}
	return info
}
