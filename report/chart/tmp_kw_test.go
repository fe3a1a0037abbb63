package chart

import (
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/font"
)

func BenchmarkTmpKW(b *testing.B) {
	d := sample.National(sample.Options{Cities: 341, Months: 24})
	full := mustCompare(b, d)
	var ls []*layout
	for _, n := range analysis.SliceNames(full, analysis.SliceProvince) {
		c, _ := analysis.CompareSlice(d, full, analysis.SliceProvince, n)
		c, t := prepared(c, Options{Lang: vocab.Zh})
		face, _ := font.Default()
		ts := newTypeset(face.Font)
		for _, bl := range builders {
			if f, _ := bl(c, t); f != nil {
				ls = append(ls, measure(f, ts))
			}
		}
	}
	buf := new(rasterBuf)
	var sum [2]int64
	var cnt [2]int
	defer func() { keepWhite = true }()
	for it := 0; it < 60; it++ {
		m := it % 2
		keepWhite = m == 1
		cpu := cpuTime()
		for i, l := range ls {
			if _, err := renderFigure(l, i%7, buf); err != nil {
				b.Fatal(err)
			}
		}
		if it >= 2 {
			sum[m] += cpuTime() - cpu
			cnt[m]++
		}
	}
	b.Logf("fill %.1f ms, keep %.1f ms", float64(sum[0])/float64(cnt[0])/1e6, float64(sum[1])/float64(cnt[1])/1e6)
}
