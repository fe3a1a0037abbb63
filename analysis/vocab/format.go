package vocab

import (
	"math"
	"strconv"
	"strings"
)

// Lang is the output language.
type Lang string

const (
	Zh Lang = "zh"
	En Lang = "en"
)

// Int writes n with thousands separators: 1,400,000.
func Int(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// trim writes v with at most one decimal, dropping a trailing ".0".
func trim(v float64) string {
	s := strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}

// trim2 is trim to two decimals, for English millions: a hundredth of a
// million (10,000) is as near as English gets to 万 with one decimal
// (1,000); a tenth made 333.8万 and 303.5万 both "3.3 million … 3 million"
// beside 9.1% apart. Trailing zeros go: 2.7 million, 3 million, 1.02 million.
func trim2(v float64) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', 2, 64)
	return strings.TrimSuffix(strings.TrimSuffix(s, "0"), ".0")
}

// People writes a head count the analysts' way: 140万, 1.2亿, 8500 in
// Chinese (no ASCII comma inside Chinese text); 1.4 million, 8,500 in English.
func People(n int64, lang Lang) string {
	a := n
	sign := ""
	if a < 0 {
		sign, a = "-", -a
	}
	if lang == En {
		switch {
		case a >= 1e9:
			return sign + trim(float64(a)/1e9) + " billion"
		case a >= 1e6:
			return sign + trim2(float64(a)/1e6) + " million"
		}
		return sign + Int(a)
	}
	if div, unit := zhUnit(a); unit != "" {
		return sign + trim(float64(a)/div) + unit
	}
	return sign + strconv.FormatInt(a, 10)
}

// zhUnit is the unit a count of people is written in, in Chinese: 亿 from
// 1亿, 万 from 1万, none below (People and a column's Form share it).
func zhUnit(a int64) (div float64, unit string) {
	switch {
	case a >= 1e8:
		return 1e8, "亿"
	case a >= 1e4:
		return 1e4, "万"
	}
	return 1, ""
}

// PeoplePtr is People for a figure that may be absent: "—" when nil.
func PeoplePtr(n *int64, lang Lang) string {
	if n == nil {
		return "—"
	}
	return People(*n, lang)
}

// Signed is People with an explicit + for gains.
func Signed(n int64, lang Lang) string {
	if n > 0 {
		return "+" + People(n, lang)
	}
	return People(n, lang)
}

// Percent writes a ratio as a percentage with one decimal: 0.5185 → 51.9%.
func Percent(r float64) string {
	v := math.Round(r*1000) / 10
	if v == 0 {
		v = 0 // -0.0004 rounds to -0: never print "-0.0%"
	}
	return strconv.FormatFloat(v, 'f', 1, 64) + "%"
}

// PercentPtr is Percent for a ratio that may be absent: "—" when nil.
func PercentPtr(r *float64) string {
	if r == nil {
		return "—"
	}
	return Percent(*r)
}

// SignedPercent writes a change ratio with its sign: +3.2%, -1.0%. A
// non-zero change under 0.05% keeps its sign and two decimals (+0.02%,
// -0.01%; +<0.01% below that): an unsigned "0.0%" beside +147 reads as no
// change.
func SignedPercent(r float64) string {
	switch {
	case r == 0:
		return Percent(0)
	case math.Round(r*1000) != 0:
		if r > 0 {
			return "+" + Percent(r)
		}
		return Percent(r)
	}
	sign := "+"
	if r < 0 {
		sign = "-"
	}
	if v := math.Round(math.Abs(r)*10000) / 100; v > 0 {
		return sign + strconv.FormatFloat(v, 'f', 2, 64) + "%"
	}
	return sign + "<0.01%"
}

// listedPeriods is how many periods are named one by one; a longer history
// (monthly data over years) is said as its span, so it fits one cell or line.
const listedPeriods = 6

// Periods lists periods already written out (2019-05, 2019年5月), joined
// with sep, or for a long history its span: 2022年1月至2024年12月，共36期.
func Periods(ps []string, sep string, lang Lang) string {
	if len(ps) <= listedPeriods {
		return strings.Join(ps, sep)
	}
	first, last := ps[0], ps[len(ps)-1]
	if lang == En {
		return first + " to " + last + ", " + strconv.Itoa(len(ps)) + " periods"
	}
	return first + "至" + last + "，共" + strconv.Itoa(len(ps)) + "期"
}
