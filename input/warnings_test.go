package input

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestWarnings(t *testing.T) {
	d, err := Load(dataFS(map[string]string{
		"figures.csv":   "province,city,period,members,segment,备用,Extra\n四川,成都,2019,130万,,x,y\n四川,绵阳,2019,1万,,,\n",
		"cities.csv":    "city,province,region,,tier,\n成都,四川,西部,,pilot,\n绵阳,四川,西部,,,\n",
		"briefing.toml": "title = \"简报\"\nauthor = \"x\"\n\n[[stated]]\nlabel = \"a\"\nvalue = 1\nnote = \"n\"\n",
	}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`briefing.toml:2: unknown key "author" ignored`,
		`briefing.toml:7: unknown key "stated.note" ignored`,
		"cities.csv:1: column 4 has no name, ignored",
		`figures.csv:1: unknown column "Extra" ignored`,
		`figures.csv:1: unknown column "备用" ignored`,
	}
	if !reflect.DeepEqual(d.Warnings(), want) {
		t.Errorf("warnings:\n got %q\nwant %q", d.Warnings(), want)
	}
}

// TestMaxErrors holds a run to MaxErrors messages, the rest counted.
func TestMaxErrors(t *testing.T) {
	for _, tt := range []struct{ max, listed int }{{0, 100}, {10, 10}, {300, 250}} {
		c := newCollector(tt.max)
		for i := range 250 { // 250 problems of different kinds: a column each
			c.add(Error{File: "figures.csv", Line: 2 + i, Column: 1 + i, Msg: "bad value"})
		}
		var es Errors
		errors.As(c.result(), &es)
		n := len(es)
		if tt.listed < 250 {
			last := es[len(es)-1].Error()
			if want := fmt.Sprintf("figures.csv: ... and problems on %d more rows, not listed (%d messages at most for a run)", 250-tt.listed, tt.listed); last != want {
				t.Errorf("MaxErrors %d: last entry %q, want %q", tt.max, last, want)
			}
			n--
		}
		if n != tt.listed || es[0].Error() != "figures.csv:2:1: bad value" {
			t.Errorf("MaxErrors %d: %d errors listed, want %d; first %q", tt.max, n, tt.listed, es[0])
		}
	}
}

// TestErrorsGroupedByKind: one problem on many rows is one message with
// its count and first lines whatever the values (250 different bad
// values, 120 unknown cities, 7 rows too short), each kind on its own
// column; a kind met on few rows is listed row by row.
func TestErrorsGroupedByKind(t *testing.T) {
	var b strings.Builder
	b.WriteString(figHeader)
	for i := range 250 {
		fmt.Fprintf(&b, "四川,成都,%d,bad%d,\n", 1000+i, i)
	}
	for i := range 120 {
		fmt.Fprintf(&b, "四川,城市%d,2019,1,\n", i)
	}
	for i := range 7 {
		fmt.Fprintf(&b, "四川,成都,%d\n", 3000+i)
	}
	b.WriteString("四川,成都,2020,-5,\n四川,成都,2021,-7,\n")
	_, err := Load(dataFS(map[string]string{"figures.csv": b.String()}), Options{MaxErrors: 5})
	want := `figures.csv:2:4: members "bad0" is not a number, expected a count such as 1400000, 1,400,000, 140万, 1.4M or 0.014亿; 250 rows like this: lines 2, 3, 4, 5, 6, …
figures.csv:252:2: city 城市0 is unknown, expected a city listed in cities.csv; 120 rows like this: lines 252, 253, 254, 255, 256, …
figures.csv:372: row has 3 fields, expected 5 as in the header; 7 rows like this: lines 372, 373, 374, 375, 376, …
figures.csv:379:4: members "-5" is negative, expected a count of zero or more
figures.csv:380:4: members "-7" is negative, expected a count of zero or more`
	if err == nil || err.Error() != want {
		t.Errorf("errors\n got %v\nwant %s", err, want)
	}
}

func TestLineCounting(t *testing.T) {
	// CRLF endings, a quoted value spanning lines, empty and blank rows:
	// errors must name the line a spreadsheet shows, and blank rows count.
	figures := "province,city,period,members,segment,source\r\n" +
		"四川,成都,2019,130万,,\"first line\r\nsecond line\"\r\n" +
		"\r\n" +
		",,,,,\r\n" +
		"四川,绵阳,2019,x,,\r\n"
	_, err := Load(dataFS(map[string]string{"figures.csv": figures}), Options{})
	want := `figures.csv:6:4: members "x" is not a number, expected a count such as 1400000, 1,400,000, 140万, 1.4M or 0.014亿`
	if err == nil || err.Error() != want {
		t.Fatalf("error %v, want %s", err, want)
	}
	d, err := Load(dataFS(map[string]string{"figures.csv": strings.Replace(figures, ",x,", ",1,", 1)}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f := d.Files[2]; f.Rows != 2 || f.Skipped != 2 {
		t.Errorf("rows %d skipped %d, want 2 and 2", f.Rows, f.Skipped)
	}
	if d.Figures[0].Source != "first line\nsecond line" || d.Figures[1].Line != 6 {
		t.Errorf("figures %+v", d.Figures)
	}
}

func TestMissingCitiesFile(t *testing.T) {
	// Without cities.csv the other files cannot be checked against it: one
	// error, not one per row.
	_, err := Load(dataFS(map[string]string{"cities.csv": "-"}), Options{})
	want := "cities.csv: file not found, expected cities.csv in the data folder with columns city, province, region (or cities.xlsx, or a sheet 城市 or cities in data.xlsx)"
	if err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	_, err = LoadDir("testdata/nonexistent", Options{})
	if want := "testdata/nonexistent: data folder not found, expected a folder holding cities.csv, bases.csv and figures.csv"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}
