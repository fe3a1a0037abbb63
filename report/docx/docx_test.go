package docx

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/report/document"
)

// TestParts wants the parts in their fixed order, every XML part
// well-formed, every part typed in [Content_Types].xml and every
// relationship's target present.
func TestParts(t *testing.T) {
	data := render(t, testDoc(t))
	dump(t, "test.docx", data)
	p := unzip(t, data)
	want := []string{"[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml",
		"word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
		"word/fontTable.xml", "word/footer1.xml", "word/footer2.xml", "word/media/image1.png"}
	if !slices.Equal(p.names, want) {
		t.Fatalf("parts\n got %v\nwant %v", p.names, want)
	}
	types := p.xml(t, "[Content_Types].xml")
	typed := map[string]bool{}
	for _, o := range types.all("Override") {
		typed[strings.TrimPrefix(o.get("PartName"), "/")] = true
	}
	for _, d := range types.all("Default") {
		typed["*."+d.get("Extension")] = true
	}
	for _, name := range p.names {
		ext := name[strings.LastIndex(name, ".")+1:]
		if !typed[name] && !typed["*."+ext] {
			t.Errorf("%s has no content type", name)
		}
		if ext == "xml" || ext == "rels" {
			p.xml(t, name)
		}
	}
	for _, rels := range []struct{ part, dir string }{{"_rels/.rels", ""}, {"word/_rels/document.xml.rels", "word/"}} {
		for _, r := range p.xml(t, rels.part).all("Relationship") {
			if _, ok := p.files[rels.dir+r.get("Target")]; !ok {
				t.Errorf("%s: %s points at missing %s", rels.part, r.get("Id"), r.get("Target"))
			}
		}
	}
}

// styleSheet resolves a style's effective properties through basedOn and
// the document defaults.
type styleSheet struct {
	root *node
	byID map[string]*node
}

func newStyleSheet(root *node) styleSheet {
	s := styleSheet{root: root, byID: map[string]*node{}}
	for _, st := range root.all("style") {
		s.byID[st.get("styleId")] = st
	}
	return s
}

// font returns the style's effective rFonts attribute (eastAsia, ascii).
func (s styleSheet) font(id, attr string) string {
	for st := s.byID[id]; st != nil; st = s.byID[st.child("basedOn").get("val")] {
		if r := st.child("rPr"); r != nil {
			if f := r.child("rFonts"); f != nil && f.get(attr) != "" {
				return f.get(attr)
			}
		}
		if st.child("basedOn") == nil {
			break
		}
	}
	return s.root.first("rPrDefault").first("rFonts").get(attr)
}

