package workbook

import (
	"fmt"
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
	provinceCount, cityCount, pilot, promotion, baseCount, keyCount, reporting, coverage,
	basis, provinceFigure, line, noBatch, file, encoding, rows, skipped, sha, warning, number string
	batchN func(n int) string // header of the batch-n column

	// the 万 (or million) column: divisor and number format
	wanDiv     int
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

	// data quality
	warnings, noWarnings, filesRead, coverageByProvince string
}

func labelsFor(lang vocab.Lang) *labels {
	if lang == vocab.En {
		return enLabels()
	}
	return zhLabels()
}

func zhLabels() *labels {
	return &labels{
		overview: "概览", charts: "图表", regions: "片区", provinces: "省份", cities: "城市",
		bases: "基地", figures: "人数", quality: "数据质量", readme: "说明",

		region: "片区", province: "省区市", city: "城市", base: "基地名称", tier: "城市类型",
		note: "备注", batch: "批次", keyProject: "重点项目", kind: "领域", segment: "群体",
		since: "设立时间", source: "来源", period: "时期", members: "人数", wan: "人数（万）",
		previous: "上期人数", change: "增减", changeRatio: "增减率", share: "占片区比重",
		rankRegion: "片区内排名", rankOverall: "总排名", provinceCount: "省区市数",
		cityCount: "城市数", pilot: "试点城市", promotion: "推广城市", baseCount: "基地数",
		keyCount: "重点项目数", reporting: "报送人数的城市", coverage: "报送覆盖率",
		basis: "人数口径", provinceFigure: "省级人数", line: "源文件行号", noBatch: "未入批次", file: "文件",
		encoding: "编码", rows: "读取行数", skipped: "跳过空行", sha: "SHA-256",
		warning: "提示", number: "序号",
		batchN: func(n int) string { return vocab.Batch(n, vocab.Zh) },

		wanDiv: 10000, wanFormat: `0.0"万"`, axisFormat: `0"万"`,

		defaultTitle: "新的社会阶层人士统战工作 · 实践创新基地与人数", subject: "主题",
		periodLabel: "对比时期", previousLabel: "上一时期", none: "无", scope: "范围",
		allRegions: "全部片区", periodsInData: "数据中的时期", keyFigures: "主要数字",
		measure: "指标", value: "数值", stated: "会议公布的数字", statedValue: "公布值",
		unit: "单位", recorded: "记录值", reconcile: "对照", inputFiles: "输入文件",
		notes: "说明", total: "合计", totalFiltered: "合计（随筛选）", cityTotal: "城市合计（随筛选）",
		basesTotal: "合计（随筛选）：基地数、重点项目数",
		reconciled: func(r, s string) string { return "记录 " + r + " / 会议公布 " + s },
		split: func(sheet string, rows int, parts []string) string {
			return fmt.Sprintf("%s表共 %s 行，超过 Excel 单表行数上限，分为 %d 个工作表：%s。", sheet, vocab.Int(int64(rows)), len(parts), strings.Join(parts, "、"))
		},
		truncated: func(sheet string, rows, kept int) string {
			return fmt.Sprintf("%s表共 %s 行，超过 Excel 单表行数上限，只列出人数最多的 %s 行；完整数据见 summary.json。", sheet, vocab.Int(int64(rows)), vocab.Int(int64(kept)))
		},
		clipped: func(rows int) string {
			return fmt.Sprintf("有 %d 行的文字超过 Excel 行高上限，只显示开头；选中单元格可看全文。", rows)
		},

		provinceLevel: "省级数", sumOfCities: "城市合计", fromSegments: "群体合计",
		allMembers: "全部人员", yes: "是",
		tierName: func(t analysis.Tier) string { return vocab.Tier(string(t), vocab.Zh) },

		segmentName:  func(s analysis.Segment) string { return s.Name() },
		segmentShort: [5]string{"", "企业人员", "社会组织人员", "自由职业人员", "新媒体人员"},

		chartMembers: "各省区市新的社会阶层人士人数", chartBases: "各省区市实践创新基地（按批次）",
		chartChange: "各省区市人数：本期与上期",

		warnings: "提示与警告", noWarnings: "没有警告。", filesRead: "读取的文件",
		coverageByProvince: "各省区市人数报送覆盖情况",
	}
}

