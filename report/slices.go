package report

import (
	"fmt"
	"strings"

	"github.com/basebrief/basebrief/analysis"
)

// Slices renders a packet per province (or region, by kind) of full, from
// the same dataset d, each under slices/NAME/. Each slice is compared on
// its own (its cities among themselves) and told where it stands in the
// whole.
func Slices(d *analysis.Dataset, full *analysis.Comparison, kind string, o Options) ([]File, []string, error) {
	var files []File
	var notes []string
	for _, name := range analysis.SliceNames(full, kind) {
		sc, err := analysis.CompareSlice(d, full, kind, name)
		if err != nil {
			return nil, nil, err
		}
		fs, ns, err := Packet(sc, o)
		if err != nil {
			return nil, nil, fmt.Errorf("slice %s: %w", name, err)
		}
		dir := "slices/" + SliceDir(name) + "/"
		for _, f := range fs {
			files = append(files, File{Path: dir + f.Path, Data: f.Data})
		}
		for _, n := range ns {
			notes = append(notes, "slice "+name+": "+n)
		}
	}
	return files, notes, nil
}

// SliceDir is a slice's folder name: the place as cities.csv spells it,
// with the few characters a path cannot hold replaced.
func SliceDir(name string) string {
	return strings.NewReplacer("/", "_", `\`, "_", ":", "_", "\x00", "_").Replace(name)
}