// TestStyles wants each role's named style with its East Asian face set
// as official documents set it, Times New Roman for Latin text, and every
// style the document uses defined.
func TestStyles(t *testing.T) {
	p := unzip(t, render(t, testDoc(t)))
	s := newStyleSheet(p.xml(t, "word/styles.xml"))
	tests := []struct {
		id, name, eastAsia, ascii string
		outline                   string
	}{
		{sNormal, "Normal", "仿宋_GB2312", "Times New Roman", ""},
		{sTitle, "Title", "方正小标宋简体", "Times New Roman", ""},
		{sHeading1, "一级标题", "黑体", "Times New Roman", "0"},
		{sHeading2, "二级标题", "楷体_GB2312", "Times New Roman", "1"},
		{sHeading3, "三级标题", "仿宋_GB2312", "Times New Roman", "2"},
		{sCaption, "caption", "黑体", "Times New Roman", ""},
		{sNote, "注释", "仿宋_GB2312", "Times New Roman", ""},
		{sSource, "来源", "仿宋_GB2312", "Times New Roman", ""},
		{sTable, "表格", "仿宋_GB2312", "Times New Roman", ""},
		{sTableHead, "表头", "黑体", "Times New Roman", ""},
		{sKFValue, "关键数字", "黑体", "Times New Roman", ""},
		{sMasthead, "报头", "方正小标宋简体", "Times New Roman", ""},
		{sColophon, "版记", "仿宋_GB2312", "Times New Roman", ""},
		{sFooter, "footer", "宋体", "宋体", ""},
		{sLead, "段首词", "黑体", "Times New Roman", ""},
	}
	for _, tt := range tests {
		st := s.byID[tt.id]
		if st == nil {
			t.Errorf("no style %s", tt.id)
			continue
		}
		if got := st.child("name").get("val"); got != tt.name {
			t.Errorf("style %s is named %q, want %q", tt.id, got, tt.name)
		}
		if got := s.font(tt.id, "eastAsia"); got != tt.eastAsia {
			t.Errorf("style %s: East Asian face %q, want %q", tt.id, got, tt.eastAsia)
		}
		if got := s.font(tt.id, "ascii"); got != tt.ascii {
			t.Errorf("style %s: Latin face %q, want %q", tt.id, got, tt.ascii)
		}
		got := ""
		if o := st.first("outlineLvl"); o != nil {
			got = o.get("val")
		}
		if got != tt.outline {
			t.Errorf("style %s: outline level %q, want %q", tt.id, got, tt.outline)
		}
	}
	doc := p.xml(t, "word/document.xml")
	for _, tag := range []string{"pStyle", "rStyle", "tblStyle"} {
		for _, u := range doc.all(tag) {
			if s.byID[u.get("val")] == nil {
				t.Errorf("document uses undefined style %s", u.get("val"))
			}
		}
	}
	fonts := p.xml(t, "word/fontTable.xml")
	declared := map[string]string{}
	for _, f := range fonts.all("font") {
		alt := ""
		if a := f.child("altName"); a != nil {
			alt = a.get("val")
		}
		declared[f.get("name")] = alt
	}
	for _, f := range []struct{ name, alt string }{{"仿宋_GB2312", "仿宋"}, {"楷体_GB2312", "楷体"}, {"方正小标宋简体", "宋体"}, {"黑体", "SimHei"}} {
		if got, ok := declared[f.name]; !ok || got != f.alt {
			t.Errorf("fontTable: %s falls back to %q (declared %v), want %q", f.name, got, ok, f.alt)
		}
	}
}

// TestTable wants the 3 × 3 table as a Word table: the header row marked
// to repeat (and only it), the cells in order, the total row bold, the
// figures right-aligned, three rules.
func TestTable(t *testing.T) {
	doc := unzip(t, render(t, testDoc(t))).xml(t, "word/document.xml")
	var tbl *node
	for _, tb := range doc.all("tbl") {
		if strings.Contains(tb.texts(), "成都") {
			tbl = tb
		}
	}
	if tbl == nil {
		t.Fatal("no table with 成都")
	}
	rows := tbl.all("tr")
	if len(rows) != 4 {
		t.Fatalf("%d rows, want header and 3", len(rows))
	}
	want := [][]string{{"省份", "城市", "人数（万人）"}, {"四川", "成都", "140"}, {"重庆", "重庆", "95.2"}, {"合计", "", "235.2"}}
	for i, r := range rows {
		if got := r.first("tblHeader") != nil; got != (i == 0) {
			t.Errorf("row %d: tblHeader %v", i, got)
		}
		if r.first("cantSplit") == nil {
			t.Errorf("row %d may split across pages", i)
		}
		cells := r.all("tc")
		if len(cells) != 3 {
			t.Fatalf("row %d: %d cells", i, len(cells))
		}
		for c, tc := range cells {
			if got := tc.texts(); got != want[i][c] {
				t.Errorf("row %d cell %d = %q, want %q", i, c, got, want[i][c])
			}
		}
		if i > 0 {
			if got := cells[2].first("jc").get("val"); got != "right" {
				t.Errorf("row %d: figure aligned %s", i, got)
			}
			if bold := cells[0].first("b") != nil; bold != (i == 3) {
				t.Errorf("row %d: bold %v", i, bold)
			}
		}
	}
	b := tbl.first("tblBorders")
	for side, val := range map[string]string{"top": "single", "bottom": "single", "insideV": "nil", "insideH": "nil"} {
		if got := b.child(side).get("val"); got != val {
			t.Errorf("table border %s = %s, want %s", side, got, val)
		}
	}
	var widths int
	for _, g := range tbl.all("gridCol") {
		w, _ := strconv.Atoi(g.get("w"))
		widths += w
	}
	if widths != areaW {
		t.Errorf("table grid %d twips wide, want the type area's %d", widths, areaW)
	}
}

