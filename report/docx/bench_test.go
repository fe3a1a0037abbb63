package docx

import (
	"fmt"
	"io"
	"strconv"
	"testing"

	"github.com/basebrief/basebrief/report/document"
)

// bigDoc is a briefing at the size the bounded briefing reaches at
// national scale: a dozen pages, sections sections of text, tables of
// rows rows and eight columns, six charts.
func bigDoc(tb testing.TB, sections, rows int) *document.Document {
	d := testDoc(tb)
	pic := testPNG(tb, 1200, 800)
	for s := range sections {
		d.Blocks = append(d.Blocks, document.Heading{Level: 2, Text: "（" + strconv.Itoa(s+1) + "）某某省"})
		for range 3 {
			d.Blocks = append(d.Blocks, document.Paragraph{Lead: "某某市", Text: "新的社会阶层人士140万人，同比增长3.2%，比上年增加4.3万人，居全省首位；其余城市合计95.2万人。"})
		}
	}
	for tbl := range 3 {
		t := document.Table{Caption: fmt.Sprintf("表%d  各城市新的社会阶层人士人数", tbl+2),
			Header: []string{"城市", "省份", "片区", "人数（万人）", "上期", "增减", "增长率", "排名"},
			Align:  []document.Align{document.Left, document.Left, document.Left, document.Right, document.Right, document.Right, document.Right, document.Right},
			Notes:  []string{"注：“—”表示未报告。"}, Emphasis: map[int]bool{rows - 1: true}}
		for r := range rows {
			t.Rows = append(t.Rows, []string{"城市" + strconv.Itoa(r), "四川", "西部地区", "140.2", "135.9", "+4.3", "3.2%", strconv.Itoa(r + 1)})
		}
		d.Blocks = append(d.Blocks, t)
	}
	for i := range 6 {
		d.Blocks = append(d.Blocks, document.Figure{Name: "chart" + strconv.Itoa(i), Caption: fmt.Sprintf("图%d  图表", i+2), Alt: "图表", PNG: pic, Width: 1200, Height: 800})
	}
	return d
}

// BenchmarkDocx is the Word stage: the default-sized briefing and one at
// the bounded national size.
func BenchmarkDocx(b *testing.B) {
	for _, c := range []struct {
		name string
		d    *document.Document
	}{{"default", testDoc(b)}, {"national", bigDoc(b, 30, 40)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := Write(io.Discard, c.d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
