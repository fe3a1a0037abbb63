package delivery

import (
	"bufio"
	"bytes"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/unicode/norm"

	"github.com/basebrief/basebrief/analysis/divisions"
)

// A recipient's slice may be written as people write the place: 四川,
// 四川省 or the division code 51 (510000) all mean the folder slices/四川/
// (or slices/四川省/, as cities.csv spells it); 西部 and 西部地区 mean one
// region. A name that is no slice of the packet is an error naming the
// file, its line and the slices there are, before anything is sent: a
// recipient silently left without its mail is what this prevents.

// ResolveSlices sets each recipient's and robot's slice to the packet
// folder it means among known (the names under slices/), or lists every
// slice that means none. known empty: the packet has no slices.
func (c *Config) ResolveSlices(known []string) error {
	var errs []string
	resolve := func(kind string, i int, name, slice string, line int) string {
		if slice == "" {
			return ""
		}
		got, ok := matchSlice(slice, known)
		if ok {
			return got
		}
		where := c.file
		if line > 0 {
			where = fmt.Sprintf("%s:%d", c.file, line)
		}
		msg := fmt.Sprintf("%s: %s %d %q: slice %q is not a slice of the packet", where, kind, i+1, name, slice)
		if len(known) == 0 {
			msg += "; the packet has none: write it with basebrief run --slices province (or region)"
		} else {
			msg += fmt.Sprintf("; the packet's slices are %s (a province may be written in full, short or as its code: 四川省, 四川, 51)", strings.Join(official(known), ", "))
		}
		errs = append(errs, msg)
		return slice
	}
	for i := range c.Recipients {
		r := &c.Recipients[i]
		r.Slice = resolve("[[recipient]]", i, r.Name, r.Slice, r.sliceLine)
	}
	for i := range c.Robots {
		r := &c.Robots[i]
		r.Slice = resolve("[[robot]]", i, r.Name, r.Slice, r.sliceLine)
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return nil
}

// official lists slice names as people read them: provinces by code, then
// the others (regions) as given.
func official(names []string) []string {
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

// HasSlices reports whether any recipient or robot asks for a slice.
func (c *Config) HasSlices() bool {
	for _, r := range c.Recipients {
		if r.Slice != "" {
			return true
		}
	}
	for _, r := range c.Robots {
		if r.Slice != "" {
			return true
		}
	}
	return false
}

// matchSlice finds the known slice name means: the same spelling, else the
// same province (any form, or its code), else the same region (东部 and
// 东部地区).
func matchSlice(name string, known []string) (string, bool) {
	name = strings.TrimSpace(norm.NFKC.String(name))
	for _, k := range known {
		if k == name {
			return k, true
		}
	}
	key := sliceKey(name)
	for _, k := range known {
		if sliceKey(k) == key {
			return k, true
		}
	}
	return "", false
}

// sliceKey is the form-free key of a slice name: P and the province code
// for a province the division table knows (by any name form or by its
// code: 51, 510000, 510000000000), else R and the region key.
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

// keyLines finds, for each [[table]] of a TOML file in order, the line of
// its key (0 where that table has none). The TOML library keeps no
// positions of a decoded value; this reads the few lines a delivery file
// has, well enough to point a person at a line.
func keyLines(src []byte, table, key string) []int {
	var out []int
	in := false
	multi := "" // the closing quotes of a multi-line string being skipped
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if multi != "" {
			if strings.Contains(line, multi) {
				multi = ""
			}
			continue
		}
		if strings.HasPrefix(line, "[") {
			h := strings.Trim(line[:strings.LastIndexByte(line+"]", ']')], "[] \t")
			in = strings.HasPrefix(line, "[[") && strings.Trim(h, `"' `) == table
			if in {
				out = append(out, 0)
			}
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		for _, q := range []string{`"""`, "'''"} {
			if v = strings.TrimSpace(v); strings.HasPrefix(v, q) && !strings.Contains(v[3:], q) {
				multi = q
			}
		}
		if in && out[len(out)-1] == 0 && strings.Trim(strings.TrimSpace(k), `"'`) == key {
			out[len(out)-1] = n
		}
	}
	return out
}
