package chart

import (
	"fmt"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
)

// articleSource is the source line of the default data (briefing.toml).
const articleSource = "统战新语（tongzhanxinyu）：新的社会阶层人士统战工作实践创新基地建设经验交流推广片会（西部地区），2019年5月17日，成都"

// western is the default dataset (input/defaultdata): the ten cities of the
// article, two with figures, twelve bases, key projects of batches 2 and 3.
// Loaded rather than copied, so the fixture cannot drift from the data.
func western() *analysis.Dataset {
	d, err := input.Load(defaultdata.FS, input.Options{})
	if err != nil {
		panic(fmt.Sprintf("load default data: %v", err))
	}
	return d
}

// longNames is the default data with the longest city name of the samples
// leading the members chart.
func longNames() *analysis.Dataset {
	d := western()
	d.Cities[9].Name = sample.LongCity
	d.Bases[11].City = sample.LongCity
	d.Figures = append(d.Figures, analysis.Figure{Province: "新疆", City: sample.LongCity, Period: d.Period, Members: 2000000})
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

// monthly is the national fixture over 26 months: a year-ago period, and a
// series with coverage changes.
func monthly() *analysis.Dataset {
	return sample.National(sample.Options{Months: 26})
}

// benchProvince is a province with about as many cities as a province of
// national data (341 units, 31 provinces) has on average.
const benchProvince = "四川"

// sliceOf is the comparison of one province of d, as --slices province
// makes it.
func sliceOf(tb testing.TB, d *analysis.Dataset, province string) *analysis.Comparison {
	tb.Helper()
	c, err := analysis.CompareSlice(d, mustCompare(tb, d), analysis.SliceProvince, province)
	if err != nil {
		tb.Fatalf("compare slice %s: %v", province, err)
	}
	return c
}
