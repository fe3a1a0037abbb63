package input

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// sameBothWays loads fsys with figures.csv parsed beside validation and
// without, and fails unless dataset and errors are identical.
func sameBothWays(t *testing.T, fsys fstest.MapFS, opts Options) error {
	t.Helper()
	d1, err1 := load(context.Background(), fsys, opts, false)
	d2, err2 := load(context.Background(), fsys, opts, true)
	if !reflect.DeepEqual(d1, d2) || !reflect.DeepEqual(err1, err2) {
		t.Fatalf("one goroutine and two differ:\n%v\n%v\nerrors:\n%v\n---\n%v", d1, d2, err1, err2)
	}
	return err1
}

// TestParallelSameResult reads a figures file with every kind of row
// problem spread over several batches both ways, under several error
// limits.
func TestParallelSameResult(t *testing.T) {
	var b strings.Builder
	b.WriteString(figHeader)
	bad := []string{
		"四川,成都,%d,一百四十,\n",              // bad number
		"陕西,西安,%d,1,\n",                 // unknown city
		"重庆,成都,%d,1,\n",                 // province mismatch
		"四川,成都,%d-13,1,\n",              // bad period
		"四川,成都,%d,1,学生\n",               // unknown segment
		"四川,绵阳,%d,1\n",                  // ragged row
		"四川,绵阳,%d,1,\"x\"y\n",           // bad quote
		"四川,\"绵\"阳,%d,1,\n",             // stray quote
		"\n \n",                         // blank rows
		"四川,\"绵阳\",%d,\"1,000\",\"\"\n", // quoted values
		"四川,\"绵\n阳\",%d,1,\n",           // quoted newline
		",,%d,1,\n",                     // empty province
	}
	for i := range max(3*batchRows, 7000) {
		year := 1000 + i/2
		if i%97 < len(bad) {
			line := bad[i%97]
			if strings.Contains(line, "%d") {
				line = fmt.Sprintf(line, year)
			}
			b.WriteString(line)
			continue
		}
		fmt.Fprintf(&b, "四川,成都,%d,%d,\n", year, i) // every other row a duplicate
	}
	fsys := dataFS(map[string]string{"figures.csv": b.String()})
	var all Errors
	errors.As(sameBothWays(t, fsys, Options{MaxErrors: 1 << 20}), &all)
	rows := 0
	for _, e := range all {
		rows += max(e.Count, 1)
	}
	if rows < 3000 || len(all) < 5 {
		t.Fatalf("%d errors on %d rows, want over 3,000 rows", len(all), rows)
	}
	for _, max := range []int{1, 3, 100} {
		err := sameBothWays(t, fsys, Options{MaxErrors: max})
		var es Errors
		errors.As(err, &es)
		if max >= len(all) {
			if !reflect.DeepEqual(es, all) {
				t.Errorf("MaxErrors %d: %v, want all %d", max, err, len(all))
			}
			continue
		}
		if len(es) != max+1 || !reflect.DeepEqual(es[:max], all[:max]) || !strings.HasPrefix(es[max].Msg, "... and problems on ") {
			t.Errorf("MaxErrors %d: %d errors, want the first %d and a count: %v", max, len(es), max, err)
		}
	}
	b.Reset()
	b.WriteString(figHeader)
	for i := range 3 * batchRows {
		fmt.Fprintf(&b, "四川,成都,%d,%d,\n四川,绵阳,%d,\"%d\",\n重庆,,%d,7,\n", 1000+i, i, 1000+i, i, 1000+i)
	}
	d, err := load(context.Background(), dataFS(map[string]string{"figures.csv": b.String()}), Options{}, true)
	if err != nil || len(d.Figures) != 6 || len(d.Periods) != 3*batchRows {
		t.Fatalf("figures %v, %d periods, error %v", d.Figures, len(d.Periods), err)
	}
	sameBothWays(t, dataFS(map[string]string{"figures.csv": b.String()}), Options{})
}

// TestLargeFileFault reads a figures file large enough for the decoding
// goroutine and the parse pipeline, with a NUL byte and a bad row near its
// end: the errors come in line order, as from a small file.
func TestLargeFileFault(t *testing.T) {
	var b strings.Builder
	b.WriteString(figHeader)
	n := 0
	for ; b.Len() < 3<<20; n++ {
		fmt.Fprintf(&b, "四川,成都,%04d-%02d-%02d,%d,\n", 1000+n/(12*28), n/28%12+1, n%28+1, n)
	}
	b.WriteString("四川,成都,9000,x,\n")
	b.WriteString("四川,成都,9001,1\x00,\n")
	_, err := Load(dataFS(map[string]string{"figures.csv": b.String()}), Options{})
	want := fmt.Sprintf("figures.csv:%d:4: members \"x\" is not a number, %s\nfigures.csv:%d: NUL byte: binary content, expected CSV text",
		n+2, membersExpected, n+3)
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}
