package input

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
)

// periodExpected is the hint appended to every period error.
const periodExpected = "expected YYYY, YYYY-MM, YYYY-MM-DD, YYYY年 or YYYY年M月"

// ParsePeriod reads a reporting period: 2019, 2019-05, 2019-05-17 (also
// with / or . between the parts and one-digit months and days), 2019年,
// 2019年度, 2019年5月, 2019年5月份, 2019年5月17日; full-width digits fold to
// ASCII. Months and days are checked against the calendar.
func ParsePeriod(s string) (analysis.Period, error) {
	t := fold(trim(s))
	// The canonical forms come first: national files repeat them a million times.
	parts, ok := parseCanonical(t)
	if !ok {
		if strings.Contains(t, "年") {
			parts, ok = parseChinese(removeSpaces(t))
		} else {
			parts, ok = parseSeparated(t)
		}
	}
	if !ok {
		if t == "" {
			return analysis.Period{}, fmt.Errorf("%q is empty, %s", s, periodExpected)
		}
		return analysis.Period{}, fmt.Errorf("%q is not a period, %s", s, periodExpected)
	}
	return parts.check(s)
}

// periodParts are the written parts: n is 1 (year), 2 (month) or 3 (day).
type periodParts struct {
	p analysis.Period
	n int
}

// check validates the calendar: year ≥ 1, month 1–12 where written, day
// within its month (leap years included) where written.
func (pp periodParts) check(s string) (analysis.Period, error) {
	p := pp.p
	switch {
	case p.Year < 1:
		return analysis.Period{}, fmt.Errorf("%q has year 0, %s", s, periodExpected)
	case pp.n >= 2 && (p.Month < 1 || p.Month > 12):
		return analysis.Period{}, fmt.Errorf("%q has month %d, expected a month 1–12", s, p.Month)
	case pp.n == 3 && (p.Day < 1 || p.Day > daysIn(p.Year, p.Month)):
		return analysis.Period{}, fmt.Errorf("%q has day %d, expected a day 1–%d of %04d-%02d",
			s, p.Day, daysIn(p.Year, p.Month), p.Year, p.Month)
	}
	return p, nil
}

// parseCanonical handles YYYY, YYYY-MM and YYYY-MM-DD exactly.
func parseCanonical(t string) (periodParts, bool) {
	var pp periodParts
	switch {
	case len(t) == 4:
		pp.n = 1
	case len(t) == 7 && t[4] == '-':
		pp.n = 2
	case len(t) == 10 && t[4] == '-' && t[7] == '-':
		pp.n = 3
	default:
		return pp, false
	}
	var ok bool
	if pp.p.Year, ok = digits(t[:4]); !ok {
		return pp, false
	}
	if pp.n >= 2 {
		if pp.p.Month, ok = digits(t[5:7]); !ok {
			return pp, false
		}
	}
	if pp.n == 3 {
		if pp.p.Day, ok = digits(t[8:10]); !ok {
			return pp, false
		}
	}
	return pp, true
}

// digits parses a short run of ASCII digits.
func digits(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}

// parseSeparated handles YYYY-M, YYYY/M/D, YYYY.MM and the like: the same
// separator between all parts, one or two digits for month and day.
func parseSeparated(t string) (periodParts, bool) {
	var pp periodParts
	if len(t) < 6 {
		return pp, false
	}
	sep := t[4]
	if sep != '-' && sep != '/' && sep != '.' {
		return pp, false
	}
	parts := strings.Split(t, string(sep))
	if len(parts) > 3 || len(parts[0]) != 4 {
		return pp, false
	}
	var ok bool
	if pp.p.Year, ok = digits(parts[0]); !ok {
		return pp, false
	}
	for i, dst := range []*int{&pp.p.Month, &pp.p.Day}[:len(parts)-1] {
		if len(parts[i+1]) > 2 {
			return pp, false
		}
		if *dst, ok = digits(parts[i+1]); !ok {
			return pp, false
		}
	}
	pp.n = len(parts)
	return pp, true
}

// parseChinese handles YYYY年, YYYY年度, YYYY年M月, YYYY年M月份 and
// YYYY年M月D日 (or 号).
func parseChinese(t string) (periodParts, bool) {
	var pp periodParts
	y, rest, ok := strings.Cut(t, "年")
	if !ok || len(y) != 4 {
		return pp, false
	}
	if pp.p.Year, ok = digits(y); !ok {
		return pp, false
	}
	pp.n = 1
	if rest == "" || rest == "度" {
		return pp, true
	}
	m, rest, ok := strings.Cut(rest, "月")
	if !ok || len(m) > 2 {
		return pp, false
	}
	if pp.p.Month, ok = digits(m); !ok {
		return pp, false
	}
	pp.n = 2
	if rest == "" || rest == "份" {
		return pp, true
	}
	d, ok := strings.CutSuffix(rest, "日")
	if !ok {
		d, ok = strings.CutSuffix(rest, "号")
	}
	if !ok || len(d) > 2 {
		return pp, false
	}
	pp.n = 3
	pp.p.Day, ok = digits(d)
	return pp, ok
}

func daysIn(year, month int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
