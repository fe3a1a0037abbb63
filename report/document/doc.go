// Package document is the briefing as blocks: masthead, headings,
// paragraphs, key-figure boxes, tables, figures, notes and the 版记. The
// briefing package builds one Document from a comparison; the PDF and Word
// renderers draw it and decide nothing about content, so the two files can
// never say different things (one model, several backends, as gonum/plot's
// vg.Canvas serves vgimg, vgsvg and vgpdf).
package document
