package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// texts holds the words every chart shares, in the chosen language: the
// packet's vocabulary (w) and what the charts say of this comparison.
type texts struct {
	w      vocab.Words
	lang   vocab.Lang
	period string // the compared period, e.g. 2019年 / May 2019
	prev   string // the previous period, "" if none
	// since names the previous period after 比 as the briefing does:
	// 上月 where it is the adjacent month, else the period (2019年3月).
	since  string
	scope  string // the region(s) covered
	source string // the full source line
}

// prepared is c as the charts draw it, rows by members with ties (and
// regions' groups) in official order, places named in the packet's
// language (English names from the division table, as the briefing prints
// them), and the charts' texts.
func prepared(c *analysis.Comparison, opts Options) (*analysis.Comparison, texts) {
	c = c.InReadingOrder()
	if vocab.For(opts.Lang).Lang() == vocab.En {
		c, _ = c.Romanised()
	}
	return c, newTexts(opts.Lang, c, opts.Source)
}

func newTexts(lang vocab.Lang, c *analysis.Comparison, source string) texts {
	w := vocab.For(lang)
	lang = w.Lang()
	t := texts{w: w, lang: lang, period: periodText(c.Period, lang), prev: periodText(c.Previous, lang)}
	if !c.Previous.IsZero() {
		t.since = w.Since(c.Period.Kind().String(), c.Period.Adjacent(c.Previous), c.Period.Half == 1, t.prev)
	}
	switch {
	case c.OneProvince() != "":
		// A province slice's one region row holds the province alone, as
		// does that of data of one province: its charts show 北京's
		// cities, not 华北's.
		t.scope = c.OneProvince()
	case c.Region != "":
		t.scope = c.Region
	case len(c.Regions) == 1:
		t.scope = c.Regions[0].Region
	default:
		t.scope = t.pick(fmt.Sprintf("全部%d个片区", len(c.Regions)), fmt.Sprintf("all %d regions", len(c.Regions)))
	}
	if source == "" {
		source = c.Meta.Source
	}
	if source == "" {
		source = t.pick("各地报送数据（cities.csv、bases.csv、figures.csv）", "reported records (cities.csv, bases.csv, figures.csv)")
	}
	t.source = t.pick("资料来源：", "Source: ") + source
	return t
}

// pick returns the phrase in the vocabulary's language.
func (t texts) pick(zh, en string) string { return t.w.T(zh, en) }

var months = [...]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// periodText writes a period the way a reader says it: 2019年5月, May 2019
// (the one vocabulary's wording); "" for none.
func periodText(p analysis.Period, lang vocab.Lang) string {
	if p.IsZero() {
		return ""
	}
	return vocab.Period(p.Year, p.Half, p.Quarter, p.Month, p.Day, lang)
}

// join writes subtitle parts separated by a middle dot.
func join(parts ...string) string {
	var keep []string
	for _, p := range parts {
		if p != "" {
			keep = append(keep, p)
		}
	}
	return strings.Join(keep, " · ")
}

// people writes a head count: 140万 / 1.4 million.
func (t texts) people(n int64) string { return vocab.People(n, t.lang) }

// notReported names the places without a figure, or counts them when a
// list would be too long to read.
func (t texts) notReported(names []string, what string) string {
	if len(names) <= 12 {
		return t.pick("未报送人数：", "Not reported: ") + strings.Join(names, t.pick("、", ", "))
	}
	return t.pick(fmt.Sprintf("另有%d个%s未报送人数。", len(names), what), fmt.Sprintf("%d %s did not report.", len(names), what))
}

// chineseOrdinal writes 1..99 as Chinese numerals: 2 → 二, 12 → 十二, 25 → 二十五.
func chineseOrdinal(n int) string { return vocab.Numeral(n) }

// batchName names key-project batch b for the legend.
func (t texts) batchName(b int) string {
	return t.pick(vocab.Batch(b, vocab.Zh)+"重点项目", fmt.Sprintf("Key projects, batch %d", b))
}

// peopleTicks labels a head-count axis the way the value labels read
// (20万, 1.2亿). In English an axis reaching a million is written in
// millions with the unit on the outermost tick only (0, 0.5, 1, 1.5 million),
// so that "200,000" and "1.2 million" never sit side by side.
func (t texts) peopleTicks(signed bool) func([]float64) []string {
	return func(vals []float64) []string {
		out := make([]string, len(vals))
		top := 0.0
		for _, v := range vals {
			top = math.Max(top, math.Abs(v))
		}
		for i, v := range vals {
			n := int64(math.Round(v))
			switch {
			case t.lang == vocab.En && top >= 1e6:
				out[i] = strconv.FormatFloat(math.Abs(v)/1e6, 'f', -1, 64)
				if n < 0 {
					out[i] = "-" + out[i]
				} else if n > 0 && signed {
					out[i] = "+" + out[i]
				}
				if math.Abs(v) == top {
					out[i] += " million"
				}
			case signed:
				out[i] = vocab.Signed(n, t.lang)
			default:
				out[i] = vocab.People(n, t.lang)
			}
		}
		return out
	}
}

// counts writes head counts as value labels the analysts' way (140万,
// 1.4 million). English rounds to a tenth of a million, so where that gives
// two different values the same label (and the labels would contradict the
// bars) millions get two decimals: 1.43 million. 万 with one decimal is
// already exact to a thousand people, as Chinese reports write it.
func (t texts) counts(vals []int64, signed bool) []string {
	out := make([]string, len(vals))
	seen := map[string]int64{}
	ambiguous := false
	for i, v := range vals {
		out[i] = vocab.People(v, t.lang)
		if signed {
			out[i] = vocab.Signed(v, t.lang)
		}
		if w, ok := seen[out[i]]; ok && w != v {
			ambiguous = true
		}
		seen[out[i]] = v
	}
	if ambiguous && t.lang != vocab.En && !signed {
		// Bars in rank order whose figures differ but print alike
		// (北京 1,053,303 and 海口 1,052,534, both 105.3万) get the
		// digits that tell them apart, as the briefing's table does.
		ps := make([]*int64, len(vals))
		for i := range vals {
			ps[i] = &vals[i]
		}
		return vocab.FormFor(ps, t.lang).Ranked(ps)
	}
	if !ambiguous || t.lang != vocab.En {
		return out
	}
	for i, v := range vals {
		a := v
		if a < 0 {
			a = -a
		}
		if a < 1e6 || a >= 1e9 {
			continue
		}
		s := strconv.FormatFloat(float64(a)/1e6, 'f', 2, 64) + " million"
		switch {
		case v < 0:
			s = "-" + s
		case signed:
			s = "+" + s
		}
		out[i] = s
	}
	return out
}

// coverage says who reported: 各城市均已报送 / "all 3,000 cities reported"
// when every city did (not "3000个城市中3000个"), else 3000个城市中2975个报送人数 /
// "2,975 of 3,000 cities reported".
func (t texts) coverage(reporting, cities int) string {
	if reporting == cities && cities == 1 {
		return t.pick("该城市已报送", "its one city reported") // a province slice of one city
	}
	if reporting == cities {
		return t.pick("各城市均已报送", "all "+vocab.Int(int64(cities))+" cities reported")
	}
	return t.pick(fmt.Sprintf("%d个城市中%d个报送人数", cities, reporting),
		vocab.Int(int64(reporting))+" of "+vocab.Int(int64(cities))+" cities reported")
}
