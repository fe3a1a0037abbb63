package fpdf

// Tests of basebrief's changes to fpdf v0.12.0 (PATCHES.md): each changed
// function against what upstream's code computed.

import (
	"bytes"
	"compress/zlib"
	"crypto/sha1"
	"encoding/json"
	"fmt"
	"image"
	pngenc "image/png"
	"io"
	"math/rand"
	"runtime"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/goregular"
)

func pngEncode(w io.Writer, img image.Image) error { return pngenc.Encode(w, img) }

// upstreamFontID is generateFontID as fpdf v0.12.0 wrote it.
func upstreamFontID(fdt fontDefType) string {
	fdt.File = ""
	b, _ := json.Marshal(&fdt)
	return fmt.Sprintf("%x", sha1.Sum(b))
}

func TestFontIDAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	utf8Widths := make([]int, 256*256)
	for i := range 2000 {
		utf8Widths[rng.Intn(len(utf8Widths))] = rng.Intn(2000) + i%3*65535
	}
	utf8Widths[0] = 1999
	core := make([]int, 256)
	for i := range core {
		core[i] = rng.Intn(1000)
	}
	tests := []struct {
		name string
		fdt  fontDefType
	}{
		{"utf8 font", fontDefType{Tp: "UTF8", Name: "song", Up: -100, Ut: 50, Cw: utf8Widths,
			Desc: FontDescType{Ascent: 880, Descent: -120, MissingWidth: 1000}, File: "x.ttf"}},
		{"core font", fontDefType{Tp: "Core", Name: "Helvetica", Cw: core, Enc: "cp1252"}},
		{"no widths", fontDefType{Tp: "Core", Name: "Symbol"}},
		{"empty widths", fontDefType{Tp: "Core", Name: "Empty", Cw: []int{}}},
		{"negative width", fontDefType{Tp: "TrueType", Name: "neg", Cw: []int{0, -5, 7}}},
		// A name spelling the key the id is spliced at.
		{"name like the key", fontDefType{Tp: "UTF8", Name: `a,"Cw":null,"Enc":"x`, Cw: []int{0, 3, 0}}},
		{"differences like the key", fontDefType{Tp: "TrueType", Name: "d", Diff: `,"Cw":null,`, Cw: []int{1, 2}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := generateFontID(tt.fdt)
			if err != nil {
				t.Fatal(err)
			}
			if want := upstreamFontID(tt.fdt); got != want {
				t.Errorf("id %s, upstream %s", got, want)
			}
		})
	}
}

// TestCompressPooled compresses inputs one after another through the
// pooled writers: each must be what a new writer gives, so no state
// carries from one stream to the next.
func TestCompressPooled(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	random := make([]byte, 300_000)
	rng.Read(random)
	inputs := [][]byte{
		make([]byte, 256*256*2), // a CIDToGIDMap: mostly zeros
		random,
		[]byte("BT /F1 12 Tf ET\n"),
		{},
		bytes.Repeat([]byte("0 0 m 10 10 l S\n"), 5000),
		random[:1000],
	}
	for round := range 2 {
		for i, in := range inputs {
			var want bytes.Buffer
			zw, err := zlib.NewWriterLevel(&want, zlib.BestSpeed)
			if err != nil {
				t.Fatal(err)
			}
			zw.Write(in)
			zw.Close()
			mem := xmem.compress(in)
			got := append([]byte(nil), mem.bytes()...)
			mem.release()
			if !bytes.Equal(got, want.Bytes()) {
				t.Errorf("round %d input %d: %d bytes, a new writer %d", round, i, len(got), want.Len())
			}
			zr, err := zlib.NewReader(bytes.NewReader(got))
			if err != nil {
				t.Fatal(err)
			}
			back, err := io.ReadAll(zr)
			if err != nil || !bytes.Equal(back, in) {
				t.Errorf("round %d input %d: does not decompress to the input (%v)", round, i, err)
			}
		}
	}
}

