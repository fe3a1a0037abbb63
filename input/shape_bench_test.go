package input

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/cmd/gendata/synth"
)

// The shape benchmarks (issue 18) run input's stages on each shape of
// synth.Shapes at two sizes 10× apart: BenchmarkStageX/SHAPE/cities=N.
// make bench prints each stage's growth from the smaller to the larger;
// above ~12× for 10× the data is a cost that grows faster than the data.

// stageCities are the two sizes of every shape benchmark.
var stageCities = []int{1000, 10_000}

// shapeDir is the generated folder of shape at n cities: shared through
// $BASEBRIEF_SYNTH_DIR when make bench sets it, else written for this
// benchmark alone.
func shapeDir(b *testing.B, sh synth.Shape, n int) string {
	b.Helper()
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
	return dir
}

// eachShape runs BenchmarkX/SHAPE/cities=N for every shape and size, with
// the figures file's size set for MB/s: prep readies what the stage needs,
// untimed, and returns the stage as op.
func eachShape(b *testing.B, prep func(b *testing.B, dir string, o synth.Options) (op func())) {
	for _, sh := range synth.Shapes {
		for _, n := range stageCities {
			b.Run(sh.Name+"/cities="+strconv.Itoa(n), func(b *testing.B) {
				dir := shapeDir(b, sh, n)
				st, err := os.Stat(filepath.Join(dir, "figures.csv"))
				if err != nil {
					b.Fatal(err)
				}
				o := sh.Options
				o.Cities = n
				op := prep(b, dir, o)
				b.SetBytes(st.Size())
				b.ReportAllocs()
				b.ResetTimer()
				cpu := cpuTime()
				for b.Loop() {
					op()
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

// BenchmarkStageDecode: detection, UTF-8 check or GB18030 decoding,
// SHA-256 and the record guard over figures.csv, in the encoding the shape
// is written in.
func BenchmarkStageDecode(b *testing.B) {
	eachShape(b, func(b *testing.B, dir string, o synth.Options) func() {
		fsys := os.DirFS(dir)
		return func() {
			c := newCollector(0)
			f, dec := openCSV(fsys, "figures.csv", figuresSchema, o.GBK, c)
			if dec == nil {
				b.Fatal(c.result())
			}
			if _, err := io.Copy(io.Discard, dec.Text); err != nil {
				b.Fatal(err)
			}
			dec.Close()
			f.Close()
			if len(dec.Sum()) != 64 || c.count() > 0 {
				b.Fatalf("decoded %s, errors %v", dec.Encoding, c.result())
			}
		}
	})
}

// BenchmarkStageParse: CSV rows and the values of each row, on the
// decoded text.
func BenchmarkStageParse(b *testing.B) {
	eachShape(b, func(b *testing.B, dir string, o synth.Options) func() {
		text, rows := decoded(b, dir, o.GBK), synth.FiguresRows(o)
		return func() {
			c := newCollector(0)
			var notes notices
			t := newTable(context.Background(), textSource(text), figuresSchema, c, &notes)
			fp := &figureParser{t: t}
			var row figureRow
			for t.next() {
				fp.parse(&row)
			}
			if t.rows != rows || c.count() > 0 {
				b.Fatalf("parsed %d rows, want %d; errors %v", t.rows, rows, c.result())
			}
		}
	})
}

// BenchmarkStageValidate: parsed rows checked against cities.csv and each
// other, the periods kept.
func BenchmarkStageValidate(b *testing.B) {
	eachShape(b, func(b *testing.B, dir string, o synth.Options) func() {
		t, ix, parsed := parseFiguresText(b, dir, decoded(b, dir, o.GBK))
		return func() {
			c := t.c.(*collector)
			fr := newFigureReader(t, ix, analysis.Period{}, c)
			for i := range parsed {
				fr.validate(&parsed[i])
			}
			if r := fr.result(); len(r.figures) == 0 || c.count() > 0 {
				b.Fatalf("kept %d figures; errors %v", len(r.figures), c.result())
			}
		}
	})
}

// BenchmarkStageLoad: input.LoadDir, all three files, parse beside
// validate, as the run does.
func BenchmarkStageLoad(b *testing.B) {
	eachShape(b, func(b *testing.B, dir string, o synth.Options) func() {
		rows := synth.FiguresRows(o)
		return func() {
			d, err := LoadDir(dir, Options{})
			if err != nil {
				b.Fatal(err)
			}
			if d.Files[2].Rows != rows {
				b.Fatalf("rows = %d, want %d", d.Files[2].Rows, rows)
			}
		}
	})
}

// decoded is figures.csv of dir as the parser reads it: UTF-8, its header
// included.
func decoded(b *testing.B, dir string, gbk bool) []byte {
	b.Helper()
	c := newCollector(0)
	f, dec := openCSV(os.DirFS(dir), "figures.csv", figuresSchema, gbk, c)
	if dec == nil {
		b.Fatal(c.result())
	}
	defer f.Close()
	defer dec.Close()
	text, err := io.ReadAll(dec.Text)
	if err != nil {
		b.Fatal(err)
	}
	return text
}
