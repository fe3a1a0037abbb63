package input

import (
	"io/fs"
	"reflect"
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
