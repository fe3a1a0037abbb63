package hugepage

import (
	"syscall"
	"unsafe"
)

// Size is the huge page size of amd64, and of arm64 with 4 KB pages. Where
// it is another, the advice still stands for the range (aligned to any base
// page size up to 2 MB) and the kernel uses what huge pages fit.
const Size = 2 << 20

// Advise marks the whole huge pages inside b MADV_HUGEPAGE (madvise(2)):
// with transparent huge pages set to "madvise", as on Debian and this
// machine, the kernel then fills a fault there with a 2 MB page, one fault
// instead of 512. Call it before b is first written: pages already there
// stay small. b must be a single allocation the caller owns (a large Go
// slice is its own span of pages, so the advice touches no other object).
// An error (no THP in the kernel) is ignored: the advice is an optimisation.
func Advise(b []byte) {
	lo, hi := inner(uintptr(unsafe.Pointer(unsafe.SliceData(b))), len(b))
	if hi > lo {
		_ = syscall.Madvise(b[lo:hi], syscall.MADV_HUGEPAGE)
	}
}

// inner is the part [lo, hi) of n bytes at address a that whole, aligned
// huge pages cover; hi <= lo when none does.
func inner(a uintptr, n int) (lo, hi int) {
	start := (a + Size - 1) &^ (Size - 1)
	end := (a + uintptr(n)) &^ (Size - 1)
	return int(start - a), int(end - a)
}
