package workbook

import (
	"bytes"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/par"
)

// TestKitsConcurrent: workbooks written at once from empty kits, as the
// slices of a run are (several making a kit for the same charts, others
// taking it as soon as it is kept), have the bytes each has written alone
// without kits. Under -race (make check) it also checks that the styles
// and chart kits and sheetxml's compressed pieces are shared safely; the
// packet-level TestSlicesConcurrent races them too, but over region slices,
// whose charts rarely share a kit.
func TestKitsConcurrent(t *testing.T) {
	d := sample.National(sample.Options{Cities: 120, Previous: true})
	full := mustCompare(t, d)
	names := analysis.SliceNames(full, analysis.SliceProvince)
	if testing.Short() {
		names = names[:6]
	}
	type job struct {
		c    *analysis.Comparison
		lang vocab.Lang
	}
	var jobs []job
	for _, name := range names {
		c, err := analysis.CompareSlice(d, full, analysis.SliceProvince, name)
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, job{c, vocab.Zh}, job{c, vocab.En})
	}
	want := make([][]byte, len(jobs))
	for i, j := range jobs {
		var b bytes.Buffer
		if _, err := write(&b, j.c, Options{Lang: j.lang, Modified: stamp}, config{limit: maxRows, noKits: true}); err != nil {
			t.Fatal(err)
		}
		want[i] = b.Bytes()
	}
	forgetKits()
	got := make([][]byte, len(jobs))
	errs := make([]error, len(jobs))
	par.Each(len(jobs), 4, func(i int) {
		var b bytes.Buffer
		_, errs[i] = write(&b, jobs[i].c, Options{Lang: jobs[i].lang, Modified: stamp}, config{limit: maxRows})
		got[i] = b.Bytes()
	})
	shared := 0
	chartKits.Lock()
	shared = len(chartKits.m)
	chartKits.Unlock()
	for i := range jobs {
		if errs[i] != nil {
			t.Fatalf("%s %s: %v", names[i/2], jobs[i].lang, errs[i])
		}
		if !bytes.Equal(got[i], want[i]) {
			t.Errorf("%s %s: %d bytes written at once with kits, %d alone without", names[i/2], jobs[i].lang, len(got[i]), len(want[i]))
		}
	}
	t.Logf("%d workbooks, %d chart kits", len(jobs), shared)
	if shared == 0 || shared >= len(jobs) {
		t.Errorf("fixture: %d chart kits for %d workbooks, want some shared", shared, len(jobs))
	}
}

// forgetKits empties the process-wide styles and chart kits.
func forgetKits() {
	chartKits.Lock()
	chartKits.m = nil
	chartKits.Unlock()
	styleKits.Lock()
	styleKits.m = nil
	styleKits.Unlock()
}
