package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// The chart sheet: native charts over the province rows. Series names and
// categories are cell references (literal names show as "Column E" in
// LibreOffice), so the charts follow corrections and filters.

const (
	chartWidth     = 900 // pixels
	chartMaxHeight = 560 // with its rows, fits an A4 landscape page
	rowPixels      = 20  // default row height
)

func (b *book) writeCharts() error {
	sheet := b.l.charts
	if err := b.applyPrint(sheet, printPlan{}); err != nil {
		return err
	}
	// Rows of a fixed height, so the charts and page breaks placed by row
	// land the same in every program.
	height, custom := float64(rowPixels)*0.75, true
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{DefaultRowHeight: &height, CustomHeight: &custom}); err != nil {
		return fmt.Errorf("set row height of %s: %w", sheet, err)
	}
	pt := b.provinceTable()
	n := pt.rows
	if n == 0 {
		return nil
	}
	cats := ref(pt.sheet, pt.col("province"), 2, n+1)
	series := func(key string) excelize.ChartSeries {
		col := pt.col(key)
		return excelize.ChartSeries{Name: ref(pt.sheet, col, 1, 1), Categories: cats, Values: ref(pt.sheet, col, 2, n+1)}
	}
	zero, no := 0.0, false
	axis := func(a excelize.ChartAxis) excelize.ChartAxis {
		a.Font = excelize.Font{Color: "404040", Size: 9}
		return a
	}
	valueAxis := func(numFmt string) excelize.ChartAxis {
		return axis(excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmt}})
	}
	// A bar per province, the first (most members) on top.
	bars := func(perBar int) uint { return uint(min(chartMaxHeight, max(320, 100+perBar*n))) }
	charts := []*excelize.Chart{{
		Type:       excelize.Bar,
		Series:     []excelize.ChartSeries{series("wan")},
		Title:      b.chartTitle(b.l.chartMembers),
		Legend:     excelize.ChartLegend{Position: "none"},
		XAxis:      axis(excelize.ChartAxis{ReverseOrder: true}),
		YAxis:      valueAxis(b.l.axisFormat),
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: b.l.wanFormat}},
		VaryColors: &no,
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: bars(24)},
	}}
	var batches []excelize.ChartSeries
	for i := 1; i <= b.c.MaxBatch; i++ {
		batches = append(batches, series(fmt.Sprintf("batch%d", i)))
	}
	batches = append(batches, series("nobatch"))
	charts = append(charts, &excelize.Chart{
		Type:       excelize.ColStacked,
		Series:     batches,
		Title:      b.chartTitle(b.l.chartBases),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		XAxis:      axis(excelize.ChartAxis{}),
		YAxis:      valueAxis("0"),
		VaryColors: &no,
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: 440},
	})
	if !b.c.Previous.IsZero() {
		charts = append(charts, &excelize.Chart{
			Type:       excelize.Bar,
			Series:     []excelize.ChartSeries{series("cmpPrevious"), series("cmpMembers")},
			Title:      b.chartTitle(b.tl.chartChange),
			Legend:     excelize.ChartLegend{Position: "bottom"},
			XAxis:      axis(excelize.ChartAxis{ReverseOrder: true}),
			YAxis:      valueAxis("#,##0"),
			VaryColors: &no,
			Dimension:  excelize.ChartDimension{Width: chartWidth, Height: bars(30)},
		})
	}
	if ch := b.trendChart(axis, valueAxis); ch != nil {
		charts = append(charts, ch)
	}
	// excelize anchors a chart over about one row per 18 pixels; one chart
	// per printed page.
	cells := make([]string, len(charts))
	var breaks []string
	row := 1
	for i, ch := range charts {
		cells[i] = fmt.Sprintf("A%d", row)
		row += int(ch.Dimension.Height)/18 + 3
		if i < len(charts)-1 {
			breaks = append(breaks, fmt.Sprintf("A%d", row-1))
		}
	}
	if err := b.addCharts(sheet, height, cells, charts); err != nil {
		return err
	}
	for i, at := range breaks {
		if err := b.f.InsertPageBreak(sheet, at); err != nil {
			return fmt.Errorf("break page after chart %d: %w", i+1, err)
		}
	}
	return nil
}

func (b *book) chartTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Bold: true, Size: 13}}}}
}
