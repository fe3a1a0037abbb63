package input

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func sha256Hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// TestGBKFixtures keeps testdata/gbk the GBK encoding of testdata/chinese,
// as Excel and WPS save CSV on a Chinese system. Run with -update to
// rewrite it.
func TestGBKFixtures(t *testing.T) {
	for _, name := range []string{"cities.csv", "bases.csv", "figures.csv"} {
		src, err := os.ReadFile(filepath.Join("testdata", "chinese", name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := simplifiedchinese.GBK.NewEncoder().Bytes(src)
		if err != nil {
			t.Fatalf("encode %s: %v", name, err)
		}
		path := filepath.Join("testdata", "gbk", name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to generate)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: run go test ./input -run TestGBKFixtures -update", path)
		}
	}
}
