package input

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
)

func TestParseMembers(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"1400000", 1400000},
		{"0", 0},
		{"-0", 0},
		{"1,400,000", 1400000},
		{"14,000", 14000},
		{"140万", 1400000},
		{"140 万", 1400000},
		{"140萬", 1400000},
		{"140万人", 1400000}, {"140万名", 1400000}, {"1400000名", 1400000}, {"12.5万名", 125000},
		{"1400000人", 1400000},
		{"1.4M", 1400000},
		{"1.4m", 1400000},
		{"1.4 M", 1400000},
		{"1.4mn", 1400000},
		{"1.4 million", 1400000},
		{"0.014亿", 1400000},
		{"0.014億", 1400000},
		{"１４０万", 1400000},
		{"１，４００，０００", 1400000},
		{"１．４Ｍ", 1400000},
		{"　140万　", 1400000},
		{" 1400000 ", 1400000},
		{"1.4百万", 1400000},
		{"0.14千万", 1400000},
		{"1400k", 1400000},
		{"1.4K", 1400},
		{"1.4千", 1400},
		{"2 thousand", 2000},
		{"1.4e6", 1400000},
		{"1.4E+06", 1400000},
		{"14000000e-1", 1400000},
		{"1400000.00", 1400000},         // a whole number written with decimals
		{"1400000.0000000002", 1400000}, // a spreadsheet's float noise
		{"1399999.9999999998", 1400000},
		{"1.4000004M", 1400000}, // a unit of its own: rounded to the person
		{"1.4000005M", 1400001},
		{".5万", 5000},
		{"1.23456万", 12346},
		{"0.00000001亿", 1},
		{"10000000000", 10_000_000_000},
		{"1 400 000", 1400000},
		{"1 400 000", 1400000},
		{"１ ４００ ０００", 1400000},
		{"140 万", 1400000},
		{"000140万", 1400000},
	}
	for _, tt := range tests {
		got, err := ParseMembers(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseMembers(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseMembersErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `"" is empty, expected a count`},
		{"一百四十", `"一百四十" is not a number, expected a count such as 1400000, 1,400,000, 140万, 1.4M or 0.014亿`},
		{"-5", `"-5" is negative, expected a count of zero or more`},
		{"-140万", `"-140万" is negative`},
		{"NaN", `"NaN" is not a number`},
		{"Inf", `"Inf" is not a number`},
		{"1,40", `"1,40" has misplaced thousands separators`},
		{"1400,000,0", `"1400,000,0" has misplaced thousands separators`},
		{",140", `",140" has misplaced thousands separators`},
		{"140万万", `"140万万" is not a number`},
		{"万", `"万" is not a number`},
		{"1.4e6万", `"1.4e6万" is not a number`},
		{"1e", `"1e" is not a number`},
		{"1.2.3", `"1.2.3" is not a number`},
		{"140 00", `"140 00" has misplaced thousands separators`},
		{"1,400 000", `"1,400 000" has misplaced thousands separators`},
		{"约140万", `"约140万" is an approximate value, expected the exact count reported (such as 1400000 or 140万)`},
		{"140余万", `"140余万" is an approximate value`},
		{"140多万", `"140多万" is an approximate value`},
		{"140万左右", `"140万左右" is an approximate value`},
		{"10000000001", `"10000000001" is more than 10,000,000,000 people (more than live on Earth), expected a count of members: check for a typo or a wrong unit`},
		{"9223372036854775808", `"9223372036854775808" is more than 10,000,000,000 people`},
		{"99999999999亿", `"99999999999亿" is more than 10,000,000,000 people`},
		{"1e999", `"1e999" is more than 10,000,000,000 people`},
		{"+5", `"+5" is not a number`},
		// A fraction of a person in a column of persons: 130.5 is 万人.
		{"130.5", `"130.5" is not a whole number of people, expected a count of persons: is the column in 万人 (130.5万 is 1,305,000 people)? Then say so in the header, 人数（万人）, or on a unit line above it, 单位：万人`},
		{"0.5", `"0.5" is not a whole number of people, expected a count of persons: is the column in 万人 (0.5万 is 5,000 people)?`},
		{"1400000.5", `"1400000.5" is not a whole number of people, expected a count of persons (a head count has no fraction): check the value`},
		{"1400000.4", `"1400000.4" is not a whole number`},
		{"1,305.5", `"1,305.5" is not a whole number of people, expected a count of persons: is the column in 万人 (1,305.5万 is 13,055,000 people)?`},
		{"1400000.000001", `"1400000.000001" is not a whole number`},
	}
	for _, tt := range tests {
		got, err := ParseMembers(tt.in)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParseMembers(%q) = %d, %v; want error starting %q", tt.in, got, err, tt.want)
		}
	}
}

