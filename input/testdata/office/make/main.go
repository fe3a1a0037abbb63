// Command make writes the office fixtures of input's tests the way an
// analyst's office suite saves them: each table is built as an .xlsx
// workbook (typed cells: dates with their display formats, numbers in
// scientific format, formulas, merged titles), then LibreOffice saves it as
// CSV (UTF-8 and GBK, as Excel and WPS save CSV on a Chinese system) and
// as tab-separated UTF-16 ("Unicode text"). Run from the repository root:
//
//	go run ./input/testdata/office/make
//
// It needs libreoffice on the PATH. The workbooks are kept beside the CSVs
// so the fixtures can be checked against their source.
package main

import (
	"bytes"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"
)

const dir = "input/testdata/office"

// cell is a typed value: a string, a number, a date with its format, or
// a formula.
type cell struct {
	v       any
	format  string // custom number format, for dates and numbers
	formula string
}

func s(v string) cell  { return cell{v: v} }
func n(v float64) cell { return cell{v: v} }
func date(y, m, d int, f string) cell {
	return cell{v: time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), format: f}
}
func sum(f string) cell { return cell{formula: f} }

const (
	monthFmt = `yyyy"年"m"月"`
	dayFmt   = `yyyy/m/d`
)

var books = map[string][][]cell{
	// cities: a title above the header.
	"cities": {
		{s("试点、推广城市名单")},
		{},
		{s("城市"), s("省份"), s("片区"), s("类型")},
		{s("成都"), s("四川"), s("西部"), s("试点")},
		{s("绵阳"), s("四川"), s("西部"), s("推广")},
		{s("重庆"), s("重庆"), s("西部"), s("试点")},
	},
	// bases: a header and no rows yet.
	"bases": {
		{s("基地"), s("城市"), s("批次")},
	},
	// layout: a merged title, a unit line, the city column headed 城市名称,
	// one period column with two cell formats (months, and first-of-month
	// days on Sichuan's December rows), a not-reported dash, subtotals (one
	// a formula, one typed wrong).
	"layout": {
		{s("2019年西部地区新的社会阶层人士人数统计表")},
		{s("单位：万人")},
		{s("省份"), s("城市名称"), s("时期"), s("人数")},
		{s("四川"), s("成都"), date(2019, 11, 1, monthFmt), n(128)},
		{s("四川"), s("绵阳"), date(2019, 11, 1, monthFmt), n(12.5)},
		{s("重庆"), s("重庆"), date(2019, 11, 1, monthFmt), n(140)},
		{s("小计"), s(""), s(""), sum("SUM(D4:D6)")},
		{s("四川"), s("成都"), date(2019, 12, 1, dayFmt), n(130)},
		{s("四川"), s("绵阳"), date(2019, 12, 1, dayFmt), s("—")},
		{s("重庆"), s("重庆"), date(2019, 12, 1, monthFmt), n(141)},
		{s("小计"), s(""), s(""), n(272)},
	},
	// values: quarters, a narrow column's scientific notation, a
	// space-grouped count, a header with the members' unit.
	"values": {
		{s("省份"), s("城市"), s("统计期"), s("人数（人）")},
		{s("四川"), s("成都"), s("2019Q1"), cell{v: 1110000.0, format: "0.00E+00"}},
		{s("重庆"), s("重庆"), s("2019-Q1"), n(1400000)},
		{s("四川"), s("成都"), s("2019年第二季度"), s("1 300 000")},
		{s("重庆"), s("重庆"), s("2019年2季度"), n(1410000)},
		{s("四川"), s("绵阳"), s("2019年二季度"), s("暂无")},
	},
	// days: compact days and date-times at midnight.
	"days": {
		{s("省份"), s("城市"), s("日期"), s("人数")},
		{s("四川"), s("成都"), s("20190516"), n(1300000)},
		{s("四川"), s("成都"), date(2019, 5, 17, "yyyy-mm-dd hh:mm:ss"), n(1310000)},
		{s("重庆"), s("重庆"), date(2019, 5, 17, "yyyy/m/d h:mm"), n(1410000)},
	},
	// errors: approximate values on several rows, a date serial, a time of
	// day, a unit that is not of people.
	"errors": {
		{s("单位：个")},
		{s("省份"), s("城市"), s("时期"), s("人数")},
		{s("四川"), s("成都"), s("2019年5月"), s("约130万")},
		{s("四川"), s("绵阳"), s("2019年5月"), s("约13万")},
		{s("重庆"), s("重庆"), s("2019年5月"), s("约130万")},
		{s("四川"), s("成都"), n(43602), n(1300000)},
		{s("四川"), s("绵阳"), cell{v: time.Date(2019, 5, 17, 14, 30, 0, 0, time.UTC), format: "yyyy-mm-dd hh:mm"}, n(1300000)},
		{s("重庆"), s("重庆"), s("2019年6月"), s("约130万")},
	},
	// halves: half-years written four ways, a year-end form beside them
	// (another kind, not compared with the halves).
	"halves": {
		{s("省份"), s("城市"), s("时期"), s("人数")},
		{s("四川"), s("成都"), s("2018年上半年"), n(1200000)},
		{s("重庆"), s("重庆"), s("2018年上半年"), n(1300000)},
		{s("四川"), s("成都"), s("2018年下半年"), n(1250000)},
		{s("重庆"), s("重庆"), s("2018-H2"), n(1350000)},
		{s("四川"), s("成都"), s("2018年末"), n(1260000)},
		{s("四川"), s("成都"), s("2019年上半年"), n(1300000)},
		{s("重庆"), s("重庆"), s("2019H1"), n(1400000)},
		{s("四川"), s("绵阳"), s("2019年上半年"), n(120000)},
	},
	// numerals: a date column shown in Chinese numerals ([DBNum1], as
	// Chinese Excel and WPS offer it), and the same typed by hand.
	"numerals": {
		{s("省份"), s("城市"), s("时期"), s("人数")},
		{s("四川"), s("成都"), date(2019, 4, 1, `[DBNum1][$-804]yyyy"年"m"月"`), n(1280000)},
		{s("重庆"), s("重庆"), s("二零一九年四月"), n(1390000)},
		{s("四川"), s("成都"), date(2019, 5, 1, `[DBNum1][$-804]yyyy"年"m"月"`), n(1300000)},
		{s("重庆"), s("重庆"), s("二〇一九年五月"), n(1410000)},
		{s("四川"), s("绵阳"), date(2019, 5, 1, `[DBNum1][$-804]yyyy"年"m"月"`), n(125000)},
	},
	// monthend: months, and on two November rows a month-end day (one
	// column, two cell formats).
	"monthend": {
		{s("省份"), s("城市"), s("时期"), s("人数")},
		{s("四川"), s("成都"), date(2019, 10, 1, monthFmt), n(1280000)},
		{s("四川"), s("绵阳"), date(2019, 10, 1, monthFmt), n(120000)},
		{s("重庆"), s("重庆"), date(2019, 10, 1, monthFmt), n(1400000)},
		{s("四川"), s("成都"), date(2019, 11, 30, dayFmt), n(1300000)},
		{s("四川"), s("绵阳"), date(2019, 11, 1, monthFmt), n(125000)},
		{s("重庆"), s("重庆"), date(2019, 11, 30, dayFmt), n(1410000)},
	},
	// yearmonth: the period in two columns, 年份 and 月份, typed as numbers.
	"yearmonth": {
		{s("省份"), s("城市"), s("年份"), s("月份"), s("人数")},
		{s("四川"), s("成都"), n(2019), n(4), n(1280000)},
		{s("重庆"), s("重庆"), n(2019), n(4), n(1390000)},
		{s("四川"), s("成都"), n(2019), n(5), n(1300000)},
		{s("重庆"), s("重庆"), n(2019), n(5), n(1410000)},
		{s("四川"), s("绵阳"), n(2019), n(5), n(125000)},
	},
	// footer: notes below the table, a remark beside a row in a column
	// with no header, 140万名.
	"footer": {
		{s("省份"), s("城市"), s("时期"), s("人数")},
		{s("四川"), s("成都"), s("2019"), n(1300000)},
		{s("四川"), s("绵阳"), s("2019"), s("12.5万名"), s("数据待核实")},
		{s("重庆"), s("重庆"), s("2019"), n(1410000)},
		{},
		{s("注：绵阳为估算数。")},
		{s("数据来源：各市委统战部")},
		{s("填表人：张三"), s(""), s("审核人：李四")},
	},
	// totalsabove: totals rows above the rows they close, a grand total
	// 合　计 padded with a full-width space.
	"totalsabove": {
		{s("省份"), s("城市"), s("时期"), s("人数")},
		{s("合　计"), s(""), s("2019"), n(2835000)},
		{s("四川"), s("小计"), s("2019"), n(1425000)},
		{s("四川"), s("成都"), s("2019"), n(1300000)},
		{s("四川"), s("绵阳"), s("2019"), n(125000)},
		{s("重庆"), s("小计"), s("2019"), n(1410000)},
		{s("重庆"), s("重庆"), s("2019"), n(1410000)},
	},
	// wholeprovince: a province's own figure with 全市 in the city column.
	"wholeprovince": {
		{s("省份"), s("城市"), s("时期"), s("人数")},
		{s("四川"), s("成都"), s("2019"), n(1300000)},
		{s("四川"), s("绵阳"), s("2019"), n(125000)},
		{s("重庆"), s("全市"), s("2019"), n(1410000)},
	},
	// wide: one members column per period, the period in the header, a
	// 合计 row below.
	"wide": {
		{s("省份"), s("城市"), s("2017年"), s("2018年"), s("2019年")},
		{s("四川"), s("成都"), n(1200000), n(1250000), n(1300000)},
		{s("四川"), s("绵阳"), s(""), n(120000), n(125000)},
		{s("重庆"), s("重庆"), n(1350000), n(1400000), n(1410000)},
		{s("合计"), s(""), n(2550000), n(2770000), n(2835000)},
	},
	// widetwo: a two-row header, 人数（万人） over the period cells (merged
	// across in the workbook), 省份 and 城市 merged down.
	"widetwo": {
		{s("省份"), s("城市"), s("人数（万人）"), s("")},
		{s(""), s(""), s("2018年"), s("2019年")},
		{s("四川"), s("成都"), n(120), n(130)},
		{s("重庆"), s("重庆"), n(135), n(141)},
	},
	// splitheader: a header split over two rows (新的社会阶层 over 人士人数).
	"splitheader": {
		{s("省份"), s("城市"), s("时期"), s("新的社会阶层")},
		{s(""), s(""), s(""), s("人士人数")},
		{s("四川"), s("成都"), s("2019"), n(1300000)},
		{s("重庆"), s("重庆"), s("2019"), n(1410000)},
	},
	// provincetotal: 合计 as the city of 重庆's only row (its own figure)
	// below 四川's cities and their 小计.
	"provincetotal": {
		{s("省份"), s("城市"), s("时期"), s("人数")},
		{s("四川"), s("成都"), s("2019"), n(1300000)},
		{s("四川"), s("绵阳"), s("2019"), n(125000)},
		{s("四川"), s("小计"), s("2019"), n(1425000)},
		{s("重庆"), s("合计"), s("2019"), n(1410000)},
	},
	// citycolumn: the city column under a header that is not a city name.
	"citycolumn": {
		{s("省份"), s("城市名"), s("时期"), s("人数")},
		{s("四川"), s("成都"), s("2019"), n(1300000)},
		{s("四川"), s("绵阳"), s("2019"), n(130000)},
		{s("重庆"), s("重庆"), s("2019"), n(1400000)},
	},
}

