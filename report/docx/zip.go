package docx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"io"
	"sync"
	"time"
)

// part is one part of the package as it goes into the zip: deflated, or
// stored as is (the PNGs, compressed already).
type part struct {
	name string
	data []byte // as written: the deflate stream, or the part itself
	crc  uint32 // of the uncompressed part
	size int    // uncompressed bytes
	zip  bool   // data is deflated
}

// level is archive/zip's own deflate level (register.go, newFlateWriter:
// flate.NewWriter(w, 5)), so a part deflated here is the part
// CreateHeader would have written.
const level = 5

var flaters = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(nil, level) // the level is valid: no error
	return fw
}}

// deflated holds the small parts deflated once per process, by content:
// nine of a briefing's twelve XML parts (content types, relationships,
// styles, settings, fonts, footers, app properties) are the same in every
// briefing of a language, and a --slices run writes 32 briefings. Each
// deflate of a part, however small, clears the writer's 640 KB of hash
// tables and builds a Huffman block. Deflate gives the same bytes for the
// same input, so a part from here is the part deflated anew. Bounded by
// deflatedBytes.
var deflated struct {
	sync.Mutex
	m     map[string]part
	bytes int
}

const (
	cacheablePart = 32 << 10 // the parts written alike are 0.2–9 KB
	deflatedBytes = 1 << 20
)

// deflatePart returns raw as a deflated part named name.
func deflatePart(name string, raw []byte) part {
	cacheable := len(raw) <= cacheablePart
	if cacheable {
		deflated.Lock()
		p, ok := deflated.m[string(raw)]
		deflated.Unlock()
		if ok {
			p.name = name
			return p
		}
	}
	var out bytes.Buffer
	out.Grow(len(raw)/4 + 256)
	fw := flaters.Get().(*flate.Writer)
	fw.Reset(&out)
	fw.Write(raw) // a bytes.Buffer takes every write: no error
	fw.Close()
	flaters.Put(fw)
	p := part{name: name, data: out.Bytes(), crc: crc32.ChecksumIEEE(raw), size: len(raw), zip: true}
	if cacheable {
		deflated.Lock()
		if deflated.bytes+len(raw)+len(p.data) <= deflatedBytes {
			if deflated.m == nil {
				deflated.m = map[string]part{}
			}
			if _, ok := deflated.m[string(raw)]; !ok {
				deflated.m[string(raw)] = p
				deflated.bytes += len(raw) + len(p.data)
			}
		}
		deflated.Unlock()
	}
	return p
}

// storedPart is data stored as is.
func storedPart(name string, data []byte) part {
	return part{name: name, data: data, crc: crc32.ChecksumIEEE(data), size: len(data)}
}

// writeZip writes the parts as a zip archive to w, each entry as
// archive/zip's CreateHeader writes it (the same flags, versions, times and
// data descriptor), its data given whole through CreateRaw. A writer that
// can (the packet's bytes.Buffer) is grown once to the archive's size.
func writeZip(w io.Writer, parts []part, mod time.Time) error {
	date, clock := msDosTime(mod)
	extra := extendedTime(mod)
	if g, ok := w.(interface{ Grow(int) }); ok {
		n := endLen
		for _, p := range parts {
			n += localLen + centralLen + 2*(len(p.name)+len(extra)) + len(p.data) + descriptorLen
		}
		g.Grow(n)
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		fh := &zip.FileHeader{
			Name: p.name, Method: zip.Store,
			// CreateHeader's: a data descriptor follows the data, version
			// 2.0 to make and to read, the time as MS-DOS fields and as
			// Info-ZIP's extended timestamp.
			Flags: 0x8, CreatorVersion: zipVersion20, ReaderVersion: zipVersion20,
			Modified: mod, ModifiedDate: date, ModifiedTime: clock, Extra: extra,
			CRC32: p.crc, CompressedSize64: uint64(len(p.data)), UncompressedSize64: uint64(p.size),
		}
		if p.zip {
			fh.Method = zip.Deflate
		}
		f, err := zw.CreateRaw(fh)
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// Sizes of the zip records (APPNOTE.TXT 4.3): the local file header, the
// data descriptor with its signature, the central directory header and its
// end record, each before its variable fields.
const (
	localLen      = 30
	descriptorLen = 16
	centralLen    = 46
	endLen        = 22
	zipVersion20  = 20 // archive/zip's zipVersion20: 2.0
)

// msDosTime is t as an MS-DOS date and time, as archive/zip's
// timeToMsDosTime makes them for CreateHeader.
func msDosTime(t time.Time) (date, clock uint16) {
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// extendedTime is the extra field CreateHeader adds for a set Modified:
// Info-ZIP's extended timestamp (ID 0x5455), the modification time alone.
func extendedTime(t time.Time) []byte {
	mt := uint32(t.Unix())
	return []byte{0x55, 0x54, 5, 0, 1, byte(mt), byte(mt >> 8), byte(mt >> 16), byte(mt >> 24)}
}
