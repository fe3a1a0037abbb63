package workbook

import (
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/format"
)

func TestPeriodsText(t *testing.T) {
	months := func(n int) []analysis.Period {
		var ps []analysis.Period
		for i := 0; i < n; i++ {
			ps = append(ps, analysis.Period{Year: 2022 + i/12, Month: 1 + i%12})
		}
		return ps
	}
	cases := []struct {
		name string
		ps   []analysis.Period
		lang format.Lang
		want string
	}{
		{"one year", []analysis.Period{{Year: 2019}}, format.Zh, "2019"},
		{"a few listed", months(3), format.Zh, "2022-01, 2022-02, 2022-03"},
		{"six listed", months(6), format.En, "2022-01, 2022-02, 2022-03, 2022-04, 2022-05, 2022-06"},
		{"history as a span", months(36), format.Zh, "2022-01 至 2024-12，共 36 期"},
		{"span in English", months(7), format.En, "2022-01 to 2022-07, 7 periods"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := periodsText(c.ps, labelsFor(c.lang)); got != c.want {
				t.Errorf("periodsText = %q, want %q", got, c.want)
			}
		})
	}
}
