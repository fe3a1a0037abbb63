package csvtext

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// csvRows reads text with encoding/csv as table reads it, listing each
// record with its first and last line, or the error.
func csvRows(r io.Reader, sep byte) []string {
	cr := csv.NewReader(r)
	cr.Comma = rune(sep)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var out []string
	for range 1000 {
		rec, err := cr.Read()
		if err == nil {
			start, _ := cr.FieldPos(0)
			end, _ := cr.FieldPos(len(rec) - 1)
			end += strings.Count(rec[len(rec)-1], "\n")
			out = append(out, fmt.Sprintf("%d-%d %q", start, end, rec))
			continue
		}
		out = append(out, describeErr(err))
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			break
		}
	}
	return out
}

// splitRows is csvRows with RowReader.
func splitRows(r io.Reader, sep byte) []string {
	rr := NewRowReader(r, sep)
	var out []string
	for range 1000 {
		rec, err := rr.Read()
		if err == nil {
			out = append(out, fmt.Sprintf("%d-%d %q", rr.Start, rr.End, rec))
			continue
		}
		out = append(out, describeErr(err))
		var pe *csv.ParseError
		if !errors.As(err, &pe) {
			break
		}
	}
	return out
}

func describeErr(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("ParseError %+v", *pe)
	}
	return "error " + err.Error()
}

var errBroken = errors.New("broken")

// sameAsCSV checks RowReader against encoding/csv on text, whole and read
// a byte at a time, and with a read error instead of the end, with a comma
// and with a tab as the separator.
func sameAsCSV(t *testing.T, text []byte) {
	t.Helper()
	for _, sep := range []byte{',', '\t'} {
		want := csvRows(bytes.NewReader(text), sep)
		if got := splitRows(bytes.NewReader(text), sep); !equalRows(got, want) {
			t.Fatalf("text %q, separator %q:\n got %q\nwant %q", text, sep, got, want)
		}
		if got := splitRows(iotest.OneByteReader(bytes.NewReader(text)), sep); !equalRows(got, want) {
			t.Fatalf("text %q, separator %q, read bytewise:\n got %q\nwant %q", text, sep, got, want)
		}
		broken := func() io.Reader { return io.MultiReader(bytes.NewReader(text), iotest.ErrReader(errBroken)) }
		want = csvRows(broken(), sep)
		if got := splitRows(broken(), sep); !equalRows(got, want) {
			t.Fatalf("text %q, separator %q, then a read error:\n got %q\nwant %q", text, sep, got, want)
		}
	}
}

func equalRows(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

var splitCases = []string{
	"",
	"a,b,c\n",
	"a,b,c",
	"a,b,c\r\n1,2,3\r\n",
	"a,b\r",
	"a,b\r\r",
	"a,b\r\r\n",
	"\n\n\na\n\n b \n",
	"\r\n\r\nx\r\n",
	",\n,,\n",
	"a,\"b,c\",d\n1,2,3\n",
	"\"multi\nline\",x\n\"a\"\"b\",y\n",
	"\"multi\r\nline\"\r\nnext,row\r\n",
	"a,b\"c\n1,2\n",
	"a,\"b\"c,d\n1,2\n",
	"a,\"open\nx,y\nz\n",
	"a,\"ends\"",
	"a,\"ends\"\r",
	"\"\"\n\"\",\"\"\n",
	"q,\"\n\n\",r\n\n\"s\"\n",
	"x,\"y\"\n\"bad\"z\nlast,row",
	"中文,数字,\"1,400,000\"\n四川,成都,140万\n",
	"\"a\nb",
	"a\rb,c\n",
	"省份\t城市\t人数\n四川\t\"成都\"\t\"1,400,000\"\n\t\n",
	"a\t\"b\tc\"\td\r\n\"x\"\"y\"\t,\n",
}

func TestRowReaderMatchesCSV(t *testing.T) {
	for _, s := range splitCases {
		sameAsCSV(t, []byte(s))
	}
	// Lines longer than a chunk, quoted and not.
	long := strings.Repeat("x", chunkBytes+10)
	sameAsCSV(t, []byte("a,"+long+"\nb,\""+long+"\"\nc\n"))
}

// FuzzRows holds RowReader to encoding/csv on any text.
func FuzzRows(f *testing.F) {
	for _, s := range splitCases {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, text []byte) {
		sameAsCSV(t, text)
	})
}
