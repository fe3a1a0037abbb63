package vocab

import "testing"

func TestPeople(t *testing.T) {
	cases := []struct {
		n      int64
		zh, en string
	}{
		{1400000, "140万", "1.4 million"},
		{1300000, "130万", "1.3 million"},
		{2700000, "270万", "2.7 million"},
		{1234567, "123.5万", "1.23 million"},
		{3338000, "333.8万", "3.34 million"}, {3035000, "303.5万", "3.04 million"}, // not "3.3 million … 3 million", 9.1% apart
		{1024000, "102.4万", "1.02 million"}, {3000000, "300万", "3 million"},
		{10000, "1万", "10,000"},
		{9999, "9999", "9,999"}, // no ASCII comma inside Chinese prose
		{0, "0", "0"},
		{150000000, "1.5亿", "150 million"},
		{-250000, "-25万", "-250,000"},
	}
	for _, c := range cases {
		if got := People(c.n, Zh); got != c.zh {
			t.Errorf("People(%d, zh) = %q, want %q", c.n, got, c.zh)
		}
		if got := People(c.n, En); got != c.en {
			t.Errorf("People(%d, en) = %q, want %q", c.n, got, c.en)
		}
	}
}

func TestIntAndPercent(t *testing.T) {
	if got := Int(1400000); got != "1,400,000" {
		t.Errorf("Int = %q", got)
	}
	if got := Int(-1234); got != "-1,234" {
		t.Errorf("Int = %q", got)
	}
	if got := Percent(0.5185); got != "51.9%" {
		t.Errorf("Percent = %q", got)
	}
	if got := SignedPercent(0.032); got != "+3.2%" {
		t.Errorf("SignedPercent = %q", got)
	}
	if got := SignedPercent(-0.01); got != "-1.0%" {
		t.Errorf("SignedPercent = %q", got)
	}
	if got := PercentPtr(nil); got != "—" {
		t.Errorf("PercentPtr(nil) = %q", got)
	}
}

func TestPeriods(t *testing.T) {
	seven := []string{"2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07"}
	cases := []struct {
		name string
		ps   []string
		sep  string
		lang Lang
		want string
	}{
		{"none", nil, "、", Zh, ""},
		{"one", []string{"2019年"}, "、", Zh, "2019年"},
		{"six named", seven[:6], ", ", En, "2022-01, 2022-02, 2022-03, 2022-04, 2022-05, 2022-06"},
		{"span zh", seven, "、", Zh, "2022-01至2022-07，共7期"},
		{"span en", seven, ", ", En, "2022-01 to 2022-07, 7 periods"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := Periods(c.ps, c.sep, c.lang); got != c.want {
				t.Errorf("Periods = %q, want %q", got, c.want)
			}
		})
	}
}

// A non-zero change never prints as an unsigned 0.0% (西藏 +147 on 94.2万
// in the national Table 2; 华北 −1108).
func TestSignedPercentSmall(t *testing.T) {
	for _, c := range []struct {
		r    float64
		want string
	}{
		{0, "0.0%"}, {0.032, "+3.2%"}, {-0.01, "-1.0%"}, {0.0005, "+0.1%"},
		{147.0 / 942000, "+0.02%"}, {-1108.0 / 14906000, "-0.01%"}, {0.00001, "+<0.01%"}, {-0.00001, "-<0.01%"},
	} {
		if got := SignedPercent(c.r); got != c.want {
			t.Errorf("SignedPercent(%v) = %q, want %q", c.r, got, c.want)
		}
	}
}
