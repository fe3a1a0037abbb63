package delivery

import (
	"bytes"
	"encoding/base64"
	"io"
	"mime/quotedprintable"
	"strings"
	"testing"
)

func decodeB64(t *testing.T, b []byte) []byte {
	t.Helper()
	s := strings.NewReplacer("\r", "", "\n", "").Replace(string(b))
	out, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatalf("base64 part: %v", err)
	}
	return out
}

func decodeQP(t *testing.T, b []byte) []byte {
	t.Helper()
	out, err := io.ReadAll(quotedprintable.NewReader(bytes.NewReader(b)))
	if err != nil {
		t.Fatalf("quoted-printable part: %v", err)
	}
	return out
}
