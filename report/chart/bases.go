package chart

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// basesByProvince answers "where are the bases, and how many of them are
// national key projects of which batch?".
func basesByProvince(c *analysis.Comparison, t texts) (*figure, string) {
	if note := oneProvince(c, "bases_by_province"); note != "" {
		return nil, note
	}
	provs := slices.Clone(c.Provinces)
	provs = slices.DeleteFunc(provs, func(p analysis.ProvinceRow) bool { return p.Bases == 0 })
	if len(provs) == 0 {
		return nil, "chart bases_by_province skipped: no bases in the records"
	}
	slices.SortStableFunc(provs, func(a, b analysis.ProvinceRow) int {
		return cmp.Or(cmp.Compare(b.Bases, a.Bases), cmp.Compare(b.KeyProjects, a.KeyProjects), cmp.Compare(a.Order, b.Order))
	})
	// Only the batches that occur get a colour and a legend entry.
	var batches []int
	for b := 1; b <= c.MaxBatch; b++ {
		for _, p := range provs {
			if b <= len(p.BasesByBatch) && p.BasesByBatch[b-1] > 0 {
				batches = append(batches, b)
				break
			}
		}
	}
	f := &figure{
		name:    "bases_by_province",
		title:   t.pick("各省区市实践创新基地数量（按重点项目批次）", "Innovation bases by province and key-project batch"),
		tick:    countTicks,
		integer: true,
		source:  t.source,
	}
	f.series = append(ramp(len(batches)), colRest)
	for i, b := range batches {
		f.legend = append(f.legend, legendItem{t.batchName(b), f.series[i]})
	}
	noBatch := 0
	var items []groupedRow
	for _, p := range provs {
		vals := make([]float64, 0, len(batches)+1)
		for _, b := range batches {
			n := 0
			if b <= len(p.BasesByBatch) {
				n = p.BasesByBatch[b-1]
			}
			vals = append(vals, float64(n))
		}
		vals = append(vals, float64(p.NoBatch))
		noBatch += p.NoBatch
		items = append(items, groupedRow{group: p.Region, row: row{label: p.Province, values: vals, text: fmt.Sprint(p.Bases)}})
	}
	if noBatch > 0 || len(batches) == 0 {
		f.legend = append(f.legend, legendItem{t.pick("其他基地（未列入批次）", "Other bases (no batch)"), colRest})
	}
	f.rows = groupRows(c, items, func(r analysis.RegionRow) string {
		return t.pick(fmt.Sprintf("%d个基地，重点项目%d个", r.Bases, r.KeyProjects), fmt.Sprintf("%d bases, %d key projects", r.Bases, r.KeyProjects))
	})
	var bases, keys int
	for _, p := range provs {
		bases += p.Bases
		keys += p.KeyProjects
	}
	f.subtitle = join(t.pick("截至"+t.period, "As of "+t.period), t.scope,
		t.pick(fmt.Sprintf("共%d个基地，其中重点项目%d个", bases, keys), fmt.Sprintf("%d bases, %d of them key projects", bases, keys)))
	return f, ""
}

// coverageByProvince answers "where are member figures missing?".
func coverageByProvince(c *analysis.Comparison, t texts) (*figure, string) {
	if note := oneProvince(c, "coverage_by_province"); note != "" {
		return nil, note
	}
	provs := slices.Clone(c.Provinces)
	provs = slices.DeleteFunc(provs, func(p analysis.ProvinceRow) bool { return p.Cities == 0 })
	if len(provs) == 0 {
		return nil, "chart coverage_by_province skipped: no cities in the records"
	}
	slices.SortStableFunc(provs, func(a, b analysis.ProvinceRow) int {
		return cmp.Or(cmp.Compare(b.Cities, a.Cities), cmp.Compare(b.ReportingCities, a.ReportingCities), cmp.Compare(a.Order, b.Order))
	})
	f := &figure{
		name:    "coverage_by_province",
		title:   t.pick("各省区市报送人数的城市覆盖情况", "Cities reporting member figures, by province"),
		series:  []color.Color{colMain, colRest},
		tick:    countTicks,
		integer: true,
		source:  t.source,
		legend: []legendItem{
			{t.pick("已报送人数的城市", "Cities reporting"), colMain},
			{t.pick("未报送的城市", "Cities not reporting"), colRest},
		},
	}
	var items []groupedRow
	cities, reporting := 0, 0
	for _, p := range provs {
		cities += p.Cities
		reporting += p.ReportingCities
		items = append(items, groupedRow{group: p.Region, row: row{
			label:  p.Province,
			values: []float64{float64(p.ReportingCities), float64(p.Cities - p.ReportingCities)},
			text:   fmt.Sprintf("%d/%d", p.ReportingCities, p.Cities),
		}})
	}
	f.rows = groupRows(c, items, func(r analysis.RegionRow) string {
		return fmt.Sprintf("%d/%d", r.ReportingCities, r.Cities)
	})
	share := vocab.Percent(float64(reporting) / float64(cities))
	sub := t.coverage(reporting, cities)
	if reporting < cities {
		sub += t.pick("，占"+share, " ("+share+")")
	}
	f.subtitle = join(t.period, t.scope, sub)
	return f, ""
}
