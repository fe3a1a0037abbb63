package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"math"
	"os"
	"path"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"time"
)

// errOutOfMemory ends a run that reached its memory ceiling: exit 3 with a
// message, rather than the kernel's OOM killer (no message) or the Go
// runtime's own "out of memory" crash (exit 2, the usage code).
var errOutOfMemory = errors.New("out of memory")

// memoryPoll is how often the watchdog looks at the memory in use: at the
// fastest allocation seen here (about 2 GB/s) a run overshoots its ceiling
// by at most a few tens of MB before it is stopped.
const memoryPoll = 20 * time.Millisecond

// watchMemory sets the Go runtime's soft memory limit from what the machine
// (or its cgroup, or GOMEMLIMIT) allows, and returns a context that ends,
// with errOutOfMemory as its cause, when the run's memory passes the ceiling.
func watchMemory(parent context.Context) (context.Context, func()) {
	ceiling := memoryCeiling()
	if ceiling <= 0 {
		return parent, func() {}
	}
	// The runtime collects harder from 85% of the ceiling: most large runs
	// then never reach it. boundHeap lowers this once the data is read.
	softLimit = ceiling / 100 * 85
	debug.SetMemoryLimit(softLimit)
	ctx, cancel := context.WithCancelCause(parent)
	// One look before the first tick: a run already over its ceiling (a
	// GOMEMLIMIT below the runtime's own footprint) ends whatever the
	// scheduler does with the watchdog on a busy machine.
	over := func(used int64) error {
		// Used rounded up, the ceiling down: a run a few KB over a 64 MB
		// ceiling said it "used 64 MB, over its ceiling of 64 MB".
		return fmt.Errorf("%w: the run used %d MB, over its ceiling of %s (%s)",
			errOutOfMemory, (used+1<<20-1)>>20, mb(ceiling), ceilingSource)
	}
	if used := memoryInUse(); used > ceiling {
		cancel(over(used))
		return ctx, func() { cancel(nil) }
	}
	stop := make(chan struct{})
	go func() {
		t := time.NewTicker(memoryPoll)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-ctx.Done():
				return
			case <-t.C:
				if used := memoryInUse(); used > ceiling {
					cancel(over(used))
					return
				}
			}
		}
	}()
	return ctx, func() { close(stop); cancel(nil) }
}

// ceilingSource says where the ceiling came from, for the message.
var ceilingSource string

// softLimit is the runtime's soft memory limit watchMemory set: 85% of the
// ceiling; 0 when no watchdog runs (tests calling run directly).
var softLimit int64

// renderHeadroom is the least room the heap gets over the data it holds
// once read and compared: what rendering holds at once on top of it was
// 41–50 MB at 1M figures rows (chart rasters about 30 MB of it; measured
// with a heap profile at the largest live heap of report.Packet).
const renderHeadroom = 64 << 20

// boundHeap bounds the heap from what the run holds once the data is read
// and compared: it collects, then sets the runtime's soft memory limit to
// that live heap plus the larger of renderHeadroom and three times the
// live heap, never above the limit watchMemory set. Left alone, the
// collector lets the heap grow to twice the largest live heap of the
// render (the packet's peak); a fixed GOMEMLIMIT instead made a run whose
// render needs more than the limit collect without end (30,000 cities:
// 8.5 s of CPU instead of 3.5, issue 24). The room scales with the data, so
// a large input keeps its room, and the watchdog's ceiling stands as it
// was. The collector's pace is left alone: rendering sets its own
// (paceRender), the slices' room bounded by sliceHeap. Returns the live
// heap and the limit set (0, 0 without a watchdog).
func boundHeap() (live, limit int64) {
	if softLimit <= 0 {
		return 0, 0
	}
	runtime.GC()
	live = heapLive()
	limit = heapLimit(live, softLimit)
	debug.SetMemoryLimit(limit)
	return live, limit
}

// paceRender sets the collector's pace to renderGCPercent for rendering
// under boundHeap's limit (a single packet) or sliceHeap's (slices),
// unless GOGC says otherwise or no watchdog runs (tests calling run
// directly). The slices rendered at the default pace while their files
// accumulated on the heap until the run ended; now that each packet's go
// once staged, the heap live while they render is the data, the chart
// rasters and the packets rendering, and at half the pace it stays lower
// at the same CPU: national data, --slices province, peak RSS 190 → 151
// MB and 31,000 → 23,000 page faults (issue 25).
func paceRender() {
	if softLimit > 0 && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(renderGCPercent)
	}
}

