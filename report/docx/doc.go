// Package docx writes the briefing as a Word document (briefing.docx) from
// the same report/document.Document the PDF is drawn from, so the two never
// say different things. It writes the WordprocessingML parts itself, with
// archive/zip and a small escaping writer: the one Go library tried
// (gomutex/godocx) has no complex fields, one footer per section and no
// footer parts (see README.md).
//
// The document is Word-native rather than a picture of the PDF: every
// paragraph has a named style (正文, 标题, 一级标题, 二级标题, 题注, 注释 …)
// carrying its East Asian and Latin fonts, so an office restyles the whole
// briefing at once; tables are Word tables with a repeating header row;
// charts are inline PNG pictures with alt text; page numbers "— N —" are a
// PAGE field in odd (right) and even (left) footers. The page is A4 with
// the GB/T 9704-2012 type area (156 × 225 mm, top margin 37 mm, left 28 mm).
//
// Output is deterministic: fixed part order, fixed zip times (the
// document's Created time), no random ids.
package docx
