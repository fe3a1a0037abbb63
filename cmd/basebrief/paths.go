package main

import (
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
)

// checkPathText refuses a path holding a control character (a newline
// would split the path printed on stdout into two lines a script reads as
// two paths) or invalid UTF-8 being printed raw.
func checkPathText(flag, p string) error {
	if strings.ContainsFunc(p, unsafeRune) {
		return usagef("%s %q: a path with a control character (newline, tab, escape) is refused; rename the folder", flag, p)
	}
	return nil
}

// checkOverlap refuses --data equal to or inside --out, or --out inside
// --data: replacing the packet would delete the data (or, the reverse, the
// packet would be read as data). Paths are compared absolute, with symbolic
// links resolved as far as they exist.
func checkOverlap(data, out string) error {
	if data == "" {
		return nil // the embedded dataset
	}
	d, err1 := resolve(data)
	o, err2 := resolve(out)
	if err1 != nil || err2 != nil {
		return nil // reported where the path is used
	}
	switch {
	case within(d, o):
		return usagef("--data %q is inside --out %q (or is it): a run replaces the packet folder and would delete the data; keep the data outside the packet", data, out)
	case within(o, d):
		return usagef("--out %q is inside --data %q: the packet would sit among the inputs; write the packet outside the data folder", out, data)
	}
	return nil
}

// resolve is p absolute, with the symbolic links of its longest existing
// prefix resolved.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	rest := ""
	for cur := abs; ; {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(r, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = filepath.Join(filepath.Base(cur), rest)
		cur = parent
	}
}

// within reports whether a is b or inside it.
func within(a, b string) bool {
	r, err := filepath.Rel(b, a)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator))
}
