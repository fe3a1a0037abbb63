package input

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input/internal/csvtext"
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
				want := csvtext.UTF8
				if enc == "gbk" {
					encodeGBK(b, filepath.Join(dir, "figures.csv"))
					want = csvtext.GB18030
				}
				st, _ := os.Stat(filepath.Join(dir, "figures.csv"))
				b.SetBytes(st.Size())
				b.ReportAllocs()
				fsys := os.DirFS(dir)
				for b.Loop() {
					c := newCollector(0)
					f, dec := openCSV(fsys, "figures.csv", figuresSchema, enc == "gbk", c)
					if dec == nil {
						b.Fatal(c.result())
					}
					if _, err := io.Copy(io.Discard, dec.Text); err != nil {
						b.Fatal(err)
					}
					dec.Close()
					f.Close()
					if dec.Encoding != want || len(dec.Sum()) != 64 || c.count() > 0 {
						b.Fatalf("decoded %s, errors %v", dec.Encoding, c.result())
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
				var notes notices
				t := newTable(context.Background(), textSource(text), figuresSchema, c, &notes)
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
				c := t.c.(*collector)
				fr := newFigureReader(t, ix, analysis.Period{}, c)
				for i := range parsed {
					fr.validate(&parsed[i])
				}
				if r := fr.result(); len(r.figures) == 0 || c.count() > 0 {
					b.Fatalf("kept %d figures; errors %v", len(r.figures), c.result())
				}
			}
		})
	}
}

// textSource is the rows of a CSV text of figures.csv, as Load reads them.
func textSource(text []byte) rowSource {
	return &csvSource{file: "figures.csv", r: csvtext.NewRowReader(bytes.NewReader(text), ',')}
}

// parseFigures reads cities.csv of dir as Load does and parses every row
// of figures.csv, returning the table (for its header and errors), the
// city index and the parsed rows.
func parseFigures(tb testing.TB, dir string) (*table, *cityIndex, []figureRow) {
	tb.Helper()
	text, err := os.ReadFile(filepath.Join(dir, "figures.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	return parseFiguresText(tb, dir, text)
}

// parseFiguresText is parseFigures on text, the decoded figures.csv.
func parseFiguresText(tb testing.TB, dir string, text []byte) (*table, *cityIndex, []figureRow) {
	tb.Helper()
	ld := &loader{ctx: context.Background(), fsys: os.DirFS(dir), c: newCollector(0)}
	var ix *cityIndex
	ld.readTable(citiesSchema, func(t *table) { ix = readCities(t) })
	t := newTable(context.Background(), textSource(text), figuresSchema, ld.c, &ld.notes)
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
