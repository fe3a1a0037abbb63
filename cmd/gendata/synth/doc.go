// Package synth writes deterministic synthetic national data folders for
// benchmarks and scale tests, in the shapes of issue 18: cities.csv with
// county-level units over the 31 provinces in seven regions, bases.csv,
// figures.csv with monthly periods (with or without segment rows) and
// briefing.toml. cmd/gendata is its command line; the stage benchmarks
// generate their inputs with it, so both meet the same shapes.
//
// The same Options always give the same bytes.
package synth
