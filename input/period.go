package input

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/basebrief/basebrief/analysis"
)

// periodExpected is the hint appended to every period error.
const periodExpected = "expected a year (2019), half-year (2019-H1, 2019年上半年), quarter (2019-Q2, 2019年第二季度), month (2019-05, 2019年5月, 201905) or day (2019-05-17, 2019年5月17日, 20190517)"

// ParsePeriod reads a reporting period: a year (2019, 2019年, 2019年度, and
// the year-end forms 2019年末, 2019年底), a half-year (2019H1, 2019-H1,
// 2019年上半年, 2019年下半年), a quarter (2019Q2, 2019-Q2, 2019年第二季度,
// 2019年二季度, 2019年2季度), a month (2019-05, 2019/5, 2019.5, 2019年5月,
// 201905) or a day (2019-05-17, 2019/5/17, 2019年5月17日, 20190517, or a
// date-time at midnight such as 2019-05-17 00:00:00 or 2019/5/17 0:00);
// full-width digits fold to ASCII, and Chinese-numeral dates (二〇一九年五月,
// 二零一九年五月十七日: what a [DBNum1] date column exports) read as their
// digits. Months and days are checked against the calendar. A number that
// looks like an Excel date serial (43602) is an error saying so.
func ParsePeriod(s string) (analysis.Period, error) {
	t := fold(trim(s))
	// The canonical forms come first: national files repeat them a million times.
	parts, ok := parseCanonical(t)
	if !ok {
		var err error
		if parts, ok, err = parseOther(s, t); err != nil {
			return analysis.Period{}, err
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

// parseOther reads the forms other than the canonical ones.
func parseOther(s, t string) (periodParts, bool, error) {
	if strings.Contains(t, "年") {
		pp, ok := parseChinese(removeSpaces(t))
		return pp, ok, nil
	}
	if pp, ok := parseQuarter(removeSpaces(t)); ok {
		return pp, true, nil
	}
	for _, sep := range []string{" ", "T"} {
		if date, clock, ok := strings.Cut(t, sep); ok {
			pp, ok := parseSeparated(date)
			if !ok || pp.n != 3 {
				return pp, false, nil
			}
			return pp, true, midnight(s, clock)
		}
	}
	if pp, ok := parseCompact(t); ok {
		return pp, true, nil
	}
	if serial, ok := excelSerial(t); ok {
		return periodParts{}, false, fmt.Errorf("%q looks like an Excel date serial (%s), expected the period as text such as 2019-05: format the column as a date or as text before saving", s, serial)
	}
	pp, ok := parseSeparated(t)
	return pp, ok, nil
}

// midnight accepts the time of a date-time if it is midnight (0:00,
// 00:00:00, 00:00:00.000): spreadsheets add it to plain dates.
func midnight(s, clock string) error {
	clock = strings.TrimSpace(clock)
	for _, c := range clock {
		if c != '0' && c != ':' && c != '.' {
			return fmt.Errorf("%q has a time of day %s, expected a date (a period has no time; at midnight, 00:00:00, it is dropped)", s, clock)
		}
	}
	if clock == "" || !strings.Contains(clock, ":") {
		return fmt.Errorf("%q is not a period, %s", s, periodExpected)
	}
	return nil
}

// excelSerial reports a whole number that, read as an Excel date serial,
// is a day from 1990 to 2100 (32874 to 73050), and names that day.
func excelSerial(t string) (string, bool) {
	if whole, frac, ok := strings.Cut(t, "."); ok {
		if strings.Trim(frac, "0") != "" {
			return "", false
		}
		t = whole
	}
	if len(t) != 5 || t[0] == '0' {
		return "", false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		if !isDigit(t[i]) {
			return "", false
		}
		n = n*10 + int(t[i]-'0')
	}
	if n < 32874 || n > 73050 {
		return "", false
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n).Format("2006-01-02"), true
}

// periodParts are the written parts: n is 1 (year), 2 (month), 3 (day),
// 4 (quarter) or 5 (half-year).
type periodParts struct {
	p analysis.Period
	n int
}

// check validates the calendar: year ≥ 1, month 1–12 where written, day
// within its month (leap years included) where written, quarter 1–4.
func (pp periodParts) check(s string) (analysis.Period, error) {
	p := pp.p
	switch {
	case p.Year < 1:
		return analysis.Period{}, fmt.Errorf("%q has year 0, %s", s, periodExpected)
	case pp.n == 4 && (p.Quarter < 1 || p.Quarter > 4):
		return analysis.Period{}, fmt.Errorf("%q has quarter %d, expected a quarter 1–4", s, p.Quarter)
	case pp.n == 5 && (p.Half < 1 || p.Half > 2):
		return analysis.Period{}, fmt.Errorf("%q has half-year %d, expected H1 (上半年) or H2 (下半年)", s, p.Half)
	case pp.n == 2 || pp.n == 3:
		if p.Month < 1 || p.Month > 12 {
			return analysis.Period{}, fmt.Errorf("%q has month %d, expected a month 1–12", s, p.Month)
		}
	}
	if pp.n == 3 && (p.Day < 1 || p.Day > daysIn(p.Year, p.Month)) {
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

// parseCompact handles YYYYMM and YYYYMMDD.
func parseCompact(t string) (periodParts, bool) {
	var pp periodParts
	if len(t) != 6 && len(t) != 8 {
		return pp, false
	}
	var ok bool
	if pp.p.Year, ok = digits(t[:4]); !ok {
		return pp, false
	}
	if pp.p.Month, ok = digits(t[4:6]); !ok {
		return pp, false
	}
	pp.n = 2
	if len(t) == 8 {
		if pp.p.Day, ok = digits(t[6:8]); !ok {
			return pp, false
		}
		pp.n = 3
	}
	return pp, true
}

// parseQuarter handles the quarters 2019Q2, 2019-Q2 and 2019 Q2 (spaces
// removed), and the half-years 2019H1, 2019-H1 and 2019 H1 likewise.
func parseQuarter(t string) (periodParts, bool) {
	var pp periodParts
	if len(t) < 6 {
		return pp, false
	}
	y, q := t[:4], strings.TrimPrefix(t[4:], "-")
	if len(q) != 2 {
		return pp, false
	}
	var ok bool
	if pp.p.Year, ok = digits(y); !ok {
		return pp, false
	}
	switch q[0] {
	case 'Q', 'q':
		pp.p.Quarter, ok = digits(q[1:])
		pp.n = 4
	case 'H', 'h':
		pp.p.Half, ok = digits(q[1:])
		pp.n = 5
	default:
		return pp, false
	}
	return pp, ok
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

// parseChinese handles YYYY年, YYYY年度, the year-end forms YYYY年末 and
// YYYY年底 (the year's figure), YYYY年M月, YYYY年M月份, YYYY年M月D日 (or
// 号), the half-years YYYY年上半年 and YYYY年下半年 (or YYYY年H1), and the
// quarters YYYY年第二季度, YYYY年二季度, YYYY年2季度 (季 for 季度). A date
// written in Chinese numerals (二〇一九年五月十七日) is read as its digits.
func parseChinese(t string) (periodParts, bool) {
	var pp periodParts
	y, rest, ok := strings.Cut(t, "年")
	if !ok {
		return pp, false
	}
	if len(y) != 4 || !isDigit(y[0]) {
		if y, ok = numeralYear(y); !ok {
			return pp, false
		}
	}
	if strings.ContainsAny(rest, "一二三四五六七八九十〇零") {
		if rest, ok = numeralMonthDay(rest); !ok {
			return pp, false
		}
	}
	if pp.p.Year, ok = digits(y); !ok || len(y) != 4 {
		return pp, false
	}
	pp.n = 1
	switch rest {
	case "", "度", "末", "底", "度末", "度底":
		return pp, true
	case "上半年", "上半年度", "H1", "h1":
		pp.p.Half, pp.n = 1, 5
		return pp, true
	case "下半年", "下半年度", "H2", "h2":
		pp.p.Half, pp.n = 2, 5
		return pp, true
	}
	if q, ok := strings.CutSuffix(rest, "季度"); ok || strings.HasSuffix(rest, "季") {
		if !ok {
			q = strings.TrimSuffix(rest, "季")
		}
		q = strings.TrimPrefix(q, "第")
		n, ok := quarterNumber(q)
		pp.p.Quarter, pp.n = n, 4
		return pp, ok
	}
	if q, ok := strings.CutPrefix(rest, "Q"); ok {
		pp.p.Quarter, ok = digits(q)
		pp.n = 4
		return pp, ok && len(q) == 1
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

// numeralDigit is the value of a Chinese numeral digit (〇 and 零 are 0),
// or -1.
func numeralDigit(r rune) int {
	if r == '零' {
		return 0
	}
	for i, n := range []rune("〇一二三四五六七八九") {
		if n == r {
			return i
		}
	}
	return -1
}

// numeralYear reads a year in Chinese numerals digit by digit, as a
// [DBNum1] cell format shows it: 二〇一九 (or 二零一九) is 2019.
func numeralYear(y string) (string, bool) {
	var b strings.Builder
	for _, r := range y {
		d := numeralDigit(r)
		if d < 0 {
			return "", false
		}
		b.WriteByte(byte('0' + d))
	}
	return b.String(), true
}

// numeralMonthDay rewrites the month and day of a date in Chinese numerals
// (五月十七日, 十二月, 二十一日) as numbers; other numerals (第二季度) are
// left to the quarter rules.
func numeralMonthDay(rest string) (string, bool) {
	var b strings.Builder
	rs := []rune(rest)
	for i := 0; i < len(rs); {
		j := i
		for j < len(rs) && (numeralDigit(rs[j]) >= 0 || rs[j] == '十') {
			j++
		}
		switch {
		case j == i:
			b.WriteRune(rs[i])
			j++
		case j < len(rs) && (rs[j] == '月' || rs[j] == '日' || rs[j] == '号'):
			n, ok := numeralValue(rs[i:j])
			if !ok {
				return "", false
			}
			b.WriteString(strconv.Itoa(n))
		default:
			b.WriteString(string(rs[i:j]))
		}
		i = j
	}
	return b.String(), true
}

// numeralValue reads a number 1–39 in Chinese numerals: 五, 十, 十二, 二十,
// 二十一, 三十一.
func numeralValue(rs []rune) (int, bool) {
	tens, units := 0, 0
	switch k := slices.Index(rs, '十'); {
	case k < 0 && len(rs) == 1:
		units = numeralDigit(rs[0])
	case k == 0 && len(rs) <= 2:
		tens = 1
	case k == 1 && len(rs) <= 3:
		tens = numeralDigit(rs[0])
	default:
		return 0, false
	}
	if k := slices.Index(rs, '十'); k >= 0 && k+1 < len(rs) {
		units = numeralDigit(rs[k+1])
	}
	if tens < 0 || units < 0 || rs[len(rs)-1] == '〇' || rs[len(rs)-1] == '零' {
		return 0, false
	}
	n := tens*10 + units
	return n, n > 0
}

// quarterNumber reads the number of a quarter: 1–4 or 一 to 四.
func quarterNumber(q string) (int, bool) {
	switch q {
	case "一":
		return 1, true
	case "二":
		return 2, true
	case "三":
		return 3, true
	case "四":
		return 4, true
	}
	if len(q) != 1 {
		return 0, false
	}
	return digits(q)
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
