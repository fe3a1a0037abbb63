package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// The chart sheet: native charts over the province rows, or in a province
// slice over its city rows. Series names and categories are cell
// references (literal names show as "Column E" in LibreOffice), so the
// charts follow corrections and filters.

const (
	chartWidth     = 900 // pixels
	chartMaxHeight = 560 // with its rows, fits an A4 landscape page
	rowPixels      = 20  // default row height
	// chartCities is how many city rows a chart draws, the cities with the
	// most members (the city sheet's first rows): report/chart's topCities.
	chartCities = 25
)

// chartStyle builds the charts' axes alike.
type chartStyle struct{}

func (chartStyle) axis(a excelize.ChartAxis) excelize.ChartAxis {
	a.Font = excelize.Font{Color: "404040", Size: 9}
	return a
}

func (s chartStyle) valueAxis(numFmt string) excelize.ChartAxis {
	zero := 0.0
	return s.axis(excelize.ChartAxis{MajorGridLines: true, Minimum: &zero, NumFmt: excelize.ChartNumFmt{CustomNumFmt: numFmt}})
}

// barsHeight is the height of a bar chart of n categories, perBar pixels
// each: the first (most members) on top.
func barsHeight(n, perBar int) uint { return uint(min(chartMaxHeight, max(320, 100+perBar*n))) }

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
	var charts []*excelize.Chart
	if b.oneProvince() != "" {
		// A province slice holds one province, as do data of one province
		// (an office's own 市州): a chart by province (or by region, its
		// one region row being the province) would be one bar (one line)
		// comparing nothing, as report/chart skips them. Its charts
		// compare its cities.
		charts = b.cityCharts()
		if len(charts) == 0 {
			return b.noCharts(sheet)
		}
	} else {
		charts = b.provinceCharts()
	}
	if len(charts) == 0 {
		return nil
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

// provinceCharts are a bar per province (members, bases by batch, the
// like-for-like change) and the regions' trend.
func (b *book) provinceCharts() []*excelize.Chart {
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
	var s chartStyle
	no := false
	charts := []*excelize.Chart{b.membersChart(series("wan"), b.chartTitle(b.l.chartMembers), n)}
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
		XAxis:      s.axis(excelize.ChartAxis{}),
		YAxis:      s.valueAxis("0"),
		VaryColors: &no,
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: 440},
	})
	if !b.c.Previous.IsZero() {
		charts = append(charts, &excelize.Chart{
			Type:       excelize.Bar,
			Series:     []excelize.ChartSeries{series("cmpPrevious"), series("cmpMembers")},
			Title:      b.chartTitle(b.tl.chartChange),
			Legend:     excelize.ChartLegend{Position: "bottom"},
			XAxis:      s.axis(excelize.ChartAxis{ReverseOrder: true}),
			YAxis:      s.valueAxis("#,##0"),
			VaryColors: &no,
			Dimension:  excelize.ChartDimension{Width: chartWidth, Height: barsHeight(n, 30)},
		})
	}
	if ch := b.trendChart(s); ch != nil {
		charts = append(charts, ch)
	}
	return charts
}

