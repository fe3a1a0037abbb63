// Package sheet reads the cells of an .xlsx workbook as text, one row at a
// time, so that a workbook can feed the same layout and value rules as a
// CSV file.
//
// It is a streaming reader written for this: excelize's row iterator
// decodes each cell with encoding/xml and reads a 1M-row sheet in about
// 12 s; this scanner reads the same sheet in a fraction of that with
// bounded memory. Cells are typed as the workbook stores them: a number
// is its exact stored value whatever its display format; a date (a number
// whose format shows a date) is written as the period text the CSV rules
// parse, at the precision its format shows (yyyy"年"m"月" gives 2019-05,
// yyyy/m/d gives 2019-05-17); a formula is read by its cached value, and a
// formula never calculated reads as empty; every row of a merged range
// takes the range's value in its first column (a province merged down its
// cities); hidden rows and columns are read like visible ones.
//
// An old binary workbook (.xls, .et), a password-protected one or a file
// that is not a workbook is an error saying so; no input makes it panic.
package sheet
