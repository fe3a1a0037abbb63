package main

import (
	"runtime/debug"
	"testing"
)

// TestHeapLimit: the heap's room after the comparison scales with what the
// data holds (three times the live heap, at least renderHeadroom), and
// never passes the soft limit the watchdog set from its ceiling.
func TestHeapLimit(t *testing.T) {
	const mb = 1 << 20
	for _, tt := range []struct {
		name       string
		live, soft int64
		want       int64
	}{
		{"nothing live", 0, 10 << 30, 64 * mb},
		{"1M figures rows (18 MB live)", 18 * mb, 10 << 30, 82 * mb},
		{"30,000 cities (60 MB live)", 60 * mb, 10 << 30, 240 * mb},
		{"under a GOMEMLIMIT of 80 MiB", 18 * mb, 68 * mb, 68 * mb},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := heapLimit(tt.live, tt.soft); got != tt.want {
				t.Errorf("heapLimit(%d MB, %d MB) = %d MB, want %d MB", tt.live/mb, tt.soft/mb, got/mb, tt.want/mb)
			}
		})
	}
}

// TestBoundHeap sets the runtime's limit it reports, under the watchdog's;
// without a watchdog (run called directly) it leaves the limit alone.
func TestBoundHeap(t *testing.T) {
	was := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(was)
	defer func(s int64) { softLimit = s }(softLimit)
	softLimit = 0
	if live, limit := boundHeap(); live != 0 || limit != 0 || debug.SetMemoryLimit(-1) != was {
		t.Fatalf("without a watchdog: boundHeap = %d, %d and the limit moved", live, limit)
	}
	softLimit = 1 << 40
	live, limit := boundHeap()
	if live <= 0 || limit != heapLimit(live, softLimit) || debug.SetMemoryLimit(-1) != limit {
		t.Fatalf("boundHeap = %d, %d; runtime limit %d", live, limit, debug.SetMemoryLimit(-1))
	}
}
