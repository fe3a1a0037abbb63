package report_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/cmd/gendata/synth"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/output"
	"github.com/basebrief/basebrief/report"
	"github.com/basebrief/basebrief/report/briefing"
	"github.com/basebrief/basebrief/report/chart"
	"github.com/basebrief/basebrief/report/docx"
	"github.com/basebrief/basebrief/report/pdf"
	"github.com/basebrief/basebrief/report/workbook"
)

// The shape benchmarks (issue 18) of the stages after input, on the data
// input.LoadDir reads from each shape of synth.Shapes at two sizes 10×
// apart: BenchmarkStageX/SHAPE/cities=N, as input's stage benchmarks name
// theirs. make bench prints each stage's growth from the smaller size to
// the larger; above ~12× for 10× the data is a cost that grows faster than
// the data. A stage added later gets its BenchmarkStageX here, and
// scripts/bench.sh lists the stages it looks for.

// stageCities are the two sizes of every shape benchmark.
var stageCities = []int{1000, 10_000}

type loaded struct {
	d *analysis.Dataset
	c *analysis.Comparison
}

var (
	loadMu sync.Mutex
	cache  = map[string]loaded{}
)

// shapeData is the dataset and comparison of shape at n cities, loaded
// once per process. The folder is shared through $BASEBRIEF_SYNTH_DIR when
// make bench sets it, else written for this load alone.
func shapeData(b *testing.B, sh synth.Shape, n int) loaded {
	b.Helper()
	loadMu.Lock()
	defer loadMu.Unlock()
	key := sh.Name + "/" + strconv.Itoa(n)
	if l, ok := cache[key]; ok {
		return l
	}
	root := os.Getenv("BASEBRIEF_SYNTH_DIR")
	if root == "" {
		root = b.TempDir()
	}
	o := sh.Options
	o.Cities = n
	dir, err := synth.Cached(root, o)
	if err != nil {
		b.Fatal(err)
	}
	d, err := input.LoadDir(dir, input.Options{})
	if err != nil {
		b.Fatal(err)
	}
	c, err := analysis.Compare(d, "")
	if err != nil {
		b.Fatal(err)
	}
	cache[key] = loaded{d, c}
	return cache[key]
}

// eachShape runs BenchmarkX/SHAPE/cities=N for every shape and size: prep
// readies what the stage needs, untimed, and returns the stage as op.
func eachShape(b *testing.B, prep func(b *testing.B, l loaded) (op func() error)) {
	for _, sh := range synth.Shapes {
		for _, n := range stageCities {
			b.Run(sh.Name+"/cities="+strconv.Itoa(n), func(b *testing.B) {
				op := prep(b, shapeData(b, sh, n))
				b.ReportAllocs()
				b.ResetTimer()
				cpu := cpuTime()
				for b.Loop() {
					if err := op(); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
			})
		}
	}
}

// cpuTime is the CPU time of the process so far (user and system, all
// threads) in nanoseconds. The machine is shared: CPU time per op varies
// far less than wall time when other processes want the cores, so make
// bench takes growth from it.
func cpuTime() int64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

var stamp = time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)

func BenchmarkStageCompare(b *testing.B) {
	eachShape(b, func(b *testing.B, l loaded) func() error {
		return func() error { _, err := analysis.Compare(l.d, ""); return err }
	})
}

func BenchmarkStageWorkbook(b *testing.B) {
	eachShape(b, func(b *testing.B, l loaded) func() error {
		return func() error { return workbook.Write(io.Discard, l.c, workbook.Options{Modified: stamp}) }
	})
}

func BenchmarkStageCharts(b *testing.B) {
	eachShape(b, func(b *testing.B, l loaded) func() error {
		return func() error { _, _, err := chart.Render(l.c, chart.Options{}); return err }
	})
}

// BenchmarkStageBriefing writes the PDF with the charts rendered before.
func BenchmarkStageBriefing(b *testing.B) {
	eachShape(b, func(b *testing.B, l loaded) func() error {
		figs := renderedFigures(b, l)
		return func() error {
			doc, err := briefing.Build(l.c, briefing.Options{Created: stamp, Charts: figs})
			if err != nil {
				return err
			}
			_, err = pdf.Render(doc, pdf.Options{}) // as Packet draws it: no copy
			return err
		}
	})
}

// BenchmarkStageWord writes the Word file of the briefing, laid out once
// before with the charts rendered before.
func BenchmarkStageWord(b *testing.B) {
	eachShape(b, func(b *testing.B, l loaded) func() error {
		doc, err := briefing.Build(l.c, briefing.Options{Created: stamp, Charts: renderedFigures(b, l)})
		if err != nil {
			b.Fatal(err)
		}
		return func() error { return docx.Write(io.Discard, doc) }
	})
}

// renderedFigures are the charts of l as the briefing places them.
func renderedFigures(b *testing.B, l loaded) []briefing.Figure {
	charts, _, err := chart.Render(l.c, chart.Options{})
	if err != nil {
		b.Fatal(err)
	}
	figs := make([]briefing.Figure, len(charts))
	for i, ch := range charts {
		figs[i] = briefing.Figure{Name: ch.Name, Title: ch.Title, PNG: ch.PNG}
	}
	return figs
}

// BenchmarkStagePacket renders every file of the packet, in parallel as
// the run does.
func BenchmarkStagePacket(b *testing.B) {
	eachShape(b, func(b *testing.B, l loaded) func() error {
		return func() error { _, _, err := report.Packet(l.c, report.Options{Time: stamp}); return err }
	})
}

// BenchmarkStageWrite writes the packet folder (output.Write: files,
// manifest, fsync, the swap), replacing the one before.
func BenchmarkStageWrite(b *testing.B) {
	eachShape(b, func(b *testing.B, l loaded) func() error {
		files, _, err := report.Packet(l.c, report.Options{Time: stamp})
		if err != nil {
			b.Fatal(err)
		}
		var out []output.File
		size := 0
		for _, f := range files {
			out = append(out, output.File{Path: f.Path, Data: f.Data})
			size += len(f.Data)
		}
		b.SetBytes(int64(size))
		dir := filepath.Join(b.TempDir(), "packet")
		return func() error {
			return output.Write(context.Background(), dir, out, output.ManifestInfo{Version: "bench", Created: stamp})
		}
	})
}
