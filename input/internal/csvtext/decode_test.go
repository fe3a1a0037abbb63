package csvtext

import (
	"bytes"
	"io"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

func TestSeparator(t *testing.T) {
	tests := []struct {
		head string
		want byte
	}{
		{"a,b,c\n1,2,3\n", ','},
		{"a\tb\tc\n1\t2\t3\n", '\t'},
		{"标题\n\n省份\t城市\t人数\n四川\t成都\t1,300,000\n", '\t'}, // commas inside a tab file's numbers
		{"a,\"x\ty\",c\n", ','}, // a tab inside quotes
		{"title only", ','},
		{"a\tb", '\t'},
		{"a,b\r1,2\r", ','},
	}
	for _, tt := range tests {
		if got := separator([]byte(tt.head)); got != tt.want {
			t.Errorf("separator(%q) = %q, want %q", tt.head, got, tt.want)
		}
	}
}

// TestDecoderForms decodes the forms offices save text in to the same
// UTF-8 text, telling the encoding, separator and line ends.
func TestDecoderForms(t *testing.T) {
	text := "省份\t城市\n四川\t成都\n"
	le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	cr := bytes.ReplaceAll([]byte(text), []byte("\n"), []byte("\r"))
	tests := []struct {
		name     string
		raw      []byte
		encoding string
		crOnly   bool
	}{
		{"UTF-8", []byte(text), UTF8, false},
		{"UTF-8 BOM", append([]byte("\xEF\xBB\xBF"), text...), UTF8BOM, false},
		{"UTF-16LE", le, UTF16LE, false},
		{"UTF-16BE", be, UTF16BE, false},
		{"CR only", cr, UTF8, true},
	}
	for _, tt := range tests {
		d, err := NewDecoder(bytes.NewReader(tt.raw), int64(len(tt.raw)), false)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		got, err := io.ReadAll(d.Text)
		d.Close()
		if err != nil || string(got) != text || d.Encoding != tt.encoding || d.Sep != '\t' || d.CROnly != tt.crOnly {
			t.Errorf("%s: %q, %v, %s, sep %q, CR only %v", tt.name, got, err, d.Encoding, d.Sep, d.CROnly)
		}
	}
	// An unpaired surrogate is damage, not text.
	bad := append([]byte("\xFF\xFEa\x00"), 0x00, 0xD8, '\n', 0)
	d, err := NewDecoder(bytes.NewReader(bad), int64(len(bad)), false)
	if err == nil {
		_, err = io.ReadAll(d.Text)
		d.Close()
	}
	if se, ok := err.(*StreamError); !ok || se.Msg != "invalid UTF-16 text (an unpaired surrogate or an odd byte at the end), expected UTF-16 text as Excel saves it" {
		t.Errorf("damaged UTF-16: %v", err)
	}
}
