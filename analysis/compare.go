package analysis

import "sort"

// cityKey identifies a city: names are unique within a province only.
type cityKey struct{ province, city string }

// provKey identifies a province row; a province belongs to one region, but
// keying by both keeps a mis-tagged cities.csv from merging two regions.
type provKey struct{ region, province string }

// tally accumulates one period's figures for one place: the total row, if
// any, and the segment rows.
type tally struct {
	total    *int64
	segments [5]*int64
}

func (t *tally) add(f Figure) {
	v := f.Members
	if f.Segment == SegmentAll {
		t.total = &v
		return
	}
	if f.Segment > SegmentAll && int(f.Segment) < len(t.segments) {
		t.segments[f.Segment] = &v
	}
}

// members is the total row, else the sum of the segment rows; fromSegments
// tells which.
func (t *tally) members() (n *int64, fromSegments bool) {
	if t == nil {
		return nil, false
	}
	if t.total != nil {
		return t.total, false
	}
	var sum int64
	any := false
	for _, s := range t.segments {
		if s != nil {
			sum += *s
			any = true
		}
	}
	if !any {
		return nil, false
	}
	return &sum, true
}

// periodFigures indexes one period's figures by city and by province level.
type periodFigures struct {
	city     map[cityKey]*tally
	province map[string]*tally
}

// Compare builds the regional comparison of d for d.Period, limited to one
// region when region is not empty.
func Compare(d *Dataset, region string) (*Comparison, error) {
	cities := d.Cities
	w := &warnings{}
	if region != "" {
		var err error
		if cities, region, err = inRegion(d.Cities, region, w); err != nil {
			return nil, err
		}
	}
	return compare(d, cities, region, w), nil
}

// compare is Compare over the cities given (all, a region's or a slice's).
func compare(d *Dataset, cities []City, region string, w *warnings) *Comparison {
	h := effectiveHistory(d)
	v := planView(h, d.Period)
	at, prevAt, agoAt := v.at(v.cur), v.at(v.prev), v.at(v.yoy)
	cur, prev, ago := h.tallies(at.hist), h.tallies(prevAt.hist), h.tallies(agoAt.hist)
	cmp := &Comparison{
		Period:         d.Period,
		Previous:       prevAt.period,
		YearAgo:        agoAt.period,
		Source:         at.source,
		PreviousSource: prevAt.source,
		YearAgoSource:  agoAt.source,
		Region:         region,
		Meta:           d.Meta,
		Files:          d.Files,
		Periods:        d.Periods,
		History:        h,
	}
	cmp.Cities = cityRows(cities, d.Bases, cur, prev, ago, w)
	cmp.Provinces, cmp.MaxBatch = provinceRows(cmp.Cities, d.Bases, cities, cur, prev, w)
	comparables(cmp, cur, prev, ago, w)
	cmp.Regions = regionRows(cmp.Provinces)
	rankAndShare(cmp)
	setOrder(cmp)
	sortRows(cmp)
	cmp.Totals = totals(cmp.Regions)
	nationRanks(cmp)
	cmp.Series = series(h, v, cmp)
	cmp.Bases = basesInOrder(cmp, d.Bases)
	cmp.Figures = figuresUsed(cmp, d.Figures)
	if v.snapshot {
		w.add(periodEndNotice(cmp))
	}
	cmp.Stated = reconcile(d.Meta.Stated, cmp.Totals)
	cmp.Checks = figureChecks(cmp.Provinces)
	cmp.Warnings, cmp.Notices = w.list(d.Notices, cmp)
	return cmp
}

func regionNames(cities []City) []string {
	seen := map[string]bool{}
	var out []string
	for _, c := range cities {
		if !seen[c.Region] {
			seen[c.Region] = true
			out = append(out, c.Region)
		}
	}
	sort.Strings(out)
	return out
}

func cityRows(cities []City, bases []Base, cur, prev, ago periodFigures, w *warnings) []CityRow {
	type count struct{ bases, key int }
	counts := map[cityKey]count{}
	for _, b := range bases {
		k := cityKey{b.Province, b.City}
		c := counts[k]
		c.bases++
		if b.KeyProject() {
			c.key++
		}
		counts[k] = c
	}
	rows := make([]CityRow, 0, len(cities))
	for _, c := range cities {
		k := cityKey{c.Province, c.Name}
		r := CityRow{City: c.Name, Province: c.Province, Region: c.Region, Tier: c.Tier, Note: c.Note,
			Bases: counts[k].bases, KeyProjects: counts[k].key}
		if t := cur.city[k]; t != nil {
			r.Members, r.FromSegments = t.members()
			r.BySegment = t.segments
			w.checkSegments(c.Name, t)
		}
		r.PreviousMembers, _ = prev.city[k].members()
		r.YearAgoMembers, _ = ago.city[k].members()
		if r.Members == nil {
			w.noFigure = append(w.noFigure, c.Name)
		} else if r.FromSegments {
			w.fromSegments = append(w.fromSegments, c.Name)
		}
		r.Change, r.ChangeRatio = change(r.Members, r.PreviousMembers)
		r.YoYChange, r.YoYChangeRatio = change(r.Members, r.YearAgoMembers)
		rows = append(rows, r)
	}
	return rows
}

func addPtr(sum *int64, v *int64) *int64 {
	if v == nil {
		return sum
	}
	if sum == nil {
		n := *v
		return &n
	}
	n := *sum + *v
	return &n
}
