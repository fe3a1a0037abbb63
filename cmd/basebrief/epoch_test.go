package main

import (
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
)

// Without SOURCE_DATE_EPOCH or a briefing date, the packet (and masthead)
// is dated the first day after the period compared: a quarter's briefing
// is not dated the day the quarter began.
func TestPacketTimeAfterThePeriod(t *testing.T) {
	cases := []struct {
		p    analysis.Period
		want string
	}{
		{analysis.Period{Year: 2019, Quarter: 1}, "2019-04-01"},
		{analysis.Period{Year: 2019, Quarter: 4}, "2020-01-01"},
		{analysis.Period{Year: 2019, Half: 1}, "2019-07-01"},
		{analysis.Period{Year: 2019, Half: 2}, "2020-01-01"},
		{analysis.Period{Year: 2019, Month: 5}, "2019-06-01"},
		{analysis.Period{Year: 2019, Half: 1}, "2019-07-01"},
		{analysis.Period{Year: 2019, Half: 2}, "2020-01-01"},
		{analysis.Period{Year: 2019}, "2020-01-01"},
		{analysis.Period{Year: 2019, Month: 5, Day: 17}, "2019-05-18"},
	}
	for _, c := range cases {
		got := packetTime(nil, analysis.Meta{}, c.p)
		if s := got.In(chinaTime).Format(time.DateOnly); s != c.want {
			t.Errorf("packetTime(%v) = %s, want %s", c.p, s, c.want)
		}
	}
}
