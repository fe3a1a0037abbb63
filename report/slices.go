package report

import (
	"context"
	"fmt"
	"runtime"
	"runtime/trace"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/internal/par"
	"github.com/basebrief/basebrief/report/chart"
)

// Slices renders a packet per province (or region, by kind) of full, from
// the same dataset d, each under slices/NAME/. Each slice is compared on
// its own (its cities among themselves) and told where it stands in the
// whole. Slices render GOMAXPROCS at a time, their charts in rasters kept
// from slice to slice; files come in the slices' order whatever the
// scheduling, notes once for all the slices that have them (groupNotes),
// and the first slice in that order that fails is the error.
func Slices(d *analysis.Dataset, full *analysis.Comparison, kind string, o Options) ([]File, []string, error) {
	return slicesOf(d, full, kind, analysis.SliceNames(full, kind), o)
}

// PacketWithSlices renders the whole packet (Packet) and its slices
// (Slices) at once: the packet first, the slices beside it as cores come
// free, since the packet alone leaves a core idle part of its time (its
// workbook is the critical path). Files and notes are Packet's, then
// Slices', as rendered one after the other.
func PacketWithSlices(d *analysis.Dataset, full *analysis.Comparison, kind string, o Options) ([]File, []string, error) {
	names := analysis.SliceNames(full, kind)
	// The whole packet's chart rasters, the largest, are the slices' too:
	// each slice's charts then fit in them, not in rasters of their own
	// allocated and filled white.
	o.rasters = &chart.Rasters{}
	jobs := []func() ([]File, []string, error){func() ([]File, []string, error) { return Packet(full, o) }}
	files, notes, err := render(append(jobs, sliceJobs(d, full, kind, names, o)...), o.Rendered)
	if err != nil {
		return nil, nil, err
	}
	return files, append(notes[0], groupNotes(notes[1:], names)...), nil
}

// slicesOf renders the named slices.
func slicesOf(d *analysis.Dataset, full *analysis.Comparison, kind string, names []string, o Options) ([]File, []string, error) {
	files, notes, err := render(sliceJobs(d, full, kind, names, o), o.Rendered)
	if err != nil {
		return nil, nil, err
	}
	return files, groupNotes(notes, names), nil
}

// groupNotes says each slice's note once for every slice that has it, in
// the order each note first comes: a run of 31 province slices logged
// "slice 北京: chart trend_by_region skipped: …" 31 times in the cron mail,
// now "all 31 slices: chart trend_by_region skipped: …". notes[i] are the
// notes of slice names[i].
func groupNotes(notes [][]string, names []string) []string {
	var order []string
	who := map[string][]string{}
	for i, ns := range notes {
		for _, n := range ns {
			ss, seen := who[n]
			if !seen {
				order = append(order, n)
			}
			// A slice saying a note twice is one slice: counted twice,
			// 30 of 31 slices would read "all 31".
			if len(ss) == 0 || ss[len(ss)-1] != names[i] {
				who[n] = append(ss, names[i])
			}
		}
	}
	out := make([]string, len(order))
	for i, n := range order {
		switch ss := who[n]; {
		case len(ss) == 1:
			out[i] = "slice " + ss[0] + ": " + n
		case len(ss) == len(names):
			out[i] = fmt.Sprintf("all %d slices: %s", len(ss), n)
		default:
			out[i] = fmt.Sprintf("%d slices (%s): %s", len(ss), strings.Join(ss, ", "), n)
		}
	}
	return out
}

// sliceJobs are the renderings of the named slices, sharing chart rasters.
func sliceJobs(d *analysis.Dataset, full *analysis.Comparison, kind string, names []string, o Options) []func() ([]File, []string, error) {
	if o.rasters == nil {
		o.rasters = &chart.Rasters{}
	}
	jobs := make([]func() ([]File, []string, error), len(names))
	for i, name := range names {
		jobs[i] = func() ([]File, []string, error) {
			fs, ns, err := slice(d, full, kind, name, o)
			if o.SliceDone != nil {
				o.SliceDone()
			}
			return fs, ns, err
		}
	}
	return jobs
}

// render runs jobs GOMAXPROCS at a time, in order, and returns their files
// in that order and each job's notes; the first job in that order that
// failed is the error. rendered, if not nil, is given each job's files as
// it succeeds, and their bytes: the files returned then have Data nil and
// their Size. Kept until the last slice rendered, the national data's 31
// province slices held 60 MB the command had already written.
func render(jobs []func() ([]File, []string, error), rendered func([]File)) ([]File, [][]string, error) {
	type result struct {
		files []File
		notes []string
		err   error
	}
	results := make([]result, len(jobs))
	par.Each(len(jobs), runtime.GOMAXPROCS(0), func(i int) {
		r := &results[i]
		defer recoverInto(&r.err)
		// A region of the execution trace per packet (BASEBRIEF_TRACE): how
		// the slices share the cores, and the tail the last one leaves.
		trace.WithRegion(context.Background(), "packet", func() { r.files, r.notes, r.err = jobs[i]() })
		if r.err == nil && rendered != nil {
			rendered(r.files)
			r.files = released(r.files)
		}
	})
	var files []File
	notes := make([][]string, len(results))
	for i, r := range results {
		if r.err != nil {
			return nil, nil, r.err
		}
		files = append(files, r.files...)
		notes[i] = r.notes
	}
	return files, notes, nil
}

// released is files without their bytes: each one's Path and Size.
func released(files []File) []File {
	out := make([]File, len(files))
	for i, f := range files {
		out[i] = File{Path: f.Path, Size: len(f.Data)}
	}
	return out
}

// slice renders one slice's packet under slices/NAME/.
func slice(d *analysis.Dataset, full *analysis.Comparison, kind, name string, o Options) ([]File, []string, error) {
	sc, err := analysis.CompareSlice(d, full, kind, name)
	if err != nil {
		return nil, nil, err
	}
	fs, ns, err := Packet(sc, o)
	if err != nil {
		return nil, nil, fmt.Errorf("slice %s: %w", name, err)
	}
	dir := "slices/" + SliceDir(name) + "/"
	for i := range fs {
		fs[i].Path = dir + fs[i].Path
	}
	return fs, ns, nil // named by groupNotes
}

// SliceDir is a slice's folder name: the place as cities.csv spells it,
// with the few characters a path cannot hold replaced.
func SliceDir(name string) string {
	return strings.NewReplacer("/", "_", `\`, "_", ":", "_", "\x00", "_").Replace(name)
}