// upstreamAssemble is assembleTables' loop as fpdf v0.12.0 wrote it.
func upstreamAssemble(utf *utf8FontFile) []byte {
	answer := make([]byte, 0)
	tablesCount := len(utf.outTablesData)
	findSize := 1
	writer := 0
	for findSize*2 <= tablesCount {
		findSize = findSize * 2
		writer = writer + 1
	}
	findSize = findSize * 16
	rOffset := tablesCount*16 - findSize
	answer = append(answer, packHeader(0x00010000, tablesCount, findSize, writer, rOffset)...)
	tables := make(map[string][]byte, len(utf.outTablesData))
	for k, v := range utf.outTablesData {
		tables[k] = make([]byte, len(v))
		copy(tables[k], v)
	}
	tablesNames := keySortStrings(tables)
	offset := 12 + tablesCount*16
	begin := 0
	for _, name := range tablesNames {
		if name == "head" {
			begin = offset
		}
		answer = append(answer, []byte(name)...)
		checksum := utf.generateChecksum(tables[name])
		answer = append(answer, pack2Uint16(checksum[0], checksum[1])...)
		answer = append(answer, pack2Uint32(offset, len(tables[name]))...)
		paddedLength := (len(tables[name]) + 3) &^ 3
		offset = offset + paddedLength
	}
	for _, key := range tablesNames {
		data := append([]byte{}, tables[key]...)
		data = append(data, []byte{0, 0, 0}...)
		answer = append(answer, data[:(len(data)&^3)]...)
	}
	checksum := utf.generateChecksum([]byte(answer))
	checksum = utf.calcInt32([]int{0xB1B0, 0xAFBA}, checksum)
	answer = utf.splice(answer, (begin + 8), pack2Uint16(checksum[0], checksum[1]))
	return answer
}

func TestAssembleTablesAsUpstream(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	for n := range 5 {
		tables := map[string][]byte{}
		for _, name := range []string{"head", "hhea", "maxp", "glyf", "loca", "cmap", "post", "name"}[:3+n] {
			b := make([]byte, 54+rng.Intn(900)) // head needs 54 bytes; lengths not all multiples of 4
			rng.Read(b)
			tables[name] = b
		}
		utf := &utf8FontFile{outTablesData: tables}
		want := upstreamAssemble(utf)
		if got := utf.assembleTables(); !bytes.Equal(got, want) {
			t.Errorf("%d tables: %d bytes differ from upstream's %d", len(tables), len(got), len(want))
		}
	}
}

