package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// How each sheet prints. Printing the workbook as it opens (every sheet,
// as LibreOffice's PDF export and "print entire workbook" do) gives the
// summary sheets only, in readable pages (issue 24):
//   - every table repeats its header row, and its name column when it
//     prints more than one page wide (print titles);
//   - a table that fits a landscape A4 page at 75% or more is fitted to
//     one page wide; a wider one prints at printScale, its columns broken
//     into pages at the groups its table names (the province sheet: the
//     figures, the 环比 columns, the 同比 columns, the bases by batch);
//   - a data list (城市, 分省趋势, 基地, 人数, 修订) over three pages prints only
//     when asked: its print area is one empty cell past its
//     data, a page with nothing on it, which LibreOffice leaves out
//     ("suppress output of empty pages", on by default) and Excel counts as
//     blank (an empty cell makes a blank page: Microsoft KB 288968). The
//     说明 sheet says how to print one: clear its print area, and its
//     titles, scale and column breaks, all kept, apply to the whole list.
// The overview prints on one page.

// Page geometry: A4 landscape at half-inch margins, in pixels at 96 dpi,
// the unit column widths convert to. A column of width w characters is
// about 7w pixels in Excel (Calibri 11) but about 9.5w in LibreOffice
// without Calibri (measured: the province sheet's first 12 columns, 121
// characters, filled a page at 85%, the 13th did not): charPx takes the
// wider, so a page planned here is a page in both.
const (
	pageWidthPx  = (297 - 25.4) / 25.4 * 96 // 1,026
	pageHeightPx = (210 - 25.4) / 25.4 * 96 // 698
	charPx       = 10
	rowPx        = 20
	// printScale is the scale of a table too wide to fit: 80% keeps 11-point
	// text readable (9 points).
	printScale = 80
	// fitScale is the smallest scale fitting to the page width may give.
	fitScale = 0.75
	// listPageRows are the rows a landscape page holds (header and data,
	// with room for rows of two lines).
	listPageRows = 30
	// listPages: a data list printing on more pages than this prints only
	// when asked; the default dataset's cities and bases, two and three
	// pages wide, print with the workbook.
	listPages = 3
)

// printPlan is how one sheet prints.
type printPlan struct {
	portrait  bool
	fitHeight int    // pages tall when fitting (0: as many as needed)
	titleRows string // "$1:$1": rows repeated on every page
	titleCols string // "$A:$A": columns repeated on every page
	scale     int    // 0: fit to one page wide
	colBreaks []int  // 1-based columns that start a printed page
	// area is the print area, "" for the whole sheet; only a sheet that
	// prints only when asked has one (an empty cell).
	area string
}

// tablePlan plans a table sheet from its column widths. A data list
// (t.long) over listPages pages prints only when asked.
func tablePlan(t *table, widths []float64) printPlan {
	p := printPlan{titleRows: "$1:$1"}
	total := 0.0
	for _, w := range widths {
		total += w * charPx
	}
	if total*fitScale > pageWidthPx {
		p.scale = printScale
		p.colBreaks = columnBreaks(t, widths, pageWidthPx*100/printScale)
		if t.freeze > 0 {
			p.titleCols = fmt.Sprintf("$A:$%s", colName(t.freeze))
		}
	}
	rowPages := (t.rows + 2 + listPageRows - 1) / listPageRows // header and totals rows too
	if t.long && rowPages*(len(p.colBreaks)+1) > listPages {
		// Right of the last column and below the totals row: empty, and
		// its column's header cell and its row's name cell (the print
		// titles it would carry) are empty too. A sheet split at Excel's
		// last row has no row below its totals: the cell is in the totals
		// row then (a row past the last is an invalid reference, which
		// LibreOffice ignores and prints the whole list; a print-title
		// name column shows that row's 合计 on the one page).
		p.area = fmt.Sprintf("$%s$%d", colName(len(widths)+2), min(t.rows+3, maxRows))
	}
	return p
}

