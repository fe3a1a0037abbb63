package input

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// Members must be plausible for their unit. A figure read in the wrong
// unit is exact and well-formed, so nothing else catches it: 90亿 for 武汉
// from a 万人 header over values in persons, or 131 people from 130.5 (万)
// in a column of persons. Three bounds, each far from any real figure:
//   - a fractional head count in a column of persons (no unit in the
//     header, none after the number) is an error (readMembers), except a
//     spreadsheet's float noise (1400000.0000000002);
//   - a city figure above maxCityMembers;
//   - a province-level figure, or a period's total (each province's
//     figure, else the sum of its cities, as the comparison counts it),
//     above chinaPopulation.
const (
	// maxCityMembers: no city comes near 100 million people (1亿): the most
	// populous, 重庆, had 32 million at the 2020 census, and the members
	// of the new social strata are a fraction of a population.
	maxCityMembers = 100_000_000
	// chinaPopulation is the highest year-end population of China the
	// National Bureau of Statistics has published: 141,260万 at the end of
	// 2021 (国家统计局《中华人民共和国2021年国民经济和社会发展统计公报》,
	// 2022-02-28); it has fallen since (140,828万 at the end of 2024).
	// No total of members can exceed it in any year.
	chinaPopulation = 1_412_600_000
)

// plausible checks a figure of a city (key < len(cities)) or a province
// against the bounds, reporting one beyond them; ok is false then.
func (fr *figureReader) plausible(f *analysis.Figure, key int32) bool {
	if f.Segment == analysis.SegmentAll {
		fr.sums.add(f.Period, f.Members)
	}
	if f.Members <= maxCityMembers || key < 0 {
		return true // nearly every row: one comparison
	}
	city := int(key) < len(fr.ix.cities)
	if !city && f.Members <= chinaPopulation {
		return true
	}
	if city {
		fr.rep.errorOn(f.Line, colMembers, "members of %s read as %s people, more than any city holds (%s), expected a city's count: %s",
			f.City, vocab.Int(f.Members), vocab.Int(maxCityMembers), fr.unitHint())
	} else {
		fr.rep.errorOn(f.Line, colMembers, "members of %s read as %s people, more than the population of China (%s), expected a province's count: %s",
			f.Province, vocab.Int(f.Members), vocab.Int(chinaPopulation), fr.unitHint())
	}
	return false
}

// periodSums adds up each period's figures with no segment: a bound above
// the period's total, so checkTotals looks only at periods that may
// exceed the population (none, in real data) and costs nothing otherwise.
type periodSums struct {
	m    map[analysis.Period]*int64
	last analysis.Period
	sum  *int64 // last's; national files list a period's rows together
}

func (s *periodSums) add(p analysis.Period, n int64) {
	if s.sum == nil || p != s.last {
		if s.m == nil {
			s.m = make(map[analysis.Period]*int64)
		}
		if s.sum = s.m[p]; s.sum == nil {
			s.sum = new(int64)
			s.m[p] = s.sum
		}
		s.last = p
	}
	*s.sum += n // at most 2×10^8 rows of 10^10: no overflow
}

// mayExceed reports whether period p's total may exceed the population.
func (s *periodSums) mayExceed(p analysis.Period) bool {
	sum := s.m[p]
	return sum != nil && *sum > chinaPopulation
}

// unitHint names the likely unit mistake behind a figure too large.
func (fr *figureReader) unitHint() string {
	if l := fr.t.layout; l.unitExp > 0 {
		return fmt.Sprintf("the unit %s given on %s multiplies every number by %s — are the figures in persons? Then drop the unit (header 人数)",
			l.unitText, fr.t.pl.where(l.unitLine), vocab.Int(pow10(l.unitExp)))
	}
	return "check for a typo or a figure in another unit"
}

func pow10(n int) int64 {
	v := int64(1)
	for range n {
		v *= 10
	}
	return v
}

// checkTotals reports the periods whose total, as the comparison counts
// it (a province's own figure, else the sum of its cities' figures, the
// rows with no segment), exceeds the population of China: a figure each
// below the other bounds can still add up to that when every one is read
// in the wrong unit.
func (fr *figureReader) checkTotals(h *analysis.History) {
	if len(fr.sums.m) == 0 {
		return
	}
	ix := fr.ix
	nCities := len(ix.cities)
	cityProv := make([]int32, nCities)
	for i := range ix.cities {
		cityProv[i] = ix.provIdx[ix.cities[i].Province]
	}
	provFig := make([]int64, len(ix.provNames)) // a province's own figure, -1 none
	citySum := make([]int64, len(ix.provNames)) // the sum of its cities' figures
	type over struct {
		period analysis.Period
		total  int64
		big    analysis.Figure // the largest figure of the period
	}
	var found []over
	for k := range h.Periods {
		pf := &h.Periods[k]
		if !fr.sums.mayExceed(pf.Period) {
			continue
		}
		for p := range provFig {
			provFig[p], citySum[p] = -1, 0
		}
		var big int64
		bigAt := -1
		for j := range pf.Len() {
			place, seg, n := pf.At(j)
			if seg != analysis.SegmentAll || place >= nCities+len(provFig) {
				continue
			}
			if place < nCities {
				citySum[cityProv[place]] += n
			} else {
				provFig[place-nCities] = n
			}
			if n > big {
				big, bigAt = n, j
			}
		}
		var total int64
		for p := range provFig {
			if provFig[p] >= 0 {
				total += provFig[p]
			} else {
				total += citySum[p]
			}
		}
		if total > chinaPopulation {
			found = append(found, over{pf.Period, total, h.Figure(k, bigAt)})
		}
	}
	if len(found) == 0 {
		return
	}
	var periods []string
	for i, o := range found {
		if i == 3 {
			periods = append(periods, fmt.Sprintf("and %d more", len(found)-3))
			break
		}
		periods = append(periods, fmt.Sprintf("%s: %s", o.period, vocab.Int(o.total)))
	}
	big := found[0].big
	name := big.City
	if name == "" {
		name = big.Province
	}
	fr.rep.c.addf(fr.rep.pl.file, 0, fr.rep.idx[colMembers],
		"members add up to more than the population of China (%s) in %s (%s), expected totals of members: the largest figure of %s is %s's, %s (%s); %s",
		vocab.Int(chinaPopulation), count(len(found), "period", "periods"), strings.Join(periods, "; "),
		found[0].period, name, vocab.Int(big.Members), fr.rep.pl.where(big.Line), fr.unitHint())
}
