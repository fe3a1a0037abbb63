package input

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The stage benchmarks time input's three stages on their own, each
// through the functions Load runs: decode (decodeCSV: encoding detection,
// UTF-8 check or GB18030 decoding, hashing, the record guard), parse
// (newTable and figureParser.parse: CSV splitting and the values of each
// row) and validate (figureReader.validate and result: cities and
// provinces known and agreeing, duplicate keys, the periods kept).

// BenchmarkDecode decodes figures.csv, saved as UTF-8 and as GBK, to the
// text the parser reads.
func BenchmarkDecode(b *testing.B) {
	for _, enc := range []string{"utf8", "gbk"} {
		for _, rows := range benchRows {
			b.Run(enc+"/rows="+strconv.Itoa(rows), func(b *testing.B) {
				dir := b.TempDir()
				writeNational(b, dir, rows)
				want := encUTF8
				if enc == "gbk" {
					encodeGBK(b, filepath.Join(dir, "figures.csv"))
					want = encGB18030
				}
				st, _ := os.Stat(filepath.Join(dir, "figures.csv"))
				b.SetBytes(st.Size())
				b.ReportAllocs()
				for b.Loop() {
					ld := &loader{fsys: os.DirFS(dir), c: newCollector(0)}
					file, ok := ld.decodeCSV(figuresSchema, func(dec *decoder) (int, int, error) {
						_, err := io.Copy(io.Discard, dec.text)
						return 0, 0, err
					})
					if !ok || file.Encoding != want || len(file.SHA256) != 64 || ld.c.count() > 0 {
						b.Fatalf("decoded %+v, %v, errors %v", file, ok, ld.c.result())
					}
				}
			})
		}
	}
}

// encodeGBK rewrites a UTF-8 file in GBK, as Excel saves CSV on a Chinese
// system.
func encodeGBK(tb testing.TB, path string) {
	tb.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(src)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, gbk, 0o644); err != nil {
		tb.Fatal(err)
	}
}

// BenchmarkParse splits the decoded text of figures.csv into rows and
// parses their values.
func BenchmarkParse(b *testing.B) {
	for _, rows := range benchRows {
		b.Run("rows="+strconv.Itoa(rows), func(b *testing.B) {
			dir := b.TempDir()
			writeNational(b, dir, rows)
			text, err := os.ReadFile(filepath.Join(dir, "figures.csv"))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				c := newCollector(0)
				var warnings []string
				t := newTable(bytes.NewReader(text), figuresSchema, c, &warnings)
				fp := &figureParser{t: t}
				var row figureRow
				for t.next() {
					fp.parse(&row)
				}
				if t.rows != rows || c.count() > 0 {
					b.Fatalf("parsed %d rows, want %d; errors %v", t.rows, rows, c.result())
				}
			}
		})
	}
}

// BenchmarkValidate checks parsed figures rows against cities.csv and each
// other and keeps the compared and previous periods.
func BenchmarkValidate(b *testing.B) {
	for _, rows := range benchRows {
		b.Run("rows="+strconv.Itoa(rows), func(b *testing.B) {
			dir := b.TempDir()
			writeNational(b, dir, rows)
			t, ix, parsed := parseFigures(b, dir)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				fr := newFigureReader(t, ix, analysis.Period{})
				for i := range parsed {
					fr.validate(&parsed[i])
				}
				if r := fr.result(); len(r.figures) == 0 || t.c.count() > 0 {
					b.Fatalf("kept %d figures; errors %v", len(r.figures), t.c.result())
				}
			}
		})
	}
}

// parseFigures reads cities.csv of dir as Load does and parses every row
// of figures.csv, returning the table (for its header and errors), the
// city index and the parsed rows.
func parseFigures(tb testing.TB, dir string) (*table, *cityIndex, []figureRow) {
	tb.Helper()
	ld := &loader{fsys: os.DirFS(dir), c: newCollector(0)}
	var ix *cityIndex
	ld.readCSV(citiesSchema, func(t *table) { ix = readCities(t) })
	text, err := os.ReadFile(filepath.Join(dir, "figures.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	t := newTable(bytes.NewReader(text), figuresSchema, ld.c, &ld.warnings)
	fp := &figureParser{t: t}
	var parsed []figureRow
	for t.next() {
		parsed = append(parsed, figureRow{})
		fp.parse(&parsed[len(parsed)-1])
	}
	if ix == nil || ld.c.count() > 0 {
		tb.Fatalf("errors %v", ld.c.result())
	}
	return t, ix, parsed
}
