package main

import (
	"slices"

	"github.com/basebrief/basebrief/analysis/divisions"
)

// sliceKey is the form-free key under which delivery.toml's slice names
// meet the packet's folders: P and the province code for a province the
// division table knows, by any form of its name (四川, 四川省) or by its
// code (51, 510000, 510000000000); else R and the region key (西部 and
// 西部地区 meet).
func sliceKey(name string) string {
	if code, ok := provinceCode(name); ok {
		return "P" + code
	}
	if p, ok := divisions.Province(name); ok {
		return "P" + p.Code
	}
	return "R" + divisions.RegionKey(name)
}

// provinceCode reads a province's division code: two digits, or the
// 6- or 12-digit code of the province itself (zeros after the first two).
func provinceCode(s string) (string, bool) {
	if len(s) != 2 && len(s) != 6 && len(s) != 12 {
		return "", false
	}
	for i, r := range s {
		if r < '0' || r > '9' || i >= 2 && r != '0' {
			return "", false
		}
	}
	for _, p := range divisions.Provinces() {
		if p.Code == s[:2] {
			return p.Code, true
		}
	}
	return "", false
}

// officialSlices orders slice names as people read lists of places:
// provinces by code, then the others (regions) as given.
func officialSlices(names []string) []string {
	code := func(name string) string {
		if p, ok := divisions.Province(name); ok {
			return p.Code
		}
		return ""
	}
	out := slices.Clone(names)
	slices.SortStableFunc(out, func(a, b string) int { return divisions.Compare(code(a), code(b)) })
	return out
}