// TestPicture wants the chart inline at its natural size (400 px at 200
// dpi = 2 in), its alt text on wp:docPr, and its bytes in word/media.
func TestPicture(t *testing.T) {
	d := testDoc(t)
	p := unzip(t, render(t, d))
	doc := p.xml(t, "word/document.xml")
	prs := doc.all("docPr")
	if len(prs) != 1 {
		t.Fatalf("%d pictures, want 1", len(prs))
	}
	if got := prs[0].get("descr"); got != "柱状图：成都140万人，重庆95.2万人" {
		t.Errorf("alt text %q", got)
	}
	if got := prs[0].get("name"); got != "members_by_city" {
		t.Errorf("picture name %q", got)
	}
	ext := doc.first("extent")
	if ext.get("cx") != "1828800" || ext.get("cy") != "914400" {
		t.Errorf("extent %s × %s EMU, want 1828800 × 914400", ext.get("cx"), ext.get("cy"))
	}
	rid := doc.first("blip").get("embed")
	target := ""
	for _, r := range p.xml(t, "word/_rels/document.xml.rels").all("Relationship") {
		if r.get("Id") == rid {
			target = r.get("Target")
		}
	}
	var pic []byte
	for _, b := range d.Blocks {
		if f, ok := b.(document.Figure); ok {
			pic = f.PNG
		}
	}
	if got := p.files["word/"+target]; !bytes.Equal(got, pic) {
		t.Errorf("picture %s → %q: %d bytes, want the chart's %d", rid, target, len(got), len(pic))
	}
	for _, f := range p.zip.File {
		if f.Name == "word/"+target && f.Method != 0 {
			t.Errorf("%s compressed again (method %d)", f.Name, f.Method)
		}
	}
}

// paragraphs lists the body's paragraphs as "style|text", tables' cells
// included, in document order.
func paragraphs(doc *node) []string {
	var out []string
	for _, p := range doc.first("body").all("p") {
		style := ""
		if s := p.first("pStyle"); s != nil {
			style = s.get("val")
		}
		out = append(out, style+"|"+p.texts())
	}
	return out
}

// TestOrder wants every text of the document in the order of its blocks,
// each in its role's style: the 报头, the title, the body, and the 版记.
func TestOrder(t *testing.T) {
	got := paragraphs(unzip(t, render(t, testDoc(t))).xml(t, "word/document.xml"))
	var texts []string
	for _, p := range got {
		if !strings.HasSuffix(p, "|") {
			texts = append(texts, p)
		}
	}
	want := []string{
		"Masthead|新的社会阶层人士统战工作简报", "MastheadIssue|第1期", "MastheadLine|某某市委统战部2019年5月17日",
		"Title|西部地区实践创新基地和新的社会阶层人士情况（2019年）",
		"Normal|今年以来，西部地区各省区市扎实推进新的社会阶层人士统战工作实践创新，成效明显。",
		"Heading1|一、主要数据",
		"KeyValue|12", "KeyLabel|省区市", "KeyDetail|西部地区",
		"KeyValue|20", "KeyLabel|城市", "KeyDetail|试点10 · 推广10",
		"KeyValue|270万", "KeyLabel|新的社会阶层人士", "KeyDetail|同比增长3.2%",
		"Heading2|（一）四川省",
		"Normal|成都市新的社会阶层人士140万人，居西部城市首位。",
		"Caption|表1  各省区市新的社会阶层人士人数",
		"TableHeader|省份", "TableHeader|城市", "TableHeader|人数（万人）",
		"TableText|四川", "TableText|成都", "TableText|140",
		"TableText|重庆", "TableText|重庆", "TableText|95.2",
		"TableText|合计", "TableText|235.2",
		"Note|注：“—”表示未报告。",
		"Caption|图1  各城市新的社会阶层人士人数",
		"Note|注：人数为各城市报告数。", "Source|来源：各省区市统战部。", "Caption|说明", "Centered|（完）",
		"SmallText|附：数据说明。", "Item|· 成都市未报告上期数据。",
		"Colophon|报：中央统战部", "Colophon|送：各省区市党委统战部", "Colophon|某某市委统战部2019年5月17日印发",
		"Colophon|（共印50份）",
	}
	if !slices.Equal(texts, want) {
		t.Errorf("paragraphs\n got %q\nwant %q", texts, want)
	}
}

