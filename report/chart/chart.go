package chart

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"image"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"git.sr.ht/~sbinet/gg"

	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/internal/par"
	"github.com/basebrief/basebrief/report/chart/internal/flatpng"
	"github.com/basebrief/basebrief/report/chart/internal/hugepage"
	"github.com/basebrief/basebrief/report/font"
)

// Options choose the language, the face and the source line of the charts.
type Options struct {
	Lang   vocab.Lang // zh (default) or en
	Face   *font.Face // nil: the embedded WenQuanYi Micro Hei
	Source string     // source line on every chart; "" → the records
	// Rasters, if set, keeps this render's rasters for the next render
	// given the same: a run of many packets (--slices) draws every
	// render's charts in the same memory. Nil: the rasters are garbage
	// when Render returns, as a single packet wants (its workbook is
	// still being written then).
	Rasters *Rasters
}

// Chart is one rendered chart. Files are charts/NAME.png and charts/NAME.svg.
type Chart struct {
	Name  string // stable file stem, e.g. "members_by_city"
	Title string // localized title, for a caption
	PNG   []byte
	SVG   []byte
	// WidthPx × HeightPx is the PNG's size at DPI; WidthPt × HeightPt is the
	// printed size (the SVG's), for placing the chart on a page.
	WidthPx, HeightPx int
	DPI               int
	WidthPt, HeightPt float64
}

// builder turns a comparison into one figure, or returns a note saying why
// the chart is skipped (nil figure).
type builder func(c *analysis.Comparison, t texts) (*figure, string)

// builders lists the charts in the order they appear in the briefing.
var builders = []builder{
	membersByCity,
	membersByProvince,
	basesByProvince,
	changeByCity,
	coverageByProvince,
	yoyByCity,
	trendByRegion,
}

// names are the file stems of every chart Render may draw, in builders'
// order (TestNamesAreTheBuilders).
var names = []string{"members_by_city", "members_by_province", "bases_by_province", "change_by_city",
	"coverage_by_province", "yoy_by_city", "trend_by_region"}

// Names are the file stems of every chart Render may draw; a packet holds
// those its data allow. Delivery tells by them a chart named in
// delivery.toml but not drawn this time from a misspelt name.
func Names() []string { return slices.Clone(names) }

