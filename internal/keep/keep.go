package keep

import "sync"

// List keeps up to Max objects made by New; its zero value with New and
// Max set is ready, and it is safe for concurrent use.
type List[T any] struct {
	New func() T
	Max int // more than the goroutines that hold one at once

	mu   sync.Mutex
	free []T
}

// Get returns a kept object, or a new one.
func (l *List[T]) Get() T {
	l.mu.Lock()
	if n := len(l.free); n > 0 {
		x := l.free[n-1]
		var zero T
		l.free[n-1] = zero
		l.free = l.free[:n-1]
		l.mu.Unlock()
		return x
	}
	l.mu.Unlock()
	return l.New()
}

// Put keeps x for the next Get, unless Max are kept already.
func (l *List[T]) Put(x T) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.free) < l.Max {
		l.free = append(l.free, x)
	}
}
