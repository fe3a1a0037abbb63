package chart

import "sync"

// cache is a concurrent map for the glyph caches, which every glyph drawn
// asks once or twice: sync.Map, its key boxed in an interface and hashed
// field by field (the pen's size and resolution are floats), was 6% of
// drawing and encoding a slice's charts. Here a key is hashed as the
// plain bytes it is, in one of cacheShards maps the caller picks, each
// behind a read-write lock (two cores rarely meet on one).
type cache[K comparable, V any] struct {
	shards [cacheShards]cacheShard[K, V]
}

const cacheShards = 16

type cacheShard[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
	_  [64]byte // a shard's lock on a cache line of its own
}

// load is the value of k, in shard s (any number: taken mod cacheShards).
func (c *cache[K, V]) load(s uint, k K) (V, bool) {
	sh := &c.shards[s%cacheShards]
	sh.mu.RLock()
	v, ok := sh.m[k]
	sh.mu.RUnlock()
	return v, ok
}

// loadOrStore is sync.Map's LoadOrStore: the value there, and true, or v,
// stored, and false.
func (c *cache[K, V]) loadOrStore(s uint, k K, v V) (V, bool) {
	sh := &c.shards[s%cacheShards]
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if old, ok := sh.m[k]; ok {
		return old, true
	}
	if sh.m == nil {
		sh.m = map[K]V{}
	}
	sh.m[k] = v
	return v, false
}

// clear empties the cache.
func (c *cache[K, V]) clear() {
	for i := range c.shards {
		sh := &c.shards[i]
		sh.mu.Lock()
		clear(sh.m)
		sh.mu.Unlock()
	}
}
