package input

// gather collects rows a chunk at a time and joins them once at the end.
// Appended to one slice, the 25,000 bases of the monthly benchmark shape
// (8,333 units, 1–5 bases each) were copied again at every doubling, with
// the write barriers of their strings: growslice was 5% of the load
// (BenchmarkStageLoad/monthly-10y/cities=10000). Here each row is copied
// once more, into a slice of the exact size.
type gather[T any] struct {
	chunks [][]T
	cur    []T
	n      int
}

const (
	gatherFirst = 256
	gatherMax   = 16 << 10
)

func (g *gather[T]) add(v T) {
	if len(g.cur) == cap(g.cur) {
		if g.cur != nil {
			g.chunks = append(g.chunks, g.cur)
		}
		g.cur = make([]T, 0, min(max(2*cap(g.cur), gatherFirst), gatherMax))
	}
	g.cur = append(g.cur, v)
	g.n++
}

// rows returns every row added, in order; nil when none was.
func (g *gather[T]) rows() []T {
	if len(g.chunks) == 0 {
		return g.cur
	}
	out := make([]T, 0, g.n)
	for _, c := range g.chunks {
		out = append(out, c...)
	}
	return append(out, g.cur...)
}
