package briefing

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"sync"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
)

// article is the source every record of the default dataset cites.
const article = "统战新语（tongzhanxinyu）：新的社会阶层人士统战工作实践创新基地建设经验交流推广片会（西部地区），2019年5月17日，成都"

// westernDataset mirrors input/defaultdata: the ten cities, twelve named
// bases and two figures of the article, and briefing.toml's masthead and
// stated figures.
func westernDataset() *analysis.Dataset {
	y2019 := analysis.Period{Year: 2019}
	cities := []struct{ name, prov string }{
		{"重庆", "重庆"}, {"成都", "四川"}, {"绵阳", "四川"}, {"贵阳", "贵州"}, {"昆明", "云南"},
		{"拉萨", "西藏"}, {"兰州", "甘肃"}, {"西宁", "青海"}, {"银川", "宁夏"}, {"乌鲁木齐", "新疆"},
	}
	d := &analysis.Dataset{Period: y2019, Periods: []analysis.Period{y2019}}
	for i, c := range cities {
		tier := analysis.TierPromotion
		note := "来源：" + article + "。推广城市身份由推定而来（同上）。"
		if i < 2 {
			tier = analysis.TierPilot
			note = "来源：" + article + "。文章只说9省区市有创新试点城市2个、创新推广城市8个，未点名试点城市；此处推定重庆、成都为试点城市。"
		}
		d.Cities = append(d.Cities, analysis.City{Name: c.name, Province: c.prov, Region: "西部地区", Tier: tier, Note: note, Line: i + 2})
	}
	bases := []struct {
		name, city, prov string
		batch            int
		kind             string
	}{
		{"成华区培华社区社会组织统战工作创新示范点", "成都", "四川", 2, "社会组织参与基层社会治理"},
		{"西部法律服务品牌创新中心", "成都", "四川", 3, "法律服务（律师群体）"},
		{"巴渝新锋 · 网络大V同心圆工程", "重庆", "重庆", 0, "网络大V（网络意见人士）"},
		{"MFG 创客联邦", "成都", "四川", 0, "商务楼宇（依托IFS国际金融中心）"},
		{"新英汇 · 创新工场", "绵阳", "四川", 0, "军民融合领域社会组织"},
		{"数博大道 \"1A+6S\" 新阶层工作圈", "贵阳", "贵州", 0, "大数据科技型民营企业、艺术界从业人员（6个活动空间）"},
		{"官渡区自由职业人员统战工作示范基地", "昆明", "云南", 0, "非遗和优秀传统文化艺术传承"},
		{"爱心小书屋", "拉萨", "西藏", 0, "偏远乡镇小学书屋"},
		{"金城新浪花", "兰州", "甘肃", 0, "依托兰州市新的社会阶层人士联谊会"},
		{"环唐道商圈党建共同体", "西宁", "青海", 0, "商圈（党建+统战）"},
		{"律师行业实践创新基地", "银川", "宁夏", 0, "律师行业"},
		{"新疆软件园", "乌鲁木齐", "新疆", 0, "软件园区"},
	}
	for i, b := range bases {
		d.Bases = append(d.Bases, analysis.Base{Name: b.name, City: b.city, Province: b.prov, Batch: b.batch, Kind: b.kind, Source: article, Line: i + 2})
	}
	quote := article + "：“重庆市和成都市分别有140万和130万新的社会阶层人士”"
	d.Figures = []analysis.Figure{
		{Province: "重庆", City: "重庆", Period: y2019, Members: 1400000, Source: quote, Line: 2},
		{Province: "四川", City: "成都", Period: y2019, Members: 1300000, Source: quote, Line: 3},
	}
	stated := func(label string, v float64, measure, quote string) analysis.Stated {
		src := article
		if quote != "" {
			src += "：“" + quote + "”"
		}
		return analysis.Stated{Label: label, Value: v, Unit: "个", Measure: measure, Source: src}
	}
	d.Meta = analysis.Meta{
		Title: "新的社会阶层人士统战工作简报", Issue: "1", Date: "2019-05-17",
		Subject:  "新的社会阶层人士统战工作实践创新基地建设经验交流推广片会（西部地区）",
		Source:   article,
		Foreword: "5月17日，中央统战部在成都召开新的社会阶层人士统战工作实践创新基地建设经验交流推广片会（西部地区），重庆、四川、贵州、云南、西藏、甘肃、青海、宁夏、新疆等9个省区市及创新试点城市、创新推广城市党委统战部参加。本期简报根据会议报道整理各地实践创新基地和新的社会阶层人士人数。",
		Stated: []analysis.Stated{
			stated("参会省区市", 9, "provinces", ""),
			stated("创新试点城市", 2, "pilot_cities", "9省区市有创新试点城市2个"),
			stated("创新推广城市", 8, "promotion_cities", "创新推广城市8个"),
			stated("已分批次推出的实践创新重点项目", 25, "key_projects", "目前已经分批次推出了25个实践创新重点项目"),
			stated("全国实践创新城市（深圳会议前，试点期）", 15, "", "实践创新城市由原来的15个增加到49个"),
			stated("全国实践创新城市（深圳会议后，推广期）", 49, "", "实践创新城市由原来的15个增加到49个"),
			stated("今年召开的片会", 4, "", "中央统战部决定今年召开4个片会"),
		},
	}
	d.Files = []analysis.InputFile{
		{Name: "cities.csv", SHA256: "5e0c1d7a2b9f4e3c8a6d1f0b7e2c9a4d3f8b1e6c0a7d2f9e4b3c8a1d6f0e7b2c", Encoding: "UTF-8", Rows: 10},
		{Name: "bases.csv", SHA256: "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90", Encoding: "UTF-8", Rows: 12},
		{Name: "figures.csv", SHA256: "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0", Encoding: "UTF-8", Rows: 2},
	}
	return d
}

func mustCompare(tb testing.TB, d *analysis.Dataset) *analysis.Comparison {
	tb.Helper()
	c, err := analysis.Compare(d, "")
	if err != nil {
		tb.Fatalf("compare: %v", err)
	}
	return c
}

func western(tb testing.TB) *analysis.Comparison { return mustCompare(tb, westernDataset()) }

func national(tb testing.TB) *analysis.Comparison {
	return mustCompare(tb, sample.National(sample.Options{Previous: true}))
}

// testChart is a stand-in chart PNG of w×h pixels: bars on white.
func testChart(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{255, 255, 255, 255}
			bar := x * 8 / w
			if x%(w/8) > w/40 && y > h-h*(8-bar)/9 {
				c = color.RGBA{180, 30, 40, 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

var (
	chartsOnce sync.Once
	charts     [2][]byte
)

func testOptions(tb testing.TB) Options {
	chartsOnce.Do(func() { charts = [2][]byte{testChart(tb, 1600, 900), testChart(tb, 1600, 1000)} })
	return Options{
		Created: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC),
		Charts: []Figure{
			{Name: "city-members", Title: "各城市新的社会阶层人士人数（2019年）", PNG: charts[0]},
			{Name: "province-bases", Title: "各省区市实践创新基地数", PNG: charts[1]},
		},
	}
}
