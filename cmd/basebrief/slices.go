package main

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report"
)

// renderSlices renders a packet per province (or region) of cmp, from the
// same load, under slices/NAME/. Each slice is compared on its own (its
// cities among themselves) and told where it stands in the whole.
func renderSlices(ds *analysis.Dataset, cmp *analysis.Comparison, kind string, o report.Options) ([]report.File, []string, error) {
	var files []report.File
	var notes []string
	for _, name := range analysis.SliceNames(cmp, kind) {
		sc, err := analysis.CompareSlice(ds, cmp, kind, name)
		if err != nil {
			return nil, nil, err
		}
		fs, ns, err := report.Packet(sc, o)
		if err != nil {
			return nil, nil, fmt.Errorf("slice %s: %w", name, err)
		}
		dir := "slices/" + sliceDir(name) + "/"
		for _, f := range fs {
			files = append(files, report.File{Path: dir + f.Path, Data: f.Data})
		}
		for _, n := range ns {
			notes = append(notes, "slice "+name+": "+n)
		}
	}
	return files, notes, nil
}

// sliceDir is a slice's folder name: the place as cities.csv spells it,
// with the few characters a path cannot hold replaced.
func sliceDir(name string) string {
	return strings.NewReplacer("/", "_", `\`, "_", ":", "_", "\x00", "_").Replace(name)
}
