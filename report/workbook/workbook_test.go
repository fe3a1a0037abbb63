package workbook

import (
	"bytes"
	"encoding/xml"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
)

func TestSheetNames(t *testing.T) {
	tests := []struct {
		name string
		c    *analysis.Comparison
		lang vocab.Lang
		want []string
	}{
		{"default zh", defaultComparison(t), vocab.Zh, []string{"概览", "图表", "片区", "省份", "城市", "基地", "人数", "数据质量", "说明"}},
		{"default en", defaultComparison(t), vocab.En, []string{"Overview", "Charts", "Regions", "Provinces", "Cities", "Bases", "Figures", "Data quality", "Read me"}},
		{"national zh", nationalComparison(t), vocab.Zh, []string{"概览", "图表", "片区", "省份", "城市", "趋势", "分省趋势", "基地", "人数", "数据质量", "说明"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, f := mustWrite(t, tt.c, tt.lang, maxRows)
			if got := f.GetSheetList(); !slices.Equal(got, tt.want) {
				t.Errorf("sheets = %v, want %v", got, tt.want)
			}
			if got := f.GetActiveSheetIndex(); got != 0 {
				t.Errorf("active sheet = %d, want the overview", got)
			}
		})
	}
}

func TestHeaders(t *testing.T) {
	_, _, f := mustWrite(t, nationalComparison(t), vocab.Zh, maxRows)
	tests := []struct {
		sheet string
		want  []string // A1, B1, …
	}{
		{"片区", []string{"片区", "省区市数", "城市数", "试点城市", "推广城市", "基地数", "重点项目数", "报送人数的城市", "人数", "人数（万）", "环比可比城市数", "可比本期人数", "可比上期人数", "环比增减", "环比增减率"}},
		{"省份", []string{"省区市", "片区", "城市数", "试点城市", "推广城市", "基地数", "重点项目数", "报送人数的城市", "人数", "人数（万）", "人数口径", "省级人数", "占片区比重", "片区内排名", "环比口径", "环比可比城市数", "可比本期人数", "可比上期人数", "环比增减", "环比增减率", "第一批"}},
		{"城市", []string{"城市", "省区市", "片区", "城市类型", "基地数", "重点项目数", "人数", "人数（万）", "人数口径", "占片区比重", "片区内排名", "总排名", "上期人数", "环比增减", "环比增减率"}},
		{"趋势", []string{"时期", "合计人数", "报送人数的城市", "华东人数", "华东报送城市"}},
		{"分省趋势", []string{"时期", "合计人数"}},
		{"基地", []string{"基地名称", "城市", "省区市", "片区", "批次", "领域", "群体", "设立时间", "来源"}},
		{"人数", []string{"时期", "省区市", "城市", "群体", "人数", "人数（万）", "来源", "源文件行号"}},
	}
	for _, tt := range tests {
		t.Run(tt.sheet, func(t *testing.T) {
			rows, err := f.GetRows(tt.sheet)
			if err != nil || len(rows) == 0 {
				t.Fatalf("read %s: %v", tt.sheet, err)
			}
			if got := rows[0][:min(len(tt.want), len(rows[0]))]; !slices.Equal(got, tt.want) {
				t.Errorf("header = %q\nwant %q", got, tt.want)
			}
			panes, err := f.GetPanes(tt.sheet)
			if err != nil || !panes.Freeze || panes.YSplit != 1 {
				t.Errorf("header not frozen: %+v %v", panes, err)
			}
		})
	}
}

