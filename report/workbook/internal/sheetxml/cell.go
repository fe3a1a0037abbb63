package sheetxml

// Kind is what a cell holds.
type Kind uint8

const (
	// Empty: no value. With no formula and no style the cell is not
	// written at all (excelize's nil); with a formula, the formula's cached
	// value is empty text (t="str", no <v>).
	Empty Kind = iota
	Int
	Float
	Text
)

// Cell is one cell of a row: a value of its Kind, an optional formula (the
// value is then its cached value) and a style ID. It is a plain value, so
// a row of cells is one slice, not one boxed interface a cell.
type Cell struct {
	Style   int
	Kind    Kind
	Int     int64
	Float   float64
	Text    string
	Formula string
}

// Skip reports whether the cell is not written (excelize's nil value).
func (c *Cell) Skip() bool { return c.Kind == Empty && c.Formula == "" && c.Style == 0 }
