// Package sample builds deterministic synthetic datasets for tests and
// benchmarks: national data over the 31 provinces, many cities, two periods,
// segments, batches and long names. It is pure, like analysis.
package sample

import (
	"fmt"
	"math/rand/v2"

	"github.com/basebrief/basebrief/analysis"
)

// Province is a province with its region and capital.
type Province struct{ Name, Region, Capital string }

// Provinces are the 31 provinces of the mainland in seven regions.
var Provinces = []Province{
	{"北京", "华北", "北京"}, {"天津", "华北", "天津"}, {"河北", "华北", "石家庄"}, {"山西", "华北", "太原"}, {"内蒙古", "华北", "呼和浩特"},
	{"辽宁", "东北", "沈阳"}, {"吉林", "东北", "长春"}, {"黑龙江", "东北", "哈尔滨"},
	{"上海", "华东", "上海"}, {"江苏", "华东", "南京"}, {"浙江", "华东", "杭州"}, {"安徽", "华东", "合肥"}, {"福建", "华东", "福州"}, {"江西", "华东", "南昌"}, {"山东", "华东", "济南"},
	{"河南", "华中", "郑州"}, {"湖北", "华中", "武汉"}, {"湖南", "华中", "长沙"},
	{"广东", "华南", "广州"}, {"广西", "华南", "南宁"}, {"海南", "华南", "海口"},
	{"重庆", "西南", "重庆"}, {"四川", "西南", "成都"}, {"贵州", "西南", "贵阳"}, {"云南", "西南", "昆明"}, {"西藏", "西南", "拉萨"},
	{"陕西", "西北", "西安"}, {"甘肃", "西北", "兰州"}, {"青海", "西北", "西宁"}, {"宁夏", "西北", "银川"}, {"新疆", "西北", "乌鲁木齐"},
}

var places = []string{"东城", "西岭", "南湖", "北原", "临江", "安平", "永宁", "清河", "长宁", "新丰", "龙泉", "高阳", "白云", "金沙", "青山", "石门"}

// LongCity is a deliberately long city name, to test shortening in charts and tables.
const LongCity = "克孜勒苏柯尔克孜自治州阿克陶县"

// LongBase is a deliberately long base name.
const LongBase = "新的社会阶层人士统战工作实践创新基地暨网络意见人士同心圆工程示范点（第一期）"

// Options sizes the dataset. Zero values take the defaults.
type Options struct {
	Cities   int    // total cities, at least one per province; default 300
	Seed     uint64 // default 1
	Previous bool   // include a previous period (2024-11 before 2024-12)
	// Months > 2 adds a monthly history ending 2024-10, so the data holds
	// Months months in all (Previous implied): each city's figure drifts
	// back month by month, one city in seven reports only the last six
	// months, and 广东 gave a province-level figure more than a year back.
	Months int
}