// TestFigures checks that figures are number cells holding the
// Comparison's values and that missing figures are empty cells, never 0.
func TestFigures(t *testing.T) {
	c := defaultComparison(t)
	_, _, f := mustWrite(t, c, vocab.Zh, maxRows)
	// The tables list places by members, ties in official order: the source
	// article's order of the western provinces, not code-point order.
	var provs []string
	for i := range 9 {
		v, _ := f.GetCellValue("省份", "A"+strconv.Itoa(i+2))
		provs = append(provs, v)
	}
	if got := strings.Join(provs, "、"); got != "重庆、四川、贵州、云南、西藏、甘肃、青海、宁夏、新疆" {
		t.Errorf("province sheet order = %s", got)
	}
	c = c.InReadingOrder()
	for i, p := range c.Provinces {
		r := strconv.Itoa(i + 2)
		wantCell(t, f, "省份", "A"+r, excelize.CellTypeInlineString, p.Province)
		wantCell(t, f, "省份", "C"+r, excelize.CellTypeUnset, strconv.Itoa(p.Cities))
		if p.Members == nil {
			wantCell(t, f, "省份", "I"+r, excelize.CellTypeUnset, "")
		} else {
			wantCell(t, f, "省份", "I"+r, excelize.CellTypeUnset, strconv.FormatInt(*p.Members, 10))
		}
	}
	for i, ct := range c.Cities {
		r := strconv.Itoa(i + 2)
		wantCell(t, f, "城市", "A"+r, excelize.CellTypeInlineString, ct.City)
		want := ""
		if ct.Members != nil {
			want = strconv.FormatInt(*ct.Members, 10)
		}
		wantCell(t, f, "城市", "G"+r, excelize.CellTypeUnset, want)
	}
	// 重庆 1,400,000 and 成都 1,300,000 lead the cities
	wantCell(t, f, "城市", "G2", excelize.CellTypeUnset, "1400000")
	wantCell(t, f, "城市", "G3", excelize.CellTypeUnset, "1300000")
	wantCell(t, f, "城市", "G4", excelize.CellTypeUnset, "")
	if s, _ := f.GetCellStyle("城市", "G2"); numFmtOf(t, f, s) != "#,##0" {
		t.Errorf("members format = %q, want #,##0", numFmtOf(t, f, s))
	}
	if s, _ := f.GetCellStyle("城市", "J2"); numFmtOf(t, f, s) != "0.0%" {
		t.Errorf("share format = %q, want 0.0%%", numFmtOf(t, f, s))
	}
	if s, _ := f.GetCellStyle("城市", "H2"); numFmtOf(t, f, s) != `0.0"万"` {
		t.Errorf("万 format = %q", numFmtOf(t, f, s))
	}
	if got, _ := f.GetCellFormula("城市", "H2"); got != `IF(ISNUMBER(G2),G2/10000,"")` {
		t.Errorf("万 formula = %q", got)
	}
	// the overview reconciles the stated figures with the records
	rows, _ := f.GetRows("概览")
	if !strings.Contains(flatten(rows), "记录 2 / 会议公布 25") {
		t.Errorf("overview misses the key-project reconciliation:\n%s", flatten(rows))
	}
}

func numFmtOf(t *testing.T, f *excelize.File, id int) string {
	t.Helper()
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatalf("style %d: %v", id, err)
	}
	switch {
	case st.CustomNumFmt != nil:
		return *st.CustomNumFmt
	case st.NumFmt == 3:
		return "#,##0"
	}
	return strconv.Itoa(st.NumFmt)
}

// wantCell checks a cell's value and type; CellTypeUnset stands for a
// number (excelize leaves numbers untyped).
func wantCell(t *testing.T, f *excelize.File, sheet, cell string, typ excelize.CellType, want string) {
	t.Helper()
	got, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatalf("%s!%s: %v", sheet, cell, err)
	}
	if got != want {
		t.Errorf("%s!%s = %q, want %q", sheet, cell, got, want)
	}
	if want == "" {
		return
	}
	gotType, _ := f.GetCellType(sheet, cell)
	if gotType != typ {
		t.Errorf("%s!%s type = %v, want %v", sheet, cell, gotType, typ)
	}
}

func flatten(rows [][]string) string {
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(strings.Join(r, "\t"))
		b.WriteByte('\n')
	}
	return b.String()
}

// TestFormulas evaluates every formula with excelize's calculator and
// compares it with the Comparison figure it stands for.
func TestFormulas(t *testing.T) {
	months := mustCompare(t, sample.National(sample.Options{Cities: 120, Months: 26}))
	yearView := sample.National(sample.Options{Cities: 120, Months: 26})
	yearView.Period = analysis.Period{Year: 2024}
	years := mustCompare(t, yearView)
	if len(years.Series) != 3 || years.Source != (analysis.Period{Year: 2024, Month: 12}) {
		t.Fatalf("year view: %d points, source %v", len(years.Series), years.Source)
	}
	for name, c := range map[string]*analysis.Comparison{"default": defaultComparison(t), "national": nationalComparison(t), "26 months": months, "year view": years} {
		t.Run(name, func(t *testing.T) {
			b, _, f := mustWrite(t, c, vocab.Zh, maxRows)
			if len(b.checks) < 50 {
				t.Fatalf("only %d formulas recorded", len(b.checks))
			}
			formulasAgree(t, b, f)
		})
	}
}

