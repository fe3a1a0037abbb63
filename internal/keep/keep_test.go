package keep

import (
	"runtime"
	"testing"
)

// TestKeptAcrossCollections: what is put is got back after collections,
// which empty a sync.Pool, and no more than Max are kept.
func TestKeptAcrossCollections(t *testing.T) {
	made := 0
	l := List[*[1 << 20]byte]{New: func() *[1 << 20]byte { made++; return new([1 << 20]byte) }, Max: 2}
	a, b, c := l.Get(), l.Get(), l.Get()
	l.Put(a)
	l.Put(b)
	l.Put(c) // over Max: dropped
	runtime.GC()
	runtime.GC()
	got := map[*[1 << 20]byte]bool{l.Get(): true, l.Get(): true}
	if !got[a] || !got[b] {
		t.Errorf("after two collections, got back %d of the 2 kept", len(got))
	}
	if l.Get(); made != 4 {
		t.Errorf("%d made, want 4 (3, then one more once the 2 kept are out)", made)
	}
}
