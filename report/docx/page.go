package docx

import "github.com/basebrief/basebrief/report/document"

// The GB/T 9704-2012 page in twips (1/1440 inch), from the type sheet's
// millimetres (report/document: A4, top margin 37 mm, left (binding)
// margin 28 mm, type area 156 × 225 mm), rounded to the nearest twip. The
// right and bottom margins follow from the type area. (The sheet's sizes
// are whole millimetres, so the conversion stays a constant.)
const (
	pageW   = (int(document.PageW)*14400 + 127) / 254   // 11906
	pageH   = (int(document.PageH)*14400 + 127) / 254   // 16838
	marginT = (int(document.MarginT)*14400 + 127) / 254 // 2098
	marginL = (int(document.MarginL)*14400 + 127) / 254 // 1587
	areaW   = (int(document.AreaW)*14400 + 127) / 254   // 8844
	areaH   = (int(document.AreaH)*14400 + 127) / 254   // 12756
	marginR = pageW - marginL - areaW
	marginB = pageH - marginT - areaH
	// footerDist puts the page number's line 7 mm below the type area, as
	// the standard places it: the footer's bottom edge 23 mm above the
	// page's (a 四号 line is about 5 mm).
	footerDist = 1304
	headerDist = 851 // Word's default; the briefing has no header

	emuPerMM   = 36000
	twipPerMM  = 1440 / 25.4
	twipsPerPt = 20
)

// Colours, as RRGGBB.
const (
	red   = "CE1126" // the 报头 and its rule, the key figures
	grey  = "5A5A5A" // notes and sources
	black = "000000"
	// kfFill is the key-figure boxes' pale red.
	kfFill = "FAF3F3"
	// headFill shades a table's header row, as the PDF does.
	headFill = "EEEEEE"
)

// Faces by the names Word and WPS resolve on Chinese Windows. The
// _GB2312 faces are what official-document templates name; fontTable.xml
// gives each a fallback (w:altName) that every Chinese Windows has.
const (
	fangsong = "仿宋_GB2312"
	kaiti    = "楷体_GB2312"
	heiti    = "黑体"
	songti   = "宋体"
	xbs      = "方正小标宋简体" // the heavy title face of official documents
	latin    = "Times New Roman"
)

// face is one entry of fontTable.xml.
type face struct {
	name, alt, family, pitch string
	charset                  string // 86 = GB2312, 00 = ANSI
	panose                   string
}

var faces = []face{
	{latin, "", "roman", "variable", "00", "02020603050405020304"},
	{songti, "SimSun", "auto", "variable", "86", "02010600030101010101"},
	{heiti, "SimHei", "modern", "fixed", "86", "02010609060101010101"},
	{fangsong, "仿宋", "modern", "fixed", "86", "02010609030101010101"},
	{kaiti, "楷体", "modern", "fixed", "86", "02010609030101010101"},
	{xbs, songti, "script", "fixed", "86", "02000000000000000000"},
}