// formulasAgree checks that every formula b recorded (but those only
// LibreOffice computes) computes, in excelize, the figure written beside
// it.
func formulasAgree(t *testing.T, b *book, f *excelize.File) {
	t.Helper()
	for _, ck := range b.checks {
		if ck.libreOnly {
			continue
		}
		got, err := f.CalcCellValue(ck.sheet, ck.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Errorf("%s!%s =%s: %v", ck.sheet, ck.cell, ck.formula, err)
		} else if msg := compare(got, ck.want); msg != "" {
			t.Errorf("%s!%s =%s: %s", ck.sheet, ck.cell, ck.formula, msg)
		}
	}
}

// compare checks a computed cell text against the wanted figure; "" when
// they agree.
func compare(got string, want *float64) string {
	got = strings.TrimSpace(got)
	if want == nil {
		if got != "" {
			return "got " + strconv.Quote(got) + ", want empty"
		}
		return ""
	}
	scale := 1.0
	if strings.HasSuffix(got, "%") {
		got, scale = strings.TrimSuffix(got, "%"), 0.01
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(got, ",", ""), 64)
	if err != nil {
		return "got " + strconv.Quote(got) + ", want " + strconv.FormatFloat(*want, 'g', -1, 64)
	}
	v *= scale
	if math.Abs(v-*want) > 1e-9*math.Max(1, math.Abs(*want)) {
		return "got " + strconv.FormatFloat(v, 'g', -1, 64) + ", want " + strconv.FormatFloat(*want, 'g', -1, 64)
	}
	return ""
}

// TestTextStaysText writes names that look like formulas: they must stay
// string cells.
func TestTextStaysText(t *testing.T) {
	d := sample.National(sample.Options{Cities: 40})
	tricky := []string{"=1+1", "@SUM(1)", "+1", "-2", "=HYPERLINK(\"http://x\")", "<b>&amp;</b>", " 前后空格 "}
	for i, s := range tricky {
		d.Bases[i].Name = s
		d.Bases[i].Kind = s
	}
	d.Cities[0].Note = "=cmd|' /C calc'!A0"
	c := mustCompare(t, d)
	_, _, f := mustWrite(t, c, vocab.Zh, maxRows)
	rows, err := f.GetRows("基地")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for r, row := range rows {
		for col, v := range row {
			ref, _ := excelize.CoordinatesToCellName(col+1, r+1)
			if !slices.Contains(tricky, v) {
				continue
			}
			found++
			if form, _ := f.GetCellFormula("基地", ref); form != "" {
				t.Errorf("%s %q became formula %q", ref, v, form)
			}
			if typ, _ := f.GetCellType("基地", ref); typ != excelize.CellTypeInlineString {
				t.Errorf("%s %q has type %v, want a string", ref, v, typ)
			}
		}
	}
	if found != 2*len(tricky) {
		t.Errorf("found %d of %d tricky texts intact", found, 2*len(tricky))
	}
	var noteOK bool
	cityRows, _ := f.GetRows("城市")
	for _, row := range cityRows {
		noteOK = noteOK || slices.Contains(row, "=cmd|' /C calc'!A0")
	}
	if !noteOK {
		t.Error("the formula-like note is not kept as text")
	}
}

func TestDeterministic(t *testing.T) {
	c := nationalComparison(t)
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := Write(buf, c, Options{Modified: stamp}); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two writes of the same comparison differ")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if props.Created != "2019-05-17T00:00:00Z" || props.Modified != props.Created {
		t.Errorf("document times = %q, %q", props.Created, props.Modified)
	}
	if props.Title != c.Meta.Title || props.Subject != c.Meta.Subject || !strings.Contains(props.Description, "2024-12") {
		t.Errorf("document properties = %+v", props)
	}
}

