package analysis

import (
	"fmt"
	"slices"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// provinceRows rolls the city rows up to provinces. A province-level figure,
// where given, wins over the sum of the province's cities.
func provinceRows(cityRows []CityRow, bases []Base, cities []City, cur, prev periodFigures, w *warnings) ([]ProvinceRow, int) {
	maxBatch := 0
	for _, b := range bases {
		if b.Batch > maxBatch {
			maxBatch = b.Batch
		}
	}
	idx := map[provKey]int{}
	var rows []ProvinceRow
	for _, c := range cityRows {
		k := provKey{c.Region, c.Province}
		i, ok := idx[k]
		if !ok {
			i = len(rows)
			idx[k] = i
			rows = append(rows, ProvinceRow{Province: c.Province, Region: c.Region, BasesByBatch: make([]int, maxBatch)})
		}
		rows[i].add(c.counts())
	}
	regionOf := map[cityKey]string{}
	for _, c := range cities {
		regionOf[cityKey{c.Province, c.Name}] = c.Region
	}
	for _, b := range bases {
		i, ok := idx[provKey{regionOf[cityKey{b.Province, b.City}], b.Province}]
		if !ok {
			continue // base outside the compared region
		}
		if b.Batch > 0 {
			rows[i].BasesByBatch[b.Batch-1]++
		} else {
			rows[i].NoBatch++
		}
	}
	for i := range rows {
		p := &rows[i]
		if n, _ := cur.province[p.Province].members(); n != nil {
			if p.Members != nil && *p.Members > *n {
				w.add(Notice{CodeProvinceBelowCities,
					fmt.Sprintf("%s的省级数据%s低于其所辖城市数据之和%s，采用省级数据", p.Province, vocab.People(*n, vocab.Zh), vocab.People(*p.Members, vocab.Zh)),
					fmt.Sprintf("%s: the province-level figure %s is below the sum of its cities' figures %s; the province-level figure is used", p.Province, vocab.Int(*n), vocab.Int(*p.Members))})
			}
			p.Members, p.ProvinceLevel = n, true
		}
		if n, _ := prev.province[p.Province].members(); n != nil {
			p.PreviousMembers = n
		}
	}
	return rows, maxBatch
}

// counts is what one city adds to its province.
func (c CityRow) counts() Counts {
	n := Counts{Cities: 1, Bases: c.Bases, KeyProjects: c.KeyProjects, Members: c.Members, PreviousMembers: c.PreviousMembers, CitiesMembers: c.Members}
	switch c.Tier {
	case TierPilot:
		n.PilotCities = 1
	case TierPromotion:
		n.PromotionCities = 1
	}
	if c.Members != nil {
		n.ReportingCities = 1
	}
	return n
}

func regionRows(provs []ProvinceRow) []RegionRow {
	idx := map[string]int{}
	var rows []RegionRow
	for _, p := range provs {
		i, ok := idx[p.Region]
		if !ok {
			i = len(rows)
			idx[p.Region] = i
			rows = append(rows, RegionRow{Region: p.Region})
		}
		rows[i].Provinces++
		rows[i].add(p.Counts)
		rows[i].Comparable.add(p.Comparable)
		rows[i].YoY.add(p.YoY)
	}
	for i := range rows {
		rows[i].Comparable.finish()
		rows[i].YoY.finish()
	}
	return rows
}

func totals(regions []RegionRow) Totals {
	var t Totals
	for _, r := range regions {
		t.Regions++
		t.Provinces += r.Provinces
		t.add(r.Counts)
		t.Comparable.add(r.Comparable)
		t.YoY.add(r.YoY)
	}
	t.Comparable.finish()
	t.YoY.finish()
	return t
}

// measures are the recorded counts a stated figure can be checked against,
// by the name briefing.toml gives them.
var measures = map[string]func(Totals) *int64{
	"bases":            func(t Totals) *int64 { return count(t.Bases) },
	"cities":           func(t Totals) *int64 { return count(t.Cities) },
	"key_projects":     func(t Totals) *int64 { return count(t.KeyProjects) },
	"members":          func(t Totals) *int64 { return t.Members },
	"pilot_cities":     func(t Totals) *int64 { return count(t.PilotCities) },
	"promotion_cities": func(t Totals) *int64 { return count(t.PromotionCities) },
	"provinces":        func(t Totals) *int64 { return count(t.Provinces) },
	"regions":          func(t Totals) *int64 { return count(t.Regions) },
	"reporting_cities": func(t Totals) *int64 { return count(t.ReportingCities) },
}

func count(n int) *int64 { v := int64(n); return &v }

// Measures lists the names a stated figure's measure may take, sorted.
func Measures() []string {
	out := make([]string, 0, len(measures))
	for m := range measures {
		out = append(out, m)
	}
	slices.Sort(out)
	return out
}

// IsMeasure reports whether m names a recorded count.
func IsMeasure(m string) bool { _, ok := measures[m]; return ok }

// reconcile sets each stated figure beside the recorded count it names.
func reconcile(stated []Stated, t Totals) []Reconciled {
	out := make([]Reconciled, 0, len(stated))
	for _, s := range stated {
		r := Reconciled{Stated: s}
		if f, ok := measures[s.Measure]; ok {
			if n := f(t); n != nil {
				v := float64(*n)
				r.Recorded = &v
			}
		}
		out = append(out, r)
	}
	return out
}
