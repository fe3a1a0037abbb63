package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/cmd/gendata/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

const usage = "usage: gendata -out DIR [-rows N | -periods N] [-cities N] [-segments=false] [-bases MIN-MAX] [-batches N] [-namelen N] [-seed S] [-gbk]"

func run(args []string, stderr io.Writer) int {
	fl := flag.NewFlagSet("gendata", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o synth.Options
	out := fl.String("out", "", "output folder (created if missing)")
	fl.IntVar(&o.Rows, "rows", 1_000_000, "figures.csv data rows")
	fl.IntVar(&o.Periods, "periods", 0, "whole monthly periods ending 2024-12 instead of -rows (120: ten years)")
	fl.IntVar(&o.Cities, "cities", 2800, "county-level units in cities.csv")
	segments := fl.Bool("segments", true, "segment rows for every fourth city; false: totals only")
	bases := fl.String("bases", "0-2", "bases a city, MIN-MAX")
	fl.IntVar(&o.Batches, "batches", 12, "batches the bases are named in")
	fl.IntVar(&o.NameLen, "namelen", 0, "pad city names to this many characters")
	fl.Uint64Var(&o.Seed, "seed", 1, "random seed")
	fl.BoolVar(&o.GBK, "gbk", false, "write the CSV files in GBK")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	set := map[string]bool{}
	fl.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if *out == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, usage)
		return 2
	}
	o.NoSegments = !*segments
	lo, hi, ok := strings.Cut(*bases, "-")
	var err1, err2 error
	o.MinBases, err1 = strconv.Atoi(lo)
	o.MaxBases, err2 = strconv.Atoi(hi)
	switch {
	case set["rows"] && set["periods"]:
		fmt.Fprintln(stderr, "gendata: give -rows or -periods, not both")
		return 2
	case !ok || err1 != nil || err2 != nil || o.MinBases < 0 || o.MaxBases < o.MinBases:
		fmt.Fprintf(stderr, "gendata: -bases %q: want MIN-MAX, as 1-5\n", *bases)
		return 2
	case o.Rows < 0 || o.Periods < 0 || o.Cities < 31 || o.Batches < 1 || o.Batches > 99 || o.NameLen < 0:
		fmt.Fprintln(stderr, "gendata: -rows and -periods must be ≥ 0, -cities ≥ 31, -batches 1 to 99")
		return 2
	}
	if err := synth.Write(*out, o); err != nil {
		fmt.Fprintf(stderr, "gendata: %v\n", err)
		return 1
	}
	return 0
}
