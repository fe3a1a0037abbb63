// Package workbook writes the analysts' workbook (workbook.xlsx) from an
// analysis.Comparison: an overview, native charts, linked region, province
// and city tables whose totals are live formulas, the bases and figures
// used, and the data-quality notes. Output is byte-identical for the same
// Comparison and Options.
package workbook
