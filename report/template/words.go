package template

import (
	"strconv"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// Lang is the template's language: its sheet names, headers and
// instructions. The values it offers are those the input rules accept in
// either language.
type Lang string

const (
	Chinese Lang = "zh"
	English Lang = "en"
)

// text is one phrase in both languages.
type text struct{ zh, en string }

func (t text) in(l Lang) string { return vocab.For(l.vocab()).T(t.zh, t.en) }

// column is one column of a table sheet: its header (a name the input
// rules know), what it takes, and how the sheet helps fill it.
type column struct {
	header   text
	required bool
	help     text
	width    float64
	list     func(Lang) []string // a dropdown of these values
	strict   bool                // the dropdown refuses other values
	format   int                 // built-in number format id (0: General)
}

const (
	fmtThousands = 3  // #,##0
	fmtText      = 49 // @: a period typed as 2019/5 stays as written
)

var (
	colCity     = text{"城市", "city"}
	colProvince = text{"省份", "province"}
)

// The three tables, in the contract's order, their sheets named as the
// input rules look for them.
var tables = []struct {
	sheet, title text
	cols         []column
}{
	{text{"城市", "cities"}, text{"城市表：每个纳入工作的城市一行", "Cities: one row per city in the programme"}, []column{
		{colCity, true, text{"城市名称，全称或简称均可（成都 / 成都市）", "city name, full or short form (成都 / 成都市)"}, 12, nil, false, 0},
		{colProvince, true, text{"所属省份（四川 / 四川省）", "its province (四川 / 四川省)"}, 12, nil, false, 0},
		{text{"片区", "region"}, true, text{"所属片区，如 西部地区；可从下拉列表选择，也可直接填写", "its region (片区), such as 西部地区: pick from the list or type another"}, 12, regions, false, 0},
		{text{"类型", "tier"}, false, text{"试点（创新试点城市）、推广（创新推广城市），其他城市留空", "pilot (创新试点城市), promotion (创新推广城市), or empty for other cities"}, 10, tiers, true, 0},
		{text{"备注", "note"}, false, text{"任意文字", "any text"}, 40, nil, false, 0},
	}},
	{text{"基地", "bases"}, text{"基地表：每个实践创新基地或重点项目一行", "Bases: one row per innovation base or key project"}, []column{
		{text{"基地", "base"}, true, text{"基地或项目名称", "name of the base or project"}, 36, nil, false, 0},
		{colCity, true, text{"所在城市，须列在“城市”表中", "its city, which must be listed on the cities sheet"}, 10, nil, false, 0},
		{colProvince, false, text{"省份；填写时须与城市所属省份一致", "its province; when given, it must be the city's"}, 10, nil, false, 0},
		{text{"批次", "batch"}, false, text{"全国重点项目的批次：第一批、第二批……或数字；留空表示不是全国重点项目", "batch of a national key project: 1, 2, … or 第一批, 第二批, …; empty if it is not one"}, 10, batches, false, 0},
		{text{"领域", "kind"}, false, text{"基地的领域或类型", "the base's field or kind"}, 24, nil, false, 0},
		{text{"群体", "segment"}, false, text{"新的社会阶层人士四类群体之一，或留空", "one of the four segments of the new social strata, or empty"}, 20, segments, true, 0},
		{text{"设立时间", "since"}, false, text{"设立时间，如 2018 或 2018-06", "when it was set up, such as 2018 or 2018-06"}, 10, nil, false, fmtText},
		{text{"来源", "source"}, false, text{"信息来源", "where the record comes from"}, 40, nil, false, 0},
	}},
	{text{"人数", "figures"}, text{"人数表：每个城市（或省份）每个时期的人数一行", "Figures: one row per city (or province) and period"}, []column{
		{colProvince, true, text{"省份", "province"}, 10, nil, false, 0},
		{colCity, false, text{"城市；留空表示全省的数字", "city; empty for a province-level figure"}, 10, nil, false, 0},
		{text{"时期", "period"}, true, text{"年（2019、2019年末）、半年（2019-H1、2019年上半年、2019年下半年）、季度（2019-Q2、2019年第二季度）、月（2019-05、2019年5月）或日（2019-05-17）；单元格为文本格式，按所写读取", "a year (2019), half-year (2019-H1, 2019年上半年), quarter (2019-Q2), month (2019-05) or day (2019-05-17); the cells are text, read as typed"}, 10, nil, false, fmtText},
		{text{"人数", "members"}, true, text{"人数：整数人数（1400000）或带单位（140万）；整列以万人计时在表头注明，如“人数（万人）”，不写单位的130.5会被拒绝；未报送留空或填“—”", "members: a whole number of people (1400000) or with a unit (140万); a column in 万人 says so in its header, 人数（万人）: 130.5 with no unit is refused; leave empty or type — when not reported"}, 14, nil, false, fmtThousands},
		{text{"群体", "segment"}, false, text{"四类群体之一；留空表示全部人数", "one of the four segments; empty for all members"}, 20, segments, true, 0},
		{text{"来源", "source"}, false, text{"数字来源", "where the figure comes from"}, 40, nil, false, 0},
	}},
}

var instructions = struct {
	sheet, title, table, column, required, takes, yes, no text
	steps                                                 []text
}{
	sheet:    text{"说明", "instructions"},
	title:    text{"basebrief 数据填报模板", "basebrief input workbook"},
	table:    text{"表", "sheet"},
	column:   text{"列", "column"},
	required: text{"必填", "required"},
	takes:    text{"填写说明", "what it takes"},
	yes:      text{"是", "yes"},
	no:       text{"否", "no"},
	steps: []text{
		{"1. 在“城市”“基地”“人数”三张表中填写，一行一条记录。示例行取自西部地区片会（2019年5月17日，成都）的公开数据，可改写或删除。",
			"1. Fill in the sheets cities, bases and figures, one record per row. The example rows are the public figures of the western-region meeting (Chengdu, 17 May 2019): change or delete them."},
		{"2. 第1行是表头，不要改名；可以加列（会被忽略并提示）。有下拉箭头的列从列表中选择。",
			"2. Row 1 is the header: keep its names. Extra columns are ignored with a warning. Columns with a dropdown arrow take a value from the list."},
		{"3. 保存为 data.xlsx，放进一个数据文件夹，运行 basebrief validate --data 文件夹 检查，再运行 basebrief run --data 文件夹 生成简报。",
			"3. Save it as data.xlsx in a data folder, check it with basebrief validate --data FOLDER, then write the packet with basebrief run --data FOLDER."},
		{"4. 每张表也可以单独保存为 cities.xlsx、bases.xlsx、figures.xlsx 或 CSV 文件；同一张表只能有一个来源。",
			"4. Each table may instead be its own cities.xlsx, bases.xlsx, figures.xlsx or CSV file; one table has one source only."},
	},
}

// tiers are the tier values offered, as the workbook's tables write them.
func tiers(l Lang) []string {
	return []string{vocab.TierShort(string(analysis.TierPilot), l.vocab()), vocab.TierShort(string(analysis.TierPromotion), l.vocab())}
}

func (l Lang) vocab() vocab.Lang {
	if l == English {
		return vocab.En
	}
	return vocab.Zh
}

func batches(l Lang) []string {
	out := make([]string, 10)
	for i := range out {
		out[i] = batchText(i+1, l)
	}
	return out
}

// regions are the four regions the programme's meetings are held by.
func regions(Lang) []string {
	return []string{"东部地区", "中部地区", "西部地区", "东北地区"}
}

// batchText writes a batch as the input rules read it: 第二批 (the packet's
// wording), or 2 in English and from 100 on.
func batchText(n int, l Lang) string {
	if n <= 0 {
		return ""
	}
	if l == English || n >= 100 {
		return strconv.Itoa(n)
	}
	return vocab.Batch(n, vocab.Zh)
}
