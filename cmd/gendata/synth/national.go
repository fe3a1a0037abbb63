package synth

import (
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/basebrief/basebrief/analysis/divisions"
)

// Options shape the generated data. The zero value of each field but
// Rows and Cities keeps cmd/gendata's default shape: segment rows for every
// fourth city, 0 to 2 bases a city, one base in three in one of 12 batches,
// names of 2 to 4 characters, UTF-8.
type Options struct {
	Rows   int // figures.csv data rows, the oldest period cut short; see Periods
	Cities int // cities.csv rows, spread over the 31 provinces
	Seed   uint64
	GBK    bool // CSV files in GBK, as Excel saves them on a Chinese system

	// Periods, when above 0, writes that many whole monthly periods ending
	// in 2024-12 (120: ten years) and ignores Rows.
	Periods int
	// NoSegments writes a total row per city and no segment rows.
	NoSegments bool
	// MinBases and MaxBases bound the bases of a city (both 0: 0 to 2).
	MinBases, MaxBases int
	// Batches is how many batches bases are named in (0: 12).
	Batches int
	// NameLen pads every city name to this many characters (0: as made).
	NameLen int
}

// Shape is a named kind of national data; Options.Cities sets its size.
type Shape struct {
	Name    string
	Options Options
}

// Shapes are the kinds of data the stage benchmarks and make bench run, each
// at sizes 10× apart (issue 18): with and without segment rows, 1 to 5 bases
// a city, 12 batches, 40-character names in GBK, monthly over ten years.
var Shapes = []Shape{
	{"segments", Options{Periods: 12, Seed: 1}},
	{"monthly-10y", Options{Periods: 120, NoSegments: true, MinBases: 1, MaxBases: 5, Seed: 1}},
	{"long-gbk", Options{Periods: 12, NameLen: 40, GBK: true, MinBases: 1, MaxBases: 5, Seed: 1}},
}

// rows returns the figures rows o writes for cities.
func (o Options) rows(cities []city) int {
	if o.Periods > 0 {
		return o.Periods * rowsPerPeriod(cities)
	}
	return o.Rows
}

// FiguresRows returns the figures rows Write writes for o.
func FiguresRows(o Options) int {
	return o.rows(makeCities(o, rand.New(rand.NewPCG(o.Seed, seedStream))))
}

const seedStream = 0x6261736562726966

type province struct{ name, region, capital string }

// provinces are the 31 provinces of the mainland in the seven regions.
var provinces = []province{
	{"北京", "华北", "北京"}, {"天津", "华北", "天津"}, {"河北", "华北", "石家庄"}, {"山西", "华北", "太原"}, {"内蒙古", "华北", "呼和浩特"},
	{"辽宁", "东北", "沈阳"}, {"吉林", "东北", "长春"}, {"黑龙江", "东北", "哈尔滨"},
	{"上海", "华东", "上海"}, {"江苏", "华东", "南京"}, {"浙江", "华东", "杭州"}, {"安徽", "华东", "合肥"},
	{"福建", "华东", "福州"}, {"江西", "华东", "南昌"}, {"山东", "华东", "济南"},
	{"河南", "华中", "郑州"}, {"湖北", "华中", "武汉"}, {"湖南", "华中", "长沙"},
	{"广东", "华南", "广州"}, {"广西", "华南", "南宁"}, {"海南", "华南", "海口"},
	{"重庆", "西南", "重庆"}, {"四川", "西南", "成都"}, {"贵州", "西南", "贵阳"}, {"云南", "西南", "昆明"}, {"西藏", "西南", "拉萨"},
	{"陕西", "西北", "西安"}, {"甘肃", "西北", "兰州"}, {"青海", "西北", "西宁"}, {"宁夏", "西北", "银川"}, {"新疆", "西北", "乌鲁木齐"},
}

// Name parts for county-level units: two characters and a suffix give
// unique names within a province; the same name may recur in another
// province, as 鼓楼区 does in reality.
var (
	first    = []rune("东西南北中新安永长清龙金白青石平阳宁丰兴华德福泰和顺")
	second   = []rune("城湖江山河林原川溪岭桥台阳平宁丰州源坪口")
	suffixes = []string{"区", "县", "市"}
	segments = []string{"", "企业", "社会组织", "自由职业", "新媒体"}
	kinds    = []string{"商务楼宇", "网络意见人士", "律师行业", "社会组织孵化", "自由职业者之家", "新媒体产业园"}
)

type city struct {
	name, province string
	base           int64 // members in the latest period
	segments       bool  // reports segment rows besides the total
}

// Write generates the data folder dir.
func Write(dir string, o Options) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create folder: %w", err)
	}
	if o.MinBases == 0 && o.MaxBases == 0 {
		o.MaxBases = 2
	}
	if o.MinBases < 0 || o.MaxBases < o.MinBases || o.Cities < len(provinces) || o.Rows < 0 || o.Periods < 0 || o.Batches < 0 || o.Batches > 99 {
		return fmt.Errorf("options out of range: %+v", o)
	}
	rng := rand.New(rand.NewPCG(o.Seed, seedStream))
	cities := makeCities(o, rng)
	steps := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"cities.csv", func(w io.Writer) error { return writeCities(w, cities) }},
		{"bases.csv", func(w io.Writer) error { return writeBases(w, cities, o, rng) }},
		{"figures.csv", func(w io.Writer) error { return writeFigures(w, cities, o.rows(cities), rng) }},
	}
	for _, s := range steps {
		if err := writeFile(filepath.Join(dir, s.name), o.GBK, s.write); err != nil {
			return err
		}
	}
	return writeFile(filepath.Join(dir, "briefing.toml"), false, writeBriefing)
}

