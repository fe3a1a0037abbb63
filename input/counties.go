package input

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis/divisions"
)

// Notice codes of names (beside notices.go's).
const (
	codeRenamed = "names_renamed"        // old division names (思茅市, renamed 普洱市)
	codeCounty  = "county_in_prefecture" // a county-level unit listed beside its prefecture
)

// countiesBeside warns of county-level units (a 县级市 such as 都江堰市, a
// 市辖区 such as 武侯区) listed in cities.csv beside the prefecture-level
// city that contains them (成都市): a prefecture's figure usually includes
// its counties', so the packet's totals may count their members twice. The
// division codes say which contains which (510181 lies in 5101).
func (ix *cityIndex) countiesBeside(t *table) {
	prefRow := map[string]int32{} // prefecture code → its cities.csv row
	for i, c := range ix.cities {
		for _, pl := range divisions.Places(c.Province, c.Name) {
			if _, seen := prefRow[pl.Code]; !seen && pl.Level == divisions.LevelPrefecture {
				prefRow[pl.Code] = int32(i)
			}
		}
	}
	if len(prefRow) == 0 {
		return
	}
	within := map[int32][]int32{} // prefecture row → county rows
	var prefs []int32
	for i, c := range ix.cities {
		for _, pl := range divisions.Places(c.Province, c.Name) {
			pref, ok := divisions.Prefecture(pl)
			if !ok {
				continue
			}
			if j, listed := prefRow[pref.Code]; listed && j != int32(i) {
				if len(within[j]) == 0 {
					prefs = append(prefs, j)
				}
				within[j] = append(within[j], int32(i))
				break
			}
		}
	}
	if len(prefs) == 0 {
		return
	}
	var zh, en []string
	for _, j := range prefs {
		p := ix.cities[j]
		var cz, ce []string
		for _, i := range within[j] {
			c := ix.cities[i]
			cz = append(cz, fmt.Sprintf("%s（第%d行）", c.Name, c.Line))
			ce = append(ce, fmt.Sprintf("%s (%s %d)", c.Name, ix.rowWord, c.Line))
		}
		zh = append(zh, fmt.Sprintf("%s属%s（第%d行）", strings.Join(cz, "、"), p.Name, p.Line))
		en = append(en, fmt.Sprintf("%s in %s (%s %d)", strings.Join(ce, " and "), p.Name, ix.rowWord, p.Line))
	}
	t.notes.add(codeCounty,
		fmt.Sprintf("%s将县级单位与其所属地级市同列，人数是否被重复计算？（地级市的人数通常已包含所辖县区）：%s", t.pl.name(), strings.Join(zh, "；")),
		fmt.Sprintf("%s lists county-level units beside the prefecture that contains them: counted twice? (a prefecture's figure usually includes its counties'): %s", t.pl.name(), strings.Join(en, "; ")))
}
