package input

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input/defaultdata"
)

var update = flag.Bool("update", false, "rewrite generated fixtures (GBK files) and golden files")

func period(y, m, d int) analysis.Period { return analysis.Period{Year: y, Month: m, Day: d} }

// wantVariant is what every header and encoding variant under testdata
// holds, lines aside.
var wantVariant = struct {
	cities   []analysis.City
	bases    []analysis.Base
	figures  []analysis.Figure
	periods  []analysis.Period
	period   analysis.Period
	previous analysis.Period
}{
	cities: []analysis.City{
		{Name: "成都", Province: "四川", Region: "西部地区", Tier: analysis.TierPilot, Note: "省会"},
		{Name: "绵阳", Province: "四川", Region: "西部地区", Tier: analysis.TierPromotion},
		{Name: "重庆", Province: "重庆", Region: "西部地区", Tier: analysis.TierPilot, Note: "直辖市"},
		{Name: "南京", Province: "江苏", Region: "华东地区"},
	},
	bases: []analysis.Base{
		{Name: "培华社区示范点", City: "成都", Province: "四川", Batch: 2, Kind: "社会组织", Segment: analysis.SegmentSocialOrg, Since: "2018", Source: "文章"},
		{Name: "法律服务中心", City: "成都", Province: "四川", Batch: 3, Kind: "律师", Since: "2017年", Source: "文章"},
		{Name: "创新工场", City: "绵阳", Province: "四川", Kind: "军民融合", Segment: analysis.SegmentSocialOrg},
		{Name: "网络同心圆", City: "重庆", Province: "重庆", Batch: 12, Kind: "网络", Segment: analysis.SegmentNewMedia},
		{Name: `数博大道 "1A+6S" 工作圈`, City: "南京", Province: "江苏", Kind: "楼宇"},
	},
	figures: []analysis.Figure{
		{Province: "四川", City: "成都", Period: period(2019, 2, 0), Members: 1310000, Source: "月报"},
		{Province: "重庆", City: "重庆", Period: period(2019, 2, 0), Members: 1410000, Source: "月报"},
		{Province: "四川", City: "成都", Period: period(2019, 3, 0), Members: 1320000, Source: "月报"},
		{Province: "四川", City: "成都", Period: period(2019, 3, 0), Segment: analysis.SegmentFreelance, Members: 200000, Source: "月报"},
	},
	periods:  []analysis.Period{period(2018, 0, 0), period(2019, 1, 0), period(2019, 2, 0), period(2019, 3, 0)},
	period:   period(2019, 3, 0),
	previous: period(2019, 2, 0),
}

// kindsWarning is said of the variants' figures: years and months.
const kindsWarning = "figures.csv: the periods are of several kinds (years, months); compared: 2019-03, a month; periods of different kinds are never compared with each other"

func TestLoadVariants(t *testing.T) {
	tests := []struct {
		dir       string
		encodings []string // cities, bases, figures
		skipped   []int
		warnings  []string
	}{
		{"english", []string{"UTF-8", "UTF-8", "UTF-8", "UTF-8"}, []int{0, 0, 0}, []string{kindsWarning}},
		{"chinese", []string{"UTF-8", "UTF-8", "UTF-8"}, []int{0, 0, 0}, []string{kindsWarning}},
		{"mixed", []string{"UTF-8 BOM", "UTF-8 BOM", "UTF-8"}, []int{2, 0, 1},
			[]string{`bases.csv:1: unknown column "备用" ignored`, kindsWarning}},
		{"gbk", []string{"GB18030", "GB18030", "GB18030"}, []int{0, 0, 0}, []string{kindsWarning}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			d, err := LoadDir(filepath.Join("testdata", tt.dir), Options{})
			if err != nil {
				t.Fatalf("LoadDir: %v", err)
			}
			w := wantVariant
			if got := stripCityLines(d.Cities); !reflect.DeepEqual(got, w.cities) {
				t.Errorf("cities:\n got %+v\nwant %+v", got, w.cities)
			}
			if got := stripBaseLines(d.Bases); !reflect.DeepEqual(got, w.bases) {
				t.Errorf("bases:\n got %+v\nwant %+v", got, w.bases)
			}
			if got := stripFigureLines(d.Figures); !reflect.DeepEqual(got, w.figures) {
				t.Errorf("figures:\n got %+v\nwant %+v", got, w.figures)
			}
			if !reflect.DeepEqual(d.Periods, w.periods) || d.Period != w.period || d.Previous != w.previous {
				t.Errorf("periods %v, period %v, previous %v; want %v, %v, %v", d.Periods, d.Period, d.Previous, w.periods, w.period, w.previous)
			}
			if len(d.Files) != len(tt.encodings) {
				t.Fatalf("files = %+v, want %d", d.Files, len(tt.encodings))
			}
			for i, f := range d.Files {
				if f.Encoding != tt.encodings[i] {
					t.Errorf("%s encoding = %s, want %s", f.Name, f.Encoding, tt.encodings[i])
				}
				if i < 3 && f.Skipped != tt.skipped[i] {
					t.Errorf("%s skipped = %d, want %d", f.Name, f.Skipped, tt.skipped[i])
				}
			}
			if rows := []int{d.Files[0].Rows, d.Files[1].Rows, d.Files[2].Rows}; !reflect.DeepEqual(rows, []int{4, 5, 10}) {
				t.Errorf("rows = %v, want [4 5 10]", rows)
			}
			if !reflect.DeepEqual(d.Warnings(), tt.warnings) {
				t.Errorf("warnings = %q, want %q", d.Warnings(), tt.warnings)
			}
		})
	}
}