// TestOutputGrownOnce writes a document of 31 pages and a 1 MB image: its
// buffer is sized once (sizeHint), where growing it page by page allocated
// the document's size twice over, and its streams are not copied into
// strings on the way (putstream).
func TestOutputGrownOnce(t *testing.T) {
	if raceEnabled {
		t.Skip("allocations are counted without the race detector")
	}
	const side = 600
	img := image.NewRGBA(image.Rect(0, 0, side, side))
	rand.New(rand.NewSource(4)).Read(img.Pix)
	for i := 3; i < len(img.Pix); i += 4 {
		img.Pix[i] = 0xff // opaque: fpdf keeps the PNG's data as it is
	}
	var png bytes.Buffer
	if err := pngEncode(&png, img); err != nil {
		t.Fatal(err)
	}
	pdf := New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.RegisterImageOptionsReader("noise", ImageOptions{ImageType: "PNG"}, &png)
	pdf.ImageOptions("noise", 10, 10, 100, 100, false, ImageOptions{ImageType: "PNG"}, 0, "")
	pdf.Cell(40, 10, "grown once")
	for range 30 { // pages written one after another: a buffer grown as it goes doubles
		pdf.AddPage()
		for y := range 250 {
			pdf.Line(10, float64(y), 200, float64(y)+0.5)
		}
	}
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	pdf.Close()
	runtime.ReadMemStats(&after)
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	size := pdf.buffer.Len()
	if size < side*side*3 {
		t.Fatalf("document of %d bytes: the image is not in it", size)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	// Grown once: 1.06 times the size; page by page, 1.49; with the
	// streams copied into strings, 2.07.
	if alloc > uint64(size)*5/4 {
		t.Errorf("closing a %d-byte document allocated %d bytes; want under 1.25 times its size", size, alloc)
	}
}

// utf8Doc is a page of text in Go Regular, a UTF-8 font; forget drops
// the record of the widths its parse set, as if it had none.
func utf8Doc(t *testing.T, forget bool) (*Fpdf, fontDefType) {
	t.Helper()
	pdf := New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(time.Unix(0, 0).UTC())
	pdf.AddUTF8FontFromBytes("goregular", "", goregular.TTF)
	if err := pdf.Error(); err != nil {
		t.Fatal(err)
	}
	key := "goregular"
	def := pdf.fonts[key]
	if def.utf8File == nil || len(def.utf8File.widthRunes) < 100 {
		t.Fatalf("font %q: no widths recorded", key)
	}
	if forget {
		def.utf8File.widthRunes = nil
	}
	pdf.AddPage()
	pdf.SetFont("goregular", "", 12)
	pdf.Cell(0, 10, "The quick brown fox — ½ € ÆØÅ ĳ ŉ ſ ∑ ≠ fi")
	pdf.Ln(10)
	pdf.Cell(0, 10, "0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
	return pdf, def
}

func TestUTF8FontIDAsUpstream(t *testing.T) {
	_, def := utf8Doc(t, false)
	got, err := generateFontID(def)
	if err != nil {
		t.Fatal(err)
	}
	if want := upstreamFontID(def); got != want {
		t.Errorf("id %s, upstream %s", got, want)
	}
	if got != def.i {
		t.Errorf("id %s, the font was given %s", got, def.i)
	}
	// Every entry not recorded is 0, as both readings assume.
	set := map[int]bool{}
	for _, r := range def.utf8File.widthRunes {
		set[r] = true
	}
	for r, w := range def.Cw {
		if w != 0 && !set[r] {
			t.Fatalf("width of rune %U set but not recorded", r)
		}
	}
}

// TestCIDWidthsFromRecord writes the document twice, reading the widths'
// record and reading the whole table: the same bytes.
func TestCIDWidthsFromRecord(t *testing.T) {
	var out [2]bytes.Buffer
	for i, forget := range []bool{false, true} {
		pdf, _ := utf8Doc(t, forget)
		if err := pdf.Output(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Errorf("from the record %d bytes, from the whole table %d: not the same", out[0].Len(), out[1].Len())
	}
	if !bytes.Contains(out[0].Bytes(), []byte("/W [")) {
		t.Error("no CID widths written")
	}
}

func TestWidthsJSON(t *testing.T) {
	cw := make([]int, 5000)
	cw[0], cw[1], cw[4095], cw[4096], cw[4999] = 7, 65535, 3, -2, 9
	want, _ := json.Marshal(cw)
	for _, set := range [][]int{nil, {1, 4095, 4096, 4999}, {0, 1, 2, 4095, 4096, 4999, 7000}, {1, 1, 4095, 4096, 4999}} {
		if got := widthsJSON(cw, set); !bytes.Equal(got, want) {
			t.Errorf("set %v: %.60q…, want %.60q…", set, got, want)
		}
	}
	for _, short := range [][]int{{}, {0}, {5}, {0, 0}} {
		want, _ := json.Marshal(short)
		if got := widthsJSON(short, []int{}); !bytes.Equal(got, want) {
			t.Errorf("%v: %s, want %s", short, got, want)
		}
	}
}

// TestBytesAsOutput: Bytes gives what Output writes, and a second call
// nothing more (the document holds no bytes after the first).
func TestBytesAsOutput(t *testing.T) {
	doc := func() *Fpdf {
		pdf := New("P", "mm", "A4", "")
		pdf.SetCreationDate(time.Unix(0, 0).UTC())
		pdf.AddPage()
		pdf.SetFont("Helvetica", "", 12)
		pdf.Cell(40, 10, "Bytes as Output")
		return pdf
	}
	var want bytes.Buffer
	if err := doc().Output(&want); err != nil {
		t.Fatal(err)
	}
	pdf := doc()
	got, err := pdf.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("Bytes: %d bytes, Output %d: not the same", len(got), want.Len())
	}
	if again, err := pdf.Bytes(); err != nil || len(again) != 0 {
		t.Errorf("Bytes again: %d bytes, %v; want none", len(again), err)
	}
	bad := New("P", "mm", "A4", "")
	bad.SetError(fmt.Errorf("broken"))
	if b, err := bad.Bytes(); err == nil || b != nil {
		t.Errorf("Bytes of a failed document: %d bytes, %v; want its error", len(b), err)
	}
}
