package workbook

import (
	"strings"

	"github.com/basebrief/basebrief/analysis/vocab"
)

// The 说明 sheet, last: how the workbook's figures are made and how to
// print it. Other parts of basebrief may add paragraphs (book.readmeText).

// readmeText is the 说明 sheet's text: sections, each a heading and its
// paragraphs.
type readmeText struct {
	sections []readmeSection
}

type readmeSection struct {
	heading string
	paras   []string
}

func (b *book) readme() readmeText {
	pick := vocab.For(b.lang).T
	sep := pick("、", ", ")
	var r readmeText
	r.sections = append(r.sections, readmeSection{
		heading: pick("数字与公式", "Figures and formulas"),
		paras: []string{
			pick("合计、比重、排名和增减都是公式：改正一个人数，它们随之更新。每个公式单元格同时存有 basebrief 算出的值，与 Excel、WPS、LibreOffice 重新计算的结果相同，所以不重新计算的阅读方式（文件预览、邮件和聊天软件、openpyxl、pandas、受保护视图中的 Excel）也能看到每个数字。",
				"Totals, shares, ranks and changes are formulas: correct a figure and they follow. Every formula cell also holds the value basebrief computed, the same as Excel, WPS or LibreOffice recalculate, so readers that do not recalculate (file previews, mail and chat viewers, openpyxl, pandas, Excel in protected view) show every figure."),
			pick("省份表的"+b.l.members+"是公式：该省有省级人数（"+b.l.provinceFigure+"列）时取省级人数，否则为城市表中该省各城市人数之和，都没有人数时为空。在"+b.l.provinceFigure+"列填入数字即取代城市合计，清空则恢复城市合计。片区的人数是其各省人数之和。",
				"A province's "+b.l.members+" is a formula: its own province-level figure where it has one (the "+b.l.provinceFigure+" column), else the sum of its cities on the "+b.l.cities+" sheet, empty when none reports. Type a figure in "+b.l.provinceFigure+" and it replaces the cities' sum; clear it and the sum returns. A region's members are the sum of its provinces."),
			pick("与上一时期比较：相邻的月、季度称“环比”，年度称“比上年”，不相邻时写明所比的时期（如“比2024年9月”）；“同比”只用于不足一年的时期与上年同期比较。增减按可比口径：只比较两期都有人数的城市，或两期都有省级人数的省。",
				"Changes against the previous period are named for it (on last month, on last year, or the period itself when it is not the adjacent one); year-on-year changes appear for periods shorter than a year. Changes are like for like: the cities with a figure in both periods, or a province's own figures where it has both."),
			// The 万 column shows each figure rounded, its total included:
			// seven regions may show 3357.6万 in all over a 合计 of 3357.5万.
			pick("“"+b.l.wan+"”列保留一位小数，"+vocab.Word("rounding", b.lang)+"；合计由精确人数算出，精确数见“"+b.l.members+"”列。",
				"The "+b.l.wan+" column is rounded to 0.01 million: "+vocab.Word("rounding", b.lang)+"; totals are computed from the exact figures in the "+b.l.members+" column."),
		},
	})
	if name := b.oneProvince(); name != "" {
		r.sections = append(r.sections, readmeSection{heading: pick("图表", "Charts"), paras: []string{b.sliceChartsText(name)}})
	}
	printing := readmeSection{heading: pick("打印", "Printing")}
	printing.paras = append(printing.paras, pick(
		"打印整个工作簿（或导出 PDF）时，概览打印为一页，其他汇总表按 A4 横向打印，每页重复表头行；放不下一页宽的表按"+itoa(printScale)+"%分页打印，每页重复左侧名称列，省份表的人数、环比（或比上年）、同比和批次各列成组分页。",
		"Printing the whole workbook (or exporting a PDF) prints the overview on one page and the other summary sheets on landscape A4, the header row repeated on every page; a table too wide for one page prints at "+itoa(printScale)+"% over several pages, its name column repeated, the province sheet's figures, changes and batches each starting a page."))
	if len(b.onRequest) > 0 {
		printing.paras = append(printing.paras, pick(
			strings.Join(b.onRequest, sep)+"表是超过三页的数据清单，只在需要时打印：其打印区域是表格右下方的一个空单元格，整本打印时不出页。要打印其中一张：选中该工作表，点“页面布局 > 打印区域 > 取消打印区域”（WPS 表格相同；LibreOffice 为“格式 > 打印区域 > 清除”），再打印，表头行、缩放和分页照常。",
			"The "+strings.Join(b.onRequest, sep)+" sheets are data lists of more than three pages and print only when asked: their print area is one empty cell past the table, so printing the workbook gives no page of them. To print one: select the sheet, choose Page Layout > Print Area > Clear Print Area (LibreOffice: Format > Print Ranges > Clear), then print; its header row, scale and page breaks apply."))
	}
	r.sections = append(r.sections, printing)
	return r
}

// sliceChartsText says what a province slice's 图表 sheet holds, and why
// no chart by province or region.
func (b *book) sliceChartsText(name string) string {
	pick := vocab.For(b.lang).T
	why := pick("本工作簿只含"+name+"一个省区市，按省区市或片区画图只有一根柱或一条线，无从比较",
		"This workbook holds "+name+" alone: a chart by province or region would be one bar or one line, comparing nothing")
	own := pick(name+"本身的人数、基地和报送情况见"+b.l.overview+"表和"+b.l.provinces+"表。",
		"its own members, bases and reporting are on the "+b.l.overview+" and "+b.l.provinces+" sheets.")
	n, reporting := b.chartedCities()
	if n < 2 {
		return why + pick("；有人数的城市不足两个，也不按城市画图，所以"+b.l.charts+"表没有图表。",
			"; fewer than two of its cities have a figure, so the "+b.l.charts+" sheet holds no chart; ") + own
	}
	which := pick(b.l.cities+"表中有人数的"+itoa(n)+"个城市", "its "+itoa(n)+" cities with a figure")
	if n < reporting {
		which = pick(b.l.cities+"表中人数最多的"+itoa(n)+"个城市", "the "+itoa(n)+" with the most members")
	}
	return why + pick("，所以"+b.l.charts+"表比较"+name+"的各城市（"+which+"，人数多的在前）；",
		", so the "+b.l.charts+" sheet compares its cities ("+which+", most members first, as on the "+b.l.cities+" sheet); ") + own
}

func itoa(n int) string { return vocab.Int(int64(n)) }

// writeReadme writes the 说明 sheet: one wide wrapping column.
func (b *book) writeReadme() error {
	s := &sheet{name: b.l.readme, print: printPlan{portrait: true}}
	// Narrow enough for a portrait page at 100% in LibreOffice too (charPx).
	const width = 62
	s.fit(0, width, width)
	s.add(b.styled(b.st.title, b.l.readme))
	for _, sec := range append(b.readme().sections, b.wholeTexts(width)...) {
		s.blank()
		s.add(b.styled(b.st.section, sec.heading))
		for _, p := range sec.paras {
			s.add(b.styled(b.st.wrap, p))
		}
	}
	return b.writeSheet(s, "")
}
