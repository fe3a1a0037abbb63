// Package input reads a basebrief data folder — cities.csv, bases.csv,
// figures.csv and the optional briefing.toml — and returns a validated
// analysis.Dataset, or every problem found as an *Invalid (its Errors, and
// the warnings that often explain them).
//
// A table is read as rows of cell text from a rowSource (source.go): a CSV
// file's records, decoded and split by internal/csvtext (UTF-8, GB18030 or
// UTF-16, comma or tab, bounded), or a workbook sheet's rows. The rules
// analysts see work on those rows: the layout of a sheet as offices save it
// (layout.go: the header found below title rows, a unit line, totals rows;
// header.go: the column names), the values (members.go, period.go,
// batch.go) and the messages (errors.go: one per problem, with its count
// and first lines, shared fairly between files; notices.go: warnings with a
// code and Chinese and English text). Place names are matched in any
// form (names.go: 成都 for 成都市, through analysis/divisions) and take
// cities.csv's spelling.
//
// Of figures.csv only the rows of the compared period and the one before
// it are kept; the other rows are checked and counted but not held, so
// memory follows the number of cities and periods, not the rows read. A
// large figures.csv is decoded, parsed and checked on three goroutines at
// once, with the same result and the same errors, in the same order, as on
// one.
package input