// National returns a dataset shaped as input would produce it: Figures hold
// the compared period (2024-12) and, with Previous, the one before it.
func National(o Options) *analysis.Dataset {
	if o.Cities < len(Provinces) {
		o.Cities = 300
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	rng := rand.New(rand.NewPCG(o.Seed, 2019))
	cur := analysis.Period{Year: 2024, Month: 12}
	prev := analysis.Period{Year: 2024, Month: 11}
	d := &analysis.Dataset{Period: cur, Periods: []analysis.Period{cur}}
	if o.Months > 2 {
		o.Previous = true
	}
	if o.Previous {
		d.Previous = prev
		d.Periods = []analysis.Period{prev, cur}
	}
	const src = "synthetic national fixture"
	d.Meta = analysis.Meta{Title: "新的社会阶层人士统战工作简报", Issue: "12", Date: "2025-01-10", Source: src,
		Subject: "全国实践创新基地建设情况（合成测试数据）",
		Stated:  []analysis.Stated{{Label: "实践创新城市", Value: 49, Unit: "个", Source: src, Measure: "cities"}}}
	for i := 0; i < o.Cities; i++ {
		p := Provinces[i%len(Provinces)]
		n := i / len(Provinces)
		name := p.Capital
		if n > 0 {
			name = fmt.Sprintf("%s%s", p.Name, places[(n-1)%len(places)])
			if n > len(places) {
				name = fmt.Sprintf("%s%d", name, (n-1)/len(places)+1)
			}
		}
		if i == len(Provinces)*2-1 { // one long name, in 新疆
			name = LongCity
		}
		tier := analysis.TierOther
		switch {
		case n == 0 && i < 15:
			tier = analysis.TierPilot
		case n == 0 || i < 49:
			tier = analysis.TierPromotion
		}
		c := analysis.City{Name: name, Province: p.Name, Region: p.Region, Tier: tier, Line: i + 2}
		d.Cities = append(d.Cities, c)
		addBases(d, rng, c, i)
		addFigures(d, rng, c, i, cur, prev, o.Previous)
	}
	// A province-level figure, as some provinces report only the total.
	d.Figures = append(d.Figures, analysis.Figure{Province: "海南", Period: cur, Members: 420000, Source: src})
	addHistory(d, o.Months)
	return d
}

// addHistory adds months−2 months before 2024-11 from the figures of
// 2024-11, without drawing from the random source (the other figures stay
// as they are for any Months).
func addHistory(d *analysis.Dataset, months int) {
	if months <= 2 {
		return
	}
	prev := analysis.Period{Year: 2024, Month: 11}
	var last []analysis.Figure
	for _, f := range d.Figures {
		if f.Period == prev {
			last = append(last, f)
		}
	}
	var hist []analysis.Period
	for k := 1; k <= months-2; k++ {
		idx := 2024*12 + 10 - k // months since year 0, January = 0
		p := analysis.Period{Year: idx / 12, Month: idx%12 + 1}
		hist = append([]analysis.Period{p}, hist...)
		for i, f := range last {
			if i%7 == 3 && k > 4 {
				continue // reports only the last six months
			}
			f.Period = p
			f.Members -= f.Members * int64(k) / 250
			f.Line = 0
			d.Figures = append(d.Figures, f)
		}
		if k >= 13 {
			d.Figures = append(d.Figures, analysis.Figure{Province: "广东", Period: p, Members: 2600000 - 15000*int64(k), Source: "synthetic national fixture"})
		}
	}
	d.Periods = append(hist, d.Periods...)
}

func addBases(d *analysis.Dataset, rng *rand.Rand, c analysis.City, i int) {
	nb := rng.IntN(3)
	if i == len(Provinces)*2-1 {
		nb = 1
	}
	for j := 0; j < nb; j++ {
		b := analysis.Base{Name: fmt.Sprintf("%s新阶层实践创新基地%d号", c.Name, j+1), City: c.Name, Province: c.Province,
			Segment: analysis.Segments[rng.IntN(4)], Source: "synthetic national fixture", Line: len(d.Bases) + 2}
		if i == len(Provinces)*2-1 {
			b.Name = LongBase
		}
		if rng.IntN(3) == 0 {
			b.Batch = 1 + rng.IntN(5)
		}
		d.Bases = append(d.Bases, b)
	}
}

func addFigures(d *analysis.Dataset, rng *rand.Rand, c analysis.City, i int, cur, prev analysis.Period, withPrev bool) {
	if rng.IntN(5) == 0 || c.Province == "海南" {
		return // no figure: coverage below 100%
	}
	base := int64(10000 + rng.IntN(1500000))
	if i%37 == 5 {
		base = 300000 // ties in rank
	}
	src := "synthetic national fixture"
	if i%11 == 3 { // only segment rows
		for k, s := range analysis.Segments {
			d.Figures = append(d.Figures, analysis.Figure{Province: c.Province, City: c.Name, Period: cur, Segment: s, Members: base / int64(2+k), Source: src})
		}
	} else {
		d.Figures = append(d.Figures, analysis.Figure{Province: c.Province, City: c.Name, Period: cur, Members: base, Source: src})
	}
	if withPrev && rng.IntN(4) != 0 {
		delta := int64(rng.IntN(100000)) - 40000
		d.Figures = append(d.Figures, analysis.Figure{Province: c.Province, City: c.Name, Period: prev, Members: max(0, base-delta), Source: src})
	}
}
