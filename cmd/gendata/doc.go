// Command gendata writes a deterministic synthetic national data folder for
// benchmarks and scale tests (package synth): cities.csv with ~2,800
// county-level units over the 31 provinces in seven regions, bases.csv,
// figures.csv with monthly periods × segments up to the requested number of
// rows, and briefing.toml.
//
//	go run ./cmd/gendata -out DIR -rows 1000000 -seed 1 [-gbk]
//
// Other shapes (issue 18): -segments=false (a total row per city only),
// -periods 120 (whole monthly periods, ten years; instead of -rows),
// -cities 30000, -bases 1-5 (bases a city), -batches 12, -namelen 40
// (city names padded to 40 characters). The 1M-row shape of issue 18:
//
//	go run ./cmd/gendata -out DIR -cities 8333 -periods 120 -segments=false -bases 1-5
//
// The same flags always give the same bytes. With -gbk the CSV files are
// GBK, as Excel and WPS save them on a Chinese system.
package main
