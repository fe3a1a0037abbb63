package report

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/cmd/gendata/synth"
	"github.com/basebrief/basebrief/input"
)

// A province slice's briefing keeps the page promise too: on the national
// data (341 units, 24 months) every one was 7 pages, with a chart of one
// bar per one-province chart, a region trend drawn from the province's
// cities alone under the region's name, and Fit running through all its
// steps for each.
func TestSliceBriefingPages(t *testing.T) {
	dir, err := synth.Cached(t.TempDir(), synth.Options{Cities: 341, Periods: 24, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	d, err := input.LoadDir(dir, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	full, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := slicesOf(d, full, analysis.SliceProvince, []string{"四川", "辽宁"}, Options{Time: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	page := regexp.MustCompile(`/Type /Page\b[^s]`)
	n := 0
	for _, f := range files {
		if !strings.HasSuffix(f.Path, "/briefing.pdf") {
			continue
		}
		n++
		if got := len(page.FindAll(f.Data, -1)); got > 6 {
			t.Errorf("%s: %d pages, want at most 6", f.Path, got)
		}
	}
	if n != 2 {
		t.Fatalf("%d slice briefings, want 2", n)
	}
}