// TestDeterministic wants the same bytes from two renders, and the zip
// entries dated with the document's creation time, not the clock.
func TestDeterministic(t *testing.T) {
	d := testDoc(t)
	a, b := render(t, d), render(t, d)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders differ")
	}
	for _, f := range unzip(t, a).zip.File {
		if !f.Modified.Equal(d.Info.Created) {
			t.Errorf("%s dated %v, want %v", f.Name, f.Modified, d.Info.Created)
		}
	}
	d.Info.Created = time.Time{}
	for _, f := range unzip(t, render(t, d)).zip.File {
		if !f.Modified.Equal(zipEpoch) {
			t.Errorf("no creation time: %s dated %v, want %v", f.Name, f.Modified, zipEpoch)
		}
	}
}

// TestHostile puts control characters, markup and bytes that are not
// UTF-8 into every text of the document: every part must still parse, the
// text read back as written less what XML forbids.
func TestHostile(t *testing.T) {
	d := testDoc(t)
	d.Info.Title = hostile
	d.Masthead.Title, d.Masthead.Unit = hostile, hostile
	d.Colophon.Lines[0].Text = hostile
	d.Blocks = append(d.Blocks,
		document.Heading{Level: 1, Text: hostile},
		document.Paragraph{Lead: hostile, Text: hostile},
		document.Table{Label: hostile, Caption: hostile, Header: []string{hostile}, Rows: [][]string{{hostile}}, Notes: []string{hostile}},
		document.KeyFigures{Items: []document.KeyFigure{{Value: hostile, Label: hostile, Detail: hostile}}},
		document.Figure{Name: hostile, Caption: hostile, Alt: hostile, PNG: testPNG(t, 10, 10)},
	)
	p := unzip(t, render(t, d))
	for _, name := range p.names {
		if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			p.xml(t, name)
		}
	}
	want := "成都<script>&amp;\"']]>市"
	doc := p.xml(t, "word/document.xml")
	n := 0
	for _, para := range doc.all("p") {
		if strings.Contains(para.texts(), "成都<") {
			n++
			if got := para.texts(); !strings.Contains(got, want) {
				t.Errorf("read back %q, want it to hold %q", got, want)
			}
		}
	}
	if n < 9 {
		t.Errorf("hostile text in %d paragraphs, want at least 9", n)
	}
	if got := doc.all("docPr")[1].get("descr"); got != want {
		t.Errorf("alt text read back %q, want %q", got, want)
	}
	if got := p.xml(t, "docProps/core.xml").first("title").text; got != want {
		t.Errorf("core title %q, want %q", got, want)
	}
}

// TestEnglish wants an English document's style names in English and its
// language set, the fonts unchanged.
func TestEnglish(t *testing.T) {
	d := testDoc(t)
	d.Lang = "en"
	p := unzip(t, render(t, d))
	s := newStyleSheet(p.xml(t, "word/styles.xml"))
	if got := s.byID[sHeading1].child("name").get("val"); got != "Heading level 1" {
		t.Errorf("heading style named %q", got)
	}
	if got := s.root.first("rPrDefault").first("lang").get("val"); got != "en-GB" {
		t.Errorf("language %q", got)
	}
	if got := s.font(sNormal, "eastAsia"); got != fangsong {
		t.Errorf("body East Asian face %q", got)
	}
}

