// Package report renders an analysis.Comparison into the packet's files:
// summary.json here, and through its sub-packages the workbook (workbook),
// the charts (chart) and the PDF briefing (briefing). It writes bytes, never
// the disk; package output puts them in place.
package report
