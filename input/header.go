package input

import (
	"fmt"
	"strings"
)

// col names one column of the data contract.
type col int

const (
	colCity col = iota
	colProvince
	colRegion
	colTier
	colNote
	colBase
	colBatch
	colKind
	colSegment
	colSince
	colSource
	colPeriod
	colMembers
	numCols
)

// colNames holds each column's English name and its Chinese aliases, as the
// spec's header table lists them.
var colNames = [numCols][]string{
	colCity:     {"city", "城市"},
	colProvince: {"province", "省份", "省区市"},
	colRegion:   {"region", "片区", "地区"},
	colTier:     {"tier", "类型", "城市类型"},
	colNote:     {"note", "备注"},
	colBase:     {"base", "基地", "名称", "项目"},
	colBatch:    {"batch", "批次"},
	colKind:     {"kind", "领域", "基地类型"},
	colSegment:  {"segment", "群体"},
	colSince:    {"since", "设立时间"},
	colSource:   {"source", "来源"},
	colPeriod:   {"period", "时期", "年份"},
	colMembers:  {"members", "人数"},
}

// colByName maps every accepted header spelling (lower case) to its column.
var colByName = func() map[string]col {
	m := make(map[string]col)
	for c, names := range colNames {
		for _, n := range names {
			m[n] = col(c)
		}
	}
	return m
}()

func (c col) String() string { return colNames[c][0] }

// describe names a column with its aliases: `members (人数)`.
func (c col) describe() string {
	return fmt.Sprintf("%s (%s)", colNames[c][0], strings.Join(colNames[c][1:], ", "))
}

// schema is one input file's columns.
type schema struct {
	file     string
	required []col
	optional []col
}

var (
	citiesSchema  = schema{"cities.csv", []col{colCity, colProvince, colRegion}, []col{colTier, colNote}}
	basesSchema   = schema{"bases.csv", []col{colBase, colCity}, []col{colProvince, colBatch, colKind, colSegment, colSince, colSource}}
	figuresSchema = schema{"figures.csv", []col{colProvince, colPeriod, colMembers}, []col{colCity, colSegment, colSource}}
)

func (s schema) has(c col) bool {
	for _, x := range s.required {
		if x == c {
			return true
		}
	}
	for _, x := range s.optional {
		if x == c {
			return true
		}
	}
	return false
}

func (s schema) columnList() string {
	names := make([]string, 0, len(s.required))
	for _, c := range s.required {
		names = append(names, c.String())
	}
	return strings.Join(names, ", ")
}

// mapHeader finds the schema's columns in a header row. It returns the
// 1-based field index of each column (0: absent), reporting missing required
// columns and repeated columns as errors and unknown ones as warnings.
func (t *table) mapHeader(header []string) {
	for i, raw := range header {
		h := strings.ToLower(trim(raw))
		c, ok := colByName[h]
		switch {
		case h == "":
			t.warnf("column %d has no name, ignored", i+1)
		case !ok || !t.schema.has(c):
			t.warnf("unknown column %q ignored", trim(raw))
		case t.idx[c] != 0:
			t.errorAt(i+1, "column %q repeats column %d (%s), expected each column once", trim(raw), t.idx[c], c)
		default:
			t.idx[c] = i + 1
		}
	}
	for _, c := range t.schema.required {
		if t.idx[c] == 0 {
			t.c.addf(t.schema.file, t.line, 0, "missing column %s, expected a header naming it", c.describe())
			t.broken = true
		}
	}
}
