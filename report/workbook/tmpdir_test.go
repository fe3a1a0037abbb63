package workbook

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis/sample"
)

// A sheet over excelize's 16 MB chunk spilled to a temporary file, which
// must be made in Options.TmpDir (the run's scratch folder), never in
// $TMPDIR, where a killed run would leave it for good. The rows are now
// written directly (internal/sheetxml), compressed, and excelize writes
// only each sheet's frame, so the largest workbook spills nothing: nothing
// may appear in $TMPDIR, and nothing be left in TmpDir. Slow (60,000
// cities), so with BASEBRIEF_CHECK=1 only.
func TestTempFilesInTmpDir(t *testing.T) {
	if os.Getenv("BASEBRIEF_CHECK") != "1" {
		t.Skip("set BASEBRIEF_CHECK=1 to write a workbook large enough to spill")
	}
	own, sys := t.TempDir(), t.TempDir()
	t.Setenv("TMPDIR", sys)
	c := mustCompare(t, sample.National(sample.Options{Cities: 60000, Previous: true}))
	var seen, stray atomic.Bool
	done := make(chan struct{})
	go func() { // the spill files live only until the workbook is closed
		for {
			for dir, flag := range map[string]*atomic.Bool{own: &seen, sys: &stray} {
				es, _ := os.ReadDir(dir)
				for _, e := range es {
					if strings.HasPrefix(e.Name(), "excelize-") {
						flag.Store(true)
					}
				}
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	err := Write(&bytes.Buffer{}, c, Options{TmpDir: own})
	close(done)
	if err != nil {
		t.Fatal(err)
	}
	if stray.Load() {
		t.Fatalf("spill file seen in $TMPDIR (in TmpDir: %v)", seen.Load())
	}
	if left, _ := filepath.Glob(filepath.Join(own, "*")); len(left) > 0 {
		t.Fatalf("left in TmpDir: %v", left)
	}
}
