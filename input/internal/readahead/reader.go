package readahead

import (
	"io"
	"sync"
)

// Reader reads r ahead on its own goroutine. Chunks arrive in order; an
// error follows the data before it, as from r. Stop must be called when
// done with it (reading to the end or an error does not free the goroutine
// until then).
type Reader struct {
	chunks chan chunk
	free   chan []byte
	done   chan struct{} // closed by Stop: stop reading
	exited chan struct{} // closed by the goroutine when it returns
	once   sync.Once

	cur  []byte // unread bytes of the current chunk
	last []byte // the current chunk's buffer, returned to free when read
	err  error
}

type chunk struct {
	b   []byte
	err error
}

// New starts reading r in chunks of size bytes, at most buffers chunks
// ahead of the consumer.
func New(r io.Reader, size, buffers int) *Reader {
	a := &Reader{
		chunks: make(chan chunk, buffers),
		free:   make(chan []byte, buffers+1),
		done:   make(chan struct{}),
		exited: make(chan struct{}),
	}
	for range buffers + 1 {
		a.free <- make([]byte, size)
	}
	go a.run(r)
	return a
}

func (a *Reader) run(r io.Reader) {
	defer close(a.exited)
	defer close(a.chunks)
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
		case a.chunks <- chunk{buf[:n], err}:
		case <-a.done:
			return
		}
		if err != nil {
			return
		}
	}
}

// Read reads what the goroutine has read, in order.
func (a *Reader) Read(p []byte) (int, error) {
	for len(a.cur) == 0 {
		if a.err != nil {
			return 0, a.err
		}
		if a.last != nil {
			a.free <- a.last[:cap(a.last)]
			a.last = nil
		}
		c, ok := <-a.chunks
		if !ok {
			a.err = io.ErrUnexpectedEOF // stopped: not reached while reading
			return 0, a.err
		}
		a.cur, a.last, a.err = c.b, c.b, c.err
	}
	n := copy(p, a.cur)
	a.cur = a.cur[n:]
	return n, nil
}

// Stop ends the goroutine and waits for it, so that whatever it fed (a
// hash, a decoder) can be read without a race. It may be called more than
// once.
func (a *Reader) Stop() {
	a.once.Do(func() { close(a.done) })
	<-a.exited
}
