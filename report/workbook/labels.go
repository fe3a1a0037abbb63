package workbook

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// labels holds every word the workbook writes, in one language.
type labels struct {
	// sheet names
	overview, charts, regions, provinces, cities, bases, figures, quality, readme string

	// column headers
	region, province, city, base, tier, note, batch, keyProject, kind, segment, since, source,
	period, members, wan, previous, change, changeRatio, share, rankRegion, rankOverall,
	cityShare, cityRank, regionRow,
	slice string // the one province the sheets hold (a province slice's, or the data's), "" otherwise
	// alone: slice is the data's one province (their whole, or a slice of
	// a whole holding it alone): its share of and rank in its region are
	// not known (aloneNote says so).
	alone     bool
	aloneNote string
	provinceCount, cityCount, pilot, promotion, baseCount, keyCount, reporting, coverage,
	basis, provinceFigure, line, noBatch, file, encoding, rows, skipped, sha, warning, number string
	batchN func(n int) string         // header of the batch-n column
	partOf func(region string) string // a region's name where the sheet holds of it only what the packet covers

	// the 万 (or million) column: divisor and number format
	wanDiv     int
	wanPer     string // "/10000": the formula's division, written once
	wanFormat  string
	axisFormat string // the chart axis in the same unit, fewer decimals

	// overview
	defaultTitle, subject, periodLabel, previousLabel, none, scope, allRegions, periodsInData,
	keyFigures, measure, value, stated, statedValue, unit, recorded, reconcile, inputFiles,
	notes, total, totalFiltered, cityTotal, basesTotal string
	reconciled func(recorded, stated string) string
	split      func(sheet string, rows int, parts []string) string
	truncated  func(sheet string, rows, kept int) string
	clipped    func(rows int) string

	// row captions
	provinceLevel, sumOfCities, fromSegments, allMembers, yes string
	tierName                                                  func(analysis.Tier) string
	segmentName                                               func(analysis.Segment) string
	segmentShort                                              [5]string

	// charts
	chartMembers, chartBases, chartChange string
	// a province slice's: chartCityChange takes the change's column head,
	// chartTop the bars drawn; why its 图表 sheet holds no chart
	chartCityMembers, chartCityChange, chartTop string
	noCityCharts                                string // province
	oneReportingCharts                          string // the city reporting, province
	oneCityCharts                               string // province, its city

	// data quality
	warnings, noWarnings, filesRead, coverageByProvince string
}

