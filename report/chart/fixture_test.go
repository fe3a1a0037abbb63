package chart

import (
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
)

const articleSource = "统战新语（tongzhanxinyu）：新的社会阶层人士统战工作实践创新基地建设经验交流推广片会（西部地区），2019年5月17日，成都"

// western mirrors input/defaultdata: the ten cities of the article, two with
// figures, twelve bases, key projects of batches 2 and 3.
func western() *analysis.Dataset {
	y2019 := analysis.Period{Year: 2019}
	cities := []struct {
		name, prov string
		tier       analysis.Tier
	}{
		{"重庆", "重庆", analysis.TierPilot}, {"成都", "四川", analysis.TierPilot}, {"绵阳", "四川", analysis.TierPromotion},
		{"贵阳", "贵州", analysis.TierPromotion}, {"昆明", "云南", analysis.TierPromotion}, {"拉萨", "西藏", analysis.TierPromotion},
		{"兰州", "甘肃", analysis.TierPromotion}, {"西宁", "青海", analysis.TierPromotion}, {"银川", "宁夏", analysis.TierPromotion},
		{"乌鲁木齐", "新疆", analysis.TierPromotion},
	}
	d := &analysis.Dataset{Period: y2019, Periods: []analysis.Period{y2019}, Meta: analysis.Meta{Source: articleSource}}
	for i, c := range cities {
		d.Cities = append(d.Cities, analysis.City{Name: c.name, Province: c.prov, Region: "西部地区", Tier: c.tier, Line: i + 2})
	}
	bases := []struct {
		name, city, prov string
		batch            int
	}{
		{"成华区培华社区社会组织统战工作创新示范点", "成都", "四川", 2},
		{"西部法律服务品牌创新中心", "成都", "四川", 3},
		{"巴渝新锋 · 网络大V同心圆工程", "重庆", "重庆", 0},
		{"MFG 创客联邦", "成都", "四川", 0},
		{"新英汇 · 创新工场", "绵阳", "四川", 0},
		{`数博大道 "1A+6S" 新阶层工作圈`, "贵阳", "贵州", 0},
		{"官渡区自由职业人员统战工作示范基地", "昆明", "云南", 0},
		{"爱心小书屋", "拉萨", "西藏", 0},
		{"金城新浪花", "兰州", "甘肃", 0},
		{"环唐道商圈党建共同体", "西宁", "青海", 0},
		{"律师行业实践创新基地", "银川", "宁夏", 0},
		{"新疆软件园", "乌鲁木齐", "新疆", 0},
	}
	for i, b := range bases {
		d.Bases = append(d.Bases, analysis.Base{Name: b.name, City: b.city, Province: b.prov, Batch: b.batch, Source: articleSource, Line: i + 2})
	}
	d.Figures = []analysis.Figure{
		{Province: "重庆", City: "重庆", Period: y2019, Members: 1400000, Source: articleSource, Line: 2},
		{Province: "四川", City: "成都", Period: y2019, Members: 1300000, Source: articleSource, Line: 3},
	}
	return d
}

// national is the 31-province, 300-city, two-period fixture.
func national() *analysis.Dataset {
	return sample.National(sample.Options{Previous: true})
}

func mustCompare(tb testing.TB, d *analysis.Dataset) *analysis.Comparison {
	tb.Helper()
	c, err := analysis.Compare(d, "")
	if err != nil {
		tb.Fatalf("compare: %v", err)
	}
	return c
}
