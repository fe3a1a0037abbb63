package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// changeEnds is how many of the largest gains and of the largest losses the
// change chart draws when there are too many cities for one chart.
const changeEnds = 12

// changeByCity answers "which cities grew or shrank since last period?".
func changeByCity(c *analysis.Comparison, t texts) (*figure, string) {
	if c.Previous.IsZero() {
		return nil, fmt.Sprintf("chart change_by_city skipped: no period before %s in the data", c.Period)
	}
	var rows []analysis.CityRow
	for _, cr := range c.Cities {
		if cr.Change != nil {
			rows = append(rows, cr)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Sprintf("chart change_by_city skipped: no city has figures for both %s and %s", c.Previous, c.Period)
	}
	if len(rows) == 1 {
		return nil, fmt.Sprintf("chart change_by_city skipped: only %s has figures for both %s and %s, and one bar compares nothing", rows[0].City, c.Previous, c.Period)
	}
	slices.SortStableFunc(rows, func(a, b analysis.CityRow) int {
		return cmp.Or(cmp.Compare(*b.Change, *a.Change), cmp.Compare(a.Order, b.Order))
	})
	f := &figure{
		name:   "change_by_city",
		title:  t.pick("各城市新的社会阶层人士人数比"+t.since+"增减", "Change in members by city since "+t.since),
		series: []color.Color{colMain},
		tick:   t.peopleTicks(true),
		source: t.source,
	}
	f.rows = changeRows(c, rows, t)
	sub := t.pick(fmt.Sprintf("%s比%s", t.period, t.prev), fmt.Sprintf("%s vs %s", t.period, t.prev))
	f.subtitle = join(sub, t.scope, t.pick(fmt.Sprintf("%d个城市两期均有人数", len(rows)), fmt.Sprintf("%d cities with figures for both periods", len(rows))))
	if len(rows) > 2*changeEnds+1 {
		f.notes = append(f.notes, t.pick(fmt.Sprintf("按变化量排序，列出首尾各%d个城市。", changeEnds),
			fmt.Sprintf("Sorted by change; the first and the last %d cities are shown.", changeEnds)))
	}
	return f, ""
}

// changeRows draws every city, or the first and last changeEnds of them
// around one row that sums the cities between.
func changeRows(c *analysis.Comparison, rows []analysis.CityRow, t texts) []row {
	head, mid, tail := rows, []analysis.CityRow(nil), []analysis.CityRow(nil)
	if len(rows) > 2*changeEnds+1 {
		head, mid, tail = rows[:changeEnds], rows[changeEnds:len(rows)-changeEnds], rows[len(rows)-changeEnds:]
	}
	shown := append(slices.Clone(head), tail...)
	vals := make([]int64, len(shown))
	for i, cr := range shown {
		vals[i] = *cr.Change
	}
	texts := t.counts(vals, true)
	labels := cityLabels(c.Cities, t)
	var out []row
	for i, cr := range shown {
		if i == len(head) && len(mid) > 0 {
			var sum int64
			for _, m := range mid {
				sum += *m.Change
			}
			out = append(out, t.otherCities(len(mid), vocab.Signed(sum, t.lang)))
		}
		text := texts[i]
		if cr.ChangeRatio != nil {
			text += " · " + vocab.SignedPercent(*cr.ChangeRatio)
		}
		col := color.Color(colMain)
		if *cr.Change < 0 {
			col = colLoss
		}
		out = append(out, row{label: labels[cityID(cr)], values: []float64{float64(*cr.Change)}, text: text, color: col})
	}
	return out
}
