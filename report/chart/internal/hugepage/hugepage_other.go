//go:build !linux

package hugepage

// Advise does nothing off Linux: the kernels there give no per-range advice
// for huge pages through the standard library.
func Advise(b []byte) {}