// renderGCPercent is the collector's pace while packets render: a
// collection each time the heap grows by half what the last left live
// (GOGC=50; the default is 100). At the default pace the heap ran into the
// limit at the render's peak, where the runtime gives memory back to the
// system as it allocates and the next allocations fault it in again; at
// half, the heap stays under it. Measured on the built binary (4 runs each,
// alternated, load 13–21): 30,000 cities with segment rows 322–333 →
// 308–311 MB peak RSS and 1.54–1.68 → 1.24–1.50 s of system time;
// without segment rows 1.27–1.54 → 1.14–1.39 s; the embedded dataset
// 67–70 → 62–63 MB; at 1M rows the peak within 1–5 MB and CPU within the
// runs' spread (the heap's peak there is the render's live heap).
const renderGCPercent = 50

// heapLimit is boundHeap's limit for a live heap under the soft limit.
func heapLimit(live, soft int64) int64 {
	return min(soft, live+max(renderHeadroom, 3*live))
}

// sliceHeap bounds the heap for rendering slices (run --slices): the
// slices rendering at once (procs) get the room of one packet each, as
// boundHeap gives it (three times the data's live heap dataLive, at least
// renderHeadroom), over what is live: the data when the whole packet and
// the slices start, then again after each slice (call the function
// returned). Under the whole packet's bound, the 31 province slices of
// the national data filled that room with their files (since kept no
// longer than it takes to write them):
// the collector ran 875 times, the runtime returning memory to the system
// between, two thirds of the run's CPU time (issue 25). Without a
// watchdog it does nothing.
func sliceHeap(dataLive int64, procs int) func() {
	if softLimit <= 0 {
		return func() {}
	}
	bound := func() { debug.SetMemoryLimit(sliceLimit(heapLive(), dataLive, procs, softLimit)) }
	bound()
	return bound
}

// sliceLimit is sliceHeap's limit: live plus procs times the room of one
// packet, never above the soft limit.
func sliceLimit(live, dataLive int64, procs int, soft int64) int64 {
	return min(soft, live+int64(max(procs, 1))*max(renderHeadroom, 3*dataLive))
}

// heapLive is the heap marked live by the last collection.
func heapLive() int64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64())
}

// memoryCeiling is the most memory a run may use: GOMEMLIMIT when set, else
// 90% of the machine's memory or its cgroup's limit, whichever is smaller.
func memoryCeiling() int64 {
	if v := os.Getenv("GOMEMLIMIT"); v != "" && v != "off" {
		if l := debug.SetMemoryLimit(-1); l > 0 && l < math.MaxInt64 {
			ceilingSource = "GOMEMLIMIT=" + v
			return l
		}
	}
	total := meminfoTotal()
	ceilingSource = "90% of the machine's memory"
	if c := cgroupLimit(); c > 0 && (total <= 0 || c < total) {
		total = c
		ceilingSource = "90% of the cgroup's memory limit"
	}
	if total <= 0 {
		return 0
	}
	return total / 10 * 9
}

// memoryInUse is the memory the Go runtime holds from the system, less what
// it has returned: close to the process's resident size.
func memoryInUse() int64 {
	s := []metrics.Sample{{Name: "/memory/classes/total:bytes"}, {Name: "/memory/classes/heap/released:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 || s[1].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return int64(s[0].Value.Uint64() - s[1].Value.Uint64())
}

// meminfoTotal is MemTotal from /proc/meminfo, in bytes; 0 if unknown.
func meminfoTotal() int64 {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "MemTotal:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err == nil {
				return kb << 10
			}
		}
	}
	return 0
}

// cgroupLimit is the smallest memory limit of this process's cgroup and
// its parents (v2 memory.max, or v1 memory.limit_in_bytes), in bytes; 0
// when there is none.
func cgroupLimit() int64 {
	var paths []string
	if b, err := os.ReadFile("/proc/self/cgroup"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if rest, ok := strings.CutPrefix(line, "0::"); ok {
				for d := path.Clean("/" + rest); ; d = path.Dir(d) {
					paths = append(paths, path.Join("/sys/fs/cgroup", d, "memory.max"))
					if d == "/" {
						break
					}
				}
			}
		}
	}
	paths = append(paths, "/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")
	var least int64
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		v, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
		if err == nil && v > 0 && v < 1<<60 && (least == 0 || v < least) { // "max", or v1's huge "none"
			least = v
		}
	}
	return least
}

func mb(n int64) string { return fmt.Sprintf("%d MB", n>>20) }
