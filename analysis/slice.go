package analysis

import (
	"fmt"
	"slices"
)

// Slice kinds: a packet per province or per region (run --slices).
const (
	SliceProvince = "province"
	SliceRegion   = "region"
)

// Scope places a slice in the whole it was cut from: its members, its share
// and rank in its region (a province's) and in the whole (the nation, or the
// --region of the run). Every figure comes from the whole's comparison, so
// a slice says what the national packet says of it.
type Scope struct {
	Kind  string // SliceProvince or SliceRegion
	Name  string // as cities.csv spells it
	Whole string // the --region of the whole (or the data's one region), "" for the nation

	Members *int64

	Region        string // a province's region; "" for a region slice
	RegionMembers *int64
	ShareOfRegion *float64
	RankInRegion  *int
	RegionPeers   int // provinces in the region

	WholeMembers *int64
	ShareOfWhole *float64
	RankInWhole  *int
	WholePeers   int // provinces (regions) in the whole
}

// SliceNames lists the provinces (regions) of full in official order: the
// slices run --slices writes.
func SliceNames(full *Comparison, kind string) []string {
	var names []string
	switch kind {
	case SliceProvince:
		ps := slices.Clone(full.Provinces)
		slices.SortStableFunc(ps, func(a, b ProvinceRow) int { return a.Order - b.Order })
		for _, p := range ps {
			names = append(names, p.Province)
		}
	case SliceRegion:
		rs := slices.Clone(full.Regions)
		slices.SortStableFunc(rs, func(a, b RegionRow) int { return a.Order - b.Order })
		for _, r := range rs {
			names = append(names, r.Region)
		}
	}
	return names
}

// CompareSlice compares one province (or region) of d alone, as a packet of
// its own: its cities compared among themselves, its like-for-like change
// and 同比, and its Scope in full, the comparison of the whole.
func CompareSlice(d *Dataset, full *Comparison, kind, name string) (*Comparison, error) {
	var cities []City
	for _, c := range d.Cities {
		if (kind == SliceProvince && c.Province == name || kind == SliceRegion && c.Region == name) &&
			(full.Region == "" || c.Region == full.Region) {
			cities = append(cities, c)
		}
	}
	if len(cities) == 0 {
		return nil, fmt.Errorf("slice %s %q: no city of cities.csv is in it", kind, name)
	}
	region := full.Region
	if kind == SliceRegion {
		region = name
	}
	c := compare(d, cities, region, &warnings{})
	// The meeting's stated figures are of the whole it covered: set
	// beside one province's records they read as a gap to verify that
	// is not one (四川: 记录在册的城市11个，会议公布49个).
	c.Stated = nil
	c.Scope = scope(full, kind, name)
	nationFromWhole(c, full, kind)
	regionFromWhole(c)
	return c, nil
}

// SliceProvince is the province a province slice (run --slices province)
// covers, "" for the whole or a region slice. A province slice's one region
// row holds that province alone, so what is said of "the region" there is
// said of the province.
func (c *Comparison) SliceProvince() string {
	if s := c.Scope; s != nil && s.Kind == SliceProvince {
		return s.Name
	}
	return ""
}

// OneProvince is the province the comparison holds alone: a province
// slice's (SliceProvince), or the one province of data that hold one (an
// office's own 市州). Its one region row then holds that province alone,
// so what is said of "the region" is said of the province: 成都 is 79% of
// 四川, not of 西南, whose other provinces the data do not hold. ""
// when the comparison holds several provinces, or none.
func (c *Comparison) OneProvince() string {
	if p := c.SliceProvince(); p != "" {
		return p
	}
	if len(c.Provinces) == 1 {
		return c.Provinces[0].Province
	}
	return ""
}

// regionFromWhole gives a province slice's province row its share of its
// region and rank there as the whole has them (Scope). Compared alone, the
// province is its one region row's only member: 100% and first, which every
// renderer would print under 占片区 (北京 is 29.0% of 华北, second of 5).
func regionFromWhole(c *Comparison) {
	s := c.Scope
	if s == nil || s.Kind != SliceProvince {
		return
	}
	for i := range c.Provinces {
		if c.Provinces[i].Province == s.Name {
			c.Provinces[i].ShareOfRegion, c.Provinces[i].RankInRegion = s.ShareOfRegion, s.RankInRegion
		}
	}
}

// nationFromWhole gives a slice's rows their place in the nation as the
// whole has it: each province's, and a region slice's region (a province
// slice's one region row holds that province alone: it has none).
func nationFromWhole(c, full *Comparison, kind string) {
	provinces := make(map[string]*ProvinceRow, len(full.Provinces))
	for i := range full.Provinces {
		provinces[full.Provinces[i].Province] = &full.Provinces[i]
	}
	for i := range c.Provinces {
		if p := provinces[c.Provinces[i].Province]; p != nil {
			c.Provinces[i].ShareOfNation, c.Provinces[i].RankInNation = p.ShareOfNation, p.RankInNation
		}
	}
	if kind != SliceRegion {
		return
	}
	for i := range c.Regions {
		for _, r := range full.Regions {
			if r.Region == c.Regions[i].Region {
				c.Regions[i].ShareOfNation, c.Regions[i].RankInNation = r.ShareOfNation, r.RankInNation
			}
		}
	}
}

func scope(full *Comparison, kind, name string) *Scope {
	s := &Scope{Kind: kind, Name: name, Whole: full.Region, WholeMembers: full.Totals.Members}
	if s.Whole == "" && len(full.Regions) == 1 {
		s.Whole = full.Regions[0].Region // data of one region: the whole is that region, not the nation
	}
	if kind == SliceRegion {
		s.WholePeers = len(full.Regions)
		if i, rank := rankAmong(full.Regions, func(r *RegionRow) (string, *int64) { return r.Region, r.Members }, name); i >= 0 {
			s.Members, s.RankInWhole = full.Regions[i].Members, rank
		}
		s.ShareOfWhole = share(s.Members, s.WholeMembers)
		return s
	}
	s.WholePeers = len(full.Provinces)
	if i, rank := rankAmong(full.Provinces, func(p *ProvinceRow) (string, *int64) { return p.Province, p.Members }, name); i >= 0 {
		p := &full.Provinces[i]
		s.Members, s.RankInWhole = p.Members, rank
		s.Region, s.ShareOfRegion, s.RankInRegion = p.Region, p.ShareOfRegion, p.RankInRegion
	}
	for _, p := range full.Provinces {
		if p.Region == s.Region {
			s.RegionPeers++
		}
	}
	for _, r := range full.Regions {
		if r.Region == s.Region {
			s.RegionMembers = r.Members
		}
	}
	s.ShareOfWhole = share(s.Members, s.WholeMembers)
	return s
}

// rankAmong finds the row of rows called name and its competition rank by
// members among them all: regions among regions, provinces among provinces.
// It returns -1 when no row is called name (the last one, if several are).
func rankAmong[R any](rows []R, key func(*R) (name string, members *int64), name string) (int, *int) {
	vals := make([]*int64, len(rows))
	at := -1
	for i := range rows {
		n, m := key(&rows[i])
		vals[i] = m
		if n == name {
			at = i
		}
	}
	if at < 0 {
		return -1, nil
	}
	return at, competitionRanks(vals)[at]
}