// Render draws every chart that has something to show. Charts with nothing
// to show are skipped, never drawn as an empty frame; the second result
// says which and why, for the log. Charts render on up to GOMAXPROCS
// goroutines; each lands in its builder's slot, so the result does not
// depend on scheduling.
func Render(c *analysis.Comparison, opts Options) ([]Chart, []string, error) {
	if c == nil {
		return nil, nil, errors.New("render charts: no comparison")
	}
	c, t := prepared(c, opts)
	face := opts.Face
	if face == nil {
		var err error
		if face, err = font.Default(); err != nil {
			return nil, nil, fmt.Errorf("render charts: %w", err)
		}
	}
	ts := newTypeset(face.Font)
	// A raster is asked for before the figures are measured, as soon as
	// the render starts: the whole packet, whose render starts before its
	// slices', then has one to size for its own charts, instead of
	// measuring its larger charts while a slice takes the rasters, which
	// it then grew (fresh memory again, filled white again). More are
	// taken once the charts are known, if free.
	bufs := []*rasterBuf{opts.Rasters.get()}
	drawing := false
	defer func() {
		if !drawing { // given back, not kept from the next render
			opts.Rasters.put(bufs[0])
		}
	}()
	n := len(builders)
	charts := make([]Chart, n)
	errs := make([]error, n)
	skipped := make([]string, n)
	// Every figure is built and measured first, then drawn largest first:
	// each goroutine's raster is then allocated once, at its first chart's
	// size, instead of grown (fresh memory, each page faulted in again) as
	// larger charts come after smaller ones.
	layouts := make([]*layout, n)
	par.Each(n, runtime.GOMAXPROCS(0), func(i int) {
		fig, note := builders[i](c, t)
		if fig == nil {
			skipped[i] = note
			return
		}
		layouts[i] = measure(fig, ts)
	})
	order := make([]int, 0, n)
	for i, l := range layouts {
		if l != nil {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rasterBytes(layouts[b], b), rasterBytes(layouts[a], a)) })
	drawing = len(order) > 0 // each raster given back by its goroutine
	for len(bufs) < min(runtime.GOMAXPROCS(0), len(order)) {
		buf := opts.Rasters.tryGet()
		if buf == nil {
			break
		}
		bufs = append(bufs, buf)
	}
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for _, buf := range bufs[:min(len(bufs), len(order))] {
		wg.Go(func() {
			defer opts.Rasters.put(buf)
			// Room for the render's largest chart, whichever this
			// goroutine draws: a raster allocated for a smaller one was
			// allocated again for a larger one of a later slice.
			buf.reserve(rasterBytes(layouts[order[0]], order[0]))
			for k := int(next.Add(1) - 1); k < len(order); k = int(next.Add(1) - 1) {
				i := order[k]
				if charts[i], errs[i] = renderFigure(layouts[i], i, buf); errs[i] != nil {
					errs[i] = fmt.Errorf("render chart %s: %w", layouts[i].f.name, errs[i])
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	return slices.DeleteFunc(charts, func(ch Chart) bool { return ch.Name == "" }),
		mergeNotes(slices.DeleteFunc(skipped, func(s string) bool { return s == "" })), nil
}

// oneProvince says why a chart with a bar per province is skipped when the
// comparison holds one province: its one bar, under a title such as
// 各省区市实践创新基地数量, compares nothing, and what it shows (the
// province's members, bases, cities reporting, and its share of its region)
// the briefing's key figures and first line say. A province slice always
// holds one (trend_by_region is skipped there for the same reason); a region
// slice keeps these charts, its provinces compared. "" when there are
// several provinces (or none: each chart then says what it lacks).
func oneProvince(c *analysis.Comparison, name string) string {
	p := c.OneProvince()
	if p == "" {
		return ""
	}
	if c.SliceProvince() != "" {
		return "chart " + name + " skipped: a province slice holds one province, so a chart by province compares nothing"
	}
	return "chart " + name + " skipped: the data hold one province (" + p + "), so a chart by province compares nothing"
}

// mergeNotes joins the notes of charts skipped for the same reason into one
// ("charts a, b skipped: why"), in the order each reason first comes: a
// province slice skips three charts for one reason, said once in the log.
func mergeNotes(notes []string) []string {
	const mid = " skipped: "
	type group struct {
		names  []string // charts skipped for reason; none: note kept as it is
		reason string
	}
	var groups []group
	at := map[string]int{} // reason → its group
	for _, n := range notes {
		name, reason, ok := strings.Cut(n, mid)
		name, chart := strings.CutPrefix(name, "chart ")
		if !ok || !chart {
			groups = append(groups, group{reason: n})
			continue
		}
		if k, seen := at[reason]; seen {
			groups[k].names = append(groups[k].names, name)
			continue
		}
		at[reason] = len(groups)
		groups = append(groups, group{names: []string{name}, reason: reason})
	}
	out := make([]string, len(groups))
	for i, g := range groups {
		switch len(g.names) {
		case 0:
			out[i] = g.reason
		case 1:
			out[i] = "chart " + g.names[0] + mid + g.reason
		default:
			out[i] = "charts " + strings.Join(g.names, ", ") + mid + g.reason
		}
	}
	return out
}

// rasterBytes is the size of chart i's raster (renderFigure's canvas).
func rasterBytes(l *layout, i int) int {
	return 4 * (widthPx + i) * rasterHeight(l)
}

// rasterHeight is the raster's height in pixels for a layout.
func rasterHeight(l *layout) int { return int(math.Round(l.H * dpi / 72)) }

// renderFigure draws a measured figure on both backends. The
// canvas is padPx pixels wider than the layout, blank on the right, so that
// no two charts of a render share a pixel width: fpdf writes images ordered
// by width alone (map order within a width), and distinct widths keep the
// briefing PDF byte-identical from run to run without re-encoding the PNGs.
// The raster is drawn in buf, grown if need be and kept for the next
// chart: a national chart is 17 MB of pixels, and fresh memory for each
// (twice, as vgimg.UseWH copies its image into gg's) was most of the
// run's page faults. The encoder leaves it white for the next chart
// (EncodeClearing), so vgimg is not given it to fill.
func renderFigure(l *layout, padPx int, buf *rasterBuf) (Chart, error) {
	f := l.f
	wPt := float64(widthPx+padPx) * 72 / dpi
	w, h := vg.Length(wPt), vg.Length(l.H)

	rgba := buf.white(widthPx+padPx, rasterHeight(l))
	png, err := drawPNG(l, rgba, w, h, buf)
	if err != nil {
		return Chart{}, fmt.Errorf("encode PNG: %w", err)
	}

	svg := newSVG(w, h)
	l.draw(svg)
	var sv bytes.Buffer
	if _, err := svg.WriteTo(&sv); err != nil {
		return Chart{}, fmt.Errorf("write SVG: %w", err)
	}
	return Chart{
		Name: f.name, Title: f.title,
		PNG: png, SVG: sv.Bytes(),
		WidthPx: rgba.Rect.Dx(), HeightPx: rgba.Rect.Dy(), DPI: dpi,
		WidthPt: wPt, HeightPt: l.H,
	}, nil
}

// drawPNG draws l on rgba, white, of w × h points, and encodes it, leaving
// rgba white again for the next chart (buf says what is white).
func drawPNG(l *layout, rgba *image.RGBA, w, h vg.Length, buf *rasterBuf) ([]byte, error) {
	l.draw(pngCanvasOn(rgba, w, h))
	var png bytes.Buffer
	if !keepWhite || !flatPNG {
		buf.dirty()
		err := encodePNG(&png, rgba)
		return png.Bytes(), err
	}
	err := flatpng.EncodeClearing(&png, rgba)
	if err == flatpng.ErrNotOpaque {
		// A pixel not opaque (never seen): the raster is partly white
		// now; drawn again, and encoded by image/png.
		buf.dirty()
		rgba = buf.white(rgba.Rect.Dx(), rgba.Rect.Dy())
		l.draw(pngCanvasOn(rgba, w, h))
		png.Reset()
		err = encodePNG(&png, rgba)
		buf.dirty()
	}
	return png.Bytes(), err
}

// pngCanvasOn is a canvas drawing on rgba, white, of w × h points. vgimg,
// which fills the image it is given white, is given one pixel of it
// (white already): the canvas answers for the size.
func pngCanvasOn(rgba *image.RGBA, w, h vg.Length) *pngCanvas {
	ctx := gg.NewContextForRGBA(rgba)
	ctx.SetLineCapButt() // as vgimg sets up a context of its own
	ctx.InvertY()
	given := rgba
	if keepWhite {
		given = rgba.SubImage(image.Rect(0, 0, 1, 1)).(*image.RGBA)
	}
	img := vgimg.NewWith(vgimg.UseImageWithContext(given, ctx), vgimg.UseDPI(dpi))
	return newPNGCanvas(img, rgba, ctx, w, h)
}

// keepWhite switches the raster kept white by the encoder; off, vgimg
// fills it (a test compares the two).
var keepWhite = true

// Rasters are chart rasters kept from one render for the next: with
// --slices a run renders 32 packets' charts, and fresh memory for each
// render's rasters (page faults while vgimg fills them white) cost as much
// as drawing them. At most GOMAXPROCS rasters are ever made: a render that
// finds them all in use waits for one, as more goroutines drawing than
// cores draw no faster. The whole packet renders beside the first slices,
// whose rasters were two more (16 MB of 54 in a national run), allocated
// and filled white while the packet's two were busy. The zero value is
// ready to use; nil keeps nothing.
type Rasters struct {
	mu    sync.Mutex
	freed sync.Cond // signalled when a raster is put back
	free  []*rasterBuf
	made  int // rasters made, in use or free
}

func (r *Rasters) get() *rasterBuf {
	if r == nil {
		return new(rasterBuf)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	for len(r.free) == 0 && r.made >= runtime.GOMAXPROCS(0) {
		if r.freed.L == nil {
			r.freed.L = &r.mu
		}
		r.freed.Wait()
	}
	return r.take()
}

// tryGet is get, or nil where get would wait: a render holding a raster
// never waits for another (two renders holding one each would wait for
// each other).
func (r *Rasters) tryGet() *rasterBuf {
	if r == nil {
		return new(rasterBuf)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if len(r.free) == 0 && r.made >= runtime.GOMAXPROCS(0) {
		return nil
	}
	return r.take()
}

// take is a free raster, or a new one; r.mu is held.
func (r *Rasters) take() *rasterBuf {
	if len(r.free) == 0 {
		r.made++
		return new(rasterBuf)
	}
	buf := r.free[len(r.free)-1]
	r.free = r.free[:len(r.free)-1]
	return buf
}

// put gives buf back for the next render; a raster never given memory
// is not kept, and another may be made in its place.
func (r *Rasters) put(buf *rasterBuf) {
	if r == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if buf.pix == nil {
		r.made--
	} else {
		r.free = append(r.free, buf)
	}
	r.freed.Signal()
}

// rasterBuf is a raster's memory, kept from chart to chart, and how much
// of it is white: white is every byte 0xff, whatever the image's size, so
// a chart leaves white (EncodeClearing) what the next, of another size,
// finds white.
type rasterBuf struct {
	pix      []uint8
	whiteLen int // pix[:whiteLen] is white
}

// white is a w×h image in the buffer, grown if it is too small, every
// pixel opaque white.
func (b *rasterBuf) white(w, h int) *image.RGBA {
	n := 4 * w * h
	b.reserve(n)
	if b.whiteLen < n {
		fillWhite(b.pix[b.whiteLen:n])
		b.whiteLen = n
	}
	return &image.RGBA{Pix: b.pix[:n], Stride: 4 * w, Rect: image.Rect(0, 0, w, h)}
}

// reserve makes room for n bytes. Rounded up to whole huge pages: charts
// of a size differ by a few rows, and a raster a little too small for the
// next chart was allocated, and filled, again (7 rasters, 67 MB, in a
// national run with its slices, against 4 of 54 MB now, the whole packet's
// two and two of the first slices').
func (b *rasterBuf) reserve(n int) {
	if cap(b.pix) < n {
		b.pix, b.whiteLen = newRaster((n+hugepage.Size-1)/hugepage.Size*hugepage.Size), 0
	}
}

// dirty forgets what is white.
func (b *rasterBuf) dirty() { b.whiteLen = 0 }

// fillWhite sets every byte of p to 0xff.
func fillWhite(p []uint8) {
	if len(p) == 0 {
		return
	}
	p[0] = 0xff
	for k := 1; k < len(p); k *= 2 {
		copy(p[k:], p[:k])
	}
}

// newRaster allocates a raster's n bytes (a variable: tests count them).
var newRaster = func(n int) []uint8 {
	pix := make([]uint8, n)
	hugepage.Advise(pix) // before vgimg fills it: 2 MB pages, 512× fewer faults
	return pix
}