func enLabels() *labels {
	return &labels{
		overview: "Overview", charts: "Charts", regions: "Regions", provinces: "Provinces",
		cities: "Cities", bases: "Bases", figures: "Figures", quality: "Data quality", readme: "Read me",

		region: "Region", province: "Province", city: "City", base: "Base", tier: "City tier",
		note: "Note", batch: "Batch", keyProject: "Key project", kind: "Field", segment: "Segment",
		since: "Since", source: "Source", period: "Period", members: "Members",
		wan: "Members (million)", previous: "Previous members", change: "Change",
		changeRatio: "Change %", share: "Share of region", rankRegion: "Rank in region",
		rankOverall: "Overall rank", provinceCount: "Provinces", cityCount: "Cities",
		pilot: "Pilot cities", promotion: "Promotion cities", baseCount: "Bases",
		keyCount: "Key projects", reporting: "Reporting cities", coverage: "Coverage",
		basis: "Members basis", provinceFigure: "Province figure", line: "Source line", noBatch: "No batch", file: "File",
		encoding: "Encoding", rows: "Rows read", skipped: "Blank rows skipped", sha: "SHA-256",
		warning: "Notice", number: "No.",
		batchN: func(n int) string { return fmt.Sprintf("Batch %d", n) },

		wanDiv: 1000000, wanFormat: `0.00" m"`, axisFormat: `0.0" m"`,

		defaultTitle: "New social strata: innovation bases and members", subject: "Subject",
		periodLabel: "Period compared", previousLabel: "Previous period", none: "none",
		scope: "Scope", allRegions: "all regions", periodsInData: "Periods in the data",
		keyFigures: "Key figures", measure: "Measure", value: "Value", stated: "Figures stated at the meeting",
		statedValue: "Stated", unit: "Unit", recorded: "Recorded", reconcile: "Reconciliation",
		inputFiles: "Input files", notes: "Notes", total: "Total", totalFiltered: "Total (filtered rows)",
		cityTotal:  "Sum of cities (filtered rows)",
		basesTotal: "Total (filtered rows): bases, key projects",
		reconciled: func(r, s string) string { return "recorded " + r + " / stated " + s },
		split: func(sheet string, rows int, parts []string) string {
			return fmt.Sprintf("The %s table has %s rows, more than an Excel sheet holds; it is split over %d sheets: %s.", sheet, vocab.Int(int64(rows)), len(parts), strings.Join(parts, ", "))
		},
		truncated: func(sheet string, rows, kept int) string {
			return fmt.Sprintf("The %s table has %s rows, more than an Excel sheet holds; only the %s with the most members are listed, summary.json has them all.", sheet, vocab.Int(int64(rows)), vocab.Int(int64(kept)))
		},
		clipped: func(rows int) string {
			return fmt.Sprintf("%d rows hold text taller than an Excel row can be; they show its start, and selecting the cell shows it whole.", rows)
		},

		provinceLevel: "province figure", sumOfCities: "sum of cities", fromSegments: "sum of segments",
		allMembers: "all members", yes: "yes",
		tierName: func(t analysis.Tier) string {
			switch t {
			case analysis.TierPilot:
				return "pilot"
			case analysis.TierPromotion:
				return "promotion"
			}
			return ""
		},
		segmentName:  func(s analysis.Segment) string { return s.English() },
		segmentShort: [5]string{"", "Enterprise staff", "Social org. staff", "Freelancers", "New media"},

		chartMembers: "New social strata members by province", chartBases: "Innovation bases by province and batch",
		chartChange: "Members by province: this period and the previous one",

		warnings: "Warnings", noWarnings: "No warnings.", filesRead: "Files read",
		coverageByProvince: "Reporting coverage by province",
	}
}
