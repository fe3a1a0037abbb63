package docx

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
	"time"

	"github.com/basebrief/basebrief/report/document"
)

// testPNG is a w × h PNG of two colours.
func testPNG(tb testing.TB, w, h int) []byte {
	tb.Helper()
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			c := color.RGBA{R: 206, G: 17, B: 38, A: 255}
			if x < w/2 {
				c = color.RGBA{R: 40, G: 90, B: 160, A: 255}
			}
			img.Set(x, y, c)
		}
	}
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// testDoc is a briefing with every kind of block, Chinese text, a 3 × 3
// table and a small picture.
func testDoc(tb testing.TB) *document.Document {
	tb.Helper()
	pic := testPNG(tb, 400, 200)
	return &document.Document{
		Lang: "zh",
		Info: document.Info{Title: "新的社会阶层人士统战工作简报 第1期", Subject: "西部地区实践创新基地情况",
			Author: "某某市委统战部", Keywords: "新的社会阶层人士", Created: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)},
		Masthead: document.Masthead{Title: "新的社会阶层人士统战工作简报", Issue: "第1期", Unit: "某某市委统战部", Date: "2019年5月17日"},
		Blocks: []document.Block{
			document.Heading{Level: 0, Text: "西部地区实践创新基地和新的社会阶层人士情况（2019年）"},
			document.Paragraph{Style: document.Body, Text: "今年以来，西部地区各省区市扎实推进新的社会阶层人士统战工作实践创新，成效明显。"},
			document.Heading{Level: 1, Text: "一、主要数据"},
			document.KeyFigures{Items: []document.KeyFigure{
				{Value: "12", Label: "省区市", Detail: "西部地区"},
				{Value: "20", Label: "城市", Detail: "试点10 · 推广10"},
				{Value: "270万", Label: "新的社会阶层人士", Detail: "同比增长3.2%"},
			}},
			document.Heading{Level: 2, Text: "（一）四川省"},
			document.Paragraph{Style: document.Body, Lead: "成都市", Text: "新的社会阶层人士140万人，居西部城市首位。"},
			document.Table{Label: "表1", Caption: "各省区市新的社会阶层人士人数", Header: []string{"省份", "城市", "人数（万人）"},
				Align:    []document.Align{document.Left, document.Left, document.Right},
				Rows:     [][]string{{"四川", "成都", "140"}, {"重庆", "重庆", "95.2"}, {"合计", "", "235.2"}},
				Emphasis: map[int]bool{2: true}, Notes: []string{"注：“—”表示未报告。"}},
			document.PageBreak{},
			document.Figure{Name: "members_by_city", Caption: "图1  各城市新的社会阶层人士人数",
				Alt: "柱状图：成都140万人，重庆95.2万人", PNG: pic, Width: 400, Height: 200},
			document.Paragraph{Style: document.Note, Text: "注：人数为各城市报告数。"},
			document.Paragraph{Style: document.Source, Text: "来源：各省区市统战部。"},
			document.Paragraph{Style: document.Caption, Text: "说明"},
			document.Paragraph{Style: document.Center, Text: "（完）"},
			document.Paragraph{Style: document.Small, Text: "附：数据说明。"},
			document.Paragraph{Style: document.Item, Text: "成都市未报告上期数据。"},
		},
		Colophon: document.Colophon{
			Lines: []document.ColophonLine{{Label: "报：", Text: "中央统战部"}, {Label: "送：", Text: "各省区市党委统战部"}},
			Unit:  "某某市委统战部", Issued: "2019年5月17日印发", Copies: "（共印50份）",
		},
	}
}

// hostile is text with what XML forbids and what it must escape.
var hostile = "成都\x00\x01\x1b<script>&amp;\"'\uFFFE]]>" + string([]byte{0xff, 0xfe}) + "市"

// render writes d and fails the test on error.
func render(tb testing.TB, d *document.Document) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, d); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
