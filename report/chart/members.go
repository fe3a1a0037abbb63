package chart

import (
	"fmt"
	"image/color"
	"strconv"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// topCities is how many city bars a chart draws; the rest are summed in one
// "其他" row, so 300 cities still give a readable chart.
const topCities = 25

// membersByCity answers "which cities have the most members?".
func membersByCity(c *analysis.Comparison, t texts) (*figure, string) {
	var rep []analysis.CityRow
	var missing []string
	for _, cr := range c.Cities {
		if cr.Members != nil {
			rep = append(rep, cr)
		} else {
			missing = append(missing, cr.City)
		}
	}
	if len(rep) == 0 {
		return nil, fmt.Sprintf("chart members_by_city skipped: no city has a member figure for %s", c.Period)
	}
	if len(rep) == 1 {
		return nil, fmt.Sprintf("chart members_by_city skipped: only %s has a member figure for %s, and one bar compares nothing", rep[0].City, c.Period)
	}
	f := &figure{
		name:   "members_by_city",
		title:  t.pick("各城市新的社会阶层人士人数", "New social strata members by city"),
		series: []color.Color{colMain},
		tick:   t.peopleTicks(false),
		source: t.source,
	}
	shown := rep
	if len(rep) > topCities {
		shown = rep[:topCities]
	}
	labels := cityLabels(c.Cities, t)
	fromSegments := false
	vals := make([]int64, len(shown))
	for i, cr := range shown {
		vals[i] = *cr.Members
	}
	texts := t.counts(vals, false)
	for i, cr := range shown {
		text := texts[i]
		if cr.FromSegments {
			text += "*"
			fromSegments = true
		}
		f.rows = append(f.rows, row{label: labels[cityID(cr)], values: []float64{float64(*cr.Members)}, text: text})
	}
	if rest := rep[len(shown):]; len(rest) > 0 {
		var sum int64
		for _, cr := range rest {
			sum += *cr.Members
		}
		f.rows = append(f.rows, t.otherCities(len(rest), t.people(sum)))
	}
	sub := t.coverage(len(rep), len(c.Cities))
	if len(rep) > len(shown) {
		sub += t.pick(fmt.Sprintf("，列出前%d位", len(shown)), fmt.Sprintf("; top %d shown", len(shown)))
	}
	f.subtitle = join(t.period, t.scope, sub)
	if fromSegments {
		f.notes = append(f.notes, t.pick("* 无合计数，为各群体人数之和。", "* No total reported: the sum of the segment figures."))
	}
	if len(missing) > 0 {
		f.notes = append(f.notes, t.notReported(missing, t.pick("城市", "cities")))
	}
	return f, ""
}

// otherCities is the row that stands for n cities not drawn, with their total.
func (t texts) otherCities(n int, total string) row {
	return row{rest: true,
		label: t.w.Others(n, "城市", "city", "cities"),
		text:  t.pick("合计", "total ") + total}
}

func cityID(cr analysis.CityRow) string { return cr.Province + "\x00" + cr.City }

// cityLabels names each city by its name, adding the province where two
// cities of the comparison share a name.
func cityLabels(rows []analysis.CityRow, t texts) map[string]string {
	n := map[string]int{}
	for _, cr := range rows {
		n[cr.City]++
	}
	out := make(map[string]string, len(rows))
	for _, cr := range rows {
		l := cr.City
		if n[cr.City] > 1 {
			l += t.pick("（"+cr.Province+"）", " ("+cr.Province+")")
		}
		out[cityID(cr)] = l
	}
	return out
}

// membersByProvince answers "how are members spread over the provinces,
// and what share of its region does each hold?".
func membersByProvince(c *analysis.Comparison, t texts) (*figure, string) {
	if note := oneProvince(c, "members_by_province"); note != "" {
		return nil, note
	}
	f := &figure{
		name:   "members_by_province",
		title:  t.pick("各省区市新的社会阶层人士人数及占片区比重", "Members by province and share of region"),
		series: []color.Color{colMain},
		tick:   t.peopleTicks(false),
		source: t.source,
	}
	var items []groupedRow
	var missing []string
	provinceLevel, sums := false, false
	var vals []int64
	for _, p := range c.Provinces {
		if p.Members != nil {
			vals = append(vals, *p.Members)
		}
	}
	texts := t.counts(vals, false)
	for _, p := range c.Provinces {
		if p.Members == nil {
			missing = append(missing, p.Province)
			continue
		}
		text := texts[len(items)]
		if p.ProvinceLevel {
			text += "*"
			provinceLevel = true
		} else {
			sums = true
		}
		if p.ShareOfRegion != nil {
			text += " · " + vocab.Percent(*p.ShareOfRegion)
		}
		items = append(items, groupedRow{group: p.Region, row: row{label: p.Province, values: []float64{float64(*p.Members)}, text: text}})
	}
	if len(items) == 0 {
		return nil, fmt.Sprintf("chart members_by_province skipped: no province has a member figure for %s", c.Period)
	}
	f.rows = groupRows(c, items, func(r analysis.RegionRow) string {
		return t.pick("合计", "total ") + vocab.PeoplePtr(r.Members, t.lang)
	})
	f.subtitle = join(t.period, t.scope, t.pick("人数 · 占所在片区比重", "members · share of region"))
	if provinceLevel && sums {
		f.notes = append(f.notes, t.pick("* 省级报送数；其余为所辖城市人数之和。", "* Province-level figure; the others are the sum of their cities."))
	}
	if len(missing) > 0 {
		f.notes = append(f.notes, t.notReported(missing, t.pick("省区市", "provinces")))
	}
	return f, ""
}

// groupedRow is a row with the region it belongs to.
type groupedRow struct {
	group string
	row   row
}

// groupRows orders rows by region, in the comparison's region order, with a
// heading row (the region's name and head(region)) before each region when
// there is more than one; within a region rows keep their order.
func groupRows(c *analysis.Comparison, items []groupedRow, head func(analysis.RegionRow) string) []row {
	regions := map[string]bool{}
	for _, it := range items {
		regions[it.group] = true
	}
	if len(regions) <= 1 {
		out := make([]row, len(items))
		for i, it := range items {
			out[i] = it.row
		}
		return out
	}
	var out []row
	for _, r := range c.Regions {
		if !regions[r.Region] {
			continue
		}
		out = append(out, row{heading: true, label: r.Region, text: head(r)})
		for _, it := range items {
			if it.group == r.Region {
				out = append(out, it.row)
			}
		}
	}
	return out
}

// countTicks labels a count axis.
func countTicks(vals []float64) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = strconv.FormatInt(int64(v), 10)
	}
	return out
}
