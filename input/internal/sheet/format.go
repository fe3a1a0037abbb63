package sheet

import (
	"strconv"
	"strings"
)

// cellFormat is what a cell style says about reading its number: a plain
// number, or a date shown at some precision.
type cellFormat uint8

const (
	fmtNumber   cellFormat = iota
	fmtYear                // yyyy"年"
	fmtMonth               // yyyy"年"m"月", mmm-yy
	fmtDay                 // yyyy/m/d, m/d/yyyy
	fmtDateTime            // yyyy/m/d h:mm: the time is written, so midnight can be told from 13:00
	fmtTime                // h:mm with no date: written as a date-time too
)

// builtinFormats holds the date formats among the built-in number format
// ids (ECMA-376 18.8.30), with the Chinese (zh-CN) meaning of the ids that
// depend on the locale (27-36, 50-58), as Excel and WPS save them there.
var builtinFormats = map[int]cellFormat{
	14: fmtDay, 15: fmtDay, 16: fmtDay, 17: fmtMonth,
	18: fmtTime, 19: fmtTime, 20: fmtTime, 21: fmtTime, 22: fmtDateTime,
	27: fmtMonth, 28: fmtDay, 29: fmtDay, 30: fmtDay, 31: fmtDay,
	32: fmtTime, 33: fmtTime, 34: fmtTime, 35: fmtTime, 36: fmtMonth,
	45: fmtTime, 46: fmtTime, 47: fmtTime,
	50: fmtMonth, 51: fmtDay, 52: fmtMonth, 53: fmtDay, 54: fmtDay,
	55: fmtTime, 56: fmtTime, 57: fmtMonth, 58: fmtDay,
}

// classify reads a number format code: which date parts it shows, if any.
// Only the first section (positive numbers) counts; quoted literals,
// escaped characters and bracketed codes ([Red], [$-804], [DBNum1]) show
// nothing; "General", exponents (E+00) and AM/PM are not date parts.
func classify(code string) cellFormat {
	code = strings.ToLower(code)
	var year, month, day, clock bool
	lastClock := false // the m after h or before s is minutes
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case c == ';':
			i = len(code)
		case c == '"':
			if j := strings.IndexByte(code[i+1:], '"'); j >= 0 {
				i += j + 1
			} else {
				i = len(code)
			}
		case c == '\\' || c == '_' || c == '*':
			i++ // the next character is a literal or a fill
		case c == '[':
			if j := strings.IndexByte(code[i:], ']'); j >= 0 {
				inner := code[i+1 : i+j]
				if inner != "" && strings.Trim(inner, "hms") == "" {
					clock, lastClock = true, true // [h]:mm elapsed time
				}
				i += j
			}
		case strings.HasPrefix(code[i:], "general"):
			i += len("general") - 1
		case c == 'e' && i+1 < len(code) && (code[i+1] == '+' || code[i+1] == '-'):
			i++
		case strings.HasPrefix(code[i:], "am/pm"):
			i += len("am/pm") - 1
		case strings.HasPrefix(code[i:], "a/p"):
			i += len("a/p") - 1
		case c == 'y' || c == 'e':
			year, lastClock = true, false
		case c == 'd':
			day, lastClock = true, false
		case c == 'h' || c == 's':
			clock, lastClock = true, true
		case c == 'm':
			j := i
			for j < len(code) && code[j] == 'm' {
				j++
			}
			if !lastClock && !secondsAfter(code[j:]) {
				month = true
			} else {
				clock = true
			}
			i = j - 1
		}
	}
	switch {
	case (day || month || year) && clock:
		return fmtDateTime
	case day:
		return fmtDay
	case month:
		return fmtMonth
	case year:
		return fmtYear
	case clock:
		return fmtTime
	}
	return fmtNumber
}

// secondsAfter reports whether the next date part after a run of m is
// seconds (mm:ss), which makes the m minutes.
func secondsAfter(rest string) bool {
	for i := 0; i < len(rest); i++ {
		switch rest[i] {
		case 's':
			return true
		case 'y', 'd', 'h', 'm', '"', ';':
			return false
		}
	}
	return false
}

// maxSerial is 9999-12-31. In the 1900 date system day 1 is 1900-01-01
// and day 60 the 1900-02-29 Lotus kept; in the 1904 system day 0 is
// 1904-01-01.
const maxSerial = 2958465

// dateText writes a date serial at a format's precision as the period text
// the CSV rules parse: 2019, 2019-05, 2019-05-17 or 2019-05-17 13:30:00.
// ok is false for a serial outside the calendar.
func dateText(serial float64, f cellFormat, date1904 bool) (string, bool) {
	if serial < 0 || serial > maxSerial || serial != serial {
		return "", false
	}
	days := int64(serial)
	secs := int64((serial-float64(days))*86400 + 0.5)
	if secs >= 86400 {
		days, secs = days+1, secs-86400
	}
	var y, m, d int
	switch {
	case date1904:
		y, m, d = civil(days + 1462) // 1904-01-01 is serial 1462 in the 1900 system
	case days == 60:
		y, m, d = 1900, 2, 29
	case days < 60:
		y, m, d = civil(days + 1)
	default:
		y, m, d = civil(days)
	}
	if days < 1 && !date1904 && f != fmtTime {
		return "", false // day 0 is "1900-01-00", a blank date cell
	}
	b := make([]byte, 0, len("2019-05-17 00:00:00"))
	b = pad(b, y, 4)
	if f != fmtYear {
		b = pad(append(b, '-'), m, 2)
	}
	if f != fmtYear && f != fmtMonth {
		b = pad(append(b, '-'), d, 2)
	}
	if f == fmtDateTime || f == fmtTime {
		b = pad(append(b, ' '), int(secs/3600), 2)
		b = pad(append(b, ':'), int(secs/60%60), 2)
		b = pad(append(b, ':'), int(secs%60), 2)
	}
	return string(b), true
}

// pad appends n with leading zeros to width digits.
func pad(b []byte, n, width int) []byte {
	for x := n; x >= 10; x /= 10 {
		width--
	}
	for ; width > 1; width-- {
		b = append(b, '0')
	}
	return strconv.AppendInt(b, int64(n), 10)
}

// civil converts a 1900-system serial (counted from 1899-12-30, right for
// every day after 1900-02-28) to a calendar date.
func civil(serial int64) (y, m, d int) {
	// Days from 1970-01-01, then Howard Hinnant's civil_from_days.
	z := serial - 25569 + 719468
	era := z / 146097
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d = int(doy - (153*mp+2)/5 + 1)
	m = int(mp + 3)
	if m > 12 {
		m -= 12
	}
	y = int(yoe + era*400)
	if m <= 2 {
		y++
	}
	return y, m, d
}
