package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/report/workbook/internal/sheetxml"
)

// Every sheet's rows are written as sheet XML by sheetxml, compressed as
// they come; excelize writes everything around them (columns, panes,
// filter, merges, page setup) through a StreamWriter given no rows, and
// sortedZip splices the two when the file is written.
//
// Why not excelize's StreamWriter for the rows too: it boxes each cell in
// an interface, builds an xlsxC and its reference string, escapes through
// encoding/xml a cell at a time, and holds each sheet's XML uncompressed
// (in memory up to 16 MB, then in a temporary file) until File.Write
// copies it into the archive, where it is compressed only then (54 MB of
// table XML held at once for a 1M-row input). Its maintainer's answer is
// that the whole package waits until every sheet is ready
// (qax-os/excelize#2190; #2357 measures the save's copy). excelize offers
// no way to give a StreamWriter rows already encoded or compressed, so the
// rows are written beside it. config.viaExcelize writes them through
// StreamWriter.SetRow instead: TestDirectRowsMatchExcelize compares the
// two workbooks part by part.

// rowSink takes one sheet's rows in ascending order. A struct, not an
// interface over the two ways: a StreamWriter or File reachable from a
// value in an interface keeps every exported excelize method in the binary
// (the linker cannot tell which reflection reaches): 3.3 MB more.
type rowSink struct {
	b      *book
	path   string
	direct *sheetxml.Rows
	sw     *excelize.StreamWriter // the reference way: rows through SetRow
}

// rows starts the rows of the sheet sw frames.
func (b *book) rows(sw *excelize.StreamWriter) *rowSink {
	if b.viaExcelize {
		return &rowSink{sw: sw}
	}
	return &rowSink{b: b, path: partOfSheet(sw.SheetID), direct: sheetxml.NewRows()}
}

// cols sets the column widths (characters, rounded by colWidth) of the
// sheet, from column A.
func (s *rowSink) cols(widths []float64) error {
	rounded := make([]float64, len(widths))
	for j, w := range widths {
		rounded[j] = colWidth(w)
	}
	if s.direct != nil {
		s.direct.Cols(rounded)
		return nil
	}
	for j, w := range rounded {
		if err := s.sw.SetColWidth(j+1, j+1, w); err != nil {
			return err
		}
	}
	return nil
}

func (s *rowSink) row(r int, cells []cell, height float64) error {
	if s.direct != nil {
		return s.direct.Row(r, cells, height)
	}
	vals := make([]any, len(cells))
	for i, c := range cells {
		vals[i] = excelizeValue(c)
	}
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	return s.sw.SetRow(fmt.Sprintf("A%d", r), vals, opts...)
}

// close ends the rows; written directly, they wait in b.parts for the zip.
func (s *rowSink) close() error {
	if s.direct == nil {
		return nil
	}
	p, err := s.direct.Close()
	if err != nil {
		return err
	}
	if s.b.parts == nil {
		s.b.parts = map[string]sheetxml.Part{}
	}
	s.b.parts[s.path] = p
	return nil
}

// excelizeValue is the value StreamWriter.SetRow takes for c.
func excelizeValue(c cell) any {
	if c.Skip() {
		return nil
	}
	out := excelize.Cell{StyleID: c.Style, Formula: c.Formula}
	switch c.Kind {
	case sheetxml.Int:
		out.Value = c.Int
	case sheetxml.Float:
		out.Value = c.Float
	case sheetxml.Text:
		out.Value = c.Text
	}
	return out
}
