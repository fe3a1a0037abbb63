package input

import (
	"slices"
	"testing"
)

// TestGather: the rows come back in order, whatever their count against
// the chunk sizes; none gives nil, as an empty append did.
func TestGather(t *testing.T) {
	for _, n := range []int{0, 1, gatherFirst - 1, gatherFirst, gatherFirst + 1, 3*gatherMax + 7, 100_000} {
		var g gather[int]
		var want []int
		for i := range n {
			g.add(i * 7)
			want = append(want, i*7)
		}
		got := g.rows()
		if !slices.Equal(got, want) || (n == 0) != (got == nil) {
			t.Errorf("%d rows: got %d back (nil %v)", n, len(got), got == nil)
		}
		if n > gatherFirst && cap(got) != n {
			t.Errorf("%d rows: capacity %d, want exactly %d", n, cap(got), n)
		}
	}
}
