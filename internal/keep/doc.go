// Package keep holds objects that are dear to make, compressors of a
// megabyte and more, from one use to the next across garbage collections.
// A sync.Pool empties at every other collection, and a run with --slices
// collects some 25 times: each compressor made anew was allocated, zeroed
// and faulted in again (issue 25). Memo keeps results computed alike
// across a run's packets (parts deflated once per process), up to a bound.
package keep
