package input

import (
	"strings"
	"testing"
)

// A day in the middle of a month among monthly figures is compared, as the
// contract says (the latest period of the finest kind), and the warning
// says so; it also names the day's rows and the two fixes, since such a day
// is most likely a month's figure typed as a day. Before, the warning did
// not say where the day was. Several days, or a day among years, keep the
// plain warning.
func TestStrayDayAmongMonths(t *testing.T) {
	cities := "成都,四川,西部,\n重庆,重庆,西部,\n"
	d := mustLoadFS(t, folder(cities, "", "四川,成都,2019-01,1000000\n四川,成都,2019-02,1100000\n重庆,重庆,2019-01,1400000\n重庆,重庆,2019-02,1500000\n重庆,重庆,2019-03-15,1450000\n"))
	n := noticeOf(d, codePeriodKinds)
	want := "figures.csv: the periods are of several kinds (months, days); compared: 2019-03-15, a day; periods of different kinds are never compared with each other" +
		"; 2019-03-15 is the only day among 2 months (line 6): if it is a month's figure written as a day, write it as 2019-03, or compare the months with --period 2019-02"
	if d.Period.String() != "2019-03-15" || n.En != want {
		t.Errorf("period %s, warning\n%s\nwant\n%s", d.Period, n.En, want)
	}
	if !strings.Contains(n.Zh, "2019-03-15是2个月份中唯一的日期（第6行）") {
		t.Errorf("zh warning = %s", n.Zh)
	}
	for _, figs := range []string{
		"四川,成都,2019-01,1000000\n四川,成都,2019-02,1100000\n重庆,重庆,2019-03-15,1450000\n重庆,重庆,2019-03-16,1450000\n",
		"四川,成都,2018,1000000\n四川,成都,2019,1100000\n重庆,重庆,2019-03-15,1450000\n",
	} {
		d := mustLoadFS(t, folder(cities, "", figs))
		if n := noticeOf(d, codePeriodKinds); strings.Contains(n.En, "the only day") {
			t.Errorf("warning names a stray day where there is none: %s", n.En)
		}
	}
}
