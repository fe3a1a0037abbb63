package divisions

import (
	"fmt"
	"strings"
	"sync"
)

// Change is a prefecture-level division renamed, merged or abolished
// since 2007: sheets kept from before, and figures of older periods, still
// use the old name. The 2023 table (data/) knows only today's names.
type Change struct {
	Old      string     // the old full name: 思茅市, 毕节地区
	Province string     // its province's code
	Year     int        // the year of the State Council's approval
	Kind     ChangeKind // renamed, merged or abolished
	// New is today's full name of the same place, for a rename (普洱市);
	// for a merger, the city it joined (济南市); "" for an abolition.
	New string
	// Into says where a merged or abolished place's area went.
	Into string
}

// ChangeKind is what became of a division.
type ChangeKind uint8

const (
	// Renamed: the same place under a new name, or a 地区 made a 市 with
	// the same area (毕节地区 → 毕节市): its figures are the new one's.
	Renamed ChangeKind = 1 + iota
	// Merged into another city: its figures are part of that city's, not
	// the same figure, so the name is never read as the other.
	Merged
	// Abolished and divided between others: no successor.
	Abolished
)

// changes lists the prefecture-level changes since 2007 (the years of the
// State Council's approvals, as the Ministry of Civil Affairs' yearly
// 行政区划变更情况 and the NBS division codes record them; each checked
// against the 2023 table: the new name is there, the old one is not).
var changes = []Change{
	// 2007-01: 国务院批复云南省思茅市更名为普洱市 (县级翠云区 became 思茅区).
	{Old: "思茅市", Province: "53", Year: 2007, Kind: Renamed, New: "普洱市"},
	// 2010-11: 国务院批复湖北省襄樊市更名为襄阳市.
	{Old: "襄樊市", Province: "42", Year: 2010, Kind: Renamed, New: "襄阳市"},
	// 2011-07: 国务院批复撤销安徽省地级巢湖市; 居巢区 became the
	// county-level 巢湖市 of 合肥, 庐江县 went to 合肥, 无为县 to 芜湖, 含山县
	// and 和县 to 马鞍山.
	{Old: "巢湖市", Province: "34", Year: 2011, Kind: Abolished, Into: "合肥市, 芜湖市 and 马鞍山市 (today's 巢湖市 is a county-level city of 合肥市)"},
	// 2011-10: 国务院批复撤销贵州省毕节地区、铜仁地区, 设立地级毕节市、铜仁市.
	{Old: "毕节地区", Province: "52", Year: 2011, Kind: Renamed, New: "毕节市"},
	{Old: "铜仁地区", Province: "52", Year: 2011, Kind: Renamed, New: "铜仁市"},
	// 2013-02: 国务院批复撤销青海省海东地区, 设立地级海东市.
	{Old: "海东地区", Province: "63", Year: 2013, Kind: Renamed, New: "海东市"},
	// 2014-06 and 2014-10: 西藏 日喀则地区 and 昌都地区 made cities.
	{Old: "日喀则地区", Province: "54", Year: 2014, Kind: Renamed, New: "日喀则市"},
	{Old: "昌都地区", Province: "54", Year: 2014, Kind: Renamed, New: "昌都市"},
	// 2015-03: 西藏 林芝地区, 新疆 吐鲁番地区 made cities.
	{Old: "林芝地区", Province: "54", Year: 2015, Kind: Renamed, New: "林芝市"},
	{Old: "吐鲁番地区", Province: "65", Year: 2015, Kind: Renamed, New: "吐鲁番市"},
	// 2016-01: 西藏 山南地区, 新疆 哈密地区 made cities.
	{Old: "山南地区", Province: "54", Year: 2016, Kind: Renamed, New: "山南市"},
	{Old: "哈密地区", Province: "65", Year: 2016, Kind: Renamed, New: "哈密市"},
	// 2017-07: 西藏 那曲地区 made a city.
	{Old: "那曲地区", Province: "54", Year: 2017, Kind: Renamed, New: "那曲市"},
	// 2019-01: 国务院批复撤销山东省莱芜市, 划归济南市管辖 (莱芜区, 钢城区).
	{Old: "莱芜市", Province: "37", Year: 2019, Kind: Merged, New: "济南市", Into: "济南市 (its 莱芜区 and 钢城区)"},
}

// changeForms lists the spellings of an old name: the full name, and its
// short form where no place of today is written so (思茅 is 思茅区 now).
func changeForms(c Change) []string {
	forms := []string{c.Old}
	for _, f := range prefectureForms(c.Old) {
		if len(current(c.Province, f)) == 0 {
			forms = append(forms, f)
		}
	}
	return forms
}

// changeIndex maps every spelling of an old name to its changes: an
// unknown name (a hostile file has millions) costs one lookup.
var changeIndex = sync.OnceValue(func() map[string][]int {
	m := map[string][]int{}
	for i, c := range changes {
		for _, f := range changeForms(c) {
			m[f] = append(m[f], i)
		}
	}
	return m
})

// FindChange returns the change that name (an old full or short form) is
// the old name of, within the province written as province (any form; ""
// searches every province, and finds a name only if it is one province's).
func FindChange(province, name string) (Change, bool) {
	code := ""
	if province != "" {
		p, ok := Province(province)
		if !ok {
			return Change{}, false
		}
		code = p.Code
	}
	var found []Change
	for _, i := range changeIndex()[name] {
		if c := changes[i]; code == "" || c.Province == code {
			found = append(found, c)
		}
	}
	if len(found) != 1 {
		return Change{}, false
	}
	return found[0], true
}

// FormerNames lists the old names of place p (those of a rename: 思茅市
// and 思茅 for 普洱市 would be, but 思茅 is 思茅区 today, so 思茅市 only).
func FormerNames(p Place) []string {
	var out []string
	for _, c := range changes {
		if c.Kind == Renamed && c.New == p.Name && strings.HasPrefix(p.Code, c.Province) {
			out = append(out, changeForms(c)...)
		}
	}
	return out
}

// Describe says what became of the place, for a message: "思茅市 was
// renamed 普洱市 in 2007".
func (c Change) Describe() string {
	switch c.Kind {
	case Renamed:
		return fmt.Sprintf("%s was renamed %s in %d", c.Old, c.New, c.Year)
	case Merged:
		return fmt.Sprintf("%s was merged into %s in %d", c.Old, c.Into, c.Year)
	}
	return fmt.Sprintf("%s was abolished in %d, its area divided between %s", c.Old, c.Year, c.Into)
}

// DescribeZh is Describe in Chinese: 思茅市已于2007年更名为普洱市.
func (c Change) DescribeZh() string {
	switch c.Kind {
	case Renamed:
		return fmt.Sprintf("%s已于%d年更名为%s", c.Old, c.Year, c.New)
	case Merged:
		return fmt.Sprintf("%s已于%d年并入%s", c.Old, c.Year, c.New)
	}
	return fmt.Sprintf("地级%s已于%d年撤销", c.Old, c.Year)
}
