package sheet

import (
	"io"

	"github.com/basebrief/basebrief/input/internal/readahead"
)

// asyncPart inflates a large part on its own goroutine, a few chunks ahead
// of the scanner: inflating is a third of the time of a large sheet, and
// with it on another core the rows come sooner.
type asyncPart struct {
	*readahead.Reader
	rc io.ReadCloser
}

const (
	asyncChunk   = 256 << 10
	asyncBuffers = 5
	asyncMin     = 1 << 20 // parts smaller than this are read directly
)

func newAsyncPart(rc io.ReadCloser) *asyncPart {
	return &asyncPart{readahead.New(rc, asyncChunk, asyncBuffers), rc}
}

// Close stops the goroutine, waits for it, and closes the part.
func (p *asyncPart) Close() error {
	p.Stop()
	return p.rc.Close()
}
