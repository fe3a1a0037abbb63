package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/workbook/internal/sheetxml"
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

// TestPartCache: a small part written alike by two workbooks (the styles,
// theme and charts of every slice's workbook; issue 25; sheetxml.Deflate
// compresses it once) comes out as compressing it anew gives it; a part
// past cacheablePart, written in pieces, is compressed as it comes and
// reads back whole.
func TestPartCache(t *testing.T) {
	small := strings.Repeat("<c:chart>一致</c:chart>", 200)
	large := strings.Repeat("<row r=\"1\"><c t=\"n\"><v>1400000</v></c></row>", 2000) // > cacheablePart
	write := func() []byte {
		var out bytes.Buffer
		z := newSortedZip(&out, nil)
		for _, p := range []struct{ name, text string }{{"xl/charts/chart1.xml", small}, {"xl/big.xml", large}} {
			w, err := z.Create(p.name)
			if err != nil {
				t.Fatal(err)
			}
			for rest := p.text; rest != ""; { // in pieces, as excelize writes
				n := min(len(rest), 1000)
				if _, err := io.WriteString(w, rest[:n]); err != nil {
					t.Fatal(err)
				}
				rest = rest[n:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	first, second := write(), write()
	if !bytes.Equal(first, second) {
		t.Fatal("the same parts gave two different workbooks")
	}
	var fresh bytes.Buffer
	fw, _ := flate.NewWriter(&fresh, sheetxml.Level)
	fw.Write([]byte(small))
	fw.Close()
	r, err := zip.NewReader(bytes.NewReader(second), int64(len(second)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range r.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc) // checks the CRC-32 too
		rc.Close()
		want := map[string]string{"xl/charts/chart1.xml": small, "xl/big.xml": large}[f.Name]
		if err != nil || string(b) != want {
			t.Errorf("%s: %d bytes (%v), want %d", f.Name, len(b), err, len(want))
		}
		if f.Name == "xl/charts/chart1.xml" {
			raw, err := f.OpenRaw()
			if err != nil {
				t.Fatal(err)
			}
			if packed, _ := io.ReadAll(raw); !bytes.Equal(packed, fresh.Bytes()) {
				t.Error("the cached part is not the part compressed anew")
			}
		}
	}
}

// growBuffer is a bytes.Buffer that notes what it was asked to grow by
// before its first write.
type growBuffer struct {
	bytes.Buffer
	grown []int
}

func (g *growBuffer) Grow(n int) {
	if g.Len() == 0 {
		g.grown = append(g.grown, n)
	}
	g.Buffer.Grow(n)
}

// TestArchiveGrownOnce: a writer that can grow (the packet's bytes.Buffer)
// is asked once, before the first byte, for the whole archive and not far
// more, instead of doubling as it fills (32 buffers a slices run); the
// bytes are those written to a plain writer.
func TestArchiveGrownOnce(t *testing.T) {
	for _, c := range []*analysis.Comparison{defaultComparison(t), nationalComparison(t)} {
		var g growBuffer
		if err := Write(&g, c, Options{Modified: stamp}); err != nil {
			t.Fatal(err)
		}
		var plain bytes.Buffer
		if err := Write(struct{ io.Writer }{&plain}, c, Options{Modified: stamp}); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(g.Bytes(), plain.Bytes()) {
			t.Fatal("the archive written to a growing buffer differs")
		}
		t.Logf("%d bytes, grown by %v", g.Len(), g.grown)
		if len(g.grown) != 1 || g.grown[0] < g.Len() || g.grown[0] > g.Len()+g.Len()/10+4096 {
			t.Errorf("%d bytes written; asked to grow by %v before: want once, by a little over", g.Len(), g.grown)
		}
	}
}
