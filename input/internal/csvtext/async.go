package csvtext

import (
	"io"
	"sync"
)

// asyncReader moves reading, hashing, decoding and the guard's checks to a
// second goroutine, so they run on the other core while the CSV parser and
// the row checks run on this one. Chunks arrive in order; an error follows
// the data before it, as from the wrapped reader.
type asyncReader struct {
	ch     chan chunk
	free   chan []byte
	done   chan struct{}
	exited chan struct{}
	once   sync.Once
	cur    []byte
	last   []byte
	err    error
}

type chunk struct {
	b   []byte
	err error
}

const (
	asyncChunk   = 64 << 10
	asyncBuffers = 16
)

func newAsyncReader(r io.Reader) *asyncReader {
	a := &asyncReader{
		ch:     make(chan chunk, asyncBuffers),
		free:   make(chan []byte, asyncBuffers+1),
		done:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	for range asyncBuffers + 1 {
		a.free <- make([]byte, asyncChunk)
	}
	go a.run(r)
	return a
}

func (a *asyncReader) run(r io.Reader) {
	defer close(a.exited)
	for {
		var buf []byte
		select {
		case buf = <-a.free:
		case <-a.done:
			return
		}
		n, err := io.ReadFull(r, buf)
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		select {
		case a.ch <- chunk{buf[:n], err}:
		case <-a.done:
			return
		}
		if err != nil {
			return
		}
	}
}

func (a *asyncReader) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.err != nil {
			return 0, a.err
		}
		if a.last != nil {
			a.free <- a.last[:cap(a.last)]
			a.last = nil
		}
		c := <-a.ch
		a.cur, a.last, a.err = c.b, c.b, c.err
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// close stops the reading goroutine and waits for it, so the hash can be
// read without a race.
func (a *asyncReader) close() {
	a.once.Do(func() { close(a.done) })
	<-a.exited
}
