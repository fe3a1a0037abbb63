package workbook

import (
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/testutil"
)

// TestSliceWorkbookAllocs bounds what a province slice's workbook
// allocates once a first workbook has been written (issue 25: 32 of them
// a run, most of their cost the same in each). A slice of the 120-city
// sample took 15,980 allocations with excelize setting the column widths,
// the frames compressed anew, the styles made and marshalled and the charts
// added through AddChart for every workbook; 7,610 without
// (sheetxml.Rows.Cols, sheetxml.Deflate, styleKit, chartKit); 5,470 with
// the File opened from NewFile's parts less the theme (newFile) instead of
// NewFile, which decoded the theme the kit replaces; 4,914 with the
// sheets' frames kept from the workbook before (framekit.go) instead of
// made through a StreamWriter each time; 4,796 with formula cells'
// cached figures left on the stack (TestFormulaCellAllocs); 4,529 with a
// kept frame's page setup not set again on the sheet (setupPage).
func TestSliceWorkbookAllocs(t *testing.T) {
	if testutil.Race {
		t.Skip("the race detector's sync.Pool drops what it is given: allocations not counted")
	}
	c, _ := sliceOf(t, sample.National(sample.Options{Cities: 120, Previous: true}))
	write := func() {
		if err := Write(io.Discard, c, Options{Modified: stamp}); err != nil {
			t.Fatal(err)
		}
	}
	write()
	const bound = 4_650
	if n := testing.AllocsPerRun(3, write); n > bound {
		t.Errorf("a slice's workbook: %.0f allocations, want at most %d", n, bound)
	} else {
		t.Logf("a slice's workbook: %.0f allocations", n)
	}
}

// TestKitsSameBytes: a workbook given the styles kit, a chart kit and its
// sheets' frames (made by a workbook before it with the same charts and
// sheets) has the bytes of one that makes its styles, charts and frames in
// its own File, to the byte: the national
// and default workbooks, province and region slices (the second of each
// takes the first's chart kit), one period (no change chart), English.
func TestKitsSameBytes(t *testing.T) {
	nat := sample.National(sample.Options{Cities: 120, Previous: true})
	full := mustCompare(t, nat)
	var slices []*analysis.Comparison
	for _, kind := range []string{analysis.SliceProvince, analysis.SliceRegion} {
		names := analysis.SliceNames(full, kind)
		for _, name := range names[:2] {
			c, err := analysis.CompareSlice(nat, full, kind, name)
			if err != nil {
				t.Fatal(err)
			}
			slices = append(slices, c)
		}
	}
	type job struct {
		name string
		c    *analysis.Comparison
		lang vocab.Lang
	}
	jobs := []job{
		{"default", defaultComparison(t), vocab.Zh},
		{"national", full, vocab.Zh},
		{"national en", full, vocab.En},
		{"one period", mustCompare(t, sample.National(sample.Options{Cities: 40})), vocab.Zh},
		{"26 months", mustCompare(t, sample.National(sample.Options{Cities: 60, Months: 26})), vocab.En},
	}
	for i, c := range slices {
		jobs = append(jobs, job{fmt.Sprintf("slice %d", i), c, vocab.Zh}, job{fmt.Sprintf("slice %d en", i), c, vocab.En})
	}
	for _, j := range jobs {
		for pass := 1; pass <= 2; pass++ { // the second takes the first's chart kit
			var kits, own bytes.Buffer
			b, err := write(&kits, j.c, Options{Lang: j.lang, Modified: stamp}, config{limit: maxRows})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := write(&own, j.c, Options{Lang: j.lang, Modified: stamp}, config{limit: maxRows, noKits: true}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(kits.Bytes(), own.Bytes()) {
				got, want := unzipParts(t, kits.Bytes()), unzipParts(t, own.Bytes())
				for _, name := range sortedNames(want) {
					if !bytes.Equal(got[name], want[name]) {
						t.Errorf("%s, pass %d: %s differs", j.name, pass, name)
					}
				}
				t.Errorf("%s, pass %d: %d bytes with the kits, %d without", j.name, pass, kits.Len(), own.Len())
			}
			if pass == 2 && b.kit != nil {
				t.Errorf("%s: the second workbook made its charts anew", j.name)
			}
			if pass == 2 && len(b.frameKeys) > 0 {
				t.Errorf("%s: the second workbook made %d sheet frames anew", j.name, len(b.frameKeys))
			}
		}
	}
}

// TestFormulaCellAllocs bounds a formula cell's allocations: the figure's
// 万 formula (a row each of the figures sheet) is its text alone. Its
// cached value was moved to the heap for every cell, as formula kept the
// pointer in the checks the tests read, and the divisor's digits were
// written each time: three allocations a cell before.
func TestFormulaCellAllocs(t *testing.T) {
	if testutil.Race {
		t.Skip("the race detector changes what allocates")
	}
	n := int64(1_400_000)
	for _, c := range []struct {
		lang    vocab.Lang
		formula string
		cached  int64
	}{
		{vocab.Zh, `IF(ISNUMBER(E12),E12/10000,"")`, 140},
		{vocab.En, `IF(ISNUMBER(E12),E12/1000000,"")`, 0},
	} {
		b := &book{l: labelsFor(c.lang)}
		var got cell
		allocs := testing.AllocsPerRun(100, func() {
			got = b.wanFormula("人数", "F", 12, "E12", &n)
		})
		if allocs > 1 {
			t.Errorf("%s: a 万 formula cell: %.0f allocations, want 1", c.lang, allocs)
		}
		if got.Formula != c.formula || (c.cached != 0 && got.Int != c.cached) {
			t.Errorf("%s: the cell %+v, want formula %s", c.lang, got, c.formula)
		}
	}
}
