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

// TestMemoBounded: a result is kept once, and none once Max would pass.
func TestMemoBounded(t *testing.T) {
	c := Memo[string]{Max: 10}
	c.Put("a", []byte("1"), 4)
	c.Put("a", []byte("2"), 4) // kept already: not replaced, not counted
	c.Put("b", []byte("3"), 6)
	c.Put("c", []byte("4"), 1) // over Max
	for k, want := range map[string]string{"a": "1", "b": "3"} {
		if v, ok := c.Get(k); !ok || string(v) != want {
			t.Errorf("%s: %q %v, want %q", k, v, ok, want)
		}
	}
	if _, ok := c.Get("c"); ok {
		t.Error("c kept past Max")
	}
}
