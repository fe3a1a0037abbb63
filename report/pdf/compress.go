package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"runtime"
	"slices"
	"strconv"
	"sync"

	"github.com/basebrief/basebrief/internal/keep"
)

// compressPages deflates the page content streams of an uncompressed fpdf
// document, giving the bytes fpdf itself writes with compression on. fpdf
// makes a new zlib writer (about 1 MB) per page; at national size (500+
// pages) that kept the garbage collector running every few milliseconds
// at the end of the run. Here one writer per core is reused, and pages
// compress in parallel; the result does not depend on scheduling.
//
// A document not laid out the way fpdf writes it is returned unchanged:
// larger, but as valid as it came.
func compressPages(pdf []byte) []byte {
	objs, tail, ok := splitObjects(pdf)
	if !ok {
		return pdf
	}
	contents := contentObjects(pdf)
	var jobs []int // indexes into objs
	for i, o := range objs {
		if contents[o.num] {
			jobs = append(jobs, i)
		}
	}
	streams := make([][]byte, len(objs))
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		next int
		bad  bool
	)
	for range min(runtime.GOMAXPROCS(0), max(len(jobs), 1)) {
		wg.Go(func() {
			var buf bytes.Buffer
			zw := zlibWriters.Get()
			defer zlibWriters.Put(zw)
			for {
				mu.Lock()
				if next == len(jobs) {
					mu.Unlock()
					return
				}
				i := jobs[next]
				next++
				mu.Unlock()
				data, ok := pageStream(objs[i])
				if !ok {
					mu.Lock()
					bad = true
					mu.Unlock()
					continue
				}
				buf.Reset()
				zw.Reset(&buf)
				zw.Write(data) // writes to a bytes.Buffer do not fail
				zw.Close()
				streams[i] = slices.Clone(buf.Bytes())
			}
		})
	}
	wg.Wait()
	if bad {
		return pdf
	}
	return assemble(pdf[:objs[0].start], objs, streams, tail)
}

// zlibWriters are the page compressors, kept from PDF to PDF: each is
// about 1.2 MB to allocate and clear, two a PDF, 64 PDFs with --slices. A
// writer Reset writes what a new one writes (compress/zlib, Writer.Reset:
// "equivalent to its initial state from NewWriterLevel").
var zlibWriters = keep.List[*zlib.Writer]{New: func() *zlib.Writer {
	zw, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed) // a valid level: no error
	return zw
}, Max: 8}

// object is one "N 0 obj ... endobj\n" of the document, in file order.
type object struct {
	num        int
	start, end int // byte range in the document
	body       []byte
}

// xrefTail is what follows the objects: the cross-reference table's
// shape and the trailer dictionary.
type xrefTail struct {
	count   int    // entries, the free entry 0 included
	trailer []byte // "trailer\n<<...>>\n"
}

// splitObjects reads the cross-reference table at the end of the document
// and cuts the document into its objects.
func splitObjects(pdf []byte) ([]object, xrefTail, bool) {
	const sx = "\nstartxref\n"
	at := bytes.LastIndex(pdf, []byte(sx))
	if at < 0 {
		return nil, xrefTail{}, false
	}
	line, _, _ := bytes.Cut(pdf[at+len(sx):], []byte("\n"))
	xref, err := strconv.Atoi(string(line))
	if err != nil || xref <= 0 || xref >= at {
		return nil, xrefTail{}, false
	}
	rest, ok := bytes.CutPrefix(pdf[xref:at+1], []byte("xref\n0 "))
	if !ok {
		return nil, xrefTail{}, false
	}
	line, rest, _ = bytes.Cut(rest, []byte("\n"))
	count, err := strconv.Atoi(string(line))
	const entry = 20 // "0000001234 00000 n \n"
	if err != nil || count < 2 || len(rest) < count*entry {
		return nil, xrefTail{}, false
	}
	objs := make([]object, 0, count-1)
	for n := 1; n < count; n++ {
		e := rest[n*entry : (n+1)*entry]
		off, err := strconv.Atoi(string(e[:10]))
		if err != nil || string(e[10:]) != " 00000 n \n" || off <= 0 || off >= xref {
			return nil, xrefTail{}, false
		}
		objs = append(objs, object{num: n, start: off})
	}
	slices.SortFunc(objs, func(a, b object) int { return a.start - b.start })
	for i := range objs {
		objs[i].end = xref
		if i+1 < len(objs) {
			objs[i].end = objs[i+1].start
		}
		objs[i].body = pdf[objs[i].start:objs[i].end]
		if !bytes.HasPrefix(objs[i].body, []byte(strconv.Itoa(objs[i].num)+" 0 obj\n")) {
			return nil, xrefTail{}, false
		}
	}
	trailer := rest[count*entry:]
	if !bytes.HasPrefix(trailer, []byte("trailer\n")) {
		return nil, xrefTail{}, false
	}
	return objs, xrefTail{count: count, trailer: trailer}, true
}

// contentObjects lists the objects pages name as their /Contents.
func contentObjects(pdf []byte) map[int]bool {
	out := map[int]bool{}
	key := []byte("/Contents ")
	for rest := pdf; ; {
		i := bytes.Index(rest, key)
		if i < 0 {
			return out
		}
		rest = rest[i+len(key):]
		num, after, ok := bytes.Cut(rest, []byte(" 0 R"))
		if n, err := strconv.Atoi(string(num)); ok && err == nil && len(num) < 10 {
			out[n] = true
			rest = after
		}
	}
}

// pageStream returns the data of an uncompressed page content object,
// "N 0 obj\n<</Length L>>\nstream\n" data "\nendstream\nendobj\n".
func pageStream(o object) ([]byte, bool) {
	rest := o.body[len(strconv.Itoa(o.num)+" 0 obj\n"):]
	rest, ok := bytes.CutPrefix(rest, []byte("<</Length "))
	if !ok {
		return nil, false
	}
	num, rest, ok := bytes.Cut(rest, []byte(">>\nstream\n"))
	n, err := strconv.Atoi(string(num))
	if !ok || err != nil || n < 0 || n > len(rest) || string(rest[n:]) != "\nendstream\nendobj\n" {
		return nil, false
	}
	return rest[:n], true
}

// assemble writes the header, the objects (compressed streams in place of
// the page data) and a new cross-reference table.
func assemble(head []byte, objs []object, streams [][]byte, tail xrefTail) []byte {
	var b bytes.Buffer
	b.Grow(objs[len(objs)-1].end)
	b.Write(head)
	offsets := make([]int, tail.count)
	for i, o := range objs {
		offsets[o.num] = b.Len()
		if streams[i] == nil {
			b.Write(o.body)
			continue
		}
		fmt.Fprintf(&b, "%d 0 obj\n<</Filter /FlateDecode /Length %d>>\nstream\n", o.num, len(streams[i]))
		b.Write(streams[i])
		b.WriteString("\nendstream\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", tail.count)
	for _, off := range offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	b.Write(tail.trailer)
	fmt.Fprintf(&b, "startxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}
