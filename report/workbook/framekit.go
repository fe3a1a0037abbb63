package workbook

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/report/workbook/internal/sheetxml"
)

// A sheet's frame is everything excelize writes around its rows: the
// worksheet element and its namespaces, the view with its frozen panes,
// the filter, merged cells, page setup, margins, footer and page breaks
// (the column widths are spliced in with the rows: sheetxml.Rows.Cols).
// excelize makes it through a StreamWriter, whose NewStreamWriter and
// Flush encode the worksheet's fields one by one with encoding/xml and
// reflection: 0.4–0.5 ms of each province slice's workbook, 8% of it
// (issue 25), for frames that are the same in every slice of a run — of a
// national --slices province run's 352 frames, a few dozen differ.
//
// A frame is decided by the sheet it starts from (the template's first
// sheet or one NewSheet adds, always the same) and the calls that shape it,
// all made here: AutoFilter, applyPrint's page setup and breaks,
// StreamWriter.SetPanes and MergeCell. frameKey writes those calls'
// arguments down; the first workbook to shape a sheet so keeps the frame
// excelize wrote (sortedZip shows it whole), and the next one shaping a
// sheet the same way makes only the calls that reach beyond the sheet
// (AutoFilter and the print titles and area also set workbook.xml's
// defined names; the page setup, margins, footer and breaks are the
// frame's alone: setupPage is skipped) and takes the kept frame instead of
// a StreamWriter: the frame goes into File.Pkg, which excelize writes as
// it is, and the sheet out of File.Sheet, so excelize does not marshal it.
// The references the tests compare with (config.viaExcelize and
// config.noKits) never take or give a frame; TestKitsSameBytes writes
// workbooks both ways and compares them.
var frameKits struct {
	sync.Mutex
	m     map[string][]byte
	bytes int
}

// frameKitBytes bounds what frameKits holds: a frame is 1–5 KB.
const frameKitBytes = 2 << 20

// frameShape is what a streamed sheet's frame depends on.
type frameShape struct {
	sheet  string
	filter string // the autofilter's range, "" for none
	print  printPlan
	panes  *excelize.Panes
	merges []string // "A1:D1", in the order MergeCell is called
}

// key is the shape written down, "" when frames are not kept for b.
func (b *book) frameKey(s frameShape) string {
	if b.viaExcelize || b.noKits {
		return ""
	}
	var k strings.Builder
	// The first sheet is the template's Sheet1 renamed, the others are
	// NewSheet's: they start from different worksheets.
	k.WriteString(strconv.FormatBool(s.sheet == b.firstSheet))
	fmt.Fprintf(&k, "\x00%s\x00%s\x00%#v\x00", s.sheet, s.filter, s.print)
	if s.panes != nil {
		fmt.Fprintf(&k, "%#v", *s.panes)
	}
	for _, m := range s.merges {
		k.WriteString("\x00" + m)
	}
	return k.String()
}

// keptFrame is the frame kept for key, nil if none (or no key).
func (b *book) keptFrame(key string) []byte {
	if key == "" {
		return nil
	}
	frameKits.Lock()
	defer frameKits.Unlock()
	return frameKits.m[key]
}

// applyPrintTo is applyPrint for a sheet about to be streamed: given a
// kept frame, which holds the page setup already, only the workbook's
// print names are set.
func (b *book) applyPrintTo(sheet string, p printPlan, frame []byte) error {
	if frame != nil && b.sheetIDs[sheet] > 0 {
		return b.printNames(sheet, p)
	}
	return b.applyPrint(sheet, p)
}

// stream starts the rows of sheet, shaped as key says (frameKey; the
// filter and page setup set already): from frame, kept for key by a
// workbook before (keptFrame), if there is one, else through a
// StreamWriter, which it returns (nil for a kept frame) for the caller to
// shape and flush.
func (b *book) stream(sheet, key string, frame []byte) (*excelize.StreamWriter, *rowSink, error) {
	if id := b.sheetIDs[sheet]; frame != nil && id > 0 {
		path := partOfSheet(id)
		b.f.Sheet.Delete(path)
		b.f.Pkg.Store(path, frame)
		return nil, &rowSink{b: b, path: path, direct: sheetxml.NewRows()}, nil
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, nil, fmt.Errorf("stream sheet %s: %w", sheet, err)
	}
	rs := b.rows(sw)
	if key != "" && rs.direct != nil {
		if b.frameKeys == nil {
			b.frameKeys = map[string]string{}
		}
		b.frameKeys[rs.path] = key
	}
	return sw, rs, nil
}

func partOfSheet(id int) string { return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml" }

// keepFrame is sortedZip's look at each sheet frame it splices: a frame
// made through a StreamWriter is kept for its key once the workbook is
// written (saveFrames).
func (b *book) keepFrame(name string, raw []byte) {
	if key, ok := b.frameKeys[name]; ok {
		if b.newFrames == nil {
			b.newFrames = map[string][]byte{}
		}
		b.newFrames[key] = slices.Clone(raw)
	}
}

// saveFrames keeps the frames the workbook made.
func (b *book) saveFrames() {
	if len(b.newFrames) == 0 {
		return
	}
	frameKits.Lock()
	defer frameKits.Unlock()
	if frameKits.m == nil {
		frameKits.m = map[string][]byte{}
	}
	for key, frame := range b.newFrames {
		if _, ok := frameKits.m[key]; ok || frameKits.bytes+len(key)+len(frame) > frameKitBytes {
			continue
		}
		frameKits.m[key] = frame
		frameKits.bytes += len(key) + len(frame)
	}
}
