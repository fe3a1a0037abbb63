package workbook

import (
	"io"
	"testing"

	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/internal/testutil"
)

// TestSliceWorkbookAllocs bounds what a province slice's workbook
// allocates once a first workbook has been written (issue 25: 32 of them
// a run, most of their cost the same in each). A slice of the 120-city
// sample took 15,980 allocations with excelize setting the column widths,
// the frames compressed anew and the styles made and marshalled for every
// workbook; 11,175 without (sheetxml.Rows.Cols, sheetxml.Deflate,
// styleKit).
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
	const bound = 12_000
	if n := testing.AllocsPerRun(3, write); n > bound {
		t.Errorf("a slice's workbook: %.0f allocations, want at most %d", n, bound)
	} else {
		t.Logf("a slice's workbook: %.0f allocations", n)
	}
}
