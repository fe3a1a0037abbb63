package workbook

import (
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// timeLabels are the words of the like-for-like change (可比口径), 同比
// and the trend sheets.
type timeLabels struct {
	trend, trendProvinces string // sheet names

	// province and region sheets: 环比 (against the previous period)
	cmpBasis, cmpCities, cmpMembers, cmpPrevious, change, changeRatio string
	// 同比 (against the year-ago period)
	yoyBasis, yoyCities, yoyMembers, yoyPrevious, yoyChange, yoyChangeRatio string
	// city sheet
	previous, yearAgo string
	basisProvince     string
	basisCities       string

	// trend sheets
	totalMembers, totalReporting, regionMembers, regionReporting, source, coverageChanged string
	chartTrend, chartChange                                                               string
	yearAgoLabel                                                                          string
	historyCut                                                                            func(total, limit int, sheet, trend string) string
}

// timeLabelsFor gives the words for c's changes, named as the briefing
// names them (vocab.Sequential): 环比 only against the adjacent month,
// quarter or half-year, 比上年 against the year before (a yearly change is
// never 环比), else 比 and the period (比2019年3月). 同比 (against the same
// period a year earlier) only exists for kinds shorter than a year
// (book.hasYoY).
func timeLabelsFor(lang vocab.Lang, c *analysis.Comparison) timeLabels {
	w := vocab.For(lang)
	zh := w.Zh()
	l := baseTimeLabels(w)
	if c.Previous.IsZero() {
		return l
	}
	kind, adjacent := c.Period.Kind().String(), c.Period.Adjacent(c.Previous)
	p := c.Previous
	prev := vocab.Period(p.Year, p.Half, p.Quarter, p.Month, p.Day, lang)
	seq, since := vocab.Sequential(kind, adjacent, prev, lang), vocab.Since(kind, adjacent, prev, lang)
	if vocab.Sequential(kind, adjacent, prev, vocab.Zh) == "环比" {
		return l
	}
	if zh {
		l.cmpBasis, l.cmpCities, l.cmpPrevious = seq+"口径", seq+"可比城市数", "可比"+since+"人数"
		l.change, l.changeRatio, l.previous = seq+"增减", seq+"增减率", since+"人数"
		return l
	}
	head := strings.ToUpper(seq[:1]) + seq[1:]
	l.cmpBasis, l.cmpCities, l.cmpPrevious = "Basis ("+seq+")", "Comparable cities ("+seq+")", "Comparable, "+since
	l.change, l.changeRatio, l.previous = head, head+" %", "Members, "+since
	return l
}

func baseTimeLabels(w vocab.Words) timeLabels {
	return timeLabels{
		trend:           w.T("趋势", "Trend"),
		trendProvinces:  w.T("分省趋势", "Trend by province"),
		cmpBasis:        w.T("环比口径", "Basis (vs previous)"),
		cmpCities:       w.T("环比可比城市数", "Comparable cities"),
		cmpMembers:      w.T("可比本期人数", "Comparable members"),
		cmpPrevious:     w.T("可比上期人数", "Comparable previous"),
		change:          w.T("环比增减", "Change"),
		changeRatio:     w.T("环比增减率", "Change %"),
		yoyBasis:        w.T("同比口径", "Basis (year on year)"),
		yoyCities:       w.T("同比可比城市数", "YoY comparable cities"),
		yoyMembers:      w.T("同比可比本期人数", "YoY comparable members"),
		yoyPrevious:     w.T("可比上年同期人数", "Comparable a year ago"),
		yoyChange:       w.T("同比增减", "YoY change"),
		yoyChangeRatio:  w.T("同比增减率", "YoY change %"),
		previous:        w.T("上期人数", "Previous members"),
		yearAgo:         w.T("上年同期人数", "Members a year ago"),
		basisProvince:   w.T("省级数", "province figures"),
		basisCities:     w.T("两期均报送的城市", "cities in both periods"),
		totalMembers:    w.T("合计人数", "Total members"),
		totalReporting:  w.T("报送人数的城市", "Reporting cities"),
		regionMembers:   w.T("%s人数", "%s members"),
		regionReporting: w.T("%s报送城市", "%s reporting"),
		source:          w.T("数据所属时期", "Figures of"),
		coverageChanged: w.T("报送范围或口径变化", "Coverage or basis changed"),
		chartTrend:      w.T("各片区人数走势", "Members by region over time"),
		chartChange:     w.T("各省区市人数：可比口径本期与上期", "Members by province, like for like: this period and the previous one"),
		yearAgoLabel:    w.T("上年同期", "Year-ago period"),
		historyCut: func(total, limit int, sheet, trend string) string {
			return w.Tf("人数数据共 %s 行，超过工作簿逐行列出的上限 %s 行：%s表只列出对比所用各期的数据，各期合计见%s表。",
				"The figures hold %s rows, more than the %s the workbook lists row by row: the %s sheet lists the periods compared; every period's totals are on the %s sheet.",
				vocab.Int(int64(total)), vocab.Int(int64(limit)), sheet, trend)
		},
	}
}

// basisText names a province's comparable basis.
func (l timeLabels) basisText(b analysis.Basis) string {
	switch b {
	case analysis.BasisProvince:
		return l.basisProvince
	case analysis.BasisCities:
		return l.basisCities
	}
	return ""
}
