package csvtext

import (
	"bytes"
	"io"
	"testing"
	"testing/iotest"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
)

// sameAsXText checks gb18030Decoder against x/text's GB18030 decoder on b,
// whole and read a byte at a time.
func sameAsXText(t *testing.T, b []byte) {
	t.Helper()
	want, _, werr := transform.Bytes(simplifiedchinese.GB18030.NewDecoder(), b)
	got, _, gerr := transform.Bytes(NewGB18030Decoder(), b)
	if !bytes.Equal(got, want) || (werr == nil) != (gerr == nil) {
		t.Fatalf("% x: got %q, %v; want %q, %v", b, got, gerr, want, werr)
	}
	slow, _ := io.ReadAll(transform.NewReader(iotest.OneByteReader(bytes.NewReader(b)), NewGB18030Decoder()))
	if !bytes.Equal(slow, want) {
		t.Fatalf("% x read bytewise: got %q, want %q", b, slow, want)
	}
}

func TestGB18030MatchesXText(t *testing.T) {
	for c0 := 0x80; c0 <= 0xFF; c0++ {
		for c1 := 0; c1 <= 0xFF; c1++ {
			sameAsXText(t, []byte{byte(c0), byte(c1)})
			sameAsXText(t, []byte{'a', byte(c0), byte(c1), 0x81, 0x30})
		}
	}
	for _, s := range []string{"", "四川,成都", "\x81\x30\x81\x30", "\x84\x31\xa4\x39", "\xe3\x32\x9a\x35", "\x80\xff\xfe"} {
		sameAsXText(t, []byte(s))
	}
	gbk, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("省份,城市,时期,人数\n四川,成都,2019年,130万\n"))
	sameAsXText(t, gbk)
}

func FuzzGB18030(f *testing.F) {
	f.Add([]byte("\xcb\xc4\xb4\xa8,\xb3\xc9\xb6\xbc\n"))
	f.Add([]byte("\x81\x30\x81\x30\x80\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		sameAsXText(t, b)
	})
}
