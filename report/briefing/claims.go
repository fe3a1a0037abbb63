package briefing

import (
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// says writes one paragraph whose every figure is a claim: each helper
// records which row and summary.json field the figure is, and returns it
// worded. A sentence can only state a number through these.
type says struct {
	words
	b      strings.Builder
	claims []document.Claim
}

func (s *says) add(parts ...string) {
	for _, p := range parts {
		s.b.WriteString(p)
	}
}

func (s *says) claim(of, name, field string, v any) {
	if o, ok := s.orig[name]; ok {
		name = o // summary.json's rows are named as the data name them
	}
	s.claims = append(s.claims, document.Claim{Of: of, Name: name, Field: field, Value: v})
}

// n states a count.
func (s *says) n(of, name, field string, v int) string {
	s.claim(of, name, field, v)
	return s.Number(v) // 3000个城市; 3,000 cities
}

// people states a head count: 140万 / 1.4 million.
func (s *says) people(of, name, field string, v int64) string {
	s.claim(of, name, field, v)
	return vocab.People(v, s.lang)
}

// pct states a ratio as a percentage: 51.9%.
func (s *says) pct(of, name, field string, v float64) string {
	s.claim(of, name, field, v)
	return vocab.Percent(v)
}

// change states a like-for-like change and its rate in the office's words
// (增加4156人，增长0.3%), claiming the change and the ratio.
func (s *says) change(of, name string, l likeForLike) string {
	s.claim(of, name, l.prefix+"change", l.change)
	if l.ratio != nil && l.change != 0 {
		s.claim(of, name, l.prefix+"change_ratio", *l.ratio)
	}
	return vocab.Change(l.change, l.ratio, s.lang)
}

// cityChange is change for a city's own figures.
func (s *says) cityChange(city string, l likeForLike) string { return s.change("city", city, l) }

// rate states a change ratio in words: 增长5.8% / 下降1.0%.
func (s *says) rate(of, name, field string, l likeForLike) string {
	if l.ratio == nil {
		s.claim(of, name, l.prefix+"change", l.change)
		return vocab.Change(l.change, nil, s.lang)
	}
	s.claim(of, name, field, *l.ratio)
	return vocab.Rate(*l.ratio, s.lang)
}

// paragraph returns the narrative paragraph written so far. A figure is
// claimed once however often the text states it (both languages' phrases
// are built, and each records its figures).
func (s *says) paragraph() document.Paragraph {
	var claims []document.Claim
	seen := map[document.Claim]bool{}
	for _, c := range s.claims {
		if !seen[c] {
			seen[c] = true
			claims = append(claims, c)
		}
	}
	return document.Paragraph{Style: document.Body, Text: strings.TrimSpace(s.b.String()), Claims: claims, Narrative: true}
}

// likeForLike is a total's change on a comparable basis (可比口径): the
// same places, with a figure in both periods (summary.json's totals
// COMPARABLE fields, or their yoy_ twins).
type likeForLike struct {
	cities            int
	members, previous int64
	change            int64
	ratio             *float64
	ok                bool   // some place has a figure in both periods
	prefix            string // "" against the previous period, "yoy_" the year-ago one
}

func fromComparable(k analysis.Comparable, prefix string) likeForLike {
	l := likeForLike{prefix: prefix, ratio: k.ChangeRatio}
	if k.Members == nil || k.Previous == nil || k.Change == nil {
		return l
	}
	l.ok = true
	l.members, l.previous, l.change = *k.Members, *k.Previous, *k.Change
	if k.Cities != nil {
		l.cities = *k.Cities
	}
	return l
}

// totalChange is the totals' like-for-like change against the previous period.
func totalChange(c *analysis.Comparison) likeForLike { return fromComparable(c.Totals.Comparable, "") }

// totalYoY is the totals' like-for-like change against the year-ago period (同比).
func totalYoY(c *analysis.Comparison) likeForLike { return fromComparable(c.Totals.YoY, "yoy_") }
