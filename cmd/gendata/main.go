package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("gendata", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o Options
	out := fl.String("out", "", "output folder (created if missing)")
	fl.IntVar(&o.Rows, "rows", 1_000_000, "figures.csv data rows")
	fl.IntVar(&o.Cities, "cities", 2800, "county-level units in cities.csv")
	fl.Uint64Var(&o.Seed, "seed", 1, "random seed")
	fl.BoolVar(&o.GBK, "gbk", false, "write the CSV files in GBK")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gendata -out DIR [-rows N] [-cities N] [-seed S] [-gbk]")
		return 2
	}
	if o.Rows < 0 || o.Cities < 31 {
		fmt.Fprintln(stderr, "gendata: -rows must be ≥ 0 and -cities ≥ 31")
		return 2
	}
	if err := Write(*out, o); err != nil {
		fmt.Fprintf(stderr, "gendata: %v\n", err)
		return 1
	}
	return 0
}
