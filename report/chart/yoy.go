package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"

	"github.com/basebrief/basebrief/analysis"
)

// yoyByCity answers "which cities grew or shrank on a year ago?" (同比),
// beside the change on the previous period; drawn where the data holds the
// year-ago period.
func yoyByCity(c *analysis.Comparison, t texts) (*figure, string) {
	if c.YearAgo.IsZero() {
		return nil, fmt.Sprintf("chart yoy_by_city skipped: no figures for %s, a year before %s", c.Period.YearAgo(), c.Period)
	}
	if c.YearAgo == c.Previous {
		return nil, fmt.Sprintf("chart yoy_by_city skipped: the year-ago period %s is the previous one, drawn in change_by_city", c.YearAgo)
	}
	var rows []analysis.CityRow
	for _, cr := range c.Cities {
		if cr.YoYChange != nil {
			// changeRows draws Change: the year-on-year change stands in.
			cr.Change, cr.ChangeRatio, cr.PreviousMembers = cr.YoYChange, cr.YoYChangeRatio, cr.YearAgoMembers
			rows = append(rows, cr)
		}
	}
	if len(rows) == 0 {
		return nil, fmt.Sprintf("chart yoy_by_city skipped: no city has figures for both %s and %s", c.YearAgo, c.Period)
	}
	if len(rows) == 1 {
		return nil, fmt.Sprintf("chart yoy_by_city skipped: only %s has figures for both %s and %s, and one bar compares nothing", rows[0].City, c.YearAgo, c.Period)
	}
	slices.SortStableFunc(rows, func(a, b analysis.CityRow) int {
		return cmp.Or(cmp.Compare(*b.Change, *a.Change), cmp.Compare(a.City, b.City), cmp.Compare(a.Province, b.Province))
	})
	ago := periodText(c.YearAgo, t.lang)
	f := &figure{
		name:   "yoy_by_city",
		title:  t.pick("各城市新的社会阶层人士人数同比变化", "Change in members by city on a year ago"),
		series: []color.Color{colMain},
		tick:   t.peopleTicks(true),
		source: t.source,
	}
	f.rows = changeRows(c, rows, t)
	sub := t.pick(fmt.Sprintf("%s比%s", t.period, ago), fmt.Sprintf("%s vs %s", t.period, ago))
	f.subtitle = join(sub, t.scope, t.pick(fmt.Sprintf("%d个城市两期均有人数", len(rows)), fmt.Sprintf("%d cities with figures for both periods", len(rows))))
	if len(rows) > 2*changeEnds+1 {
		f.notes = append(f.notes, t.pick(fmt.Sprintf("按变化量排序，列出首尾各%d个城市。", changeEnds),
			fmt.Sprintf("Sorted by change; the first and the last %d cities are shown.", changeEnds)))
	}
	return f, ""
}
