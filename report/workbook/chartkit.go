package workbook

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// The chart sheet's native charts cost each workbook ~1 ms in excelize's
// AddChart (each chart's options turned into its XML and marshalled: 12%
// of a province slice's workbook, issue 25), and every province slice of a
// run asks for the same four charts: the same options over the same cells
// of the same sheets. A chartKit keeps what AddChart made for a set of
// charts, as the workbook that first asked for it wrote it, and gives it
// to the next workbook asking for the same set without AddChart:
//
//   - AddShape on the chart sheet gives the sheet its drawing as
//     AddChart's prepareDrawing does (the sheet's relationship to
//     xl/drawings/drawing1.xml, its <drawing> element and the r namespace,
//     the drawing's content type and the image and rels extensions) at far
//     less cost; its drawing content (the shape) is dropped from
//     File.Drawings, so excelize does not marshal it;
//   - the kit's parts — each xl/charts/chartN.xml, the drawing and the
//     drawing's relationships, as written — go into File.Pkg, which
//     excelize writes as they are;
//   - the content types AddChart added (each chart's and the drawing's, in
//     its order) replace the one AddShape added.
//
// Only a workbook with no drawing or chart yet takes or gives a kit (the
// part numbers are then 1 on), and the references the tests compare with
// (config.viaExcelize, config.noKits) never do. TestKitsSameBytes writes
// workbooks both ways and compares them.
type chartKit struct {
	parts map[string][]byte
	// types replaces f's content types from index from on with AddChart's.
	types func(f *excelize.File, from int)
}

// chartKits are the complete kits, by chartKey; the first maxChartKits
// sets of charts a process writes have one.
var chartKits struct {
	sync.Mutex
	m map[string]*chartKit
}

const maxChartKits = 64

// Parts AddChart writes for the first drawing of a workbook.
const (
	drawingPart     = "xl/drawings/drawing1.xml"
	drawingRelsPart = "xl/drawings/_rels/drawing1.xml.rels"
)

func chartPart(i int) string { return "xl/charts/chart" + strconv.Itoa(i) + ".xml" }

// chartKey is what AddChart's output depends on: the sheet and the anchor
// cells, the sheet's default row height (the anchors are placed by rows),
// and every option of every chart. "" when the options do not encode.
func chartKey(sheet string, rowHeight float64, cells []string, charts []*excelize.Chart) string {
	k, err := json.Marshal(struct {
		Sheet     string
		RowHeight float64
		Cells     []string
		Charts    []*excelize.Chart
	}{sheet, rowHeight, cells, charts})
	if err != nil {
		return ""
	}
	return string(k)
}

// noDrawings reports whether f has no drawing or chart part yet.
func noDrawings(f *excelize.File) bool {
	none := true
	look := func(k, _ any) bool {
		name, _ := k.(string)
		if strings.HasPrefix(name, "xl/drawings/") || strings.HasPrefix(name, "xl/charts/") {
			none = false
		}
		return none
	}
	f.Pkg.Range(look)
	f.Drawings.Range(look)
	return none
}

// addCharts adds charts to sheet at cells (the sheet's default row height
// rowHeight), from a kit when one was made for the same charts, else
// through AddChart, noting what it made for a kit (book.kit, completed
// when the workbook is written).
func (b *book) addCharts(sheet string, rowHeight float64, cells []string, charts []*excelize.Chart) error {
	key := ""
	if !b.viaExcelize && !b.noKits && noDrawings(b.f) {
		key = chartKey(sheet, rowHeight, cells, charts)
	}
	if key != "" {
		chartKits.Lock()
		k := chartKits.m[key]
		chartKits.Unlock()
		if k != nil {
			return b.useChartKit(sheet, k)
		}
	}
	from := len(b.f.ContentTypes.Overrides)
	for i, ch := range charts {
		if err := b.f.AddChart(sheet, cells[i], ch); err != nil {
			return fmt.Errorf("add chart %d to %s: %w", i+1, sheet, err)
		}
	}
	if key == "" {
		return nil
	}
	types := slices.Clone(b.f.ContentTypes.Overrides[from:])
	kit := &chartKit{parts: map[string][]byte{}, types: func(f *excelize.File, from int) {
		f.ContentTypes.Overrides = append(f.ContentTypes.Overrides[:from], types...)
	}}
	for i := range charts {
		v, ok := b.f.Pkg.Load(chartPart(i + 1))
		data, _ := v.([]byte)
		if !ok || data == nil {
			return nil // not where AddChart put it before: no kit
		}
		kit.parts[chartPart(i+1)] = slices.Clone(data)
	}
	b.kit, b.kitKey = kit, key
	return nil
}

// useChartKit gives sheet the kit's charts.
func (b *book) useChartKit(sheet string, k *chartKit) error {
	from := len(b.f.ContentTypes.Overrides)
	if err := b.f.AddShape(sheet, &excelize.Shape{Cell: "A1", Type: "rect"}); err != nil {
		return fmt.Errorf("add charts to %s: %w", sheet, err)
	}
	if _, ok := b.f.Drawings.Load(drawingPart); !ok || len(b.f.ContentTypes.Overrides) != from+1 {
		return fmt.Errorf("add charts to %s: excelize made the drawing other than AddChart did", sheet)
	}
	b.f.Drawings.Delete(drawingPart)
	k.types(b.f, from)
	for name, data := range k.parts {
		b.f.Pkg.Store(name, data)
	}
	return nil
}

// keepPart is sortedZip's look at each whole part it writes: the drawing
// and its relationships complete the kit AddChart's parts began.
func (b *book) keepPart(name string, raw []byte) {
	if b.kit != nil && (name == drawingPart || name == drawingRelsPart) {
		b.kit.parts[name] = slices.Clone(raw)
	}
}

// saveKit keeps the kit once the workbook is written, if it is whole.
func (b *book) saveKit() {
	if b.kit == nil || b.kit.parts[drawingPart] == nil || b.kit.parts[drawingRelsPart] == nil {
		return
	}
	chartKits.Lock()
	defer chartKits.Unlock()
	if chartKits.m == nil {
		chartKits.m = map[string]*chartKit{}
	}
	if len(chartKits.m) < maxChartKits {
		chartKits.m[b.kitKey] = b.kit
	}
}