func TestNil(t *testing.T) {
	if err := Write(&bytes.Buffer{}, nil); err == nil {
		t.Error("no error for a nil document")
	}
}

// FuzzWrite puts arbitrary text into the document's texts; the package's
// XML parts must always parse.
func FuzzWrite(f *testing.F) {
	for _, s := range []string{"", "成都", hostile, "\x00", "]]>", "\xed\xa0\x80"} {
		f.Add(s)
	}
	png := testPNG(f, 4, 4)
	f.Fuzz(func(t *testing.T, s string) {
		d := &document.Document{Lang: "zh", Info: document.Info{Title: s},
			Masthead: document.Masthead{Title: s, Issue: s, Unit: s, Date: s},
			Blocks: []document.Block{
				document.Heading{Text: s}, document.Paragraph{Lead: s, Text: s},
				document.KeyFigures{Items: []document.KeyFigure{{Value: s, Label: s, Detail: s}}},
				document.Table{Caption: s, Header: []string{s, s}, Rows: [][]string{{s}}, Notes: []string{s}},
				document.Figure{Name: s, Caption: s, Alt: s, PNG: png},
			},
			Colophon: document.Colophon{Lines: []document.ColophonLine{{Label: s, Text: s}}, Unit: s, Issued: s, Copies: s},
		}
		p := unzip(t, render(t, d))
		for _, name := range p.names {
			if strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
				p.xml(t, name)
			}
		}
	})
}

// TestTableWide wants a twelve-column table of long figures set at the
// type sheet's one table size, as the PDF sets it (never shrunk below it:
// a table too wide wraps), its columns filling the type area.
func TestTableWide(t *testing.T) {
	tbl := document.Table{Header: strings.Fields("Province Region Cities Pilot Promotion Bases Key Reporting Members Previous Share Rank")}
	for range 31 {
		tbl.Rows = append(tbl.Rows, []string{"内蒙古", "华北", "11", "1", "1", "14", "4", "9", "189.5 million", "139.1 million", "18.4%", "1"})
	}
	widths, size, _ := tableLayout(tbl, 12)
	if size != document.TableSize {
		t.Errorf("set at %.1f pt, want the type sheet's %.1f", size, document.TableSize)
	}
	if sum(widths) != areaW {
		t.Errorf("widths %v add up to %d, want the type area's %d", widths, sum(widths), areaW)
	}
}

// TestTableWidths wants the document's relative widths kept when it gives
// them, and the widest text getting the widest column when it does not.
func TestTableWidths(t *testing.T) {
	tbl := document.Table{Header: []string{"a", "名称很长很长很长的一列", "b"}, Rows: [][]string{{"1", "2", "3"}}}
	if got, _, _ := tableLayout(tbl, 3); !(got[1] > got[0] && got[1] > got[2]) || sum(got) != areaW {
		t.Errorf("widths from text %v", got)
	}
	tbl.Widths = []float64{1, 2, 1}
	if got, _, _ := tableLayout(tbl, 3); !slices.Equal(got, []int{2211, 4422, 2211}) {
		t.Errorf("widths %v, want [2211 4422 2211]", got)
	}
}

// TestTableKeptWhole: a short table's rows are kept together (every
// paragraph of its header and rows keepNext, each row cantSplit); a longer
// one keeps its first document.StartRows rows under the header and its
// last rows (document.KeepTailRows: its 其余/合计 rows and three above them)
// together with the notes, the header repeating on every page.
func TestTableKeptWhole(t *testing.T) {
	for _, n := range []int{3, document.KeepStartRows, document.KeepStartRows + 1, document.KeepWholeRows + 8} {
		tbl := document.Table{Caption: "各城市", Header: []string{"城市", "人数"}}
		for i := range n {
			tbl.Rows = append(tbl.Rows, []string{fmt.Sprintf("城市%d", i), "12"})
		}
		tail := 3
		if n > document.KeepStartRows+1 { // a 合计 row closes the longest
			tbl.Emphasis = map[int]bool{n - 1: true}
			tail = 4
		}
		d := &document.Document{Lang: "zh", Blocks: []document.Block{tbl}}
		rows := unzip(t, render(t, d)).xml(t, "word/document.xml").first("tbl").all("tr")
		if len(rows) != n+1 {
			t.Fatalf("%d rows: %d in Word", n, len(rows))
		}
		for i, r := range rows {
			body := i - 1
			want := n <= document.KeepStartRows || i == 0 || body < document.StartRows-1 || body >= n-tail
			for _, p := range r.all("p") {
				if got := p.first("keepNext") != nil; got != want {
					t.Errorf("%d rows: row %d keepNext %v, want %v", n, i, got, want)
					break
				}
			}
			if r.first("cantSplit") == nil {
				t.Errorf("%d rows: row %d may split", n, i)
			}
			if got := r.first("tblHeader") != nil; got != (i == 0) {
				t.Errorf("%d rows: row %d tblHeader %v", n, i, got)
			}
		}
	}
}

