package vocab

import (
	"math"
	"strconv"
	"strings"
)

// The office's phrasings for changes, as statistical bulletins write them:
// 比上月增加4156人，增长0.3%; 比2019年3月减少1.2万人，下降2.0%; 同比增长5.8%;
// 提高1.5个百分点 for a change of a rate. One place, so the PDF, the Word
// file, the charts and summary.json's narrative say the same words.

// Since names what a change is against, after 比: 上月, 上季度, 上半年, 上年 where
// prev is the adjacent period of kind ("month", "quarter", "half", "year"),
// else prev itself as worded (比2019年3月, 比2017年): a change over a gap
// is never called 比上月 / 比上年. English: "last month", "the previous
// quarter", "last year", else "prev".
func Since(kind string, adjacent bool, prev string, lang Lang) string {
	if adjacent {
		zh, en := map[string]string{"month": "上月", "quarter": "上季度", "half": "上半年", "year": "上年"},
			map[string]string{"month": "last month", "quarter": "the previous quarter", "half": "the previous half-year", "year": "last year"}
		if lang == En && en[kind] != "" {
			return en[kind]
		}
		if lang != En && zh[kind] != "" {
			return zh[kind]
		}
	}
	return prev
}

// Sequential is the name of a change against the previous period: 环比
// only between adjacent months, quarters or half-years; 比上年 between
// adjacent years (a year-on-year change of yearly data is not 环比); else
// 比 and the period (比2019年3月). English: "change on last month" etc.
func Sequential(kind string, adjacent bool, prev string, lang Lang) string {
	if lang == En {
		return "change on " + Since(kind, adjacent, prev, lang)
	}
	if adjacent && (kind == "month" || kind == "quarter" || kind == "half") {
		return "环比"
	}
	return "比" + Since(kind, adjacent, prev, lang)
}

// Persons writes a head count of a change in the register of bulletins:
// 4156人, 1.5万人; "1 person", "4,156 people" in English. The sign is the
// verb's: the count is written without it.
func Persons(n int64, lang Lang) string {
	if n < 0 {
		n = -n
	}
	if lang != En {
		return People(n, lang) + "人"
	}
	if n == 1 {
		return "1 person"
	}
	return People(n, lang) + " people"
}

// Change words a change and its ratio: 增加4156人，增长0.3% / 减少1.2万人，
// 下降2.0% / 持平 (no change, or a change that rounds to no change is still
// said with its count); English "up 4,156 people (0.3%)". ratio may be nil
// (previous figure 0): the count alone.
func Change(n int64, ratio *float64, lang Lang) string {
	if n == 0 {
		return Word("unchanged", lang)
	}
	var s string
	if lang == En {
		s = "up " + Persons(n, lang)
		if n < 0 {
			s = "down " + Persons(n, lang)
		}
		if ratio != nil {
			s += " (" + Percent(math.Abs(*ratio)) + ")"
		}
		return s
	}
	s = "增加" + Persons(n, lang)
	if n < 0 {
		s = "减少" + Persons(n, lang)
	}
	if ratio != nil {
		s += "，" + Rate(*ratio, lang)
	}
	return s
}

// Rate words a change ratio: 增长0.3% / 下降2.0% / 持平; English "up 0.3%".
func Rate(r float64, lang Lang) string {
	p := Percent(math.Abs(r))
	switch {
	case math.Round(r*1000) == 0:
		return Word("unchanged", lang)
	case lang == En && r > 0:
		return "up " + p
	case lang == En:
		return "down " + p
	case r > 0:
		return "增长" + p
	}
	return "下降" + p
}

// Points words a change of a rate (a share, a coverage): 提高1.5个百分点 /
// 降低0.3个百分点; "up 1.5 percentage points". d is the difference of two
// ratios (0.015 = 1.5 points).
func Points(d float64, lang Lang) string {
	v := math.Round(math.Abs(d)*1000) / 10
	n := strconv.FormatFloat(v, 'f', 1, 64)
	switch {
	case v == 0:
		return Word("unchanged", lang)
	case lang == En && d > 0:
		return "up " + n + " percentage points"
	case lang == En:
		return "down " + n + " percentage points"
	case d > 0:
		return "提高" + n + "个百分点"
	}
	return "降低" + n + "个百分点"
}

// words is the word list: the office's phrasing of each fixed phrase, in
// Chinese and English.
var words = map[string][2]string{
	"unchanged":     {"持平", "unchanged"},
	"not_reported":  {"本期未报送", "not reported for the period"},
	"to_verify":     {"需核实", "To verify"},
	"tied_most":     {"并列最多", "tie for the most"},
	"province_note": {"省级数据", "province-level figure"},
	// The statistical bulletins' note under a table whose rounded parts
	// do not add up to its rounded total.
	"rounding": {"因四舍五入，分项之和与合计略有出入", "figures may not add up to the total because of rounding"},
}

// Word is the phrase named key in lang; the key itself when unknown (a
// test lists every key).
func Word(key string, lang Lang) string {
	w, ok := words[key]
	if !ok {
		return key
	}
	if lang == En {
		return w[1]
	}
	return w[0]
}

// Plural picks English agreement: one for n == 1, else many ("1 city has",
// "2 cities have").
func Plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Verb is Plural for a verb after a count in lang; Chinese has none, "".
func Verb(n int, one, many string, lang Lang) string {
	if lang != En {
		return ""
	}
	return Plural(n, one, many)
}

// regions are the English names of the regions (片区) the programme uses,
// by their short form: 东部 → Eastern region, 华北 → North China.
var regions = map[string]string{
	"东部": "Eastern region", "西部": "Western region", "中部": "Central region", "东北": "Northeast",
	"华北": "North China", "华东": "East China", "华中": "Central China", "华南": "South China",
	"西南": "Southwest", "西北": "Northwest",
}

// Region names a region in lang: itself in Chinese; in English its name
// (东部 and 东部地区 → Eastern region), or itself where the list has none.
func Region(name string, lang Lang) string {
	if lang != En {
		return name
	}
	if en, ok := regions[strings.TrimSuffix(strings.TrimSuffix(name, "地区"), "片区")]; ok {
		return en
	}
	return name
}

// Cell writes a head count for a table cell: as People in Chinese (140万);
// in English shortened so a column stays narrow: 1.4m, 2.1bn, 8,500.
func Cell(n int64, lang Lang) string {
	if lang != En {
		return People(n, lang)
	}
	a, sign := n, ""
	if a < 0 {
		a, sign = -a, "-"
	}
	switch {
	case a >= 1e9:
		return sign + trim(float64(a)/1e9) + "bn"
	case a >= 1e6:
		return sign + trim2(float64(a)/1e6) + "m"
	}
	return sign + Int(a)
}

// CellPtr is Cell for a figure that may be absent: "—" when nil.
func CellPtr(n *int64, lang Lang) string {
	if n == nil {
		return "—"
	}
	return Cell(*n, lang)
}

// SignedCell is Cell with an explicit + for gains.
func SignedCell(n int64, lang Lang) string {
	if n > 0 {
		return "+" + Cell(n, lang)
	}
	return Cell(n, lang)
}
