// Package chart draws the briefing's charts: one horizontal-bar design,
// shared by every chart, that answers one analyst's question each (members
// by city, members and share by province, bases by batch, change against the
// previous period, reporting coverage).
//
// The bars are a gonum/plot plot.Plot: horizontal plotter.BarCharts
// (stacked with StackOn for bases by batch, signed for the change chart),
// category names on a nominal Y axis, the value axis with a plot.Ticker that
// writes 20万 or 1.5 million, plotter.Grid gridlines and plotter.Labels value
// labels. Around the plot's area this package places what a plot does not
// do well: the title block, the legend row, region headings, the "其他"
// row, notes and the source line.
//
// Each chart is drawn once per backend on a vg.Canvas: vgimg for the PNG
// (with text, and straight-edged fills such as bars, drawn by this
// package's own code to the same pixels, faster) and this package's own SVG
// canvas, which writes text as glyph outlines of the embedded font so the
// SVG looks the same on a machine with no CJK font.
// Render keeps no global state: text goes through a text handler over a
// font cache of its own, not gonum/plot's font.DefaultCache, so it is safe
// to call from several goroutines at once.
package chart
