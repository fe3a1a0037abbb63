package workbook

import (
	"fmt"
	"strconv"

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

// rowSink takes one sheet's rows in ascending order.
type rowSink interface {
	row(r int, cells []cell, height float64) error
	close() error
}

// rows starts the rows of the sheet sw frames.
func (b *book) rows(sw *excelize.StreamWriter) rowSink {
	if b.viaExcelize {
		return &excelizeRows{sw: sw}
	}
	return &directRows{b: b, path: "xl/worksheets/sheet" + strconv.Itoa(sw.SheetID) + ".xml", w: sheetxml.NewRows()}
}

type directRows struct {
	b    *book
	path string
	w    *sheetxml.Rows
}

func (d *directRows) row(r int, cells []cell, height float64) error {
	return d.w.Row(r, cells, height)
}

func (d *directRows) close() error {
	p, err := d.w.Close()
	if err != nil {
		return err
	}
	if d.b.parts == nil {
		d.b.parts = map[string]sheetxml.Part{}
	}
	d.b.parts[d.path] = p
	return nil
}

// excelizeRows is the reference: the rows through excelize's own writer.
type excelizeRows struct{ sw *excelize.StreamWriter }

func (e *excelizeRows) row(r int, cells []cell, height float64) error {
	vals := make([]any, len(cells))
	for i, c := range cells {
		vals[i] = excelizeValue(c)
	}
	var opts []excelize.RowOpts
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	return e.sw.SetRow(fmt.Sprintf("A%d", r), vals, opts...)
}

func (e *excelizeRows) close() error { return nil }

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
