package analysis

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis/divisions"
)

// CodeNamesMatched is the notice listing names written in another form than
// cities.csv's (成都 for 成都市), matched to cities.csv's spelling.
const CodeNamesMatched = "names_matched"

// inRegion returns the cities of the region written as region (in full or
// short form: 西部 for 西部地区) and the region as cities.csv spells it,
// noting the match when the spellings differ.
func inRegion(all []City, region string, w *warnings) ([]City, string, error) {
	key := divisions.RegionKey(region)
	var cities []City
	spelled := ""
	for _, c := range all {
		if c.Region == region || divisions.RegionKey(c.Region) == key {
			if spelled == "" || c.Region == region {
				spelled = c.Region
			}
			cities = append(cities, c)
		}
	}
	if len(cities) == 0 {
		return nil, "", fmt.Errorf("region %q is not in cities.csv; regions there: %s", region, strings.Join(regionNames(all), ", "))
	}
	if spelled != region {
		w.add(Notice{CodeNamesMatched,
			fmt.Sprintf("--region %s按cities.csv中的%s处理", region, spelled),
			fmt.Sprintf("--region %s matched %s of cities.csv", region, spelled)})
	}
	return cities, spelled, nil
}

// CodeRegionPeriod marks a --region briefing of the region's own latest
// period, older than the data's.
const CodeRegionPeriod = "region_period"

// RegionPeriod is the latest period, of the kind of d.Period, in which a
// city of region (or a province of it, by a province-level figure) has a
// figure; zero when none has. A --region whose figures stop before the
// data's latest period is briefed on its own latest period, never printed
// blank.
func RegionPeriod(d *Dataset, region string) Period {
	cities, _, err := inRegion(d.Cities, region, &warnings{})
	if err != nil {
		return Period{}
	}
	in := map[cityKey]bool{}
	provs := map[string]bool{}
	for _, c := range cities {
		in[cityKey{c.Province, c.Name}] = true
		provs[c.Province] = true
	}
	var latest Period
	k := d.Period.Kind()
	for _, f := range d.Figures {
		if f.Period.Kind() != k || !latest.Less(f.Period) {
			continue
		}
		if (f.City == "" && provs[f.Province]) || in[cityKey{f.Province, f.City}] {
			latest = f.Period
		}
	}
	return latest
}

// RegionPeriodNotice says that a region is briefed on its own latest
// period, older than the data's.
func RegionPeriodNotice(region string, own, data Period) Notice {
	return Notice{CodeRegionPeriod,
		fmt.Sprintf("%s的最新数据为%s，早于全部数据的%s；本简报比较%s", region, zhPeriod(own), zhPeriod(data), zhPeriod(own)),
		fmt.Sprintf("%s's latest figures are for %s, before the data's latest %s; this briefing compares %s", region, own, data, own)}
}
