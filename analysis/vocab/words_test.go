package vocab

import (
	"testing"
	"time"
)

func TestWords(t *testing.T) {
	cases := []struct{ got, want string }{
		{Numeral(1), "一"}, {Numeral(10), "十"}, {Numeral(12), "十二"}, {Numeral(20), "二十"}, {Numeral(25), "二十五"}, {Numeral(100), "100"},
		{Roman(4), "IV"}, {Roman(14), "XIV"},
		{Batch(2, Zh), "第二批"}, {Batch(12, Zh), "第十二批"}, {Batch(2, En), "batch 2"},
		{Tier("pilot", Zh), "创新试点城市"}, {Tier("promotion", En), "promotion city"}, {Tier("", Zh), ""},
		{TierShort("promotion", Zh), "推广"}, {TierShort("", En), "—"},
		{Period(2019, 0, 0, 0, 0, Zh), "2019年"}, {Period(2019, 0, 2, 0, 0, Zh), "2019年第二季度"}, {Period(2019, 0, 2, 0, 0, En), "Q2 2019"},
		{Period(2019, 0, 0, 5, 0, Zh), "2019年5月"}, {Period(2019, 0, 0, 5, 17, En), "17 May 2019"}, {Period(0, 0, 0, 0, 0, Zh), "—"},
		{Period(2019, 1, 0, 0, 0, Zh), "2019年上半年"}, {Period(2019, 2, 0, 0, 0, Zh), "2019年下半年"}, {Period(2019, 1, 0, 0, 0, En), "H1 2019"},
		{HalfName(2, Zh), "下半年"}, {HalfLong(2019, 1, En), "the first half of 2019"}, {HalfLong(2019, 2, Zh), "2019年下半年"},
		{Date(time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC), Zh), "2019年5月17日"},
		{Count(3, "城市", "city", "cities", Zh), "3个城市"}, {Count(1, "城市", "city", "cities", En), "1 city"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}