// cityCharts are the charts of a workbook of one province (a province
// slice, or data of one province), as report/chart draws them for it:
// members by city, and the change by city against the previous period
// and the year-ago one where the data hold them; a bar per city of the
// city sheet's first rows (most members first), at most chartCities, the
// cities with a figure. A chart of fewer than two bars compares nothing
// and is left out: none at all when fewer than two cities have a figure.
func (b *book) cityCharts() []*excelize.Chart {
	n, reporting := b.chartedCities()
	if n < 2 {
		return nil
	}
	t := b.cityTable()
	cats := ref(t.sheet, t.col("city"), 2, n+1)
	series := func(key string) excelize.ChartSeries {
		col := t.col(key)
		return excelize.ChartSeries{Name: ref(t.sheet, col, 1, 1), Categories: cats, Values: ref(t.sheet, col, 2, n+1)}
	}
	title := func(s string) excelize.ChartTitle {
		if n < reporting {
			s += fmt.Sprintf(b.l.chartTop, n)
		}
		return b.chartTitle(s)
	}
	var s chartStyle
	no := false
	charts := []*excelize.Chart{b.membersChart(series("wan"), title(b.l.chartCityMembers), n)}
	// changes counts the charted cities with a change (c.Cities is in the
	// city sheet's order).
	changes := func(yoy bool) int {
		k := 0
		for _, ct := range b.c.Cities[:n] {
			if !yoy && ct.Change != nil || yoy && ct.YoYChange != nil {
				k++
			}
		}
		return k
	}
	// A change may be negative: the value axis is not held at zero, and
	// the city names sit at its low end, clear of bars going left.
	change := func(key, head string) *excelize.Chart {
		return &excelize.Chart{
			Type:       excelize.Bar,
			Series:     []excelize.ChartSeries{series(key)},
			Title:      title(fmt.Sprintf(b.l.chartCityChange, head)),
			Legend:     excelize.ChartLegend{Position: "none"},
			XAxis:      s.axis(excelize.ChartAxis{ReverseOrder: true, TickLabelPosition: excelize.ChartTickLabelLow}),
			YAxis:      s.axis(excelize.ChartAxis{MajorGridLines: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: signedFormat}}),
			PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: signedFormat}},
			VaryColors: &no,
			Dimension:  excelize.ChartDimension{Width: chartWidth, Height: barsHeight(n, 24)},
		}
	}
	if !b.c.Previous.IsZero() && changes(false) >= 2 {
		charts = append(charts, change("change", b.tl.change))
	}
	if b.hasYoY() && changes(true) >= 2 {
		charts = append(charts, change("yoyChange", b.tl.yoyChange))
	}
	return charts
}

// chartedCities are the city rows cityCharts draw, of the reporting
// cities the city sheet lists, first.
func (b *book) chartedCities() (n, reporting int) {
	for _, ct := range b.c.Cities[:b.layout.cities.n] {
		if ct.Members != nil {
			reporting++ // the city sheet lists them first
		}
	}
	return min(reporting, chartCities), reporting
}

// oneProvince is the province the workbook holds alone: a province
// slice's, or the one province of the data; "" when it holds several.
func (b *book) oneProvince() string { return b.c.OneProvince() }

// membersChart is a bar per row of wan's range (members in 万, as the
// 人数（万） column shows them), n rows, the first (most members) on top:
// the province sheet's, or in a workbook of one province the city sheet's.
func (b *book) membersChart(wan excelize.ChartSeries, title excelize.ChartTitle, n int) *excelize.Chart {
	var s chartStyle
	no := false
	return &excelize.Chart{
		Type:       excelize.Bar,
		Series:     []excelize.ChartSeries{wan},
		Title:      title,
		Legend:     excelize.ChartLegend{Position: "none"},
		XAxis:      s.axis(excelize.ChartAxis{ReverseOrder: true}),
		YAxis:      s.valueAxis(b.l.axisFormat),
		PlotArea:   excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: b.l.wanFormat}},
		VaryColors: &no,
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: barsHeight(n, 24)},
	}
}

// signedFormat shows a change with its sign, as the sheets' 增减 columns do.
const signedFormat = `+#,##0;-#,##0;0`

// noCharts says on the chart sheet why it holds none: one province
// (oneProvince) with fewer than two cities with a figure.
func (b *book) noCharts(sheet string) error {
	var first string
	reporting := 0
	for _, ct := range b.c.Cities {
		if ct.Members != nil {
			if reporting == 0 {
				first = ct.City
			}
			reporting++
		}
	}
	var text string
	switch {
	case len(b.c.Cities) == 1:
		text = fmt.Sprintf(b.l.oneCityCharts, b.oneProvince(), b.c.Cities[0].City)
	case reporting == 1:
		text = fmt.Sprintf(b.l.oneReportingCharts, b.oneProvince(), first)
	default:
		text = fmt.Sprintf(b.l.noCityCharts, b.oneProvince())
	}
	if err := b.f.SetCellStr(sheet, "A1", text); err != nil {
		return fmt.Errorf("write %s!A1: %w", sheet, err)
	}
	return nil
}

func (b *book) chartTitle(text string) excelize.ChartTitle {
	return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: &excelize.Font{Bold: true, Size: 13}}}}
}
