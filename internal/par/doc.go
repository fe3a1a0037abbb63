// Package par runs the items of a list on a fixed number of goroutines:
// the packet's slices GOMAXPROCS at a time, its files' fsyncs sixteen at a
// time. Each item is taken once, in order of index; results go where the
// caller's fn puts them, so the caller keeps its own order.
package par
