package testutil

import (
	"bufio"
	"os"
	"testing"
)

// WriteFile writes the file name through a 1 MB buffer that fill writes
// to: generated data folders of tens of MB are written quickly.
func WriteFile(tb testing.TB, name string, fill func(w *bufio.Writer)) {
	tb.Helper()
	f, err := os.Create(name)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fill(w)
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}
