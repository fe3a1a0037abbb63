package analysis

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
				w.add("%s: the province-level figure %d is below the sum of its cities' figures %d; the province-level figure is used", p.Province, *n, *p.Members)
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
	n := Counts{Cities: 1, Bases: c.Bases, KeyProjects: c.KeyProjects, Members: c.Members, PreviousMembers: c.PreviousMembers}
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
	}
	return rows
}

func totals(regions []RegionRow) Totals {
	var t Totals
	for _, r := range regions {
		t.Regions++
		t.Provinces += r.Provinces
		t.add(r.Counts)
	}
	return t
}

// reconcile sets each stated figure beside the recorded count it names.
func reconcile(stated []Stated, t Totals) []Reconciled {
	out := make([]Reconciled, 0, len(stated))
	for _, s := range stated {
		r := Reconciled{Stated: s}
		var v *float64
		set := func(n int64) { f := float64(n); v = &f }
		switch s.Measure {
		case "key_projects":
			set(int64(t.KeyProjects))
		case "bases":
			set(int64(t.Bases))
		case "cities":
			set(int64(t.Cities))
		case "pilot_cities":
			set(int64(t.PilotCities))
		case "promotion_cities":
			set(int64(t.PromotionCities))
		case "provinces":
			set(int64(t.Provinces))
		case "regions":
			set(int64(t.Regions))
		case "reporting_cities":
			set(int64(t.ReportingCities))
		case "members":
			if t.Members != nil {
				set(*t.Members)
			}
		}
		r.Recorded = v
		out = append(out, r)
	}
	return out
}

// Measures lists the names a stated figure's measure may take.
var Measures = []string{"bases", "cities", "key_projects", "members", "pilot_cities", "promotion_cities", "provinces", "regions", "reporting_cities"}
