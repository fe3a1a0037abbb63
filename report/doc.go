// Package report renders an analysis.Comparison into the packet's files:
// summary.json here, and through its sub-packages the workbook (workbook),
// the charts (chart), the briefing (briefing builds it as a document and
// draws the PDF; docx writes the same document as Word). It writes bytes, never
// the disk; package output puts them in place.
package report
