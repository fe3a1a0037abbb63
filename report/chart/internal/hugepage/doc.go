// Package hugepage asks the kernel to back a large buffer with huge pages
// (2 MB) instead of 4 KB ones, where it can: a chart raster is 7–18 MB,
// drawn on as soon as it is made, and on a virtual machine each 4 KB page
// faulted in costs ~10 µs (see README.md). Advice only: what the buffer
// holds never changes, and where the kernel or the system says no, nothing
// happens.
package hugepage
