package sheet

import (
	"io"
	"sync"
)

// asyncPart decompresses a large part on its own goroutine, a few chunks
// ahead of the scanner: inflating is a third of the time of a large sheet,
// and with it on another core the rows come sooner.
type asyncPart struct {
	rc     io.ReadCloser
	chunks chan chunk
	free   chan []byte
	done   chan struct{} // closed by Close: stop reading
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

const (
	asyncChunk   = 256 << 10
	asyncBuffers = 6
	asyncMin     = 1 << 20 // parts smaller than this are read directly
)

func newAsyncPart(rc io.ReadCloser) *asyncPart {
	p := &asyncPart{rc: rc, chunks: make(chan chunk, asyncBuffers), free: make(chan []byte, asyncBuffers),
		done: make(chan struct{}), exited: make(chan struct{})}
	for range asyncBuffers {
		p.free <- make([]byte, asyncChunk)
	}
	go p.run()
	return p
}

func (p *asyncPart) run() {
	defer close(p.exited)
	defer close(p.chunks)
	for {
		var buf []byte
		select {
		case buf = <-p.free:
		case <-p.done:
			return
		}
		n, err := io.ReadFull(p.rc, buf)
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		select {
		case p.chunks <- chunk{buf[:n], err}:
		case <-p.done:
			return
		}
		if err != nil {
			return
		}
	}
}

func (p *asyncPart) Read(b []byte) (int, error) {
	for len(p.cur) == 0 {
		if p.err != nil {
			return 0, p.err
		}
		if p.last != nil {
			p.free <- p.last[:cap(p.last)]
			p.last = nil
		}
		c, ok := <-p.chunks
		if !ok {
			p.err = io.ErrUnexpectedEOF // closed: not reached while reading
			return 0, p.err
		}
		p.cur, p.last, p.err = c.b, c.b, c.err
	}
	n := copy(b, p.cur)
	p.cur = p.cur[n:]
	return n, nil
}

// Close stops the goroutine, waits for it, and closes the part.
func (p *asyncPart) Close() error {
	p.once.Do(func() { close(p.done) })
	<-p.exited
	return p.rc.Close()
}
