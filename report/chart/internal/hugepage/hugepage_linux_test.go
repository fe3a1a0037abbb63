package hugepage

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
	"unsafe"
)

func TestInner(t *testing.T) {
	for _, c := range []struct {
		name   string
		a      uintptr
		n      int
		lo, hi int
	}{
		{"aligned, two pages", 4 * Size, 2 * Size, 0, 2 * Size},
		{"unaligned start", 4*Size + 4096, 3 * Size, Size - 4096, 3*Size - 4096},
		{"unaligned both", 4*Size + 100, 2*Size + 50, Size - 100, 2*Size - 100},
		{"less than a page", 4*Size + 4096, Size, Size - 4096, Size - 4096},
		{"empty", 4 * Size, 0, 0, 0},
	} {
		lo, hi := inner(c.a, c.n)
		if lo != c.lo || hi != c.hi {
			t.Errorf("%s: inner(%#x, %d) = %d, %d; want %d, %d", c.name, c.a, c.n, lo, hi, c.lo, c.hi)
		}
	}
}

// TestAdvise: the huge pages inside a buffer are advised, in a mapping of
// their own that does not reach past the buffer (no other object is
// touched), as /proc/self/smaps shows (VmFlags "hg").
func TestAdvise(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/mm/transparent_hugepage/enabled"); err != nil {
		t.Skip("kernel without transparent huge pages")
	}
	b := make([]byte, 9*Size+12345)
	Advise(b)
	base := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo, hi := inner(base, len(b))
	if hi-lo < 8*Size {
		t.Fatalf("inner %d..%d of a %d-byte buffer", lo, hi, len(b))
	}
	start, end, flags := mapping(t, base+uintptr(lo))
	if !strings.Contains(" "+flags+" ", " hg ") {
		t.Errorf("mapping %#x-%#x of the buffer's huge pages: VmFlags %q, no hg", start, end, flags)
	}
	if start < base || end > base+uintptr(len(b)) {
		t.Errorf("advised mapping %#x-%#x reaches past the buffer %#x-%#x", start, end, base, base+uintptr(len(b)))
	}
	b[lo] = 1 // keep b alive to here
}

// mapping finds the mapping holding address a in /proc/self/smaps.
func mapping(t *testing.T, a uintptr) (start, end uintptr, flags string) {
	t.Helper()
	f, err := os.Open("/proc/self/smaps")
	if err != nil {
		t.Skipf("no smaps: %v", err)
	}
	defer f.Close()
	found := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if r, _, ok := strings.Cut(line, " "); ok && strings.Contains(r, "-") && !strings.HasSuffix(r, ":") {
			s, e, _ := strings.Cut(r, "-")
			lo, err1 := strconv.ParseUint(s, 16, 64)
			hi, err2 := strconv.ParseUint(e, 16, 64)
			found = err1 == nil && err2 == nil && uintptr(lo) <= a && a < uintptr(hi)
			if found {
				start, end = uintptr(lo), uintptr(hi)
			}
			continue
		}
		if v, ok := strings.CutPrefix(line, "VmFlags:"); ok && found {
			return start, end, strings.TrimSpace(v)
		}
	}
	t.Fatalf("no mapping holds %#x", a)
	return 0, 0, ""
}
