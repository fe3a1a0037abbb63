// Command gendata writes a deterministic synthetic national data folder for
// benchmarks and scale tests: cities.csv with ~2,800 county-level units over
// the 31 provinces in seven regions, bases.csv, figures.csv with monthly
// periods × segments up to the requested number of rows, and briefing.toml.
//
//	go run ./cmd/gendata -out DIR -rows 1000000 -seed 1 [-gbk]
//
// The same flags always give the same bytes. With -gbk the CSV files are
// GBK, as Excel and WPS save them on a Chinese system.
package main
