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
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
)

// westernDataset is the embedded default dataset, loaded as basebrief
// loads it: the ten cities, twelve named bases and two figures of the
// article, and briefing.toml's masthead and stated figures.
func westernDataset() *analysis.Dataset {
	d, err := input.Load(defaultdata.FS, input.Options{})
	if err != nil {
		panic("load the default dataset: " + err.Error())
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
	chartsOnce.Do(func() { charts = [2][]byte{testChart(tb, 1600, 900), testChart(tb, 1601, 1000)} })
	return Options{
		Created: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC),
		Charts: []Figure{
			{Name: "city-members", Title: "各城市新的社会阶层人士人数（2019年）", PNG: charts[0]},
			{Name: "province-bases", Title: "各省区市实践创新基地数", PNG: charts[1]},
		},
	}
}
