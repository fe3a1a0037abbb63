package vocab

import (
	"fmt"
	"strconv"
	"strings"
)

// Words is the packet's vocabulary in its one language. A renderer holds
// one (For(lang)) and asks it for every phrase it prints — fixed words,
// figures, periods, changes, counts, lists — so no renderer compares the
// language itself: the choice of Chinese or English is made here, once.
type Words struct{ lang Lang }

// For returns the vocabulary of lang: English for En, Chinese otherwise.
func For(lang Lang) Words {
	if lang != En {
		lang = Zh
	}
	return Words{lang}
}

// Lang is the vocabulary's language.
func (w Words) Lang() Lang { return w.lang }

// Zh tells a Chinese vocabulary, for what differs beyond words (a face,
// a line-breaking rule).
func (w Words) Zh() bool { return w.lang != En }

// T is a phrase given in both languages, in the vocabulary's.
func (w Words) T(zh, en string) string {
	if w.lang == En {
		return en
	}
	return zh
}

// Tf is T of two format strings, formatted with args: Tf("其余%d个城市",
// "Other %d cities", n).
func (w Words) Tf(zh, en string, args ...any) string {
	return fmt.Sprintf(w.T(zh, en), args...)
}

// Word is the word list's phrase named key (Word).
func (w Words) Word(key string) string { return Word(key, w.lang) }

// End closes a sentence: 。 or ".".
func (w Words) End() string { return w.T("。", ".") }

// Paren writes a parenthetical: （x） or " (x)".
func (w Words) Paren(s string) string { return w.T("（"+s+"）", " ("+s+")") }

// Colon opens what follows: ： or ": ".
func (w Words) Colon() string { return w.T("：", ": ") }

// Sep separates the items of a short list: 、 or ", ".
func (w Words) Sep() string { return w.T("、", ", ") }

// List joins names, at most limit of them (0: all), then the rest counted:
// 海南、北京等7个省区市 (noun after the count; "" for none) / "Hainan,
// Beijing and 5 more"; two or more English names end "A and B".
func (w Words) List(names []string, limit int, noun string) string {
	more := 0
	if limit > 0 && len(names) > limit {
		more = len(names) - limit
		names = names[:limit]
	}
	if w.Zh() {
		s := strings.Join(names, "、")
		if more > 0 {
			s += fmt.Sprintf("等%d个%s", len(names)+more, noun)
		}
		return s
	}
	if more > 0 {
		return strings.Join(names, ", ") + fmt.Sprintf(" and %d more", more)
	}
	if len(names) > 1 {
		return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	}
	return strings.Join(names, "")
}

// People, Cell, SignedCell, Signed and their Ptr forms write head counts
// (People).
func (w Words) People(n int64) string     { return People(n, w.lang) }
func (w Words) PeoplePtr(n *int64) string { return PeoplePtr(n, w.lang) }
func (w Words) Signed(n int64) string     { return Signed(n, w.lang) }
func (w Words) Cell(n int64) string       { return Cell(n, w.lang) }
func (w Words) CellPtr(n *int64) string   { return CellPtr(n, w.lang) }
func (w Words) SignedCell(n int64) string { return SignedCell(n, w.lang) }
func (w Words) Persons(n int64) string    { return Persons(n, w.lang) }

// Count writes n things: 3个城市, "1 city", "3 cities" (Count).
func (w Words) Count(n int, zh, one, many string) string { return Count(n, zh, one, many, w.lang) }

// Verb is an English verb agreeing with n ("has"/"have"); "" in Chinese.
func (w Words) Verb(n int, one, many string) string { return Verb(n, one, many, w.lang) }

// Period writes a period (Period).
func (w Words) Period(year, half, quarter, month, day int) string {
	return Period(year, half, quarter, month, day, w.lang)
}

// Batch, Tier, TierShort and Region name a batch, a tier and a region.
func (w Words) Batch(n int) string             { return Batch(n, w.lang) }
func (w Words) Tier(t string) string           { return Tier(t, w.lang) }
func (w Words) TierShort(t string) string      { return TierShort(t, w.lang) }
func (w Words) Region(name string) string      { return Region(name, w.lang) }
func (w Words) HalfName(half int) string       { return HalfName(half, w.lang) }
func (w Words) HalfLong(year, half int) string { return HalfLong(year, half, w.lang) }

// Change, Rate and Points word a change (Change).
func (w Words) Change(n int64, ratio *float64) string { return Change(n, ratio, w.lang) }
func (w Words) Rate(r float64) string                 { return Rate(r, w.lang) }
func (w Words) Points(d float64) string               { return Points(d, w.lang) }

// Since names what a change of a period of kind is against, after 比
// (Since): 上月, 比2019年3月; the half before a first half is 上年下半年
// (firstHalf: the period compared is the first half of its year), not
// 上半年, which would be that half itself.
func (w Words) Since(kind string, adjacent, firstHalf bool, prev string) string {
	if w.Zh() && kind == "half" && adjacent && firstHalf {
		return "上年下半年"
	}
	return Since(kind, adjacent, prev, w.lang)
}

// Sequential names a change against the previous period (Sequential).
func (w Words) Sequential(kind string, adjacent bool, prev string) string {
	return Sequential(kind, adjacent, prev, w.lang)
}

// Number writes a count in running text: 3000 in Chinese (no comma inside
// Chinese prose), 3,000 in English.
func (w Words) Number(n int) string {
	if w.Zh() {
		return strconv.Itoa(n)
	}
	return Int(int64(n))
}

// The is a region's name as English prose says it after a preposition:
// "the Western region", "the Northeast", but "North China", "Sichuan".
// Chinese: the name itself.
func (w Words) The(name string) string {
	switch {
	case w.Zh():
		return name
	case strings.HasSuffix(name, " region"), name == "Northeast", name == "Northwest", name == "Southwest":
		return "the " + name
	}
	return name
}

// Others names the n things a table or chart leaves unlisted, summed in
// one row: 其余26个城市 / "Other 26 cities", "1 other city".
func (w Words) Others(n int, zh, one, many string) string {
	switch {
	case w.Zh():
		return "其余" + strconv.Itoa(n) + "个" + zh
	case n == 1:
		return "1 other " + one
	}
	return "Other " + Int(int64(n)) + " " + many
}
