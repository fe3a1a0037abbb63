// Package input reads a basebrief data folder — cities.csv, bases.csv,
// figures.csv and the optional briefing.toml — and returns a validated
// analysis.Dataset, or every problem found as Errors.
//
// Each CSV is detected as UTF-8 (with or without BOM) or GB18030 on its own,
// streamed with bounded memory (record and column caps guard against hostile
// input) and hashed as it is read. Of figures.csv only the rows of the
// compared period and the one before it are kept; the other rows are checked
// and counted but not held, so memory follows the number of cities and
// periods, not the rows read. A large figures.csv is decoded, parsed and
// checked on three goroutines at once, with the same result and the same
// errors, in the same order, as on one.
package input
