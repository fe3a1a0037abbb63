package main

import (
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/basebrief/basebrief/analysis"
)

// chinaTime is UTC+8, the zone of the briefings' dates.
var chinaTime = time.FixedZone("CST", 8*3600)

// fallbackTime is the packet time when nothing else gives one.
var fallbackTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// packetTime is the one timestamp the packet carries (PDF and workbook
// properties, manifest "created"). It never reads the clock, so a run is
// reproducible: SOURCE_DATE_EPOCH when set; else the briefing date (--date
// or briefing.toml) at midnight Beijing time; else the first day after the
// compared period (2019-04-01 for 2019-Q1: a briefing on a quarter is not
// dated the day the quarter began; the masthead shows this date); else
// 1980-01-01 UTC.
func packetTime(epoch *time.Time, meta analysis.Meta, period analysis.Period) time.Time {
	if epoch != nil {
		return *epoch
	}
	if t, err := time.ParseInLocation(time.DateOnly, meta.Date, chinaTime); err == nil {
		return t
	}
	if !period.IsZero() {
		p := period.Next()
		if p.IsZero() { // a kind Next does not know: its first day
			p = period
		}
		year, month, day := p.Start() // 2019-07-01 for 2019-H1, 2019-04-01 for 2019-Q1
		return time.Date(year, time.Month(month), day, 0, 0, 0, 0, chinaTime)
	}
	return fallbackTime
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH: nil when unset or empty; a
// malformed value is a usage error, never silently the clock.
func sourceDateEpoch() (*time.Time, error) {
	s := strings.TrimSpace(os.Getenv("SOURCE_DATE_EPOCH"))
	if s == "" {
		return nil, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n < 0 || n > 253402300799 { // up to year 9999
		return nil, usagef("SOURCE_DATE_EPOCH=%q: expected whole seconds since 1970-01-01 UTC", s)
	}
	t := time.Unix(n, 0).UTC()
	return &t, nil
}
