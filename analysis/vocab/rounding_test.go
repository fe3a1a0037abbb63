package vocab

import "testing"

func TestShown(t *testing.T) {
	cases := []struct {
		cell string
		want int64
		ok   bool
	}{
		{"514.1万", 5141000, true}, {"+2.4万", 24000, true}, {"-7504", -7504, true}, {"1.2亿", 120000000, true},
		{"138.1万*", 1381000, true}, {"56†", 56, true}, {"1.4m", 1400000, true}, {"2.1bn", 2100000000, true},
		{"+985,668", 985668, true}, {"32.5 million", 32500000, true}, {"0", 0, true},
		{"—", 0, false}, {"", 0, false}, {"+0.4%", 0, false}, {"天津", 0, false}, {"1e5", 0, false}, {"NaN", 0, false},
	}
	for _, c := range cases {
		got, ok := Shown(c.cell)
		if got != c.want || ok != c.ok {
			t.Errorf("Shown(%q) = %d, %v; want %d, %v", c.cell, got, ok, c.want, c.ok)
		}
	}
	for _, n := range []int64{0, 7, 8500, 12345, 5141234, 33575000, -19123, 123456789, 1234567890} {
		for _, lang := range []Lang{Zh, En} {
			got, ok := Shown(Cell(n, lang))
			again, _ := Shown(Cell(got, lang))
			if !ok || again != got {
				t.Errorf("Shown(Cell(%d, %s)) = %d, %v: not a fixed point", n, lang, got, ok)
			}
		}
	}
}

func TestAddsUp(t *testing.T) {
	// The national data's seven regions: printed to 0.1万 they add up to
	// 3357.6万, the total rounded once is 3357.5万.
	regions := []int64{5141000, 3955000, 6610000, 2681000, 3459000, 5224000, 6506000}
	cases := []struct {
		name  string
		parts []int64
		total int64
		lang  Lang
		want  bool
	}{
		{"regions zh", regions, 33575000, Zh, false},
		{"regions exact", regions, 33576000, Zh, true},
		{"small exact", []int64{8500, 1200}, 9700, Zh, true},
		{"changes zh", []int64{24000, -7504, 37000, 7943, 27000, 11000, 38000}, 139000, Zh, false},
		{"en millions", []int64{5100000, 3900000}, 9000000, En, true},
		{"en millions off", []int64{5100000, 3900000}, 9100000, En, false},
	}
	for _, c := range cases {
		if got := AddsUp(c.parts, c.total, c.lang); got != c.want {
			t.Errorf("%s: AddsUp = %v, want %v", c.name, got, c.want)
		}
	}
}
