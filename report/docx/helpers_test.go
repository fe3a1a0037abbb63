package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"strings"
	"testing"
)

// node is a parsed XML element.
type node struct {
	name     xml.Name
	attr     []xml.Attr
	children []*node
	text     string // character data directly inside
}

// get returns the attribute with local name local (any namespace).
func (n *node) get(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// all returns the elements under n (n included) with local name local, in
// document order.
func (n *node) all(local string) []*node {
	var out []*node
	var walk func(*node)
	walk = func(m *node) {
		if m.name.Local == local {
			out = append(out, m)
		}
		for _, c := range m.children {
			walk(c)
		}
	}
	walk(n)
	return out
}

// first returns the first element with local name local under n, or nil.
func (n *node) first(local string) *node {
	if all := n.all(local); len(all) > 0 {
		return all[0]
	}
	return nil
}

// child returns n's direct child with local name local, or nil.
func (n *node) child(local string) *node {
	for _, c := range n.children {
		if c.name.Local == local {
			return c
		}
	}
	return nil
}

// texts concatenates the w:t text under n.
func (n *node) texts() string {
	var b strings.Builder
	for _, t := range n.all("t") {
		b.WriteString(t.text)
	}
	return b.String()
}

// parse parses an XML part, failing the test when it is not well-formed.
func parse(tb testing.TB, name string, data []byte) *node {
	tb.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	root := &node{}
	stack := []*node{root}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			tb.Fatalf("%s is not well-formed XML: %v", name, err)
		}
		top := stack[len(stack)-1]
		switch t := tok.(type) {
		case xml.StartElement:
			n := &node{name: t.Name, attr: t.Attr}
			top.children = append(top.children, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			top.text += string(t)
		}
	}
	if len(root.children) != 1 {
		tb.Fatalf("%s has %d root elements", name, len(root.children))
	}
	return root.children[0]
}

// pkg is a rendered .docx read back.
type pkg struct {
	names []string // in zip order
	files map[string][]byte
	zip   *zip.Reader
}

func unzip(tb testing.TB, data []byte) pkg {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatalf("not a zip: %v", err)
	}
	p := pkg{files: map[string][]byte{}, zip: zr}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			tb.Fatalf("%s: %v", f.Name, err)
		}
		p.names = append(p.names, f.Name)
		p.files[f.Name] = b
	}
	return p
}

// xml parses one part of the package.
func (p pkg) xml(tb testing.TB, name string) *node {
	tb.Helper()
	b, ok := p.files[name]
	if !ok {
		tb.Fatalf("no part %s (have %v)", name, p.names)
	}
	return parse(tb, name, b)
}

// dump writes data to $DOCX_DUMP/name when set, to look at by hand.
func dump(tb testing.TB, name string, data []byte) {
	if dir := os.Getenv("DOCX_DUMP"); dir != "" {
		if err := os.WriteFile(dir+"/"+name, data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
}
