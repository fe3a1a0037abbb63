// Package chart draws the briefing's charts: one horizontal-bar design,
// shared by every chart, that answers one analyst's question each (members
// by city, members and share by province, bases by batch, change against the
// previous period, reporting coverage).
//
// Each chart is drawn once per backend on a gonum/plot vg.Canvas: vgimg for
// the PNG and this package's own SVG canvas, which writes text as glyph
// outlines of the embedded font so the SVG looks the same on a machine with
// no CJK font. Render keeps no global state: fonts are passed to the
// canvases, not registered in gonum/plot's font cache, so it is safe to call
// from several goroutines at once.
package chart