// TestPrintSetup: every sheet on A4; the overview on one portrait page;
// tables repeat their header row; the wide province sheet prints at a
// readable scale, its column groups on pages of their own with the names
// repeated, instead of 38 columns shrunk onto one page; a data list prints
// only when asked.
func TestPrintSetup(t *testing.T) {
	c := mustCompare(t, sample.National(sample.Options{Cities: 300, Months: 24}))
	_, _, f := mustWrite(t, c, vocab.Zh, maxRows)
	for _, sheet := range f.GetSheetList() {
		lay, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *lay.Size != 9 {
			t.Errorf("%s: paper size %d, want A4 (9)", sheet, *lay.Size)
		}
	}
	lay, _ := f.GetPageLayout("概览")
	if *lay.Orientation != "portrait" || *lay.FitToWidth != 1 || *lay.FitToHeight != 1 {
		t.Errorf("概览 prints %s fit %d×%d, want one portrait page", *lay.Orientation, *lay.FitToWidth, *lay.FitToHeight)
	}
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+" "+dn.Name] = dn.RefersTo
	}
	for _, sheet := range []string{"片区", "城市", "趋势", "基地", "人数"} {
		if !strings.HasSuffix(names[sheet+" _xlnm.Print_Titles"], "!$1:$1") {
			t.Errorf("%s does not repeat its header row on every page: %q", sheet, names[sheet+" _xlnm.Print_Titles"])
		}
	}
	if got := names["省份 _xlnm.Print_Titles"]; got != "'省份'!$A:$A,'省份'!$1:$1" {
		t.Errorf("省份 print titles = %q, want the name column and the header row", got)
	}
	lay, _ = f.GetPageLayout("省份")
	props, _ := f.GetSheetProps("省份")
	if lay.AdjustTo == nil || *lay.AdjustTo != printScale || (props.FitToPage != nil && *props.FitToPage) {
		t.Errorf("省份 prints at %v, fit to page %v; want %d%%", lay.AdjustTo, props.FitToPage, printScale)
	}
	breaks := pageBreaks(t, f, "省份")
	rows, _ := f.GetRows("省份")
	var starts []string
	for _, col := range breaks {
		starts = append(starts, rows[0][col-1])
	}
	if want := "人数,环比口径,同比口径,第一批"; strings.Join(starts, ",") != want {
		t.Errorf("省份 pages start at %v, want %s", starts, want)
	}
	// The data lists print only when asked: their print area is one cell,
	// empty, right of and below everything the sheet holds.
	for _, sheet := range []string{"城市", "分省趋势", "基地", "人数"} {
		area := names[sheet+" _xlnm.Print_Area"]
		cell, ok := strings.CutPrefix(area, quote(sheet)+"!")
		col, row, err := excelize.CellNameToCoordinates(strings.ReplaceAll(cell, "$", ""))
		if !ok || strings.Contains(cell, ":") || err != nil {
			t.Errorf("%s print area = %q, want one empty cell", sheet, area)
			continue
		}
		rows, _ := f.GetRows(sheet)
		cols, _ := f.GetCols(sheet)
		if row <= len(rows) || col <= len(cols) {
			t.Errorf("%s print area %s is within its %d rows × %d columns", sheet, cell, len(rows), len(cols))
		}
	}
	for _, sheet := range []string{"片区", "省份", "趋势", "概览"} {
		if got := names[sheet+" _xlnm.Print_Area"]; got != "" {
			t.Errorf("%s has print area %q: a summary prints whole", sheet, got)
		}
	}
}

// pageBreaks returns the columns (1-based) a sheet's column breaks start.
func pageBreaks(t *testing.T, f *excelize.File, sheet string) []int {
	t.Helper()
	ws, ok := f.Pkg.Load(sheetPath(t, f, sheet))
	if !ok {
		t.Fatalf("no part for %s", sheet)
	}
	var doc struct {
		ColBreaks struct {
			Brk []struct {
				ID int `xml:"id,attr"`
			} `xml:"brk"`
		} `xml:"colBreaks"`
	}
	if err := xml.Unmarshal(ws.([]byte), &doc); err != nil {
		t.Fatal(err)
	}
	var out []int
	for _, b := range doc.ColBreaks.Brk {
		out = append(out, b.ID+1)
	}
	return out
}

func sheetPath(t *testing.T, f *excelize.File, sheet string) string {
	t.Helper()
	for i, name := range f.GetSheetMap() {
		if name == sheet {
			return "xl/worksheets/sheet" + strconv.Itoa(i) + ".xml"
		}
	}
	t.Fatalf("no sheet %s", sheet)
	return ""
}

