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
