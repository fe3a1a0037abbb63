// Package analysis owns basebrief's domain: the records read from the input
// (Dataset: cities, bases, figures, briefing metadata) and the regional
// comparison computed from them (Comparison). It is pure: no I/O, no
// rendering, no clock. input produces a Dataset; report renders a Comparison.
package analysis
