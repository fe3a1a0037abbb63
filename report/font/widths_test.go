package font

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"
)

// TestWidthsAreFpdfs: every character of the BMP measures in PDFWidths what
// fpdf measures with the face added whole, and with a subset of it added
// (what a PDF embeds), for the characters the subset holds: report/pdf
// counts pages with these widths, and a page count that differed from the
// PDF's would keep a briefing over its pages.
func TestWidthsAreFpdfs(t *testing.T) {
	set, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	sample := []rune(latin1() + "新的社会阶层人士统战工作简报 第12期（2019年）成都 MFG创客联邦 1A+6S —〓镕珺喆\uFFFD\uFFFF")
	for _, f := range set.All() {
		t.Run(f.Name, func(t *testing.T) {
			w, err := f.PDFWidths()
			if err != nil {
				t.Fatal(err)
			}
			sub, err := f.Subset(sample)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				name string
				ttf  []byte
				only []rune // nil: every character
			}{{"whole", f.TTF, nil}, {"subset", sub, sample}} {
				pdf := fpdf.New("P", "mm", "A4", "")
				pdf.AddUTF8FontFromBytes("f", "", bytes.Clone(c.ttf))
				pdf.SetFont("f", "", 1000*72/25.4) // GetStringWidth in thousandths of an em
				if err := pdf.Error(); err != nil {
					t.Fatal(err)
				}
				check := func(r rune) {
					s := string(r)
					if got, want := w.Measure(s), pdf.GetStringSymbolWidth(s); got != want {
						t.Errorf("%s: %U measures %d, fpdf %d", c.name, r, got, want)
					}
				}
				if c.only != nil {
					for _, r := range c.only {
						if r != 0 {
							check(r)
						}
					}
					continue
				}
				for r := rune(1); r <= 0xFFFF; r++ {
					if utf8.ValidRune(r) {
						check(r)
					}
				}
			}
			if w.Measure("成都 MFG") == 0 {
				t.Error("no width at all")
			}
		})
	}
}
