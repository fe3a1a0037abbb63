package sheet

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
)

// readMerges reads a worksheet's merged ranges. They are listed after the
// cells, so the part is read once ahead of its rows: a byte search for the
// mergeCells element (no XML parsing of the cells), then the element
// itself parsed. On a 1M-row sheet this costs the decompression only.
func (w *Workbook) readMerges(part string) ([]merge, error) {
	rc, err := w.open(part, maxSheetBytes)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	const keep = 64 // longest tag prefix (<x:mergeCells) searched across reads
	buf := make([]byte, 256<<10)
	held := 0
	for {
		n, err := io.ReadFull(rc, buf[held:])
		n += held
		if at := findTag(buf[:n], "mergeCells"); at >= 0 {
			return parseMerges(io.MultiReader(bytes.NewReader(buf[at:n]), rc), part)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		held = copy(buf, buf[n-keep:n])
	}
}

// findTag returns the offset of the first start tag <name or <prefix:name
// in b, -1 if none. Cell text cannot hold a bare <, so a match is markup.
func findTag(b []byte, name string) int {
	for off := 0; ; {
		i := bytes.Index(b[off:], []byte(name))
		if i < 0 {
			return -1
		}
		i += off
		j := i - 1
		if j >= 0 && b[j] == ':' {
			for j--; j >= 0 && isNameByte(b[j]); j-- {
			}
		}
		if j >= 0 && b[j] == '<' && i+len(name) < len(b) && !isNameByte(b[i+len(name)]) {
			return j
		}
		off = i + 1
	}
}

func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '.'
}

func parseMerges(r io.Reader, part string) ([]merge, error) {
	var merges []merge
	s := newScanner(r)
	for s.next() {
		if s.is(tokEnd, "mergeCells") {
			break
		}
		if !s.is(tokStart, "mergeCell") {
			continue
		}
		ref, _ := s.attr("ref")
		m, ok := parseRange(string(ref))
		if !ok {
			continue // a one-cell range, or nonsense: nothing to fill
		}
		if len(merges) == maxMerges {
			return nil, notWorkbook(fmt.Sprintf("%s has more than %d merged ranges", part, maxMerges))
		}
		merges = append(merges, m)
	}
	if s.err != nil {
		return nil, notWorkbook(fmt.Sprintf("%s: %v", part, s.err))
	}
	sort.Slice(merges, func(i, j int) bool {
		a, b := merges[i], merges[j]
		if a.r1 != b.r1 {
			return a.r1 < b.r1
		}
		return a.c1 < b.c1
	})
	return merges, nil
}

// parseRange reads A1:C3 into a merge; a single cell is not one.
func parseRange(ref string) (merge, bool) {
	from, to, ok := strings.Cut(ref, ":")
	if !ok {
		return merge{}, false
	}
	c1, r1, ok1 := parseRef(from)
	c2, r2, ok2 := parseRef(to)
	if !ok1 || !ok2 || r1 == 0 || r2 == 0 {
		return merge{}, false
	}
	m := merge{min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)}
	return m, m.r1 != m.r2 || m.c1 != m.c2
}
