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

// Memo keeps byte results by key until it holds Max bytes, as counted by
// Put's callers (a key's bytes and its result's): what is computed alike
// across a run's packets is computed once. Safe for concurrent use; a
// result got is shared and must not be written to.
type Memo[K comparable] struct {
	Max int

	mu   sync.Mutex
	m    map[K][]byte
	held int
}

// Get returns the result kept for k.
func (c *Memo[K]) Get(k K) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[k]
	return v, ok
}

// Put keeps v for k, counted as size bytes, unless that would pass Max or
// k is kept already.
func (c *Memo[K]) Put(k K, v []byte, size int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.held+size > c.Max {
		return
	}
	if _, ok := c.m[k]; ok {
		return
	}
	if c.m == nil {
		c.m = map[K][]byte{}
	}
	c.m[k] = v
	c.held += size
}
