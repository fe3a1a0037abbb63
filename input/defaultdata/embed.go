// Package defaultdata is the dataset basebrief uses when no --data folder is
// given: the western-region meeting (西部地区片会, Chengdu, 17 May 2019) of the
// source article, every record citing it. See FACTS.md in shared/source.
package defaultdata

import "embed"

// FS holds cities.csv, bases.csv, figures.csv and briefing.toml.
//
//go:embed cities.csv bases.csv figures.csv briefing.toml
var FS embed.FS