// TestMembersInUnit reads a column whose header gives its unit: a 万 value
// with a fraction is exact (130.5 万人 is 1,305,000, never 131 people).
func TestMembersInUnit(t *testing.T) {
	for _, c := range []struct {
		in   string
		exp  int
		want int64
	}{
		{"130.5", 4, 1305000}, {"130", 4, 1300000}, {"0.05", 4, 500}, {"1.23456", 4, 12346},
		{"2", 8, 200000000}, {"140万", 4, 1400000},
	} {
		got, _, err := readMembers(c.in, c.exp)
		if c.want == 0 {
			if err == nil {
				t.Errorf("readMembers(%q, %d) = %d, want an error", c.in, c.exp, got)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("readMembers(%q, %d) = %d, %v; want %d", c.in, c.exp, got, err, c.want)
		}
	}
}

func TestParsePeriod(t *testing.T) {
	p := func(y, m, d int) analysis.Period { return analysis.Period{Year: y, Month: m, Day: d} }
	q := func(y, q int) analysis.Period { return analysis.Period{Year: y, Quarter: q} }
	h := func(y, h int) analysis.Period { return analysis.Period{Year: y, Half: h} }
	tests := []struct {
		in   string
		want analysis.Period
	}{
		{"2019", p(2019, 0, 0)},
		{"2019-05", p(2019, 5, 0)},
		{"2019-05-17", p(2019, 5, 17)},
		{"2019-5", p(2019, 5, 0)},
		{"2019-5-7", p(2019, 5, 7)},
		{"2019/5/17", p(2019, 5, 17)},
		{"2019.05", p(2019, 5, 0)},
		{"2019年", p(2019, 0, 0)},
		{"2019年度", p(2019, 0, 0)},
		{"2019年5月", p(2019, 5, 0)},
		{"2019年05月", p(2019, 5, 0)},
		{"2019年5月份", p(2019, 5, 0)},
		{"2019年5月17日", p(2019, 5, 17)},
		{"2019年5月17号", p(2019, 5, 17)},
		{"2019 年 5 月", p(2019, 5, 0)},
		{"２０１９年５月", p(2019, 5, 0)},
		{"２０１９－０５", p(2019, 5, 0)},
		{" 2019 ", p(2019, 0, 0)},
		{"2020-02-29", p(2020, 2, 29)},
		{"2000-02-29", p(2000, 2, 29)},
		{"2019Q2", q(2019, 2)},
		{"2019-Q2", q(2019, 2)},
		{"2019 q4", q(2019, 4)},
		{"2019年第二季度", q(2019, 2)},
		{"2019年二季度", q(2019, 2)},
		{"2019年2季度", q(2019, 2)},
		{"2019年第2季度", q(2019, 2)},
		{"2019年第一季", q(2019, 1)},
		{"２０１９年第四季度", q(2019, 4)},
		{"201905", p(2019, 5, 0)},
		{"20190517", p(2019, 5, 17)},
		{"2019-05-17 00:00:00", p(2019, 5, 17)},
		{"2019/5/17 0:00", p(2019, 5, 17)},
		{"2019-05-17T00:00:00", p(2019, 5, 17)},
		{"2019-05-17 00:00:00.000", p(2019, 5, 17)},
		// Half-years, year-end forms, Chinese-numeral dates ([DBNum1]).
		{"2019H1", h(2019, 1)},
		{"2019-H1", h(2019, 1)},
		{"2019-h2", h(2019, 2)},
		{"2019 H2", h(2019, 2)},
		{"2019年上半年", h(2019, 1)},
		{"2019年下半年", h(2019, 2)},
		{"2019 年 下半年", h(2019, 2)},
		{"２０１９年上半年", h(2019, 1)},
		{"2019年H1", h(2019, 1)},
		{"2019年末", p(2019, 0, 0)},
		{"2019年底", p(2019, 0, 0)},
		{"2019年度末", p(2019, 0, 0)},
		{"二〇一九年五月", p(2019, 5, 0)},
		{"二零一九年五月", p(2019, 5, 0)},
		{"二〇一九年五月十七日", p(2019, 5, 17)},
		{"二〇一九年十二月三十一日", p(2019, 12, 31)},
		{"二〇二〇年十月二十日", p(2020, 10, 20)},
		{"二〇一九年", p(2019, 0, 0)},
		{"二〇一九年上半年", h(2019, 1)},
		{"二〇一九年第二季度", q(2019, 2)},
		{"2019年五月", p(2019, 5, 0)},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParsePeriod(%q) = %v, %v; want %v", tt.in, got, err, tt.want)
		}
	}
}

func TestParsePeriodErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", `"" is empty, expected a year (2019), half-year (2019-H1, 2019年上半年), quarter (2019-Q2, 2019年第二季度), month (2019-05, 2019年5月, 201905) or day (2019-05-17, 2019年5月17日, 20190517)`},
		{"19", `"19" is not a period`},
		{"2019-13", `"2019-13" has month 13, expected a month 1–12`},
		{"2019-00", `"2019-00" has month 0, expected a month 1–12`},
		{"2019年13月", `"2019年13月" has month 13`},
		{"2019-02-29", `"2019-02-29" has day 29, expected a day 1–28 of 2019-02`},
		{"1900-02-29", `"1900-02-29" has day 29, expected a day 1–28`},
		{"2019-04-31", `"2019-04-31" has day 31, expected a day 1–30`},
		{"2019-05-00", `"2019-05-00" has day 0`},
		{"0000", `"0000" has year 0`},
		{"2019-05/17", `"2019-05/17" is not a period`},
		{"2019-005", `"2019-005" is not a period`},
		{"May 2019", `"May 2019" is not a period`},
		{"二〇一九", `"二〇一九" is not a period`},
		{"二〇一九年十三月", `"二〇一九年十三月" has month 13`},
		{"二〇一九年二月三十日", `"二〇一九年二月三十日" has day 30`},
		{"二〇一九年五月〇日", `"二〇一九年五月〇日" is not a period`},
		{"二〇一九年四十月", `"二〇一九年四十月" has month 40`},
		{"二一九年", `"二一九年" is not a period`},
		{"2019H3", `"2019H3" has half-year 3, expected H1 (上半年) or H2 (下半年)`},
		{"2019年中", `"2019年中" is not a period`},
		{"2019年末5月", `"2019年末5月" is not a period`},
		{"2019年5", `"2019年5" is not a period`},
		{"2019年5月17", `"2019年5月17" is not a period`},
		{"20190", `"20190" is not a period`},
		{"2019Q5", `"2019Q5" has quarter 5, expected a quarter 1–4`},
		{"2019年第五季度", `"2019年第五季度" is not a period`},
		{"201913", `"201913" has month 13`},
		{"20190230", `"20190230" has day 30, expected a day 1–28 of 2019-02`},
		{"43602", `"43602" looks like an Excel date serial (2019-05-17), expected the period as text such as 2019-05: format the column as a date or as text before saving`},
		{"43602.0", `"43602.0" looks like an Excel date serial (2019-05-17)`},
		{"2019-05-17 08:30", `"2019-05-17 08:30" has a time of day 08:30, expected a date (a period has no time; at midnight, 00:00:00, it is dropped)`},
		{"2019-05 00:00", `"2019-05 00:00" is not a period`},
	}
	for _, tt := range tests {
		got, err := ParsePeriod(tt.in)
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("ParsePeriod(%q) = %v, %v; want error starting %q", tt.in, got, err, tt.want)
		}
	}
}