func labelsFor(lang vocab.Lang) *labels {
	w := vocab.For(lang)
	l := &labels{
		overview:           w.T("概览", "Overview"),
		charts:             w.T("图表", "Charts"),
		regions:            w.T("片区", "Regions"),
		provinces:          w.T("省份", "Provinces"),
		cities:             w.T("城市", "Cities"),
		bases:              w.T("基地", "Bases"),
		figures:            w.T("人数", "Figures"),
		quality:            w.T("数据质量", "Data quality"),
		readme:             w.T("说明", "Read me"),
		region:             w.T("片区", "Region"),
		province:           w.T("省区市", "Province"),
		city:               w.T("城市", "City"),
		base:               w.T("基地名称", "Base"),
		tier:               w.T("城市类型", "City tier"),
		note:               w.T("备注", "Note"),
		batch:              w.T("批次", "Batch"),
		keyProject:         w.T("重点项目", "Key project"),
		kind:               w.T("领域", "Field"),
		segment:            w.T("群体", "Segment"),
		since:              w.T("设立时间", "Since"),
		source:             w.T("来源", "Source"),
		period:             w.T("时期", "Period"),
		members:            w.T("人数", "Members"),
		wan:                w.T("人数（万）", "Members (million)"),
		previous:           w.T("上期人数", "Previous members"),
		change:             w.T("增减", "Change"),
		changeRatio:        w.T("增减率", "Change %"),
		share:              w.T("占片区比重", "Share of region"),
		rankRegion:         w.T("片区内排名", "Rank in region"),
		rankOverall:        w.T("总排名", "Overall rank"),
		provinceCount:      w.T("省区市数", "Provinces"),
		cityCount:          w.T("城市数", "Cities"),
		pilot:              w.T("试点城市", "Pilot cities"),
		promotion:          w.T("推广城市", "Promotion cities"),
		baseCount:          w.T("基地数", "Bases"),
		keyCount:           w.T("重点项目数", "Key projects"),
		reporting:          w.T("报送人数的城市", "Reporting cities"),
		coverage:           w.T("报送覆盖率", "Coverage"),
		basis:              w.T("人数口径", "Members basis"),
		provinceFigure:     w.T("省级人数", "Province figure"),
		line:               w.T("源文件行号", "Source line"),
		noBatch:            w.T("未入批次", "No batch"),
		file:               w.T("文件", "File"),
		encoding:           w.T("编码", "Encoding"),
		rows:               w.T("读取行数", "Rows read"),
		skipped:            w.T("跳过空行", "Blank rows skipped"),
		sha:                w.T("SHA-256", "SHA-256"),
		warning:            w.T("提示", "Notice"),
		number:             w.T("序号", "No."),
		defaultTitle:       w.T("新的社会阶层人士统战工作 · 实践创新基地与人数", "New social strata: innovation bases and members"),
		subject:            w.T("主题", "Subject"),
		periodLabel:        w.T("对比时期", "Period compared"),
		previousLabel:      w.T("上一时期", "Previous period"),
		none:               w.T("无", "none"),
		scope:              w.T("范围", "Scope"),
		allRegions:         w.T("全部片区", "all regions"),
		periodsInData:      w.T("数据中的时期", "Periods in the data"),
		keyFigures:         w.T("主要数字", "Key figures"),
		measure:            w.T("指标", "Measure"),
		value:              w.T("数值", "Value"),
		stated:             w.T("会议公布的数字", "Figures stated at the meeting"),
		statedValue:        w.T("公布值", "Stated"),
		unit:               w.T("单位", "Unit"),
		recorded:           w.T("记录值", "Recorded"),
		reconcile:          w.T("对照", "Reconciliation"),
		inputFiles:         w.T("输入文件", "Input files"),
		notes:              w.T("说明", "Notes"),
		total:              w.T("合计", "Total"),
		totalFiltered:      w.T("合计（随筛选）", "Total (filtered rows)"),
		cityTotal:          w.T("城市合计（随筛选）", "Sum of cities (filtered rows)"),
		basesTotal:         w.T("合计（随筛选）：基地数、重点项目数", "Total (filtered rows): bases, key projects"),
		provinceLevel:      w.T("省级数", "province figure"),
		sumOfCities:        w.T("城市合计", "sum of cities"),
		fromSegments:       w.T("群体合计", "sum of segments"),
		allMembers:         w.T("全部人员", "all members"),
		yes:                w.T("是", "yes"),
		chartMembers:       w.T("各省区市新的社会阶层人士人数", "New social strata members by province"),
		chartBases:         w.T("各省区市实践创新基地（按批次）", "Innovation bases by province and batch"),
		chartChange:        w.T("各省区市人数：本期与上期", "Members by province: this period and the previous one"),
		chartCityMembers:   w.T("各城市新的社会阶层人士人数", "New social strata members by city"),
		chartCityChange:    w.T("各城市人数%s", "Members by city: %s"),
		chartTop:           w.T("（人数最多的%d个城市）", " (the %d with the most members)"),
		noCityCharts:       w.T("%s没有城市报送本期人数，没有比较各城市的图表。", "No city of %s reports a figure for this period: there is no chart comparing its cities."),
		oneReportingCharts: w.T("%s本期只有%s报送人数，没有比较各城市的图表。", "Of the cities of %s only %s reports a figure for this period: there is no chart comparing its cities."),
		oneCityCharts:      w.T("%s只有一个城市（%s），没有比较各城市的图表。", "%s has one city (%s): there is no chart comparing its cities."),
		warnings:           w.T("提示与警告", "Warnings"),
		noWarnings:         w.T("没有警告。", "No warnings."),
		filesRead:          w.T("读取的文件", "Files read"),
		coverageByProvince: w.T("各省区市人数报送覆盖情况", "Reporting coverage by province"),

		batchN: func(n int) string { return w.T(vocab.Batch(n, vocab.Zh), fmt.Sprintf("Batch %d", n)) },
		reconciled: func(r, s string) string {
			return w.T("记录 "+r+" / 会议公布 "+s, "recorded "+r+" / stated "+s)
		},
		split: func(sheet string, rows int, parts []string) string {
			return w.Tf("%s表共 %s 行，超过 Excel 单表行数上限，分为 %d 个工作表：%s。",
				"The %s table has %s rows, more than an Excel sheet holds; it is split over %d sheets: %s.",
				sheet, vocab.Int(int64(rows)), len(parts), strings.Join(parts, w.Sep()))
		},
		truncated: func(sheet string, rows, kept int) string {
			return w.Tf("%s表共 %s 行，超过 Excel 单表行数上限，只列出人数最多的 %s 行；完整数据见 summary.json。",
				"The %s table has %s rows, more than an Excel sheet holds; only the %s with the most members are listed, summary.json has them all.",
				sheet, vocab.Int(int64(rows)), vocab.Int(int64(kept)))
		},
		clipped: func(rows int) string {
			return w.Tf("有 %d 行的文字超过 Excel 行高上限，只显示开头；选中单元格可看全文。",
				"%d rows hold text taller than an Excel row can be; they show its start, and selecting the cell shows it whole.", rows)
		},
		tierName: func(t analysis.Tier) string {
			if t != analysis.TierPilot && t != analysis.TierPromotion {
				return w.T(vocab.Tier(string(t), vocab.Zh), "")
			}
			return w.T(vocab.Tier(string(t), vocab.Zh), vocab.TierShort(string(t), vocab.En))
		},
		segmentName: func(s analysis.Segment) string { return w.T(s.Name(), s.English()) },
		segmentShort: [5]string{"", w.T("企业人员", "Enterprise staff"), w.T("社会组织人员", "Social org. staff"),
			w.T("自由职业人员", "Freelancers"), w.T("新媒体人员", "New media")},

		// The 万 column: 0.1万 in Chinese, hundredths of a million in English.
		wanDiv: 10000, wanFormat: `0.0"万"`, axisFormat: `0"万"`,
	}
	if !w.Zh() {
		l.wanDiv, l.wanFormat, l.axisFormat = 1000000, `0.00" m"`, `0.0" m"`
	}
	l.wanPer = "/" + strconv.Itoa(l.wanDiv)
	l.cityShare, l.cityRank, l.regionRow = l.share, l.rankRegion, l.region
	l.partOf = func(region string) string { return region }
	return l
}

