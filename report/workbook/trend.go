package workbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The trend sheets: every period of the compared kind, oldest first. 趋势
// has the total and each region with its reporting cities beside; 分省趋势
// each province. A step where the reporting cities or a province's basis
// changed is marked, since it is not growth or decline.

func (b *book) hasTrend() bool { return len(b.c.Series) > 1 }

// snapshotView reports whether the series' figures are other periods' (the
// year view of monthly data): the sheet then names them.
func (b *book) snapshotView() bool {
	for _, p := range b.c.Series {
		if p.Source != p.Period {
			return true
		}
	}
	return false
}

func (b *book) trendTable() *table {
	l, tl := b.l, b.tl
	cols := []column{{key: "period", header: l.period, min: 9}}
	if b.snapshotView() {
		cols = append(cols, column{key: "source", header: tl.source, min: 10})
	}
	cols = append(cols, column{key: "total", header: tl.totalMembers, min: 12}, column{key: "reporting", header: tl.totalReporting, min: 8, max: 12})
	for i, r := range b.c.Regions {
		cols = append(cols, column{key: fmt.Sprintf("r%d", i), header: fmt.Sprintf(tl.regionMembers, l.partOf(r.Region)), min: 12},
			column{key: fmt.Sprintf("rr%d", i), header: fmt.Sprintf(tl.regionReporting, l.partOf(r.Region)), min: 8, max: 14})
	}
	cols = append(cols, column{key: "changed", header: tl.coverageChanged, min: 10})
	// Printed, a region's members and reporting cities stay on one page.
	var groups []string
	for i := range b.c.Regions {
		groups = append(groups, fmt.Sprintf("r%d", i))
	}
	return &table{sheet: tl.trend, cols: cols, rows: len(b.c.Series), freeze: 1, groups: groups}
}

func (b *book) writeTrend() error {
	if !b.hasTrend() {
		return nil
	}
	t := b.trendTable()
	regionAt := make(map[string]int, len(b.c.Regions))
	for i, r := range b.c.Regions {
		regionAt[r.Region] = i
	}
	snapshot := b.snapshotView()
	// A region's members in a period are the sum of its provinces' (the
	// contract's rule): a formula over their cells of the same period on
	// the 分省趋势 sheet, so a corrected province figure carries through to
	// its region and the total. The reporting cities stay counts: no sheet
	// holds them by period for a formula to count.
	regionProvs := make([][][2]string, len(b.c.Regions)) // runs of adjacent columns, first and last
	if len(b.c.Provinces) > 0 {
		pt := b.provinceTrendTable()
		last := make([]int, len(b.c.Regions))
		for i, pr := range b.c.ProvincesInOrder() {
			j, ok := regionAt[pr.Region]
			if !ok {
				continue
			}
			col := pt.index(fmt.Sprintf("p%d", i))
			if runs := regionProvs[j]; len(runs) > 0 && last[j] == col-1 {
				runs[len(runs)-1][1] = colName(col)
			} else {
				regionProvs[j] = append(regionProvs[j], [2]string{colName(col), colName(col)})
			}
			last[j] = col
		}
	}
	sheet := quote(b.tl.trendProvinces) + "!"
	t.cells = func(i, r int) []cell {
		p := &b.c.Series[i]
		row := []cell{b.text(p.Period.String())}
		if snapshot {
			row = append(row, b.text(p.Source.String()))
		}
		members := make([]*int64, len(b.c.Regions))
		reporting := make([]int, len(b.c.Regions))
		for _, sr := range p.Regions {
			if j, ok := regionAt[sr.Region]; ok {
				members[j], reporting[j] = sr.Members, sr.ReportingCities
			}
		}
		var mcells, rcells []string
		for j := range b.c.Regions {
			mcells = append(mcells, fmt.Sprintf("%s%d", t.col(fmt.Sprintf("r%d", j)), r))
			rcells = append(rcells, fmt.Sprintf("%s%d", t.col(fmt.Sprintf("rr%d", j)), r))
		}
		ms, rs := strings.Join(mcells, ","), strings.Join(rcells, ",")
		row = append(row,
			b.formula(t.sheet, t.col("total"), r, b.st.int, fmt.Sprintf(`IF(COUNT(%s)=0,"",SUM(%s))`, ms, ms), f64(p.Members)),
			b.formula(t.sheet, t.col("reporting"), r, b.st.int, fmt.Sprintf("SUM(%s)", rs), fi(p.ReportingCities)))
		for j := range b.c.Regions {
			m := b.people(members[j], b.st.int)
			if len(regionProvs[j]) > 0 {
				cells := make([]string, len(regionProvs[j]))
				n := strconv.Itoa(r)
				for k, run := range regionProvs[j] {
					cells[k] = sheet + run[0] + n
					if run[1] != run[0] {
						cells[k] += ":" + run[1] + n
					}
				}
				ps := strings.Join(cells, ",")
				m = b.formula(t.sheet, t.col(fmt.Sprintf("r%d", j)), r, b.st.int, `IF(COUNT(`+ps+`)=0,"",SUM(`+ps+`))`, f64(members[j]))
			}
			row = append(row, m, b.intCell(reporting[j], b.st.int))
		}
		mark := ""
		if p.CoverageChanged {
			mark = b.l.yes
		}
		return append(row, b.styled(b.st.center, mark))
	}
	return b.writeTable(t)
}

