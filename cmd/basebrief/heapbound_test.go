package main

import (
	"path/filepath"
	"runtime"
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

// TestBoundHeap sets the runtime's limit it reports, under the watchdog's,
// and leaves the collector's pace alone (paceRender sets it); without a
// watchdog (run called directly) it leaves the limit alone.
func TestBoundHeap(t *testing.T) {
	was := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(was)
	defer func(s int64) { softLimit = s }(softLimit)
	softLimit = 0
	if live, limit := boundHeap(); live != 0 || limit != 0 || debug.SetMemoryLimit(-1) != was {
		t.Fatalf("without a watchdog: boundHeap = %d, %d and the limit moved", live, limit)
	}
	softLimit = 1 << 40
	t.Setenv("GOGC", "")
	pace := debug.SetGCPercent(100)
	defer debug.SetGCPercent(pace)
	live, limit := boundHeap()
	if live <= 0 || limit != heapLimit(live, softLimit) || debug.SetMemoryLimit(-1) != limit {
		t.Fatalf("boundHeap = %d, %d; runtime limit %d", live, limit, debug.SetMemoryLimit(-1))
	}
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC pace after boundHeap %d, want 100 (left alone)", got)
	}
	sliceHeap(live, 2)
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("GC pace after boundHeap and sliceHeap %d, want 100", got)
	}
}

// TestPaceRender: a single packet renders at renderGCPercent; a GOGC the
// user set stands, and without a watchdog the pace is left alone.
func TestPaceRender(t *testing.T) {
	defer func(s int64) { softLimit = s }(softLimit)
	pace := debug.SetGCPercent(100)
	defer debug.SetGCPercent(pace)
	for _, tt := range []struct {
		name, gogc string
		soft       int64
		want       int
	}{
		{"watchdog, no GOGC", "", 1 << 40, renderGCPercent},
		{"GOGC=80 set by the user", "80", 1 << 40, 80},
		{"no watchdog", "", 0, 100},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv("GOGC", tt.gogc)
			debug.SetGCPercent(map[string]int{"": 100, "80": 80}[tt.gogc])
			softLimit = tt.soft
			paceRender()
			if got := debug.SetGCPercent(100); got != tt.want {
				t.Errorf("GC pace after paceRender %d, want %d", got, tt.want)
			}
		})
	}
}

// TestSliceLimit: while slices render, the heap has one packet's room for
// each slice rendering at once over what is live, the files of the slices
// done included, under the soft limit.
func TestSliceLimit(t *testing.T) {
	const mb = 1 << 20
	for _, tt := range []struct {
		name           string
		live, dataLive int64
		procs          int
		soft, want     int64
	}{
		{"national data, 2 cores, first slice", 30 * mb, 4 * mb, 2, 10 << 30, 158 * mb},
		{"national data, 2 cores, 30 slices' files", 100 * mb, 4 * mb, 2, 10 << 30, 228 * mb},
		{"1M figures rows (30 MB live), 4 cores", 60 * mb, 30 * mb, 4, 10 << 30, 420 * mb},
		{"under a GOMEMLIMIT of 160 MiB", 100 * mb, 4 * mb, 2, 136 * mb, 136 * mb},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := sliceLimit(tt.live, tt.dataLive, tt.procs, tt.soft); got != tt.want {
				t.Errorf("sliceLimit(%d MB, %d MB, %d, %d MB) = %d MB, want %d MB", tt.live/mb, tt.dataLive/mb, tt.procs, tt.soft/mb, got/mb, tt.want/mb)
			}
		})
	}
}

// TestSliceHeap sets the runtime's limit from the live heap, again each
// time it is called; without a watchdog it leaves the limit alone.
func TestSliceHeap(t *testing.T) {
	was := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(was)
	defer func(s int64) { softLimit = s }(softLimit)
	softLimit = 0
	sliceHeap(0, 2)()
	if debug.SetMemoryLimit(-1) != was {
		t.Fatal("without a watchdog: the limit moved")
	}
	softLimit = 1 << 40
	done := sliceHeap(0, 2)
	if got, want := debug.SetMemoryLimit(-1), sliceLimit(heapLive(), 0, 2, softLimit); got != want {
		t.Fatalf("limit %d, want %d", got, want)
	}
	keep := make([]byte, 64<<20)
	runtime.GC()
	done()
	if got, want := debug.SetMemoryLimit(-1), sliceLimit(heapLive(), 0, 2, softLimit); got != want || heapLive() < 64<<20 {
		t.Fatalf("after a slice: limit %d, want %d (live %d)", got, want, heapLive())
	}
	runtime.KeepAlive(keep)
}

// TestRunPace: a run renders at renderGCPercent, the single packet and
// the packet with its slices alike (each packet's files leave the heap
// once staged, so the slices no longer need the default pace's room).
func TestRunPace(t *testing.T) {
	was := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(was)
	defer func(s int64) { softLimit = s }(softLimit)
	pace := debug.SetGCPercent(100)
	defer debug.SetGCPercent(pace)
	t.Setenv("GOGC", "")
	softLimit = 1 << 40
	for _, args := range [][]string{nil, {"--slices", "region"}} {
		debug.SetGCPercent(100)
		out := filepath.Join(t.TempDir(), "packet")
		code, _, stderr := runArgs(t, append([]string{"run", "--out", out, "--history", "none"}, args...)...)
		if code != exitOK {
			t.Fatalf("run %q: exit %d: %s", args, code, stderr)
		}
		if got := debug.SetGCPercent(100); got != renderGCPercent {
			t.Errorf("run %q: GC pace %d after the render, want %d", args, got, renderGCPercent)
		}
	}
}
