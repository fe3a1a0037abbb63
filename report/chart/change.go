package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/format"
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
	slices.SortStableFunc(rows, func(a, b analysis.CityRow) int {
		return cmp.Or(cmp.Compare(*b.Change, *a.Change), cmp.Compare(a.City, b.City), cmp.Compare(a.Province, b.Province))
	})
	f := &figure{
		name:   "change_by_city",
		title:  t.pick("各城市新的社会阶层人士人数变化（较上期）", "Change in members by city since the previous period"),
		series: []color.Color{colMain},
		tick:   t.peopleTicks(true),
		source: t.source,
	}
	labels := cityLabels(c.Cities, t)
	shown := rows
	if len(rows) > 2*changeEnds+1 {
		shown = append(slices.Clip(rows[:changeEnds]), rows[len(rows)-changeEnds:]...)
	}
	vals := make([]int64, len(shown))
	for i, cr := range shown {
		vals[i] = *cr.Change
	}
	texts := t.counts(vals, true)
	text := map[string]string{}
	for i, cr := range shown {
		text[cityID(cr)] = texts[i]
	}
	add := func(cr analysis.CityRow) {
		text := text[cityID(cr)]
		if cr.ChangeRatio != nil {
			text += " · " + format.SignedPercent(*cr.ChangeRatio)
		}
		col := color.Color(colMain)
		if *cr.Change < 0 {
			col = colLoss
		}
		f.rows = append(f.rows, row{label: labels[cityID(cr)], values: []float64{float64(*cr.Change)}, text: text, color: col})
	}
	if len(rows) <= 2*changeEnds+1 {
		for _, cr := range rows {
			add(cr)
		}
	} else {
		for _, cr := range rows[:changeEnds] {
			add(cr)
		}
		mid := rows[changeEnds : len(rows)-changeEnds]
		var sum int64
		for _, cr := range mid {
			sum += *cr.Change
		}
		f.rows = append(f.rows, row{rest: true,
			label: t.pick(fmt.Sprintf("其他%d个城市", len(mid)), fmt.Sprintf("%d other cities", len(mid))),
			text:  t.pick("合计", "total ") + format.Signed(sum, t.lang)})
		for _, cr := range rows[len(rows)-changeEnds:] {
			add(cr)
		}
	}
	sub := t.pick(fmt.Sprintf("%s较%s", t.period, t.prev), fmt.Sprintf("%s vs %s", t.period, t.prev))
	f.subtitle = join(sub, t.scope, t.pick(fmt.Sprintf("%d个城市两期均有人数", len(rows)), fmt.Sprintf("%d cities with figures for both periods", len(rows))))
	if len(rows) > 2*changeEnds+1 {
		f.notes = append(f.notes, t.pick(fmt.Sprintf("按变化量排序，列出首尾各%d个城市。", changeEnds),
			fmt.Sprintf("Sorted by change; the first and the last %d cities are shown.", changeEnds)))
	}
	return f, ""
}