func stripCityLines(cs []analysis.City) []analysis.City {
	out := append([]analysis.City(nil), cs...)
	for i := range out {
		out[i].Line = 0
	}
	return out
}

func stripBaseLines(bs []analysis.Base) []analysis.Base {
	out := append([]analysis.Base(nil), bs...)
	for i := range out {
		out[i].Line = 0
	}
	return out
}

func stripFigureLines(fs []analysis.Figure) []analysis.Figure {
	out := append([]analysis.Figure(nil), fs...)
	for i := range out {
		out[i].Line = 0
	}
	return out
}

func TestLoadEnglishDetails(t *testing.T) {
	d, err := LoadDir(filepath.Join("testdata", "english"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantMeta := analysis.Meta{
		Title: "新的社会阶层人士统战工作简报", Issue: "3", Unit: "统战部", Date: "2019-05-17", Copies: 40,
		Stated: []analysis.Stated{{Label: "重点项目", Value: 25, Unit: "个", Source: "文章", Measure: "key_projects"}},
	}
	if !reflect.DeepEqual(d.Meta, wantMeta) {
		t.Errorf("meta:\n got %+v\nwant %+v", d.Meta, wantMeta)
	}
	lines := []int{d.Figures[0].Line, d.Figures[1].Line, d.Figures[2].Line, d.Figures[3].Line}
	if !reflect.DeepEqual(lines, []int{7, 8, 9, 10}) {
		t.Errorf("figure lines = %v, want [7 8 9 10]", lines)
	}
	raw, _ := os.ReadFile(filepath.Join("testdata", "english", "figures.csv"))
	if got, want := d.Files[2].SHA256, sha256Hex(raw); got != want {
		t.Errorf("figures.csv sha256 = %s, want %s", got, want)
	}
}

func TestLoadChosenPeriod(t *testing.T) {
	tests := []struct {
		period, previous analysis.Period
		members          []int64
	}{
		// 2018 is a year: never the previous period of a month.
		{period(2019, 1, 0), analysis.Period{}, []int64{1300000, 400000, 12000, 1400000, 5000000}},
		{period(2019, 2, 0), period(2019, 1, 0), []int64{1300000, 400000, 12000, 1400000, 5000000, 1310000, 1410000}},
		{period(2018, 0, 0), analysis.Period{}, []int64{500000}},
	}
	for _, tt := range tests {
		d, err := LoadDir(filepath.Join("testdata", "english"), Options{Period: tt.period})
		if err != nil {
			t.Fatal(err)
		}
		var got []int64
		for _, f := range d.Figures {
			got = append(got, f.Members)
		}
		if d.Period != tt.period || d.Previous != tt.previous || !reflect.DeepEqual(got, tt.members) {
			t.Errorf("Period %v: got %v / %v %v; want %v %v", tt.period, d.Period, d.Previous, got, tt.previous, tt.members)
		}
	}
	_, err := LoadDir(filepath.Join("testdata", "english"), Options{Period: period(2020, 0, 0)})
	want := "figures.csv: period 2020 has no figures, expected one of the periods present: 2018, 2019-01, 2019-02, 2019-03"
	if err == nil || err.Error() != want {
		t.Errorf("missing period: %v, want %s", err, want)
	}
}

func TestLoadDefaultData(t *testing.T) {
	d, err := Load(defaultdata.FS, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Cities) != 10 || len(d.Bases) != 12 || len(d.Figures) != 2 {
		t.Errorf("cities %d, bases %d, figures %d; want 10, 12, 2", len(d.Cities), len(d.Bases), len(d.Figures))
	}
	if d.Period != period(2019, 0, 0) || !d.Previous.IsZero() || len(d.Periods) != 1 {
		t.Errorf("period %v previous %v periods %v; want 2019, none, [2019]", d.Period, d.Previous, d.Periods)
	}
	members := map[string]int64{}
	for _, f := range d.Figures {
		members[f.City] = f.Members
	}
	if members["重庆"] != 1400000 || members["成都"] != 1300000 {
		t.Errorf("members = %v, want 重庆 1400000, 成都 1300000", members)
	}
	pilots, keys := 0, 0
	for _, c := range d.Cities {
		if c.Tier == analysis.TierPilot {
			pilots++
		}
	}
	for _, b := range d.Bases {
		if b.KeyProject() {
			keys++
		}
	}
	if pilots != 2 || keys != 2 {
		t.Errorf("pilot cities %d, key projects %d; want 2, 2", pilots, keys)
	}
	if len(d.Meta.Stated) != 7 || d.Meta.Date != "2019-05-17" || len(d.Files) != 4 || len(d.Warnings()) != 0 {
		t.Errorf("stated %d, date %q, files %d, warnings %q", len(d.Meta.Stated), d.Meta.Date, len(d.Files), d.Warnings())
	}
}
