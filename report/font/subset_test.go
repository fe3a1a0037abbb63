package font

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestSubsetIsFpdfs: fpdf cutting a subset for any part of its characters
// (what a PDF uses, U+0000 always among them) gives the bytes it cuts from
// the whole face: embedding the subset changes no glyph of a PDF. Each
// face is copied for fpdf, which writes into the font it cuts.
func TestSubsetIsFpdfs(t *testing.T) {
	set, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ name, all, used string }{
		{"mixed", "新的社会阶层人士统战工作简报 第12期（2019年）成都 MFG创客联邦 1A+6S —〓", "新的社会阶层人士 成都 12"},
		{"latin1", latin1() + "四川省委统战部", "Ab9 四川"},
		{"missing", "镕珺喆\U0001F600\uFFFFabc", "镕abc"},
		{"one", "成", "成"},
	}
	for _, f := range set.All() {
		for _, c := range cases {
			t.Run(f.Name+"/"+c.name, func(t *testing.T) {
				sub, err := f.Subset([]rune(c.all + "\x00"))
				if err != nil {
					t.Fatal(err)
				}
				for _, used := range []string{c.used + "\x00", c.all + "\x00"} {
					got, want := fpdf.UTF8CutFont(bytes.Clone(sub), used), fpdf.UTF8CutFont(bytes.Clone(f.TTF), used)
					if !bytes.Equal(got, want) {
						t.Fatalf("fpdf's cut of the subset (%d bytes) differs from its cut of the face (%d bytes)", len(got), len(want))
					}
				}
				if len(sub) > len(f.TTF)/10 {
					t.Errorf("subset is %d bytes of the face's %d", len(sub), len(f.TTF))
				}
			})
		}
	}
}

func latin1() string {
	var b []rune
	for r := rune(1); r < 256; r++ {
		b = append(b, r)
	}
	return string(b)
}

func BenchmarkSubset(b *testing.B) {
	f := mustDefault(b)
	runes := []rune("新的社会阶层人士统战工作简报 第12期（2019年）成都 MFG创客联邦 1A+6S —〓" + latin1())
	b.Run("fpdf", func(b *testing.B) {
		ttf := bytes.Clone(f.TTF) // fpdf writes into the font it cuts
		for b.Loop() {
			fpdf.UTF8CutFont(ttf, string(runes))
		}
	})
	b.Run("subset", func(b *testing.B) {
		for b.Loop() {
			if _, err := f.Subset(runes); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestPrepareConcurrent: Prepare beside the renderers' first look-ups and
// subsets of the same faces (under -race in make test), and the subsets
// are those made after it.
func TestPrepareConcurrent(t *testing.T) {
	f, err := Parse("WenQuanYi Micro Hei", mustDefault(t).TTF)
	if err != nil {
		t.Fatal(err)
	}
	runes := []rune("四川省委统战部 2019")
	done := make(chan []byte)
	go func() { Prepare(f); done <- nil }()
	for range 3 {
		go func() {
			b, err := f.Subset(runes)
			if err != nil || !f.Has('川') {
				t.Error(err, "or no 川")
			}
			done <- b
		}()
	}
	var subsets [][]byte
	for range 4 {
		if b := <-done; b != nil {
			subsets = append(subsets, b)
		}
	}
	want, err := f.Subset(runes)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range subsets {
		if !bytes.Equal(b, want) {
			t.Fatal("subsets differ")
		}
	}
}

// TestSubsetAllocs: a subset is cut with a few allocations, whatever the
// number of characters (it is cut for every face of every PDF, three a
// PDF, 64 PDFs with --slices): its glyphs and tables written into buffers
// of their final size, the kept tables' checksums summed once for the run.
// 175 allocations and 265 KB for these characters before.
func TestSubsetAllocs(t *testing.T) {
	f := mustDefault(t)
	runes := []rune("新的社会阶层人士统战工作简报 第12期（2019年）成都 MFG创客联邦 1A+6S —〓" + latin1())
	if _, err := f.Subset(runes); err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(20, func() { f.Subset(runes) }); n > 40 {
		t.Errorf("a subset of %d characters: %.0f allocations, want at most 40", len(runes), n)
	}
}
