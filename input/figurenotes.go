package input

import (
	"fmt"
	"slices"
	"strings"

	"github.com/basebrief/basebrief/analysis"
)

// What reading figures.csv noticed beyond single rows: markers counted,
// numbers in scientific notation, totals rows, a column of city names
// under an unknown header.

// rowTally counts rows and keeps the first lines.
type rowTally struct {
	n     int
	lines []int
}

func (r *rowTally) add(line int) {
	r.n++
	if len(r.lines) < firstLines {
		r.lines = append(r.lines, line)
	}
}

// cityProbe counts, in an unknown column, the values that are city names
// of cities.csv, over the first rows.
type cityProbe struct {
	column   int // 0-based
	values   int
	cities   int
	examples []string
}

// probeRows is how many rows a column is looked at to tell city names.
const probeRows = 50

func newFigureParser(t *table, ix *cityIndex) figureParser {
	fp := figureParser{t: t, ix: ix}
	if t.idx[colCity] == 0 && ix != nil && ix.loaded {
		for _, i := range t.unknown {
			fp.cityProbe = append(fp.cityProbe, cityProbe{column: i})
		}
	}
	return fp
}

// probe looks at the current row's unknown columns for city names.
func (fp *figureParser) probe() {
	t := fp.t
	if t.rows > probeRows {
		return
	}
	for k := range fp.cityProbe {
		p := &fp.cityProbe[k]
		if p.column >= len(t.rec) {
			continue
		}
		v := name(t.rec[p.column])
		if v == "" {
			continue
		}
		p.values++
		if fp.ix.knowsCity(v) { // in any form: 成都 for 成都市
			p.cities++
			if len(p.examples) < 3 && !contains(p.examples, v) {
				p.examples = append(p.examples, v)
			}
		}
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// notes reports what the whole file showed: called once every row is read.
func (fr *figureReader) notes() {
	t := fr.t
	for _, p := range fr.cityProbe {
		if p.cities > 0 && p.cities*2 >= p.values {
			fr.rep.c.add(Error{File: t.pl.file, Sheet: t.pl.sheet, Line: t.headerLine, Column: p.column + 1,
				Msg: fmt.Sprintf("column %q holds city names of cities.csv (%s) but its header is not a name of the city column, expected the header 城市 or one of %s: unread, its rows would be taken for province-level figures",
					trim(t.header[p.column]), strings.Join(p.examples, ", "), strings.Join(colNames[colCity], ", "))})
		}
	}
	if a := fr.absent; a.n > 0 {
		t.notes.add(codeNotReported,
			fmt.Sprintf("%s：%d行人数未填报（空白、—、/、暂无等），按无数据处理：第%s行", t.pl.name(), a.n, joinLines(a.lines, a.n, true)),
			fmt.Sprintf("%s: %s no members figure (empty, —, /, 暂无 or the like), read as not reported: lines %s", t.pl.name(), count(a.n, "row has", "rows have"), joinLines(a.lines, a.n, false)))
	}
	if s := fr.scientific; s.n > 0 {
		t.notes.add(codeScientific,
			fmt.Sprintf("%s：%d行人数为科学计数法且有效数字不超过4位（如1.21E+06，多因列宽不足），已按所示数值读取，请核对原表：第%s行", t.pl.name(), s.n, joinLines(s.lines, s.n, true)),
			fmt.Sprintf("%s: %s members in scientific notation with 4 or fewer significant digits (1.21E+06, a narrow column's rounding), read as shown; check the exact figures: lines %s", t.pl.name(), count(s.n, "row gives", "rows give"), joinLines(s.lines, s.n, false)))
	}
	if r := fr.provRows; r.n > 0 {
		t.notes.add(codeProvinceRows,
			fmt.Sprintf("%s：%d行城市列为“合计”且是该省份唯一的一行，按该省份的省级数读取：第%s行", t.pl.name(), r.n, joinLines(r.lines, r.n, true)),
			fmt.Sprintf("%s: %s 合计 in the city column as a province's only row, read as the province-level figure: lines %s", t.pl.name(), count(r.n, "row has", "rows have"), joinLines(r.lines, r.n, false)))
	}
	fr.totals.note(t)
	for i := range fr.wideTotals {
		fr.wideTotals[i].note(t) // each period column's totals
	}
	t.layoutNotes()
}

// undoDays reports whether first- or last-of-month days were read as months although
// the table holds no months or holds real days: the table is read again
// with days as days.
func (fr *figureReader) undoDays() bool {
	return fr.daysAsMonths && fr.monthDays.n > 0 && (!fr.months || fr.realDays)
}

// kindsNote says which period was compared when the table holds periods of
// several kinds, and names the days read as months; lines are the rows of
// the compared period.
func (fr *figureReader) kindsNote(periods []analysis.Period, cur analysis.Period, lines []int) {
	t := fr.t
	if d := fr.monthDays; d.n > 0 {
		t.notes.add(codeMonthDays,
			fmt.Sprintf("%s：时期列既有月份又有月初或月末的日期（同一列的两种单元格格式），%d行日期按所在月份读取：第%s行", t.pl.name(), d.n, joinLines(d.lines, d.n, true)),
			fmt.Sprintf("%s: the period column mixes months with first- or last-of-month days (one column, two cell formats); %d day-form rows read as their months: lines %s", t.pl.name(), d.n, joinLines(d.lines, d.n, false)))
	}
	if cur.IsZero() {
		return
	}
	var kinds []analysis.PeriodKind
	for _, p := range periods {
		if k := p.Kind(); !slices.Contains(kinds, k) {
			kinds = append(kinds, k)
		}
	}
	if len(kinds) < 2 {
		return
	}
	slices.Sort(kinds)
	zh, en := make([]string, len(kinds)), make([]string, len(kinds))
	for i, k := range kinds {
		zh[i], en[i] = kindZh[k], kindEn[k]+"s"
	}
	strayZh, strayEn := strayDay(periods, cur, lines)
	t.notes.add(codePeriodKinds,
		fmt.Sprintf("%s：时期有多种类型（%s），本期比较%s（%s），不同类型的时期不相互比较%s", t.pl.name(), strings.Join(zh, "、"), cur, kindZh[cur.Kind()], strayZh),
		fmt.Sprintf("%s: the periods are of several kinds (%s); compared: %s, a %s; periods of different kinds are never compared with each other%s", t.pl.name(), strings.Join(en, ", "), cur, kindEn[cur.Kind()], strayEn))
}

// strayDay is what the period_kinds warning adds when the day compared is
// the only day among several months (2019-03-15 among 2019-01 … 2019-12):
// the contract compares it, the finest kind, but it is most likely a
// month's figure typed as a day, so the warning names its rows and the two
// fixes. Empty otherwise.
func strayDay(periods []analysis.Period, cur analysis.Period, lines []int) (string, string) {
	if cur.Kind() != analysis.KindDay {
		return "", ""
	}
	days, months := 0, 0
	var lastMonth analysis.Period
	for _, p := range periods {
		switch p.Kind() {
		case analysis.KindDay:
			days++
		case analysis.KindMonth:
			months++
			lastMonth = p
		}
	}
	if days != 1 || months < 2 {
		return "", ""
	}
	slices.Sort(lines)
	total, word := len(lines), "line"
	if total > 1 {
		word = "lines"
	}
	lines = lines[:min(total, 5)]
	month := analysis.Period{Year: cur.Year, Month: cur.Month}
	return fmt.Sprintf("；%s是%d个月份中唯一的日期（第%s行）：如为月度数据误写为日期，请改为%s，或用 --period %s 比较月份", cur, months, joinLines(lines, total, true), month, lastMonth),
		fmt.Sprintf("; %s is the only day among %d months (%s %s): if it is a month's figure written as a day, write it as %s, or compare the months with --period %s", cur, months, word, joinLines(lines, total, false), month, lastMonth)
}

var kindEn = map[analysis.PeriodKind]string{
	analysis.KindYear: "year", analysis.KindHalf: "half-year", analysis.KindQuarter: "quarter", analysis.KindMonth: "month", analysis.KindDay: "day",
}

var kindZh = map[analysis.PeriodKind]string{
	analysis.KindYear: "年", analysis.KindHalf: "半年", analysis.KindQuarter: "季度", analysis.KindMonth: "月", analysis.KindDay: "日",
}