func (b *book) provinceTrendTable() *table {
	tl := b.tl
	cols := []column{{key: "period", header: b.l.period, min: 9}, {key: "total", header: tl.totalMembers, min: 12}}
	for i, p := range b.c.ProvincesInOrder() {
		cols = append(cols, column{key: fmt.Sprintf("p%d", i), header: p.Province, min: 10})
	}
	return &table{sheet: tl.trendProvinces, cols: cols, rows: len(b.c.Series), freeze: 1, long: true}
}

func (b *book) writeProvinceTrend() error {
	if !b.hasTrend() {
		return nil
	}
	t := b.provinceTrendTable()
	first, last := t.col("p0"), colName(len(t.cols))
	provs := b.c.ProvincesInOrder()
	t.cells = func(i, r int) []cell {
		p := &b.c.Series[i]
		rng := fmt.Sprintf("%s%d:%s%d", first, r, last, r)
		row := []cell{b.text(p.Period.String()),
			b.formula(t.sheet, t.col("total"), r, b.st.int, fmt.Sprintf(`IF(COUNT(%s)=0,"",SUM(%s))`, rng, rng), f64(p.Members))}
		for _, pr := range provs {
			var n *int64
			if pr.Order < len(p.Provinces) {
				n = p.Provinces[pr.Order]
			}
			row = append(row, b.people(n, b.st.int))
		}
		return row
	}
	if len(b.c.Provinces) == 0 {
		return nil
	}
	return b.writeTable(t)
}

// trendChart is a native line chart of each region's members over the
// periods of the trend sheet; nil with fewer than two periods.
func (b *book) trendChart(s chartStyle) *excelize.Chart {
	if len(b.c.Series) < 2 {
		return nil
	}
	t := b.trendTable()
	n := t.rows
	cats := ref(t.sheet, t.col("period"), 2, n+1)
	var lines []excelize.ChartSeries
	for i := range b.c.Regions {
		col := t.col(fmt.Sprintf("r%d", i))
		lines = append(lines, excelize.ChartSeries{Name: ref(t.sheet, col, 1, 1), Categories: cats, Values: ref(t.sheet, col, 2, n+1),
			Marker: excelize.ChartMarker{Symbol: "circle", Size: 4}})
	}
	no := false
	return &excelize.Chart{
		Type:       excelize.Line,
		Series:     lines,
		Title:      b.chartTitle(b.tl.chartTrend),
		Legend:     excelize.ChartLegend{Position: "bottom"},
		XAxis:      s.axis(excelize.ChartAxis{}),
		YAxis:      s.valueAxis("#,##0"),
		VaryColors: &no,
		Dimension:  excelize.ChartDimension{Width: chartWidth, Height: 440},
	}
}