// columnBreaks packs the columns into pages of width page (pixels at
// 100%), the name columns (t.freeze) repeated on each: a group that does
// not fit the rest of a page starts the next one, a group wider than a page
// breaks where the page is full.
func columnBreaks(t *table, widths []float64, page float64) []int {
	fixed := 0.0
	for j := 0; j < t.freeze && j < len(widths); j++ {
		fixed += widths[j] * charPx
	}
	starts := map[int]bool{}
	for _, k := range t.groups {
		if i := t.index(k); i > 0 {
			starts[i] = true
		}
	}
	// groupWidth is the width of the group starting at column i (1-based).
	groupWidth := func(i int) float64 {
		w := widths[i-1] * charPx
		for j := i + 1; j <= len(widths) && !starts[j]; j++ {
			w += widths[j-1] * charPx
		}
		return w
	}
	var breaks []int
	used := 0.0
	for i := 1; i <= len(widths); i++ {
		w := widths[i-1] * charPx
		room := page - fixed
		if i <= t.freeze {
			used += w
			continue
		}
		switch {
		case used == 0 || used+w <= room && !(starts[i] && used+groupWidth(i) > room && groupWidth(i) <= room):
		default:
			breaks = append(breaks, i)
			used = 0
		}
		used += w
	}
	return breaks
}

// applyPrint sets the page setup of sheet: A4, the plan's orientation and
// scale, margins, a footer with the sheet's name and page number, print
// titles and area, and column breaks.
func (b *book) applyPrint(sheet string, p printPlan) error {
	if err := b.setupPage(sheet, p); err != nil {
		return err
	}
	return b.printNames(sheet, p)
}

// setupPage is applyPrint's part in the sheet's own XML (its frame): the
// page setup, margins, footer and column breaks. A sheet whose frame is
// kept from a workbook before (framekit.go) skips it.
func (b *book) setupPage(sheet string, p printPlan) error {
	size, orient := 9, "landscape"
	if p.portrait {
		orient = "portrait"
	}
	lay := &excelize.PageLayoutOptions{Size: &size, Orientation: &orient}
	fit := p.scale == 0
	if fit {
		one, tall := 1, p.fitHeight
		lay.FitToWidth, lay.FitToHeight = &one, &tall
	} else {
		scale := uint(p.scale)
		lay.AdjustTo = &scale
	}
	if err := b.f.SetPageLayout(sheet, lay); err != nil {
		return fmt.Errorf("page setup of %s: %w", sheet, err)
	}
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return fmt.Errorf("page setup of %s: %w", sheet, err)
	}
	margin, edge := 0.5, 0.3
	if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &margin, Bottom: &margin, Header: &edge, Footer: &edge}); err != nil {
		return fmt.Errorf("page margins of %s: %w", sheet, err)
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&L&A&R&P / &N"}); err != nil {
		return fmt.Errorf("page footer of %s: %w", sheet, err)
	}
	for _, c := range p.colBreaks {
		if err := b.f.InsertPageBreak(sheet, colName(c)+"1"); err != nil {
			return fmt.Errorf("page break in %s: %w", sheet, err)
		}
	}
	return nil
}

// printNames is applyPrint's part in workbook.xml: the print titles and
// area, defined names scoped to the sheet.
func (b *book) printNames(sheet string, p printPlan) error {
	titles := ""
	switch {
	case p.titleCols != "" && p.titleRows != "":
		titles = quote(sheet) + "!" + p.titleCols + "," + quote(sheet) + "!" + p.titleRows
	case p.titleRows != "":
		titles = quote(sheet) + "!" + p.titleRows
	}
	if titles != "" {
		if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet}); err != nil {
			return fmt.Errorf("print titles of %s: %w", sheet, err)
		}
	}
	if p.area != "" {
		if err := b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: quote(sheet) + "!" + p.area, Scope: sheet}); err != nil {
			return fmt.Errorf("print area of %s: %w", sheet, err)
		}
	}
	return nil
}
