package par

import (
	"sync/atomic"
	"testing"
)

// TestEach: every index is called exactly once, never more goroutines at
// once than asked for, and none for an empty list.
func TestEach(t *testing.T) {
	for _, tt := range []struct{ n, workers, wantMax int }{
		{0, 4, 0}, {1, 4, 1}, {10, 1, 1}, {100, 3, 3}, {5, 0, 1},
	} {
		calls := make([]atomic.Int32, tt.n)
		var running, most atomic.Int32
		Each(tt.n, tt.workers, func(i int) {
			r := running.Add(1)
			for {
				m := most.Load()
				if r <= m || most.CompareAndSwap(m, r) {
					break
				}
			}
			calls[i].Add(1)
			running.Add(-1)
		})
		for i := range calls {
			if c := calls[i].Load(); c != 1 {
				t.Errorf("n=%d workers=%d: item %d called %d times", tt.n, tt.workers, i, c)
			}
		}
		if m := int(most.Load()); m > tt.wantMax {
			t.Errorf("n=%d workers=%d: %d at once, want at most %d", tt.n, tt.workers, m, tt.wantMax)
		}
	}
}