// TestTableShortCellsWhole: by the type sheet's rule a short cell (North
// China, +10,099) is never broken: its column is wider than the cell's
// text in the widest face Word may set it in, while a heading gives way
// (the English province table of the 24-month data).
func TestTableShortCellsWhole(t *testing.T) {
	tbl := document.Table{Header: strings.Fields("Province Region Cities Reporting Bases Key_projects Members Change_(last_month) Change_% Share_of_region")}
	for i := range tbl.Header {
		tbl.Header[i] = strings.ReplaceAll(tbl.Header[i], "_", " ")
	}
	for range 31 {
		tbl.Rows = append(tbl.Rows, []string{"Heilongjiang", "North China", "2", "2", "2", "1", "865,903*", "+10,099", "+0.7%", "37.3%"})
	}
	widths, _, pad := tableLayout(tbl, 10)
	for c, s := range tbl.Rows[0] {
		if need := int(ems(s)*document.TableSize*twipsPerPt) + 2*pad; widths[c] < need {
			t.Errorf("column %d (%q) %d twips, its cell needs %d", c, s, widths[c], need)
		}
	}
}

// TestNumbersWhole: in a Chinese document each number is a run of its own
// in English (w:lang val and eastAsia en-US), the Chinese around it in
// runs of their own; LibreOffice broke numbers that ran on from Chinese
// text as Chinese ("同比增长5./1%", "96./8万"). The text reads as before.
func TestNumbersWhole(t *testing.T) {
	d := &document.Document{Lang: "zh", Blocks: []document.Block{
		document.Paragraph{Style: document.Body, Text: "合计3,357.5万，同比增长5.1%，第3批，共96个。"},
	}}
	doc := unzip(t, render(t, d)).xml(t, "word/document.xml")
	var got []string
	for _, r := range doc.all("r") {
		text := r.texts()
		if l := r.first("lang"); l != nil {
			text = "[" + l.get("val") + "/" + l.get("eastAsia") + "]" + text
		}
		got = append(got, text)
	}
	want := []string{"合计", "[en-US/en-US]3,357.5", "万，同比增长", "[en-US/en-US]5.1%", "，第3批，共", "[en-US/en-US]96", "个。"}
	if !slices.Equal(got, want) {
		t.Errorf("runs\n got %q\nwant %q", got, want)
	}
}

// TestEms: a quarter em more wherever a Chinese character meets a Latin
// letter or digit (LibreOffice widens those boundaries), none elsewhere.
func TestEms(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want float64
	}{
		{"新的社会阶层人士", 8},
		{"3357.5万", 5*0.7 + 0.35 + 1 + 0.25},
		{"2024年12月", 6*0.7 + 2 + 3*0.25},
		{"+13.9万", 0.8 + 3*0.7 + 0.35 + 1 + 0.25},
		{"天津（172.6万）", 2 + 1 + 4*0.7 + 0.35 + 1 + 1 + 0.25},
		{"0.4%", 2*0.7 + 0.35 + 0.8},
		{"Members", 0.8 + 5*0.62 + 0.45},
	} {
		if got := ems(tt.s); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("ems(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}
