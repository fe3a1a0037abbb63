package workbook

import (
	"archive/zip"
	"bytes"
	"io"
	"testing"
)

// TestSortedZipOnePartOpen: excelize writes each part whole before the
// next, and sortedZip finishes a part (its deflate writer back to the pool)
// when the next is created. A write to a finished part must fail, not be
// lost; the parts come out in name order with their contents.
func TestSortedZipOnePartOpen(t *testing.T) {
	var out bytes.Buffer
	z := newSortedZip(&out, nil)
	parts := []struct{ name, text string }{
		{"xl/styles.xml", "<styleSheet/>"},
		{"[Content_Types].xml", "<Types/>"},
		{"docProps/app.xml", "<Properties/>"},
	}
	writers := make([]io.Writer, len(parts))
	for i, p := range parts {
		w, err := z.Create(p.name)
		if err != nil {
			t.Fatalf("Create(%s): %v", p.name, err)
		}
		if _, err := io.WriteString(w, p.text); err != nil {
			t.Fatalf("write %s: %v", p.name, err)
		}
		writers[i] = w
	}
	if _, err := io.WriteString(writers[0], "more"); err == nil {
		t.Errorf("a write to %s after the next part began: no error", parts[0].name)
	}
	if err := z.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	r, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ name, text string }{parts[1], parts[2], parts[0]}
	if len(r.File) != len(want) {
		t.Fatalf("%d parts, want %d", len(r.File), len(want))
	}
	for i, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		if f.Name != want[i].name || string(b) != want[i].text {
			t.Errorf("part %d: %s %q, want %s %q", i, f.Name, b, want[i].name, want[i].text)
		}
	}
}
