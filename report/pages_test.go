package report

import (
	"regexp"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/input"
)

var pageObject = regexp.MustCompile(`/Type /Page\b[^s]`)

// The circulated 简报 is 2–6 pages for any data (the contract), with the
// charts the packet draws. testdata/gap is 50 units over 24 months with
// 2024-11 missing (the reviewer's gap data): its Chinese briefing was 7
// pages, the 7th holding only the 版记, because Fit could shorten only the
// foreword and this data has none; it now lists fewer bases.
func TestGapBriefingKeepsPagePromise(t *testing.T) {
	ds, err := input.LoadDir("testdata/gap", input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := analysis.Compare(ds, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		files, _, err := Packet(c, Options{Lang: lang, Time: time.Unix(1558051200, 0).UTC()})
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if f.Path != "briefing.pdf" {
				continue
			}
			n := len(pageObject.FindAll(f.Data, -1))
			if n < 2 || n > 6 {
				t.Errorf("%s: briefing.pdf has %d pages, want 2–6", lang, n)
			}
		}
	}
}