func TestParseBatch(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0}, {"  ", 0}, {"1", 1}, {"2", 2}, {"12", 12}, {"２", 2},
		{"第二批", 2}, {"第十二批", 12}, {"第十批", 10}, {"第二十批", 20}, {"第二十一批", 21},
		{"二", 2}, {"十二", 12}, {"第3批", 3}, {"第 3 批", 3}, {"3批", 3}, {"第3", 3},
		{"第二批次", 2}, {"第一百零五批", 105}, {"两", 2}, {"第〇一批", 1},
	}
	for _, tt := range tests {
		got, err := ParseBatch(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseBatch(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, in := range []string{"0", "-1", "+2", "第零批", "第批", "第二二批", "一零", "abc", "2.5", "第十十批", "10000", "百"} {
		if got, err := ParseBatch(in); err == nil {
			t.Errorf("ParseBatch(%q) = %d, want an error", in, got)
		}
	}
	_, err := ParseBatch("第X批")
	if want := `"第X批" is not a batch, expected a positive number such as 2, 第2批 or 第二批, or empty`; err == nil || err.Error() != want {
		t.Errorf("ParseBatch(第X批) error = %v, want %s", err, want)
	}
}

func TestParseTier(t *testing.T) {
	tests := []struct {
		in   string
		want analysis.Tier
	}{
		{"", analysis.TierOther}, {"other", analysis.TierOther}, {"其他", analysis.TierOther},
		{"pilot", analysis.TierPilot}, {"Pilot", analysis.TierPilot}, {" PILOT ", analysis.TierPilot},
		{"试点", analysis.TierPilot}, {"试点城市", analysis.TierPilot}, {"创新试点城市", analysis.TierPilot},
		{"promotion", analysis.TierPromotion}, {"Promotion", analysis.TierPromotion},
		{"推广", analysis.TierPromotion}, {"推广城市", analysis.TierPromotion}, {"创新推广城市", analysis.TierPromotion},
	}
	for _, tt := range tests {
		got, err := ParseTier(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseTier(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	_, err := ParseTier("示范")
	if want := `"示范" is not a tier, expected pilot/试点/创新试点城市, promotion/推广/创新推广城市 or empty`; err == nil || err.Error() != want {
		t.Errorf("ParseTier(示范) error = %v, want %s", err, want)
	}
}

// TestGroupedCount holds the fast path for 1,234,567 to the general one.
func TestGroupedCount(t *testing.T) {
	for _, s := range []string{"1,234", "12,345", "123,456", "1,234,567", "0,001", "9,999,999,999", "10,000,000,000"} {
		fast, ok := groupedCount(s)
		var d decimal
		rest, err := scanNumber(s, &d)
		slow, rerr := d.round()
		if !ok || err != nil || rest != "" || rerr != nil || fast != slow {
			t.Errorf("%q: fast %d, %v; general %d, %v %v", s, fast, ok, slow, err, rerr)
		}
	}
	for _, s := range []string{"1234", ",123", "1,23", "1234,567", "1,2345", "1,234,", "1.234", "1,2a4", "1,234,567,890,123,456,789", "-1,234"} {
		if v, ok := groupedCount(s); ok {
			t.Errorf("%q: fast path took it as %d", s, v)
		}
	}
}
