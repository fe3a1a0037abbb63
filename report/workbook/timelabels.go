package workbook

import (
	"fmt"
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
	zh := lang != vocab.En
	l := baseTimeLabels(zh)
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

func baseTimeLabels(zh bool) timeLabels {
	if zh {
		return timeLabels{
			trend: "趋势", trendProvinces: "分省趋势",
			cmpBasis: "环比口径", cmpCities: "环比可比城市数", cmpMembers: "可比本期人数", cmpPrevious: "可比上期人数",
			change: "环比增减", changeRatio: "环比增减率",
			yoyBasis: "同比口径", yoyCities: "同比可比城市数", yoyMembers: "同比可比本期人数", yoyPrevious: "可比上年同期人数",
			yoyChange: "同比增减", yoyChangeRatio: "同比增减率",
			previous: "上期人数", yearAgo: "上年同期人数",
			basisProvince: "省级数", basisCities: "两期均报送的城市",
			totalMembers: "合计人数", totalReporting: "报送人数的城市", regionMembers: "%s人数", regionReporting: "%s报送城市",
			source: "数据所属时期", coverageChanged: "报送范围或口径变化",
			chartTrend: "各片区人数走势", chartChange: "各省区市人数：可比口径本期与上期",
			yearAgoLabel: "上年同期",
			historyCut: func(total, limit int, sheet, trend string) string {
				return fmt.Sprintf("人数数据共 %s 行，超过工作簿逐行列出的上限 %s 行：%s表只列出对比所用各期的数据，各期合计见%s表。", vocab.Int(int64(total)), vocab.Int(int64(limit)), sheet, trend)
			},
		}
	}
	return timeLabels{
		trend: "Trend", trendProvinces: "Trend by province",
		cmpBasis: "Basis (vs previous)", cmpCities: "Comparable cities", cmpMembers: "Comparable members", cmpPrevious: "Comparable previous",
		change: "Change", changeRatio: "Change %",
		yoyBasis: "Basis (year on year)", yoyCities: "YoY comparable cities", yoyMembers: "YoY comparable members", yoyPrevious: "Comparable a year ago",
		yoyChange: "YoY change", yoyChangeRatio: "YoY change %",
		previous: "Previous members", yearAgo: "Members a year ago",
		basisProvince: "province figures", basisCities: "cities in both periods",
		totalMembers: "Total members", totalReporting: "Reporting cities", regionMembers: "%s members", regionReporting: "%s reporting",
		source: "Figures of", coverageChanged: "Coverage or basis changed",
		chartTrend: "Members by region over time", chartChange: "Members by province, like for like: this period and the previous one",
		yearAgoLabel: "Year-ago period",
		historyCut: func(total, limit int, sheet, trend string) string {
			return fmt.Sprintf("The figures hold %s rows, more than the %s the workbook lists row by row: the %s sheet lists the periods compared; every period's totals are on the %s sheet.", vocab.Int(int64(total)), vocab.Int(int64(limit)), sheet, trend)
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
