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
// Text can hold a < only inside markup the byte search cannot see into
// (CDATA, a comment, a processing instruction; the scanner refuses one in
// an attribute value): a part with any of those before the merged ranges
// is read token by token instead, so no cell's text can forge a merge.
func (w *Workbook) readMerges(part string) ([]merge, error) {
	rc, err := w.open(part, maxSheetBytes)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	const keep = 64 // longest tag prefix (<x:mergeCells) searched across reads
	buf := make([]byte, 256<<10)
	held, first := 0, true
	for {
		n, err := io.ReadFull(rc, buf[held:])
		n += held
		at := findTag(buf[:n], "mergeCells")
		end := n
		if at >= 0 {
			end = at
		}
		if hidesMarkup(buf[:end], first) {
			rc.Close()
			return w.scanMerges(part)
		}
		if at >= 0 {
			return parseMerges(io.MultiReader(bytes.NewReader(buf[at:n]), rc), part)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil, nil
		}
		if err != nil {
			return nil, err
		}
		held = copy(buf, buf[n-keep:n])
		first = false
	}
}

// hidesMarkup reports whether b holds markup in which text may hold a <:
// CDATA or a comment (<!), or a processing instruction (<?) other than the
// XML declaration at the start of the part. It looks for the rare ! and ?
// and then at the byte before: a search for "<!" stops at every tag.
func hidesMarkup(b []byte, first bool) bool {
	for _, c := range []byte{'!', '?'} {
		for off := 0; ; {
			i := bytes.IndexByte(b[off:], c)
			if i < 0 {
				break
			}
			i += off
			if i > 0 && b[i-1] == '<' && !(c == '?' && first && i <= 4) { // the declaration, after a BOM at most
				return true
			}
			off = i + 1
		}
	}
	return false
}

// scanMerges reads the merged ranges token by token: the slow, sure way.
func (w *Workbook) scanMerges(part string) ([]merge, error) {
	rc, err := w.open(part, maxSheetBytes)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	s := newScanner(rc)
	for s.next() {
		if s.is(tokStart, "mergeCells") && !s.selfClose {
			return parseMergeTokens(s, part)
		}
	}
	return nil, nil // a fault in the cells is the row reader's to report
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
	return parseMergeTokens(newScanner(r), part)
}

// parseMergeTokens reads mergeCell elements up to the end of mergeCells.
func parseMergeTokens(s *scanner, part string) ([]merge, error) {
	var merges []merge
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
		return nil, inPart(part, s.err)
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