// TestRowLimit shrinks the sheet limit: the bases and figures split over
// numbered sheets, the summary tables are cut, and the overview says so.
func TestRowLimit(t *testing.T) {
	c := defaultComparison(t)
	_, _, f := mustWrite(t, c, vocab.Zh, 6)
	want := []string{"概览", "图表", "片区", "省份", "城市", "基地", "基地 (2)", "基地 (3)", "人数", "数据质量", "说明"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	var names []string
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		if sheet != "概览" && sheet != "数据质量" && sheet != "说明" && len(rows) > 6 {
			t.Errorf("%s has %d rows, limit 6", sheet, len(rows))
		}
		if strings.HasPrefix(sheet, "基地") {
			for _, r := range rows[1 : len(rows)-1] {
				names = append(names, r[0])
			}
		}
	}
	if len(names) != len(c.Bases) {
		t.Errorf("bases over the split sheets = %d, want %d", len(names), len(c.Bases))
	}
	rows, _ := f.GetRows("概览")
	text := flatten(rows)
	for _, s := range []string{"基地表共 12 行", "基地、基地 (2)、基地 (3)", "城市表共 10 行", "只列出人数最多的 4 行"} {
		if !strings.Contains(text, s) {
			t.Errorf("overview does not say %q", s)
		}
	}
}

func TestGolden(t *testing.T) {
	tests := []struct {
		name string
		c    *analysis.Comparison
		lang vocab.Lang
	}{
		{"default_zh", defaultComparison(t), vocab.Zh},
		{"national_en", mustCompare(t, sample.National(sample.Options{Cities: 40, Previous: true})), vocab.En},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, f := mustWrite(t, tt.c, tt.lang, maxRows)
			got := dump(t, f)
			path := filepath.Join("testdata", tt.name+".golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create)", err)
			}
			if got != string(want) {
				t.Errorf("cells differ from %s (run with -update after checking):\n%s", path, firstDiff(string(want), got))
			}
		})
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return ""
}

// TestFiguresEveryPeriod: the 人数 sheet lists every figure of every
// period, from the history, not only the periods compared.
func TestFiguresEveryPeriod(t *testing.T) {
	d := sample.National(sample.Options{Cities: 120, Months: 26})
	c := mustCompare(t, d)
	_, _, f := mustWrite(t, c, vocab.Zh, maxRows)
	rows, err := f.GetRows("人数")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows)-1 != len(d.Figures) || len(c.Figures) >= len(d.Figures) {
		t.Fatalf("人数 has %d rows, want every figure: %d (the comparison uses %d)", len(rows)-1, len(d.Figures), len(c.Figures))
	}
	periods := map[string]int{}
	for _, r := range rows[1:] {
		periods[r[0]]++
	}
	if len(periods) != 26 || rows[1][0] != "2022-11" || rows[len(rows)-1][0] != "2024-12" {
		t.Errorf("%d periods, first %s, last %s", len(periods), rows[1][0], rows[len(rows)-1][0])
	}
	// Within a period, a province's own figure comes before its cities (广东 2022-11).
	for i, r := range rows[1:] {
		if r[0] == "2022-11" && r[1] == "广东" {
			if len(r) < 3 || r[2] != "" {
				t.Errorf("row %d: 广东's first 2022-11 row is %q, want its province-level figure", i+2, r)
			}
			break
		}
	}
}

// TestFiguresHistoryCut: past maxHistoryRows the 人数 sheet lists the
// periods compared, and the overview says so.
func TestFiguresHistoryCut(t *testing.T) {
	defer func(n int) { maxHistoryRows = n }(maxHistoryRows)
	maxHistoryRows = 1000
	c := mustCompare(t, sample.National(sample.Options{Cities: 120, Months: 26}))
	_, _, f := mustWrite(t, c, vocab.Zh, maxRows)
	rows, _ := f.GetRows("人数")
	if len(rows)-1 != len(c.Figures) {
		t.Errorf("人数 has %d rows, want the %d of the periods compared", len(rows)-1, len(c.Figures))
	}
	overview, _ := f.GetRows("概览")
	if !strings.Contains(flatten(overview), "超过工作簿逐行列出的上限 1,000 行：人数表只列出对比所用各期的数据，各期合计见趋势表。") {
		t.Errorf("overview does not note the cut:\n%s", flatten(overview))
	}
}

