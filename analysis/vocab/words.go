package vocab

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

var cnDigits = [...]string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// Numeral writes 1–99 in Chinese numerals as headings and batches use
// them: 一, 十, 十二, 二十五; other numbers in digits.
func Numeral(n int) string {
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return cnDigits[n]
	}
	var b strings.Builder
	if n/10 > 1 {
		b.WriteString(cnDigits[n/10])
	}
	b.WriteString("十")
	if n%10 > 0 {
		b.WriteString(cnDigits[n%10])
	}
	return b.String()
}

// Roman writes 1–39 as Roman numerals (English headings); others in digits.
func Roman(n int) string {
	if n <= 0 || n >= 40 {
		return strconv.Itoa(n)
	}
	ones := [...]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	return strings.Repeat("X", n/10) + ones[n%10]
}

// Batch names key-project batch n: 第二批 / batch 2.
func Batch(n int, lang Lang) string {
	if lang == En {
		return "batch " + strconv.Itoa(n)
	}
	return "第" + Numeral(n) + "批"
}

// Tier names a city tier ("pilot", "promotion", else none): 创新试点城市 /
// pilot city; "" for none.
func Tier(t string, lang Lang) string {
	switch {
	case t == "pilot" && lang == En:
		return "pilot city"
	case t == "pilot":
		return "创新试点城市"
	case t == "promotion" && lang == En:
		return "promotion city"
	case t == "promotion":
		return "创新推广城市"
	}
	return ""
}

// TierShort is Tier for a table cell: 试点 / pilot; "—" for none.
func TierShort(t string, lang Lang) string {
	switch {
	case t == "pilot" && lang == En:
		return "pilot"
	case t == "pilot":
		return "试点"
	case t == "promotion" && lang == En:
		return "promotion"
	case t == "promotion":
		return "推广"
	}
	return "—"
}

var months = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// Period writes a period the way a reader says it: 2019年, 2019年上半年,
// 2019年第二季度, 2019年5月, 2019年5月17日; 2019, H1 2019, Q2 2019, May 2019,
// 17 May 2019. Half, quarter, month and day are 0 when not given; year 0 is
// no period, "—".
func Period(year, half, quarter, month, day int, lang Lang) string {
	switch {
	case year == 0:
		return "—"
	case month == 0 && quarter == 0 && half != 0 && lang == En:
		return fmt.Sprintf("H%d %d", half, year)
	case month == 0 && quarter == 0 && half != 0:
		return strconv.Itoa(year) + "年" + HalfName(half, lang)
	case month == 0 && quarter != 0 && lang == En:
		return fmt.Sprintf("Q%d %d", quarter, year)
	case month == 0 && quarter != 0:
		return fmt.Sprintf("%d年第%s季度", year, Numeral(quarter))
	case lang == En && (month == 0 || month > 12):
		return strconv.Itoa(year)
	case lang == En && day == 0:
		return months[month] + " " + strconv.Itoa(year)
	case lang == En:
		return fmt.Sprintf("%d %s %d", day, months[month], year)
	case month == 0:
		return fmt.Sprintf("%d年", year)
	case day == 0:
		return fmt.Sprintf("%d年%d月", year, month)
	}
	return fmt.Sprintf("%d年%d月%d日", year, month, day)
}

// HalfName names a half of the year without its year: 上半年 / 下半年,
// H1 / H2.
func HalfName(half int, lang Lang) string {
	switch {
	case lang == En:
		return "H" + strconv.Itoa(half)
	case half == 1:
		return "上半年"
	}
	return "下半年"
}

// HalfLong is a half-year in English prose: "the first half of 2019";
// in Chinese it is Period's 2019年上半年.
func HalfLong(year, half int, lang Lang) string {
	if lang != En {
		return Period(year, half, 0, 0, 0, lang)
	}
	if half == 1 {
		return "the first half of " + strconv.Itoa(year)
	}
	return "the second half of " + strconv.Itoa(year)
}

// Date writes t's calendar date: 2019年5月17日 / 17 May 2019.
func Date(t time.Time, lang Lang) string {
	return Period(t.Year(), 0, 0, int(t.Month()), t.Day(), lang)
}

// Count writes n things: 3个城市 in Chinese (unit 个 and noun), "1 city" /
// "3 cities" in English.
func Count(n int, zh, one, many string, lang Lang) string {
	switch {
	case lang != En:
		return strconv.Itoa(n) + "个" + zh
	case n == 1:
		return "1 " + one
	}
	return Int(int64(n)) + " " + many // 3,000 cities
}
