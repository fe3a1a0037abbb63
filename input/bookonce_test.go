package input

import (
	"bytes"
	"fmt"
	"io/fs"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
)

// swapFS serves data.xlsx from one workbook on the first open and another
// on every later one: a file replaced while a run reads it.
type swapFS struct {
	fstest.MapFS
	mu    sync.Mutex
	opens int
	later []byte
}

func (f *swapFS) Open(name string) (fs.File, error) {
	if name != dataBook {
		return f.MapFS.Open(name)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.opens++
	if f.opens > 1 {
		return fstest.MapFS{name: &fstest.MapFile{Data: f.later}}.Open(name)
	}
	return f.MapFS.Open(name)
}

// A data.xlsx is read once, from one snapshot: replaced after its first
// reading, the tables still come from the first version (issue 22).
func TestDataBookReadOnce(t *testing.T) {
	first := xbook{sheets: []xsheet{
		{name: "城市", rows: xrow(1, "s0", "s1", "s2") + xrow(2, "s3", "s4", "s5")},
		{name: "基地", rows: xrow(1, "s6", "s0")},
		{name: "人数", rows: xrow(1, "s1", "s0", "s7", "s8") + xrow(2, "s4", "s3", "2019", "1300000")},
	}, strs: []string{"城市", "省份", "片区", "成都", "四川", "西部地区", "基地", "时期", "人数"}}.bytes(t)
	later := xbook{sheets: []xsheet{
		{name: "城市", rows: xrow(1, "s0", "s1", "s2") + xrow(2, "s3", "s4", "s5")},
		{name: "基地", rows: xrow(1, "s6", "s0")},
		{name: "人数", rows: xrow(1, "s1", "s0", "s7", "s8") + xrow(2, "s4", "s3", "2019", "999")},
	}, strs: []string{"城市", "省份", "片区", "绵阳", "四川", "西部地区", "基地", "时期", "人数"}}.bytes(t)
	fsys := &swapFS{MapFS: fstest.MapFS{dataBook: &fstest.MapFile{Data: first}}, later: later}
	d, err := Load(fsys, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := figureLines(d.Figures), []string{"2 2019 成都 1300000"}; !reflect.DeepEqual(got, want) {
		t.Errorf("figures %q, want %q", got, want)
	}
	if fsys.opens != 1 {
		t.Errorf("data.xlsx opened %d times, want once", fsys.opens)
	}
	sums := map[string]bool{}
	for _, f := range d.Files {
		sums[f.SHA256] = true
	}
	if len(sums) != 1 {
		t.Errorf("the three sheets have %d checksums, want the one of the snapshot", len(sums))
	}
}

// A file named as a workbook that is a web page (WPS saves HTML as .xls),
// an XML Spreadsheet 2003 or a CSV file is named as what it is (issue 22).
func TestNotAWorkbookNamed(t *testing.T) {
	html := "<html xmlns:x=\"urn:schemas-microsoft-com:office:excel\">\r\n<head><meta charset=\"utf-8\"></head><body><table><tr><td>省份</td><td>城市</td></tr></table></body></html>\r\n"
	xml2003 := `<?xml version="1.0"?>` + "\n" + `<?mso-application progid="Excel.Sheet"?>` + "\n" + `<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>`
	csv := "省份,城市,时期,人数\r\n四川,成都,2019,1300000\r\n"
	gbk := "\xca\xa1\xb7\xdd,\xb3\xc7\xca\xd0\r\n"
	tests := []struct{ name, data, want string }{
		{"figures.xls", html, "figures.xls: an HTML page named as a workbook (WPS and Excel save web pages as .xls), expected an .xlsx workbook: open it in Excel or WPS and save it as Excel Workbook (*.xlsx)"},
		{"figures.xlsx", html, "figures.xlsx: an HTML page named as a workbook (WPS and Excel save web pages as .xls), expected an .xlsx workbook: open it in Excel or WPS and save it as Excel Workbook (*.xlsx)"},
		{"figures.xls", xml2003, "figures.xls: an XML Spreadsheet 2003 file, expected an .xlsx workbook: open it in Excel or WPS and save it as Excel Workbook (*.xlsx)"},
		{"figures.xlsx", csv, "figures.xlsx: a CSV text file named .xlsx, expected an .xlsx workbook: rename it figures.csv, or open it in Excel or WPS and save it as Excel Workbook (*.xlsx)"},
		{"figures.xls", gbk, "figures.xls: a CSV text file named .xls, expected an .xlsx workbook: rename it figures.csv, or open it in Excel or WPS and save it as Excel Workbook (*.xlsx)"},
		{"data.xlsx", csv, "data.xlsx: a CSV text file named .xlsx, expected an .xlsx workbook: rename it after its table (cities.csv, bases.csv or figures.csv), or open it in Excel or WPS and save it as Excel Workbook (*.xlsx)"},
		{"figures.xls", string(readShown(t, "units.xlsx")), "figures.xls: an .xlsx workbook named .xls, expected the name figures.xlsx: rename it"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+tt.want[strings.Index(tt.want, ": ")+2:][:12], func(t *testing.T) {
			fsys := fstest.MapFS{tt.name: text(tt.data)}
			if tt.name != dataBook {
				fsys["cities.csv"] = text("城市,省份,片区\n成都,四川,西部地区\n")
				fsys["bases.csv"] = text("基地,城市\n")
			}
			_, err := Load(fsys, Options{})
			got := errorLines(err)
			if len(got) != 1 || got[0] != tt.want {
				t.Errorf("errors\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// In data.xlsx, a table with no sheet named after it is read from the one
// other sheet holding its columns; two such sheets are an error naming
// them.
func TestDataBookHeldSheet(t *testing.T) {
	sheets := func(extra ...xsheet) []byte {
		return xbook{sheets: append([]xsheet{
			{name: "城市", rows: xrow(1, "s0", "s1", "s2") + xrow(2, "s3", "s4", "s5")},
			{name: "基地", rows: xrow(1, "s6", "s0")},
		}, extra...), strs: []string{"城市", "省份", "片区", "成都", "四川", "西部地区", "基地", "时期", "人数"}}.bytes(t)
	}
	table := xrow(1, "s1", "s0", "s7", "s8") + xrow(2, "s4", "s3", "2019", "1300000")
	d, err := Load(fstest.MapFS{dataBook: &fstest.MapFile{Data: sheets(xsheet{name: "说明"}, xsheet{name: "人数统计表", rows: table})}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := figureLines(d.Figures), []string{"2 2019 成都 1300000"}; !reflect.DeepEqual(got, want) {
		t.Errorf("figures %q, want %q", got, want)
	}
	if want := `data.xlsx: the figures table read from sheet "人数统计表", the one sheet holding its columns`; !slices.Contains(d.Warnings(), want) {
		t.Errorf("warnings %q, want %q among them", d.Warnings(), want)
	}
	_, err = Load(fstest.MapFS{dataBook: &fstest.MapFile{Data: sheets(xsheet{name: "2018", rows: table}, xsheet{name: "2019", rows: table})}}, Options{})
	want := []string{`data.xlsx: sheets "2018", "2019" all hold the columns of the figures table, expected one: name the one to read 人数 (or figures)`}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors\n got %q\nwant %q", got, want)
	}
}

// A sheet whose compressed data is damaged is one error, its fix said once
// (issue 22: workbook errors repeated themselves).
func TestDamagedSheetSaidOnce(t *testing.T) {
	var rows strings.Builder
	rows.WriteString(xrow(1, "s0", "s1", "s2", "s3"))
	for i := 2; i < 20000; i++ { // past 1 MiB: the rows meet the damage before the merge search
		rows.WriteString(xrow(i, "s4", "s5", "2019", fmt.Sprint(1000+i*7919%100000)))
	}
	data := xbook{sheets: []xsheet{{name: "人数", rows: rows.String()}}, strs: []string{"省份", "城市", "时期", "人数", "四川", "成都"}}.bytes(t)
	at := bytes.Index(data, []byte("xl/worksheets/sheet1.xml")) + 20000
	for i := at; i < at+40; i++ {
		data[i] ^= 0x5A
	}
	_, err := Load(shownFolder("figures.xlsx", data), Options{})
	got := errorLines(err)
	if len(got) != 1 || strings.Count(got[0], "save it") != 1 || !strings.HasPrefix(got[0], "figures.xlsx:人数: the workbook is damaged (") {
		t.Errorf("errors %q, want one naming the sheet, its fix said once", got)
	}

	// XML cut short: the sheet is named once, by the place.
	cut := xbook{sheets: []xsheet{{name: "人数", rows: xrow(1, "s0", "s1", "s2", "s3") + `<row r="2"><c r="A2" t="s"><v>4</v>`}},
		strs: []string{"省份", "城市", "时期", "人数", "四川"}}.bytes(t)
	_, err = Load(shownFolder("figures.xlsx", cut), Options{})
	want := []string{"figures.xlsx:人数: the workbook is damaged (the sheet's XML ends early, as in a file cut short): open it in Excel or WPS and save it again as Excel Workbook (*.xlsx)"}
	if got := errorLines(err); !reflect.DeepEqual(got, want) {
		t.Errorf("errors\n got %q\nwant %q", got, want)
	}
}

// Text a CSV file may not hold is refused from a workbook too, and text it
// may (a bidi override in a name) reads the same from both.
func TestWorkbookTextLikeCSV(t *testing.T) {
	tests := []struct {
		name, city string
		invalid    string // what the workbook's error says, "" for none
	}{
		{"bidi override", "成都\u202e", ""},
		{"NUL", "成都\x00", "NUL character: binary content, expected text"},
		{"not UTF-8", "成都\xff", "invalid UTF-8 byte sequence, expected UTF-8 text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			csvFolder := shownFolder("figures.csv", []byte("省份,城市,时期,人数\n四川,"+tt.city+",2019,1300000\n"))
			esc := strings.ReplaceAll(tt.city, "\x00", "_x0000_")
			book := xbook{sheets: []xsheet{{name: "人数", rows: xrow(1, "s0", "s1", "s2", "s3") + xrow(2, "s4", "s5", "2019", "1300000")}},
				strs: []string{"省份", "城市", "时期", "人数", "四川", esc}}.bytes(t)
			dc, errc := Load(csvFolder, Options{})
			dx, errx := Load(shownFolder("figures.xlsx", book), Options{})
			if tt.invalid != "" {
				if errc == nil || errx == nil {
					t.Fatalf("CSV error %v, workbook error %v: want both refused", errc, errx)
				}
				if got := errorLines(errx); len(got) != 1 || !strings.HasPrefix(got[0], "figures.xlsx:人数!B2: "+tt.invalid) {
					t.Errorf("workbook errors %q, want one naming B2: %s", got, tt.invalid)
				}
				return
			}
			if errc != nil || errx != nil {
				t.Fatalf("CSV error %v, workbook error %v", errc, errx)
			}
			if !reflect.DeepEqual(figureLines(dc.Figures), figureLines(dx.Figures)) {
				t.Errorf("figures from CSV %q, from the workbook %q", figureLines(dc.Figures), figureLines(dx.Figures))
			}
		})
	}
}
