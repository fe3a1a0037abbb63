package input

import (
	"fmt"
	"strings"
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
		if _, ok := fp.ix.byName[v]; ok {
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
			fmt.Sprintf("%s：%d行人数未填报（空白、—、/、暂无等），按无数据处理：第%s行", t.pl.file, a.n, joinLines(a.lines, a.n, true)),
			fmt.Sprintf("%s: %d rows have no members figure (empty, —, /, 暂无 or the like), read as not reported: lines %s", t.pl.file, a.n, joinLines(a.lines, a.n, false)))
	}
	if s := fr.scientific; s.n > 0 {
		t.notes.add(codeScientific,
			fmt.Sprintf("%s：%d行人数为科学计数法且有效数字不超过4位（如1.21E+06，多因列宽不足），已按所示数值读取，请核对原表：第%s行", t.pl.file, s.n, joinLines(s.lines, s.n, true)),
			fmt.Sprintf("%s: %d rows give members in scientific notation with 4 or fewer significant digits (1.21E+06, a narrow column's rounding), read as shown; check the exact figures: lines %s", t.pl.file, s.n, joinLines(s.lines, s.n, false)))
	}
	fr.totals.note(t)
}
