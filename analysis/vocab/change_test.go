package vocab

import "testing"

func TestChangeWords(t *testing.T) {
	r := func(v float64) *float64 { return &v }
	cases := []struct {
		name string
		got  string
		want string
	}{
		{"rise zh", Change(4156, r(0.0031), Zh), "增加4156人，增长0.3%"},
		{"fall zh", Change(-12000, r(-0.02), Zh), "减少1.2万人，下降2.0%"},
		{"rise en", Change(4156, r(0.0031), En), "up 4,156 people (0.3%)"},
		{"one person", Change(-1, nil, En), "down 1 person"},
		{"none", Change(0, r(0), Zh), "持平"},
		{"tiny fall rounds to 0.0", Rate(-0.0004, Zh), "持平"},
		{"no minus zero", Percent(-0.0004), "0.0%"},
		{"points", Points(0.015, Zh), "提高1.5个百分点"},
		{"points down en", Points(-0.003, En), "down 0.3 percentage points"},
		{"adjacent month", Since("month", true, "2019年4月", Zh), "上月"},
		{"gap month", Since("month", false, "2019年3月", Zh), "2019年3月"},
		{"adjacent year", Since("year", true, "2018年", Zh), "上年"},
		{"two-year gap", Since("year", false, "2017年", Zh), "2017年"},
		{"环比 month", Sequential("month", true, "", Zh), "环比"},
		{"year is 比上年, not 环比", Sequential("year", true, "2018年", Zh), "比上年"},
		{"gap", Sequential("month", false, "2019年3月", Zh), "比2019年3月"},
		{"word", Word("not_reported", Zh), "本期未报送"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, c.got, c.want)
		}
	}
}
