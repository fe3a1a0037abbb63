// Package briefing writes the PDF briefing (简报) a meeting reads: a
// masthead (报头) in the manner of GB/T 9704-2012, key figures, a narrative
// written from the comparison's numbers, per-province sections with their
// cities and named bases, the charts, the province and city tables, the
// cross-region view, stated-versus-recorded figures, a data-quality and
// sources appendix, and the closing block (报尾).
//
// It renders an analysis.Comparison and never recomputes a figure the
// comparison holds. Chinese text is wrapped here (wrap.go), not by fpdf's
// MultiCell, which drops a character at every automatic break of CJK text.
package briefing
