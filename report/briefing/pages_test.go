package briefing

import (
	"bytes"
	"fmt"
	"reflect"
	"regexp"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

var pageObject = regexp.MustCompile(`/Type /Page\b[^s]`)

// pages counts the page objects of a PDF.
func pages(pdf []byte) int { return len(pageObject.FindAll(pdf, -1)) }

// scaled is a national sample of n cities with, when bases is above what
// the sample holds, more bases spread over its cities (every tenth a key
// project), as the largest data the briefing must stay short for.
func scaled(tb testing.TB, n, bases int) *analysis.Comparison {
	tb.Helper()
	d := sample.National(sample.Options{Previous: true, Cities: n})
	for i := len(d.Bases); i < bases; i++ {
		c := d.Cities[i*7919%len(d.Cities)]
		b := analysis.Base{Name: fmt.Sprintf("%s实践创新基地%d", c.Name, i), City: c.Name, Province: c.Province, Line: i + 2}
		if i%10 == 0 {
			b.Batch = 1 + i%5
		}
		d.Bases = append(d.Bases, b)
	}
	return mustCompare(tb, d)
}

// TestPageCounts: the circulated 简报 is 2–6 pages for any data (the
// contract); the data-quality material is the annex's.
func TestPageCounts(t *testing.T) {
	cases := []struct {
		name     string
		c        func(testing.TB) *analysis.Comparison
		min, max int
	}{
		{"western", western, 2, 6},
		{"national 341", func(tb testing.TB) *analysis.Comparison { return scaled(tb, 341, 0) }, 2, 6},
		{"counties 3000", func(tb testing.TB) *analysis.Comparison { return scaled(tb, 3000, 9000) }, 2, 6},
		{"units 10000", func(tb testing.TB) *analysis.Comparison { return scaled(tb, 10000, 100000) }, 2, 6},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c(t)
			for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
				opts := testOptions(t)
				opts.Lang = lang
				start := time.Now()
				b := write(t, fmt.Sprintf("pages-%s-%s.pdf", tc.name, lang), c, opts)
				took := time.Since(start)
				if n := pages(b); n < tc.min || n > tc.max {
					t.Errorf("%s: %d pages, want %d to %d", lang, n, tc.min, tc.max)
				}
				t.Logf("%s: %d pages, %d bytes, %v", lang, pages(b), len(b), took)
			}
		})
	}
}

// TestPlainMasthead: the 报头 is left blank, the rest in place.
func TestPlainMasthead(t *testing.T) {
	opts := testOptions(t)
	full := write(t, "western.pdf", western(t), opts)
	opts.PlainMasthead = true
	plain := write(t, "western-plain.pdf", western(t), opts)
	if pages(plain) != pages(full) {
		t.Errorf("plain masthead: %d pages, full %d", pages(plain), pages(full))
	}
	if bytes.Equal(plain, full) {
		t.Error("plain masthead changes nothing")
	}
	doc, err := Build(western(t), opts)
	if err != nil || !doc.Masthead.Plain {
		t.Fatalf("Build: plain = %v, %v", doc.Masthead.Plain, err)
	}
}

// TestTallChartKeepsItsPage: at scale, charts share a page two by two, but
// a tall one (a bar per province) is not squeezed into half a page, where
// it would come out a strip too narrow to read; nor does it take a page of
// the 2–6 for what the province table says: it stays in charts/.
func TestTallChartKeepsItsPage(t *testing.T) {
	opts := testOptions(t)
	opts.Charts = []Figure{
		{Name: "trend_by_region", Title: "走势", PNG: testChart(t, 1600, 900)},
		{Name: "members_by_province", Title: "各省区市", PNG: testChart(t, 1600, 2400)},
	}
	doc, err := Build(scaled(t, 341, 0), opts)
	if err != nil {
		t.Fatal(err)
	}
	compact := map[string]bool{}
	for _, bl := range doc.Blocks {
		if f, ok := bl.(document.Figure); ok {
			compact[f.Name] = f.Compact
		}
	}
	if want := map[string]bool{"trend_by_region": true}; !reflect.DeepEqual(compact, want) {
		t.Errorf("compact figures = %v, want %v", compact, want)
	}
}
