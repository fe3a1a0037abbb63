// Package pdf draws a report/document.Document as an A4 PDF in the manner
// of GB/T 9704-2012 (red 报头, three-line tables with 续表, "— N —" page
// numbers, 版记). It is a backend beside report/docx: what the briefing
// says, and how much of it, is decided by report/briefing; the page
// geometry, type sizes and table-fitting rule are report/document's type
// sheet. This package only sets the document's blocks on pages.
//
// Chinese text is wrapped here (wrap.go, with the 禁则), not by fpdf's
// MultiCell, which drops a character at every automatic break of CJK
// text; each character is drawn by the first embedded face that has it
// (report/font), and one no face has is drawn as 〓 (report/briefing names
// it in a missing_glyph notice).
package pdf
