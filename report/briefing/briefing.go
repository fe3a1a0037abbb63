package briefing

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
	"github.com/basebrief/basebrief/report/font"
)

// Options set how the briefing is built and written.
type Options struct {
	Lang vocab.Lang // zh (default) or en
	// Face is a TrueType face given with --font, used in every role with
	// the embedded faces standing in for what it lacks; nil: the embedded
	// faces (黑体, 楷体, 宋体).
	Face *font.Face
	// Created is the packet time, from SOURCE_DATE_EPOCH: the document's
	// dates, and the masthead date (its Beijing date) when briefing.toml
	// gives none. The zero time is written as the Unix epoch.
	Created time.Time
	Charts  []Figure // charts to place, in order
	// PlainMasthead leaves the 报头 blank for pre-printed red-head paper.
	PlainMasthead bool
}

// Figure is one rendered chart.
type Figure struct {
	Name  string // file stem, e.g. "members_by_city"
	Title string // caption
	PNG   []byte
}

// Build lays out the briefing of c as a document: what the PDF and the
// Word file both say, in order. Decisions about content are taken here
// and nowhere else.
func Build(c *analysis.Comparison, opts Options) (*document.Document, error) {
	return build(c, opts, fullShape)
}

// build is Build in shape sh: the foreword and tables as long as Fit
// lets them be.
func build(c *analysis.Comparison, opts Options, sh shape) (*document.Document, error) {
	if c == nil {
		return nil, errors.New("build briefing: no comparison")
	}
	faces, err := font.With(opts.Face)
	if err != nil {
		return nil, fmt.Errorf("build briefing: %w", err)
	}
	if opts.Lang != vocab.En {
		opts.Lang = vocab.Zh
	}
	if opts.Charts, err = distinctWidths(opts.Charts); err != nil {
		return nil, fmt.Errorf("build briefing: %w", err)
	}
	// Ties are named in official order, by every renderer and in
	// summary.json alike (the narrative is this document's).
	b := newBuilder(c.InReadingOrder(), opts)
	b.forewordMax, b.cityRows, b.baseRows, b.basesNamed, b.maxCharts = sh.foreword, sh.cityRows, sh.baseRows, sh.basesNamed, sh.charts
	b.masthead()
	b.body()
	b.colophon()
	b.doc.Notices = missingGlyphs(b.doc, c, faces)
	return b.doc, nil
}

// BuildAnnex lays out the 数据说明 of c (annex.pdf): the material for the
// analysts that the circulated briefing leaves out.
func BuildAnnex(c *analysis.Comparison, opts Options) (*document.Document, error) {
	if c == nil {
		return nil, errors.New("build annex: no comparison")
	}
	faces, err := font.With(opts.Face)
	if err != nil {
		return nil, fmt.Errorf("build annex: %w", err)
	}
	if opts.Lang != vocab.En {
		opts.Lang = vocab.Zh
	}
	b := newBuilder(c.InReadingOrder(), opts)
	b.masthead()
	b.doc.Masthead = document.Masthead{} // not a 简报: no 报头, no 版记
	b.annexBody()
	b.doc.Notices = missingGlyphs(b.doc, c, faces)
	return b.doc, nil
}

// figureBlock turns a chart into a document figure with its pixel size;
// a PNG that cannot be read keeps size 0 and is noted where it would be.
func figureBlock(f Figure, caption, alt string) document.Figure {
	out := document.Figure{Name: f.Name, Caption: caption, Alt: alt, PNG: f.PNG}
	if cfg, err := png.DecodeConfig(bytes.NewReader(f.PNG)); err == nil {
		out.Width, out.Height = cfg.Width, cfg.Height
	}
	return out
}
