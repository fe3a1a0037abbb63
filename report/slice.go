package report

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// sliced readies a slice's comparison (run --slices) for rendering: its
// headline names the slice, and its foreword opens with where the slice
// stands in the whole — share and rank in its region and in the nation —
// which the slice's own tables cannot show. The whole's comparison is
// returned unchanged.
func sliced(c *analysis.Comparison, lang vocab.Lang) *analysis.Comparison {
	s := c.Scope
	if s == nil {
		return c
	}
	if vocab.For(lang).Lang() == vocab.En {
		// The headline and the foreword name the slice in English, as
		// the briefing built from it does.
		s = s.Romanised()
	}
	cc := *c
	p := c.Period
	period := vocab.Period(p.Year, p.Half, p.Quarter, p.Month, p.Day, lang)
	switch {
	case named(c.Meta.Subject, c.Scope.Name, s.Name):
		// The subject names the slice already: the region slice of data of
		// one region, 片会（西部地区）, was titled 片会（西部地区）（西部地区）.
	case c.Meta.Subject != "" && lang == vocab.En:
		cc.Meta.Subject = c.Meta.Subject + " (" + s.Name + ")"
	case c.Meta.Subject != "":
		cc.Meta.Subject = c.Meta.Subject + "（" + s.Name + "）"
	case lang == vocab.En:
		cc.Meta.Subject = s.Name + ": innovation bases and the new social strata, " + period
	default:
		cc.Meta.Subject = s.Name + "实践创新基地和新的社会阶层人士情况（" + period + "）"
	}
	cc.Meta.Foreword = strings.TrimSpace(SliceLine(s, lang) + "\n" + c.Meta.Foreword)
	return &cc
}

// named reports whether subject ends with one of names in brackets, as
// 经验交流推广片会（西部地区） names 西部地区.
func named(subject string, names ...string) bool {
	for _, n := range names {
		if n != "" && (strings.HasSuffix(subject, "（"+n+"）") || strings.HasSuffix(subject, "("+n+")")) {
			return true
		}
	}
	return false
}

// SliceLine says where a slice stands in the whole: 四川新的社会阶层人士
// 1,400,000人，占西部地区的51.9%，在9个省区市中居第1位；占全国的12.0%，在31个
// 省区市中居第2位。A figure the data lacks is left out, never written as 0.
func SliceLine(s *analysis.Scope, lang vocab.Lang) string {
	w := vocab.For(lang)
	en := !w.Zh()
	if en {
		s = s.Romanised()
	}
	if s.Members == nil {
		if en {
			return s.Name + " reported no membership figure for the period."
		}
		return s.Name + "本期未报送新的社会阶层人士人数。"
	}
	whole := s.Whole
	if whole == "" {
		whole = w.T("全国", "the nation")
	}
	unit := w.T("省区市", "provinces")
	if s.Kind == analysis.SliceRegion {
		unit = w.T("片区", "regions")
	}
	// A place among one (the slice of data of one province: 100% of
	// 西南, first of 1) compares nothing, as a chart of one bar: left out.
	var parts []string
	if s.Region != "" && s.ShareOfRegion != nil && s.RankInRegion != nil && s.RegionPeers > 1 {
		parts = append(parts, place(w.The(s.Region), *s.ShareOfRegion, *s.RankInRegion, s.RegionPeers, unit, en))
	}
	if s.ShareOfWhole != nil && s.RankInWhole != nil && whole != s.Region && s.WholePeers > 1 {
		parts = append(parts, place(w.The(whole), *s.ShareOfWhole, *s.RankInWhole, s.WholePeers, unit, en))
	}
	if en {
		line := fmt.Sprintf("%s: %s members of the new social strata", s.Name, vocab.People(*s.Members, lang))
		if len(parts) > 0 {
			line += ", " + strings.Join(parts, "; ")
		}
		return line + "."
	}
	line := fmt.Sprintf("%s新的社会阶层人士%s", s.Name, vocab.People(*s.Members, lang))
	if len(parts) > 0 {
		line += "，" + strings.Join(parts, "；")
	}
	return line + "。"
}

func place(of string, share float64, rank, peers int, unit string, en bool) string {
	if en {
		return fmt.Sprintf("%s of %s, %s of %d %s", vocab.Percent(share), of, ordinal(rank), peers, unit)
	}
	return fmt.Sprintf("占%s的%s，在%d个%s中居第%d位", of, vocab.Percent(share), peers, unit, rank)
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