// TestTrendSheetYearView: in the year view the 趋势 sheet names the month
// whose figures stand for each year.
func TestTrendSheetYearView(t *testing.T) {
	d := sample.National(sample.Options{Cities: 120, Months: 26})
	d.Period = analysis.Period{Year: 2024}
	c := mustCompare(t, d)
	_, _, f := mustWrite(t, c, vocab.Zh, maxRows)
	rows, err := f.GetRows("趋势")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join(r[:3], "/"))
	}
	// For years the change is 比上年, never 环比, and there is no 同比.
	head, _ := f.GetRows("省份")
	if h := strings.Join(head[0], ","); !strings.Contains(h, "比上年增减") || strings.Contains(h, "环比") || strings.Contains(h, "同比") {
		t.Errorf("省份 header = %s", h)
	}
	// 合计人数 is a formula, shown by its cached value.
	want := "时期/数据所属时期/合计人数|2022/2022-12/32,840,536|2023/2023-12/32,793,284|2024/2024-12/62,034,797"
	if strings.Join(got, "|") != want {
		t.Errorf("趋势 = %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestChangeHeadings: the change against the previous period is headed as
// the briefing words it: 环比 only against the adjacent month, 比上年 for
// years, 比 and the period over a gap; 同比 never for years.
func TestChangeHeadings(t *testing.T) {
	yearView := sample.National(sample.Options{Cities: 60, Months: 26})
	yearView.Period = analysis.Period{Year: 2024}
	gap := sample.National(sample.Options{Cities: 60, Previous: true})
	for i := range gap.Figures {
		if gap.Figures[i].Period == (analysis.Period{Year: 2024, Month: 11}) {
			gap.Figures[i].Period = analysis.Period{Year: 2024, Month: 9}
		}
	}
	for i, p := range gap.Periods {
		if p == (analysis.Period{Year: 2024, Month: 11}) {
			gap.Periods[i] = analysis.Period{Year: 2024, Month: 9}
		}
	}
	for _, tt := range []struct {
		name      string
		d         *analysis.Dataset
		want      []string // on the province sheet
		wantCity  string   // the city sheet's previous figure
		forbidden []string
	}{
		{"adjacent months", sample.National(sample.Options{Cities: 60, Months: 14}), []string{"环比增减", "环比口径", "可比上期人数", "同比增减"}, "上期人数", []string{"比上年增减", "比上月"}},
		{"years", yearView, []string{"比上年增减", "比上年增减率", "比上年口径", "可比上年人数"}, "上年人数", []string{"环比", "同比"}},
		{"months with a gap", gap, []string{"比2024年9月增减", "比2024年9月增减率", "可比2024年9月人数"}, "2024年9月人数", []string{"环比", "上期"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, _, f := mustWrite(t, mustCompare(t, tt.d), vocab.Zh, maxRows)
			rows, _ := f.GetRows("省份")
			head := strings.Join(rows[0], ",")
			for _, w := range tt.want {
				if !slices.Contains(rows[0], w) {
					t.Errorf("省份 has no column %s: %s", w, head)
				}
			}
			for _, w := range tt.forbidden {
				if strings.Contains(head, w) {
					t.Errorf("省份 header holds %s: %s", w, head)
				}
			}
			cities, _ := f.GetRows("城市")
			if !slices.Contains(cities[0], tt.wantCity) {
				t.Errorf("城市 has no column %s: %s", tt.wantCity, strings.Join(cities[0], ","))
			}
		})
	}
}

// TestNoFullCalcOnLoad: the workbook does not ask programs to recalculate
// on load; its cached values are right, and input (basebrief's own reader)
// refuses every formula of a workbook that asks.
func TestNoFullCalcOnLoad(t *testing.T) {
	_, _, f := mustWrite(t, defaultComparison(t), vocab.Zh, maxRows)
	calc, err := f.GetCalcProps()
	if err != nil {
		t.Fatal(err)
	}
	if calc.FullCalcOnLoad != nil && *calc.FullCalcOnLoad {
		t.Error("the workbook asks for recalculation on load (fullCalcOnLoad)")
	}
}

// TestPrintAreaOfFullSheet: a data list split at Excel's last row (the
// figures of 10M rows fill sheet after sheet) still gets a print area
// that is a cell of the sheet: row 1,048,577 does not exist, and
// LibreOffice ignores such an area and prints the million rows.
func TestPrintAreaOfFullSheet(t *testing.T) {
	for _, rows := range []int{maxRows - 2, maxRows - 3, 100} {
		tb := &table{sheet: "人数", rows: rows, long: true, cols: []column{{key: "a"}, {key: "b"}, {key: "c"}}}
		p := tablePlan(tb, []float64{10, 10, 10})
		col, row, err := excelize.CellNameToCoordinates(strings.ReplaceAll(p.area, "$", ""))
		if err != nil || p.area == "" {
			t.Fatalf("%d rows: print area %q (%v), want one cell: printed only when asked", rows, p.area, err)
		}
		if want := min(rows+3, maxRows); row != want || col != 5 {
			t.Errorf("%d rows: print area %s, want column 5 (E), row %d", rows, p.area, want)
		}
	}
}
