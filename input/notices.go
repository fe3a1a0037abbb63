package input

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/analysis"
)

// Notice codes input raises: each a warning with its text in Chinese and
// English (numbers in the Chinese text through analysis/vocab).
const (
	codeColumnUnnamed = "column_unnamed"    // a header cell with no name
	codeColumnUnknown = "column_unknown"    // a header naming no known column
	codeBriefingKey   = "briefing_key"      // an unknown key in briefing.toml
	codeNoFigures     = "figures_empty"     // figures.csv has no rows
	codeNoBases       = "bases_empty"       // bases.csv has no rows
	codeRowsAbove     = "rows_above_header" // title or unit rows above the header
	codeUnit          = "members_unit"      // members read in a unit (万人)
	codeTotals        = "totals_rows"       // totals rows skipped and checked
	codeNotReported   = "not_reported"      // members marked as not reported
	codeScientific    = "scientific_notation"
	codeMonthDays     = "month_day_mixed"     // first- or last-of-month days read as months
	codePeriodKinds   = "period_kinds"        // periods of several kinds present
	codeLineEnds      = "cr_line_ends"        // lines ending with a lone CR
	codeYearMonth     = "year_month_columns"  // 年份 and 月份 columns read as one month
	codeFooter        = "footer_rows"         // notes below the table (注：, 数据来源：) skipped
	codeRemarks       = "side_remarks"        // text beside a row, past the header's columns, skipped
	codeWideTable     = "wide_table"          // one members column per period, read as a long table
	codeTwoRowHeader  = "header_two_rows"     // a header over two rows read as one
	codeProvinceRows  = "province_total_rows" // 合计 as the city of a province's only row
)

// notices gathers a load's warnings.
type notices struct{ list []analysis.Notice }

func (n *notices) add(code, zh, en string) {
	n.list = append(n.list, analysis.Notice{Code: code, Zh: zh, En: en})
}

// mark and reset undo the warnings of an abandoned attempt to read a file.
func (n *notices) mark() int   { return len(n.list) }
func (n *notices) reset(m int) { n.list = n.list[:m] }

// sorted returns the notices in the order of their English text, each once.
func (n *notices) sorted() []analysis.Notice {
	out := slices.Clone(n.list)
	slices.SortStableFunc(out, func(a, b analysis.Notice) int { return cmp.Compare(a.En, b.En) })
	return slices.CompactFunc(out, func(a, b analysis.Notice) bool { return a.En == b.En })
}

// joinLines lists line numbers: "3, 5, 9" and, past those listed, "…";
// in Chinese "3、5、9".
func joinLines(lines []int, total int, zh bool) string {
	sep := ", "
	if zh {
		sep = "、"
	}
	var b strings.Builder
	for i, l := range lines {
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(strconv.Itoa(l))
	}
	if total > len(lines) {
		b.WriteString(sep + "…")
	}
	return b.String()
}

// count says "1 row" or "3 rows".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
