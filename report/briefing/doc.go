// Package briefing makes the briefing (简报) a meeting reads. Build lays it
// out once as a report/document.Document: a masthead (报头) in the manner
// of GB/T 9704-2012, key figures, a narrative built from claims (every
// figure it states is a field of summary.json, see Narrative), a section
// per province or, for large data, per region, the charts, the province,
// city and base tables (top rows, "其余N个" and totals), stated-versus-
// recorded figures, a data-quality and sources appendix and the 版记. It
// decides what is said and how much, so the briefing stays a few pages at
// any size. report/pdf draws that document as an A4 PDF and report/docx
// as Word; neither decides anything about content.
//
// It renders an analysis.Comparison and never recomputes a figure the
// comparison holds. A character no embedded face draws is named in a
// missing_glyph notice (the PDF draws it as 〓).
package briefing
