package vocab

import "testing"

func TestVocabulary(t *testing.T) {
	zh, en := For(Zh), For(En)
	cases := []struct{ got, want string }{
		{For("").T("合计", "Total"), "合计"}, {en.T("合计", "Total"), "Total"},
		{zh.Number(3000), "3000"}, {en.Number(3000), "3,000"}, {Count(3000, "城市", "city", "cities", En), "3,000 cities"},
		{zh.List([]string{"海南", "北京", "辽宁"}, 2, "省区市"), "海南、北京等3个省区市"},
		{en.List([]string{"Hainan", "Beijing", "Liaoning"}, 2, "省区市"), "Hainan, Beijing and 1 more"},
		{en.List([]string{"Hainan", "Beijing", "Liaoning"}, 0, ""), "Hainan, Beijing and Liaoning"},
		{en.The("Western region"), "the Western region"}, {en.The("Northeast"), "the Northeast"},
		{en.The("North China"), "North China"}, {zh.The("西部"), "西部"},
		{zh.Since("half", true, true, "2018年下半年"), "上年下半年"}, {zh.Since("half", true, false, "2019年上半年"), "上半年"},
		{zh.Since("month", true, false, "2019年4月"), "上月"}, {zh.Since("month", false, false, "2019年3月"), "2019年3月"},
		{en.Since("month", true, false, "April 2019"), "last month"},
		{zh.End(), "。"}, {en.Paren("x"), " (x)"},
	}
	for i, c := range cases {
		if c.got != c.want {
			t.Errorf("case %d: got %q, want %q", i, c.got, c.want)
		}
	}
}
