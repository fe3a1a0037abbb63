package docx

import (
	"bytes"
	"regexp"
	"slices"
	"testing"

	"github.com/basebrief/basebrief/internal/testutil"
)

// number is the reference nextNumber is held to: a number set whole, as
// body.run found it before it was scanned by hand.
var number = regexp.MustCompile(`[0-9]+(?:[.,][0-9]+)+%?|[0-9]{2,}%?|[0-9]%`)

// numbers lists every number nextNumber finds in s, as FindAllStringIndex
// lists them.
func numbers(s string) [][]int {
	var out [][]int
	for at := 0; ; {
		start, end, ok := nextNumber(s, at)
		if !ok {
			return out
		}
		out = append(out, []int{start, end})
		at = end
	}
}

func TestNextNumber(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"同比增长5.1%，比上年增加4.3万人", []string{"5.1%", "4.3"}},
		{"3,000人，96.8万，1.2.3版", []string{"3,000", "96.8", "1.2.3"}},
		{"第1期", nil},
		{"第12期", []string{"12"}},
		{"5%与5", []string{"5%"}},
		{"7.与8,", nil},
		{"2024年12月", []string{"2024", "12"}},
		{"1A+6S", nil},
		{"12%%", []string{"12%"}},
		{"5%3%", []string{"5%", "3%"}},
		{"1.5.%", []string{"1.5"}},
		{"", nil},
	} {
		var got []string
		for _, m := range numbers(c.in) {
			got = append(got, c.in[m[0]:m[1]])
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: numbers %q, want %q", c.in, got, c.want)
		}
		if want := number.FindAllStringIndex(c.in, -1); !slices.EqualFunc(numbers(c.in), want, slices.Equal) {
			t.Errorf("%q: spans %v, the expression's %v", c.in, numbers(c.in), want)
		}
	}
}

// FuzzNextNumber holds nextNumber to the regular expression it replaces on
// any text.
func FuzzNextNumber(f *testing.F) {
	for _, s := range []string{"同比增长5.1%", "3,000", "1.2.3", "5%3", "1.", "12%%", "a1,b", "9,9.9%"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := numbers(s), number.FindAllStringIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
			t.Errorf("%q: spans %v, the expression's %v", s, got, want)
		}
	})
}

// TestNumbersAllocs bounds the allocations of writing a national-sized
// briefing: the regular expression allocated its matches for every
// paragraph and cell of a Chinese document (8,714 allocations; 8,021 with
// nextNumber).
func TestNumbersAllocs(t *testing.T) {
	if testutil.Race {
		t.Skip("the race detector changes what allocates")
	}
	d := bigDoc(t, 30, 40)
	render(t, d) // the fixed parts deflated
	var buf bytes.Buffer
	n := testing.AllocsPerRun(5, func() {
		buf = bytes.Buffer{}
		if err := Write(&buf, d); err != nil {
			t.Fatal(err)
		}
	})
	if n > 8_300 {
		t.Errorf("%.0f allocations, want at most 8,300", n)
	}
}
