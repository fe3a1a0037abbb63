package delivery

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// A recipient's slice may be written as people write the place: basebrief
// gives a key under which 四川, 四川省 and the division code 51 meet (the
// division table is the domain's, not this package's), so each means the
// folder slices/四川/ (or slices/四川省/, as cities.csv spells it). A name
// that is no slice of the packet is an error naming the file, its line
// and the slices there are, before anything is sent: a recipient silently
// left without its mail is what this prevents.

// ResolveSlices sets each recipient's and robot's slice to the packet
// folder it means among known (the names under slices/, in the order the
// error should list them): the same spelling, else the same key (nil: the
// spelling alone). It lists every slice that means none; known empty: the
// packet has no slices.
func (c *Config) ResolveSlices(known []string, key func(string) string) error {
	var errs []string
	resolve := func(kind string, i int, name, slice string, line int) string {
		if slice == "" {
			return ""
		}
		got, ok := matchSlice(slice, known, key)
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
			msg += fmt.Sprintf("; the packet's slices are %s (a province may be written in full, short or as its code: 四川省, 四川, 51)", strings.Join(known, ", "))
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

// matchSlice finds the known slice name means: the same spelling, else
// the same key (nil key: the spelling alone).
func matchSlice(name string, known []string, key func(string) string) (string, bool) {
	name = strings.TrimSpace(norm.NFKC.String(name))
	for _, k := range known {
		if k == name {
			return k, true
		}
	}
	if key == nil {
		return "", false
	}
	want := key(name)
	for _, k := range known {
		if key(k) == want {
			return k, true
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
