package delivery

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/output"
)

const testLead = "本期简报涵盖西部地区9个省区市的10个城市。"

// fakePacket writes a small packet with output.Write, as run does: a PDF,
// its Word twin, a workbook, summary.json and a slice for 四川.
func fakePacket(t *testing.T, pdfSize int, xlsxSize ...int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "packet")
	summary := func(lead string) []byte {
		return []byte(fmt.Sprintf(`{"period":"2019","narrative":[{"text":%q,"claims":[]},{"text":"其次。","claims":[]}]}`, lead))
	}
	pdf := bytes.Repeat([]byte("%PDF-1.4 briefing\n"), pdfSize/18+1)[:pdfSize]
	xlsx := []byte("PK xlsx bytes")
	if len(xlsxSize) > 0 {
		xlsx = bytes.Repeat([]byte{'x'}, xlsxSize[0])
	}
	files := []output.File{
		{Path: "briefing.pdf", Data: pdf},
		{Path: "briefing.docx", Data: []byte("PK docx bytes\x00\x01\x02")},
		{Path: "workbook.xlsx", Data: xlsx},
		{Path: "summary.json", Data: summary(testLead)},
		{Path: "slices/四川/briefing.pdf", Data: []byte("%PDF-1.4 四川")},
		{Path: "slices/四川/briefing.docx", Data: []byte("PK 四川 docx")},
		{Path: "slices/四川/summary.json", Data: summary("四川省21个城市。")},
	}
	info := output.ManifestInfo{Version: "test", Period: "2019", Lang: "zh",
		Masthead: &output.Masthead{Title: "新的社会阶层人士统战工作简报", Issue: "第12期", Period: "2019年"}}
	if err := output.Write(context.Background(), dir, files, info); err != nil {
		t.Fatal(err)
	}
	return dir
}

// mailConfig is a config mailing through the test server.
func mailConfig(t *testing.T, port int, extra string) *Config {
	t.Helper()
	src := fmt.Sprintf(`
[mail]
host = "127.0.0.1"
port = %d
tls = "none"
from = "新的社会阶层人士工作处 <brief@example.gov.cn>"
timeout = "5s"
backoff = "1s"

[[recipient]]
name = "省委统战部"
to = ["a@example.gov.cn"]
cc = ["b@example.gov.cn"]
%s`, port, extra)
	c, err := ParseConfig("delivery.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// sleeps records the waits a delivery asked for, without waiting.
type sleeps struct{ got []time.Duration }

func (s *sleeps) sleep(_ context.Context, d time.Duration) error {
	s.got = append(s.got, d)
	return nil
}

var testNow = func() time.Time { return time.Date(2019, 5, 17, 8, 0, 0, 0, time.UTC) }

// part is one MIME part of a mail as it arrived.
type part struct {
	header map[string][]string
	body   []byte // decoded
}

// parseMail reads a raw mail: its subject (decoded) and its parts.
func parseMail(t *testing.T, raw []byte) (subject string, parts []part) {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	subject, err = new(mime.WordDecoder).DecodeHeader(m.Header.Get("Subject"))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(m.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(mt, "multipart/") {
		b, _ := io.ReadAll(m.Body)
		if strings.EqualFold(m.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
			b = decodeQP(t, b)
		}
		return subject, []part{{header: m.Header, body: b}}
	}
	mr := multipart.NewReader(m.Body, params["boundary"])
	for {
		p, err := mr.NextRawPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(p)
		if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "base64") {
			b = decodeB64(t, b)
		} else if strings.EqualFold(p.Header.Get("Content-Transfer-Encoding"), "quoted-printable") {
			b = decodeQP(t, b)
		}
		parts = append(parts, part{header: p.Header, body: bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))})
	}
	return subject, parts
}