// forOneProvince relabels what the sheets of one province hold: a
// province slice's (run --slices province) or the data of one province
// (an office's own 市州). Its one region row holds that province alone, so
// a city's share and rank "in its region" are in the province (占北京比重,
// not 占片区比重), and the region sheet's row is the province's part of
// its region, not the region.
func (l *labels) forOneProvince(c *analysis.Comparison, lang vocab.Lang) {
	name := c.OneProvince()
	if name == "" {
		return
	}
	w := vocab.For(lang)
	l.cityShare = w.T("占"+name+"比重", "Share of province")
	l.cityRank = w.T(name+"内排名", "Rank in province")
	l.regionRow = w.T("片区（仅含"+name+"）", "Region ("+name+" only)")
	l.slice = name
	// A slice of data of one province is alone as its whole is: the
	// whole's share and rank it would give are 100% and first again.
	l.alone = c.SliceProvince() == "" || c.Scope.WholePeers == 1
	l.partOf = func(region string) string { return w.T(region+"（仅含"+name+"）", region+" ("+name+" only)") }
	if l.alone && len(c.Provinces) == 1 {
		region := c.Provinces[0].Region
		l.aloneNote = w.T("数据只含"+name+"一个省区市，"+region+"的其他省区市不在数据中："+l.provinces+"表的"+l.share+"和"+l.rankRegion+"空着不填。",
			"The data hold one province, "+name+": "+region+"'s other provinces are not in them, so the "+l.provinces+" sheet leaves "+l.share+" and "+l.rankRegion+" blank.")
	}
}