func writeFile(path string, gbk bool, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", filepath.Base(path), err)
	}
	bw := bufio.NewWriterSize(f, 1<<20)
	var w io.Writer = bw
	if gbk {
		w = simplifiedchinese.GBK.NewEncoder().Writer(bw)
	}
	if err := write(w); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", filepath.Base(path), err)
	}
	return f.Close()
}

func makeCities(o Options, rng *rand.Rand) []city {
	n := o.Cities
	cities := make([]city, 0, n)
	perProv := make([]int, len(provinces))
	for i := 0; i < n; i++ {
		p := i % len(provinces)
		k := perProv[p]
		perProv[p]++
		name := provinces[p].capital
		if k > 0 {
			// Walk the name space with a stride coprime to its size, so
			// each province's names look varied yet never repeat.
			size := len(first) * len(second) * len(suffixes) // 1,560 = 2³·3·5·13
			j := ((k-1)*7 + p*11) % size
			stem := string(first[j%len(first)]) + string(second[(j/len(first))%len(second)])
			if stem == provinces[p].capital {
				// 南宁市 beside the capital 南宁 is the same city written
				// two ways (input matches them by the division table).
				stem += "新"
			}
			name = stem + suffixes[j/(len(first)*len(second))]
			if pl, ok := divisions.City(provinces[p].name, name); ok && pl.Level == divisions.LevelCounty {
				// 东城区 beside 北京 is a district listed beside the city
				// that contains it (input warns: counted twice?).
				name = stem + "新" + suffixes[j/(len(first)*len(second))]
			}
			if k-1 >= size {
				name += strconv.Itoa((k-1)/size + 1)
			}
		}
		name = padName(name, o.NameLen)
		// Members in the latest period: capitals hold hundreds of
		// thousands, counties thousands, about 80 million in all, near the
		// national count of the new social strata (~72 million).
		base := int64(3000 + rng.IntN(40_000))
		if k == 0 {
			base = int64(300_000 + rng.IntN(1_200_000))
		}
		cities = append(cities, city{name: name, province: provinces[p].name, base: base, segments: !o.NoSegments && i%4 == 1})
	}
	return cities
}

func writeCities(w io.Writer, cities []city) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("city,province,region,tier,note\n")
	region := map[string]string{}
	for _, p := range provinces {
		region[p.name] = p.region
	}
	promoted := 0
	for i, c := range cities {
		tier := ""
		switch {
		case i < 15:
			tier = "试点" // the first fifteen capitals: the pilot phase's 15 cities
		case i < len(provinces):
			tier = "推广"
		case promoted < 49-len(provinces) && i%97 == 0:
			tier = "推广"
			promoted++
		}
		fmt.Fprintf(bw, "%s,%s,%s,%s,合成数据\n", c.name, c.province, region[c.province], tier)
	}
	return bw.Flush()
}

func writeBases(w io.Writer, cities []city, o Options, rng *rand.Rand) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("base,city,province,batch,kind,segment,since,source\n")
	batches := o.Batches
	if batches == 0 {
		batches = 12
	}
	for _, c := range cities {
		for j := range o.MinBases + rng.IntN(o.MaxBases-o.MinBases+1) {
			batch := ""
			if rng.IntN(3) == 0 {
				batch = "第" + chineseNumber(1+rng.IntN(batches)) + "批"
			}
			fmt.Fprintf(bw, "%s%s实践创新基地%d号,%s,%s,%s,%s,%s,%d年,合成数据\n",
				c.province, c.name, j+1, c.name, c.province, batch,
				kinds[rng.IntN(len(kinds))], segments[rng.IntN(len(segments))], 2016+rng.IntN(4))
		}
	}
	return bw.Flush()
}

// filler lengthens names: words of real long county-level names.
var filler = []rune("经济技术开发区高新技术产业园区自治县林区特区新区工矿区管理委员会矿区旅游度假区")

// padName pads name with filler to n characters; names already as long
// are kept. The name's own characters come first, so names stay distinct.
func padName(name string, n int) string {
	r := []rune(name)
	for i := 0; len(r) < n; i++ {
		r = append(r, filler[i%len(filler)])
	}
	return string(r)
}

func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n-10]
	}
	return digits[n/10] + "十" + digits[n%10]
}

func writeBriefing(w io.Writer) error {
	_, err := io.WriteString(w, `# Synthetic national data written by cmd/gendata: not real figures.
title   = "新的社会阶层人士统战工作简报"
issue   = "12"
date    = "2025-01-10"
subject = "全国实践创新基地建设情况（合成测试数据）"
source  = "合成数据（cmd/gendata）"

[[stated]]
label   = "实践创新城市"
value   = 49
unit    = "个"
measure = "cities"
source  = "合成数据（cmd/gendata）"
`)
	return err
}

// Cached returns a folder under root holding the data of o, writing it
// only if no earlier call (in this process or another) did. Benchmarks of
// several packages share one generated folder per shape and size this way.
func Cached(root string, o Options) (string, error) {
	dir := filepath.Join(root, fmt.Sprintf("%x", sha256.Sum256(fmt.Appendf(nil, "%+v", o)))[:16])
	if _, err := os.Stat(filepath.Join(dir, "briefing.toml")); err == nil {
		return dir, nil
	}
	if err := os.MkdirAll(root, 0o755); err != nil {
		return "", err
	}
	tmp, err := os.MkdirTemp(root, "partial-")
	if err != nil {
		return "", err
	}
	if err := Write(tmp, o); err != nil {
		os.RemoveAll(tmp)
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		if _, serr := os.Stat(filepath.Join(dir, "briefing.toml")); serr == nil {
			return dir, nil // written meanwhile by another process
		}
		return "", err
	}
	return dir, nil
}
