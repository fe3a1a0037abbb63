package readahead

import (
	"bytes"
	"errors"
	"io"
	"testing"
	"testing/iotest"
)

// TestSameBytes: what is read ahead is what a plain read gives, for sizes
// around the chunk size, and a read error follows the data before it.
func TestSameBytes(t *testing.T) {
	for _, n := range []int{0, 1, 7, 8, 9, 63, 64, 65, 1000} {
		data := make([]byte, n)
		for i := range data {
			data[i] = byte(i * 7)
		}
		r := New(bytes.NewReader(data), 8, 3)
		got, err := io.ReadAll(iotest.OneByteReader(r))
		r.Stop()
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: got %d bytes, err %v", n, len(got), err)
		}
	}
	boom := errors.New("boom")
	r := New(io.MultiReader(bytes.NewReader([]byte("abcdefghij")), iotest.ErrReader(boom)), 4, 2)
	got, err := io.ReadAll(r)
	r.Stop()
	if string(got) != "abcdefghij" || !errors.Is(err, boom) {
		t.Errorf("got %q, %v; want the data then boom", got, err)
	}
}

// TestStopEarly: stopping before the end frees the goroutine at once.
func TestStopEarly(t *testing.T) {
	r := New(bytes.NewReader(make([]byte, 1<<20)), 16, 2)
	var b [4]byte
	if _, err := r.Read(b[:]); err != nil {
		t.Fatal(err)
	}
	r.Stop()
	r.Stop()
	// What was read ahead may still be read, then an error; never a hang
	// or the whole stream.
	rest, err := io.ReadAll(r)
	if err != io.ErrUnexpectedEOF || len(rest) > 3*16 {
		t.Errorf("after Stop: %d more bytes, err %v", len(rest), err)
	}
}
