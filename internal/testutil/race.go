//go:build race

package testutil

// Race reports whether the tests run under the race detector, which
// changes what some tests measure: sync.Pool drops a quarter of what it is
// given (so a test of kept buffers sees fresh ones), and everything runs
// several times slower.
const Race = true
