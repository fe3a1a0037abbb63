package font

import (
	"encoding/binary"
	"strings"
	"testing"

	"golang.org/x/image/font/gofont/goregular"
)

// table returns the offset and length of tag in the font b.
func table(tb testing.TB, b []byte, tag string) (int, int) {
	tb.Helper()
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := range n {
		rec := b[12+16*i:]
		if string(rec[:4]) == tag {
			return int(binary.BigEndian.Uint32(rec[8:])), int(binary.BigEndian.Uint32(rec[12:]))
		}
	}
	tb.Fatalf("no %s table", tag)
	return 0, 0
}

// damaged is a copy of the embedded face with change applied.
func damaged(tb testing.TB, change func(b []byte)) []byte {
	tb.Helper()
	b := append([]byte{}, wqyMicroHei...)
	change(b)
	return b
}

func TestVerifyRefusesDamagedFonts(t *testing.T) {
	zero := func(tag string, from int) func(b []byte) {
		return func(b []byte) {
			off, n := table(t, b, tag)
			clear(b[off+from : off+n])
		}
	}
	for _, tc := range []struct {
		name string
		ttf  []byte
		want string
	}{
		{"restricted licence", damaged(t, func(b []byte) {
			off, _ := table(t, b, "OS/2")
			binary.BigEndian.PutUint16(b[off+8:], 0x0002)
		}), "licence forbids embedding it in a PDF (OS/2 fsType 0x0002: restricted licence)"},
		{"bitmap embedding only", damaged(t, func(b []byte) {
			off, _ := table(t, b, "OS/2")
			binary.BigEndian.PutUint16(b[off+8:], 0x0200)
		}), "fsType 0x0200: bitmap embedding only"},
		{"advances zeroed (piled-up text)", damaged(t, zero("hmtx", 0)), "glyphs are damaged"},
		{"outlines zeroed (blank text)", damaged(t, zero("glyf", 0)), "glyphs are damaged"},
		{"loca zeroed (blank text)", damaged(t, zero("loca", 4)), "glyphs are damaged"},
		{"cut short", wqyMicroHei[:len(wqyMicroHei)/2], "runs past the end of the file"},
		{"bad loca format", damaged(t, func(b []byte) {
			off, _ := table(t, b, "head")
			binary.BigEndian.PutUint16(b[off+50:], 3)
		}), "loca format 3"},
		{"no format 4 cmap", damaged(t, func(b []byte) {
			off, _ := table(t, b, "cmap")
			n := int(binary.BigEndian.Uint16(b[off+2:]))
			for i := range n {
				sub := off + int(binary.BigEndian.Uint32(b[off+4+8*i+4:]))
				if binary.BigEndian.Uint16(b[sub:]) == 4 {
					binary.BigEndian.PutUint16(b[sub:], 5)
				}
			}
		}), "format 4"},
		{"Latin only", goregular.TTF, "no glyphs for"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := Parse("bad.ttf", tc.ttf)
			if err == nil {
				err = f.Verify()
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
		})
	}
}

func TestVerifyEmbeddedFaces(t *testing.T) {
	s, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range s.All() {
		if err := f.Verify(); err != nil {
			t.Errorf("%s: %v", f.Name, err)
		}
	}
}

func TestCommonHanzi(t *testing.T) {
	c := []rune(commonHanzi())
	if len(c) != 3755 || c[0] != '啊' || c[len(c)-1] != '座' {
		t.Fatalf("%d hanzi, %q … %q; want 3755, 啊 … 座", len(c), c[0], c[len(c)-1])
	}
}
