package workbook

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/basebrief/basebrief/report/workbook/internal/sheetxml"
)

// sheet is a free-form sheet (overview, data quality) built in memory and
// written in one pass: small, so no row limit applies.
type sheet struct {
	name    string
	rows    [][]cell // nil: blank row
	heights map[int]float64
	merges  map[int]map[int]int // row → first column (0-based) → columns merged
	widths  []float64           // per column, in Latin character widths
	print   printPlan
}

// add appends a row and returns its 1-based row number.
func (s *sheet) add(cells ...cell) int {
	s.rows = append(s.rows, cells)
	return len(s.rows)
}

func (s *sheet) blank() { s.rows = append(s.rows, nil) }

// merge spans the cell of column j (0-based) in row r over n columns.
func (s *sheet) merge(r, j, n int) {
	if s.merges == nil {
		s.merges = map[int]map[int]int{}
	}
	if s.merges[r] == nil {
		s.merges[r] = map[int]int{}
	}
	s.merges[r][j] = n
}

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// next is the row number the next add writes.
func (s *sheet) next() int { return len(s.rows) + 1 }

// fit widens column j to show width w, up to max.
func (s *sheet) fit(j int, w, max float64) {
	for len(s.widths) <= j {
		s.widths = append(s.widths, 8)
	}
	s.widths[j] = math.Max(s.widths[j], math.Min(w*1.1+2, max))
}

func (b *book) writeSheet(s *sheet, filter string) error {
	if filter != "" {
		if err := b.f.AutoFilter(s.name, filter, nil); err != nil {
			return fmt.Errorf("filter sheet %s: %w", s.name, err)
		}
	}
	var merges []string
	for _, r := range sortedKeys(s.merges) {
		for _, j := range sortedKeys(s.merges[r]) {
			merges = append(merges, colName(j+1)+strconv.Itoa(r)+":"+colName(j+s.merges[r][j])+strconv.Itoa(r))
		}
	}
	key := b.frameKey(frameShape{sheet: s.name, filter: filter, print: s.print, merges: merges})
	frame := b.keptFrame(key)
	if err := b.applyPrintTo(s.name, s.print, frame); err != nil {
		return err
	}
	sw, rs, err := b.stream(s.name, key, frame)
	if err != nil {
		return err
	}
	if err := rs.cols(s.widths); err != nil {
		return fmt.Errorf("size columns of %s: %w", s.name, err)
	}
	for i, cells := range s.rows {
		if cells == nil {
			continue
		}
		height := b.wrapHeight(cells, s.widths, s.merges[i+1])
		if h, ok := s.heights[i+1]; ok {
			height = min(h, maxRowHeight)
		}
		if err := rs.row(i+1, cells, height); err != nil {
			return fmt.Errorf("write row %d of %s: %w", i+1, s.name, err)
		}
	}
	if err := rs.close(); err != nil {
		return fmt.Errorf("write rows of %s: %w", s.name, err)
	}
	if sw == nil { // the frame is kept from a workbook before
		return nil
	}
	for _, m := range merges {
		from, to, _ := strings.Cut(m, ":")
		if err := sw.MergeCell(from, to); err != nil {
			return fmt.Errorf("merge %s of %s: %w", m, s.name, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("finish sheet %s: %w", s.name, err)
	}
	return nil
}

// addHeader adds a row of header cells, widening columns to fit them, and
// returns its row number.
func (b *book) addHeader(s *sheet, heads ...string) int {
	out := make([]cell, len(heads))
	for i, h := range heads {
		out[i] = cell{Style: b.st.header, Kind: sheetxml.Text, Text: h}
		s.fit(i, textWidth(h), 40)
	}
	return s.add(out...)
}