// saves are the ways a workbook is saved: LibreOffice's CSV filter options
// (separator, quote, character set: 76 UTF-8, 85 GBK, 65535 UTF-16 with a
// BOM; first line, ..., save cell contents as shown) and the file made.
var saves = []struct{ options, ext string }{
	{"44,34,76,1,,0,false,true,true,false,false", ".csv"},       // CSV UTF-8
	{"44,34,85,1,,0,false,true,true,false,false", ".gbk.csv"},   // CSV as Excel/WPS save it in China
	{"9,34,65535,1,,0,false,true,true,false,false", ".u16.txt"}, // Unicode text: UTF-16, tabs
}

// gbkOnly are the books saved only as GBK CSV, the way a Chinese Excel or
// WPS saves "CSV (逗号分隔)".
var gbkOnly = map[string]bool{"halves": true, "numerals": true, "monthend": true, "yearmonth": true, "footer": true, "totalsabove": true, "wholeprovince": true, "wide": true, "widetwo": true, "splitheader": true, "provincetotal": true}

// main writes every book, or only those named on the command line.
func main() {
	tmp, err := os.MkdirTemp("", "office-fixtures-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	only := map[string]bool{}
	for _, a := range os.Args[1:] {
		only[a] = true
	}
	for name, rows := range books {
		if len(only) > 0 && !only[name] {
			continue
		}
		xlsx := filepath.Join(dir, "xlsx", name+".xlsx")
		if err := writeBook(xlsx, rows); err != nil {
			log.Fatal(err)
		}
		for _, sv := range saves {
			if gbkOnly[name] != (sv.ext == ".gbk.csv") && !(name == "layout" && !gbkOnly[name]) {
				continue
			}
			out := filepath.Join(tmp, sv.ext)
			cmd := exec.Command("libreoffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):"+sv.options, "--outdir", out, xlsx)
			if b, err := cmd.CombinedOutput(); err != nil {
				log.Fatalf("%s: %v\n%s", xlsx, err, b)
			}
			b, err := os.ReadFile(filepath.Join(out, name+".csv"))
			if err != nil {
				log.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, name+sv.ext), b, 0o644); err != nil {
				log.Fatal(err)
			}
			if name == "layout" && sv.ext == ".csv" {
				// Old Mac Excel ended lines with a lone CR.
				cr := bytes.ReplaceAll(bytes.ReplaceAll(b, []byte("\r\n"), []byte("\r")), []byte("\n"), []byte("\r"))
				if err := os.WriteFile(filepath.Join(dir, name+".cr.csv"), cr, 0o644); err != nil {
					log.Fatal(err)
				}
			}
		}
	}
}

func writeBook(path string, rows [][]cell) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := "Sheet1"
	styles := map[string]int{}
	for r, row := range rows {
		for c, v := range row {
			ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
			var err error
			switch {
			case v.formula != "":
				err = f.SetCellFormula(sheet, ref, v.formula)
			default:
				err = f.SetCellValue(sheet, ref, v.v)
			}
			if err != nil {
				return err
			}
			if v.format != "" {
				id, ok := styles[v.format]
				if !ok {
					format := v.format
					if id, err = f.NewStyle(&excelize.Style{CustomNumFmt: &format}); err != nil {
						return err
					}
					styles[v.format] = id
				}
				if err := f.SetCellStyle(sheet, ref, ref, id); err != nil {
					return err
				}
			}
		}
	}
	if len(rows) > 0 && len(rows[0]) == 1 && len(rows) > 2 && len(rows[2]) > 1 {
		// A title over the table's width, merged as offices do.
		last, _ := excelize.CoordinatesToCellName(len(rows[2]), 1)
		if err := f.MergeCell(sheet, "A1", last); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return f.SaveAs(path)
}

func init() { log.SetFlags(0) }
