package template

import (
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/xuri/excelize/v2"
)

// Options tune Write.
type Options struct {
	Lang Lang // zh (default) or en
	// Created stamps the document properties; zero leaves 2019-05-17, the
	// meeting of the examples, so that the file is the same on every run.
	Created time.Time
}

// Write writes the template to w with the rows of d as examples.
func Write(w io.Writer, d *analysis.Dataset, opts Options) error {
	l := opts.Lang
	if l != English {
		l = Chinese
	}
	created := opts.Created
	if created.IsZero() {
		created = time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)
	}
	f := excelize.NewFile()
	defer f.Close()
	b := &builder{f: f, l: l, d: d}
	if err := b.styles(); err != nil {
		return err
	}
	if err := b.instructions(); err != nil {
		return err
	}
	for i, t := range tables {
		if err := b.table(i, t.sheet.in(l)); err != nil {
			return fmt.Errorf("write sheet %s: %w", t.sheet.in(l), err)
		}
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return fmt.Errorf("drop the default sheet: %w", err)
	}
	f.SetActiveSheet(0)
	stamp := created.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: instructions.title.in(l), Creator: "basebrief", LastModifiedBy: "basebrief",
		Created: stamp, Modified: stamp, Language: string(l),
	}); err != nil {
		return fmt.Errorf("set document properties: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	return nil
}

type builder struct {
	f      *excelize.File
	l      Lang
	d      *analysis.Dataset
	header int
	title  int
	wrap   int
	format map[int]int // number format id → style
}

func (b *builder) styles() error {
	var err error
	style := func(s *excelize.Style) int {
		id, e := b.f.NewStyle(s)
		if e != nil && err == nil {
			err = fmt.Errorf("template style: %w", e)
		}
		return id
	}
	b.header = style(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Vertical: "center"}})
	b.title = style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}})
	b.wrap = style(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	b.format = map[int]int{
		fmtThousands: style(&excelize.Style{NumFmt: fmtThousands}),
		fmtText:      style(&excelize.Style{NumFmt: fmtText}),
	}
	return err
}

// instructions writes the first sheet: the steps, then what each column
// of each table takes.
func (b *builder) instructions() error {
	in, l := instructions, b.l
	sheet := in.sheet.in(l)
	if _, err := b.f.NewSheet(sheet); err != nil {
		return fmt.Errorf("add sheet %s: %w", sheet, err)
	}
	w := &cellWriter{f: b.f, sheet: sheet}
	w.row(b.title, in.title.in(l))
	for _, s := range in.steps {
		w.row(0, s.in(l)) // one line, running over the empty cells beside it
	}
	w.row(0)
	w.row(b.header, in.table.in(l), in.column.in(l), in.required.in(l), in.takes.in(l))
	for _, t := range tables {
		for _, c := range t.cols {
			req := in.no.in(l)
			if c.required {
				req = in.yes.in(l)
			}
			w.row(b.wrap, t.sheet.in(l), c.header.in(l), req, c.help.in(l))
		}
	}
	for col, width := range map[string]float64{"A": 10, "B": 12, "C": 8, "D": 90} {
		w.do(b.f.SetColWidth(sheet, col, col, width))
	}
	return w.err
}

// table writes one table's sheet: header, example rows, formats and lists.
func (b *builder) table(i int, sheet string) error {
	if _, err := b.f.NewSheet(sheet); err != nil {
		return err
	}
	cols := tables[i].cols
	w := &cellWriter{f: b.f, sheet: sheet}
	head := make([]any, len(cols))
	for j, c := range cols {
		head[j] = c.header.in(b.l)
	}
	w.row(b.header, head...)
	for _, r := range b.examples(i) {
		w.row(0, r...)
	}
	for j, c := range cols {
		name, _ := excelize.ColumnNumberToName(j + 1)
		w.do(b.f.SetColWidth(sheet, name, name, c.width))
		if c.format != 0 {
			// The whole column, so that new entries are typed into
			// formatted cells; the header keeps its own style.
			w.do(b.f.SetColStyle(sheet, name, b.format[c.format]))
			w.do(b.f.SetCellStyle(sheet, name+"1", name+"1", b.header))
		}
		if c.list != nil {
			w.do(b.dropdown(sheet, name, c))
		}
	}
	w.do(b.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	return w.err
}

// maxRows is the last row of a sheet: the dropdowns cover every row.
const maxRows = 1048576

func (b *builder) dropdown(sheet, col string, c column) error {
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s2:%s%d", col, col, maxRows))
	if err := dv.SetDropList(c.list(b.l)); err != nil {
		return err
	}
	style := excelize.DataValidationErrorStyleWarning
	if c.strict {
		style = excelize.DataValidationErrorStyleStop
	}
	dv.SetError(style, c.header.in(b.l), c.help.in(b.l))
	dv.SetInput(c.header.in(b.l), c.help.in(b.l))
	return b.f.AddDataValidation(sheet, dv)
}

// examples returns the rows of table i from the dataset, written as the
// input rules read them.
func (b *builder) examples(i int) [][]any {
	var rows [][]any
	switch i {
	case 0:
		for _, c := range b.d.Cities {
			rows = append(rows, []any{c.Name, c.Province, c.Region, tierText(c.Tier, b.l), c.Note})
		}
	case 1:
		for _, x := range b.d.Bases {
			rows = append(rows, []any{x.Name, x.City, x.Province, batchText(x.Batch, b.l), x.Kind, x.Segment.Name(), x.Since, x.Source})
		}
	case 2:
		for _, x := range b.d.Figures {
			rows = append(rows, []any{x.Province, x.City, x.Period.String(), x.Members, x.Segment.Name(), x.Source})
		}
	}
	return rows
}

func tierText(t analysis.Tier, l Lang) string {
	if t == analysis.TierOther {
		return ""
	}
	return vocab.TierShort(string(t), l.vocab())
}

func segments(Lang) []string {
	out := make([]string, len(analysis.Segments))
	for i, s := range analysis.Segments {
		out[i] = s.Name()
	}
	return slices.Clip(out)
}

// cellWriter writes rows one after another, keeping the first error.
type cellWriter struct {
	f     *excelize.File
	sheet string
	n     int
	err   error
}

func (w *cellWriter) do(err error) {
	if w.err == nil && err != nil {
		w.err = err
	}
}

func (w *cellWriter) row(style int, values ...any) {
	w.n++
	cell := fmt.Sprintf("A%d", w.n)
	// Empty strings are left out: an empty text cell is not a blank cell.
	for i, v := range values {
		if s, ok := v.(string); ok && s == "" {
			values[i] = nil
		}
	}
	w.do(w.f.SetSheetRow(w.sheet, cell, &values))
	if style != 0 && len(values) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(values), w.n)
		w.do(w.f.SetCellStyle(w.sheet, cell, last, style))
	}
}
