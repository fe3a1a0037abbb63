// Package sheet reads the cells of an .xlsx workbook as text, one row at a
// time, so that a workbook can feed the same layout and value rules as a
// CSV file.
//
// It is a streaming reader written for this, held to excelize's reading of
// the same bytes (README.md: why, what it saves, how to switch back).
// Cells are read as the analyst sees them: a number is its exact stored
// value whatever its display format, and Shown gives the text its number
// format shows (2019.1 in 0.00 shows 2019.10) and Unit the unit it writes
// after it (万人); a date (a number whose format shows a date) is written
// as the period text the CSV rules parse, at the precision its format
// shows (yyyy"年"m"月" gives 2019-05, yyyy/m/d gives 2019-05-17); a formula
// is read by its cached value. A cell with no value to give is a Fault,
// never empty: an error value, a formula never calculated, any formula of
// a workbook that recalculates on opening, text over 32,767 characters, a
// NUL or bytes that are not UTF-8. Every row of a merged range takes the
// range's value in its first column (a province merged down its cities);
// hidden rows and columns are read like visible ones; Hidden says which
// sheets are hidden.
//
// An old binary workbook (.xls, .et), a password-protected one or a file
// that is not a workbook is an error saying so; no input makes it panic.
package sheet
