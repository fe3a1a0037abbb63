package input

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"
)

// streamFS serves files generated on the fly, so hostile inputs of
// hundreds of megabytes never sit in memory.
type streamFS map[string]func() io.Reader

func (s streamFS) Open(name string) (fs.File, error) {
	if gen, ok := s[name]; ok {
		return &streamFile{Reader: gen(), name: name}, nil
	}
	if b, ok := base[name]; ok {
		return &streamFile{Reader: strings.NewReader(b), name: name}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

type streamFile struct {
	io.Reader
	name string
}

func (f *streamFile) Stat() (fs.FileInfo, error) { return fileInfo(f.name), nil }
func (f *streamFile) Close() error               { return nil }

type fileInfo string

func (fi fileInfo) Name() string       { return string(fi) }
func (fi fileInfo) Size() int64        { return 0 }
func (fi fileInfo) Mode() fs.FileMode  { return 0o444 }
func (fi fileInfo) ModTime() time.Time { return time.Time{} }
func (fi fileInfo) IsDir() bool        { return false }
func (fi fileInfo) Sys() any           { return nil }

// repeatReader yields prefix, then b repeated until n bytes in all.
type repeatReader struct {
	prefix []byte
	b      []byte
	n      int64
	off    int64
}

func (r *repeatReader) Read(p []byte) (int, error) {
	if r.off >= r.n {
		return 0, io.EOF
	}
	i := 0
	for i < len(p) && r.off < r.n {
		if r.off < int64(len(r.prefix)) {
			p[i] = r.prefix[r.off]
		} else {
			p[i] = r.b[(r.off-int64(len(r.prefix)))%int64(len(r.b))]
		}
		i++
		r.off++
	}
	return i, nil
}

type randReader struct{ r *rand.ChaCha8 }

func (r randReader) Read(p []byte) (int, error) { return r.r.Read(p) }

// TestHostileInput feeds inputs meant to exhaust memory; each must fail with
// one clear error and the heap must stay small.
func TestHostileInput(t *testing.T) {
	const mb = 1 << 20
	tests := []struct {
		name string
		gen  func() io.Reader
		want string
	}{
		{"100 MB line", func() io.Reader {
			return &repeatReader{prefix: []byte(figHeader), b: []byte("x"), n: 100 * mb}
		}, "figures.csv:2: row longer than 64 KiB, expected CSV rows of ordinary length"},
		{"million columns", func() io.Reader {
			return &repeatReader{b: []byte("a,"), n: 2 * mb}
		}, "figures.csv:1: row longer than 64 KiB, expected CSV rows of ordinary length"},
		{"100 MB quoted value", func() io.Reader {
			return &repeatReader{prefix: []byte(figHeader + "四川,成都,2019,1,\""), b: []byte("ab\n"), n: 100 * mb}
		}, "figures.csv:2: quoted value longer than 64 KiB (a quote left open?), expected CSV rows of ordinary length"},
		{"random bytes", func() io.Reader {
			return io.LimitReader(randReader{rand.NewChaCha8([32]byte{7})}, 50*mb)
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			_, err := Load(streamFS{"figures.csv": tt.gen}, Options{})
			var after runtime.MemStats
			runtime.ReadMemStats(&after)
			if err == nil {
				t.Fatal("Load succeeded")
			}
			var es Errors
			errors.As(err, &es)
			if len(es) != 1 || (tt.want != "" && es[0].Error() != tt.want) {
				t.Errorf("errors = %q, want one: %q", err, tt.want)
			}
			t.Logf("%s", es[0])
			if tt.want == "" && !strings.HasPrefix(es[0].Error(), "figures.csv:") {
				t.Errorf("error %q does not name the file and line", es[0])
			}
			if grown := after.TotalAlloc - before.TotalAlloc; grown > 16*mb {
				t.Errorf("allocated %d MiB, want < 16", grown/mb)
			}
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v", d)
			}
		})
	}
}

// TestReadsPastChunkBoundaries reads a file one byte at a time, so every
// UTF-8 sequence and quote straddles a read.
func TestReadsPastChunkBoundaries(t *testing.T) {
	want, err := Load(dataFS(nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	files := streamFS{}
	for name, s := range base {
		files[name] = func() io.Reader { return &oneByteReader{bytes.NewReader([]byte(s))} }
	}
	got, err := Load(files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Cities) != len(want.Cities) || got.Files[2].SHA256 != want.Files[2].SHA256 || got.Figures[0] != want.Figures[0] {
		t.Errorf("byte-at-a-time load differs: %+v vs %+v", got, want)
	}
}

type oneByteReader struct{ r io.Reader }

func (r *oneByteReader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	return r.r.Read(p[:1])
}
