package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/divisions"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/report"
)

// forms says which files write names in their short form (成都, 四川, 东部);
// the others write the full official name (成都市, 四川省, 东部地区).
type forms struct{ cities, bases, figures bool }

// nbsRegion is the NBS economic region of a province code, as a meeting
// might group them.
func nbsRegion(code string) string {
	switch code {
	case "11", "12", "13", "31", "32", "33", "35", "37", "44", "46":
		return "东部地区"
	case "14", "34", "36", "41", "42", "43":
		return "中部地区"
	case "21", "22", "23":
		return "东北地区"
	}
	return "西部地区"
}

// writeNational writes national data built from the division table, every
// prefecture-level place a city, with names in the forms f asks for.
func writeNational(t *testing.T, f forms) string {
	t.Helper()
	spell := func(short bool, p divisions.Place) string {
		if short {
			return p.Short()
		}
		return p.Name
	}
	region := func(short bool, code string) string {
		if r := nbsRegion(code); short {
			return strings.TrimSuffix(r, "地区")
		} else {
			return r
		}
	}
	var cities, bases, figures strings.Builder
	cities.WriteString("city,province,region,tier\n")
	bases.WriteString("base,city,province,batch\n")
	figures.WriteString("province,city,period,members\n")
	n := 0
	for _, p := range divisions.Provinces() {
		for i, c := range divisions.Prefectures(p.Name) {
			n++
			tier := ""
			if i == 0 {
				tier = "pilot"
			}
			fmt.Fprintf(&cities, "%s,%s,%s,%s\n", spell(f.cities, c), spell(f.cities, p), region(f.cities, p.Code), tier)
			batch := ""
			if n%3 != 0 {
				batch = fmt.Sprint(n % 3)
			}
			fmt.Fprintf(&bases, "%s实践创新基地,%s,%s,%s\n", c.Short(), spell(f.bases, c), spell(f.bases, p), batch)
			if n%4 != 0 {
				for _, y := range []int{2018, 2019} {
					fmt.Fprintf(&figures, "%s,%s,%d,%d\n", spell(f.figures, p), spell(f.figures, c), y, 1000*n+y%7)
				}
			}
		}
		if p.Code[1] == '1' { // a province-level figure for 11, 21, 31 …
			fmt.Fprintf(&figures, "%s,,2019,%d\n", spell(f.figures, p), 100000)
		}
	}
	dir := t.TempDir()
	for name, s := range map[string]string{"cities.csv": cities.String(), "bases.csv": bases.String(), "figures.csv": figures.String()} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// compareNational loads the national data written in forms f and compares it.
func compareNational(t *testing.T, f forms, region string) *analysis.Comparison {
	t.Helper()
	ds, err := input.LoadDir(writeNational(t, f), input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := analysis.Compare(ds, region)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// withoutMatches is c without what only the spelling of the input changes:
// the names_matched notice and the input files' hashes.
func withoutMatches(c *analysis.Comparison) *analysis.Comparison {
	r := *c
	r.Notices, r.Warnings, r.Files = nil, nil, nil
	for _, n := range c.Notices {
		if n.Code != analysis.CodeNamesMatched {
			r.Notices = append(r.Notices, n)
			r.Warnings = append(r.Warnings, n.En)
		}
	}
	return &r
}

// notice is c's notice of code whose English text starts with prefix.
func notice(c *analysis.Comparison, code, prefix string) analysis.Notice {
	for _, n := range c.Notices {
		if n.Code == code && strings.HasPrefix(n.En, prefix) {
			return n
		}
	}
	return analysis.Notice{}
}

// TestNamesWrittenAnyFormSamePacket: national data whose files write names
// in different forms gives the packet the same data written consistently
// gives, spelled as cities.csv spells it, with one notice of the matches.
func TestNamesWrittenAnyFormSamePacket(t *testing.T) {
	if testing.Short() {
		t.Skip("renders four national packets")
	}
	cases := []struct {
		name        string
		mixed, same forms
		region      string
		notice      string // the start of the names_matched notice
	}{
		{"cities full, bases and figures short", forms{false, true, true}, forms{false, false, false}, "",
			"names written in another form were matched to cities.csv's spelling (names are compared after NFKC normalisation, with zero-width characters, BOM, soft hyphens and bidi controls removed): 北京 → 北京市 (bases.csv line 2, figures.csv 3 rows from line 2); " +
				"天津 → 天津市 (bases.csv line 3, figures.csv 2 rows from line 5); 河北 → 河北省 (bases.csv 11 rows from line 4, figures.csv 16 rows from line 7); " +
				"石家庄 → 石家庄市 (bases.csv line 4, figures.csv 2 rows from line 7); 唐山 → 唐山市 (bases.csv line 5); "},
		{"cities short, bases and figures full, --region in full", forms{true, false, false}, forms{true, true, true}, "西部地区",
			"names written in another form were matched to cities.csv's spelling (names are compared after NFKC normalisation, with zero-width characters, BOM, soft hyphens and bidi controls removed): 北京市 → 北京 (bases.csv line 2, figures.csv 3 rows from line 2); "},
	}
	opts := report.Options{Time: time.Date(2019, 5, 17, 0, 0, 0, 0, time.UTC)}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			mixed, same := compareNational(t, tc.mixed, tc.region), compareNational(t, tc.same, "")
			if tc.region != "" {
				same = compareNational(t, tc.same, strings.TrimSuffix(tc.region, "地区"))
			}
			if n := notice(mixed, analysis.CodeNamesMatched, tc.notice); n.Code == "" || n.Zh == "" {
				t.Errorf("no notice starting %s…; notices: %.600v", tc.notice, mixed.Notices)
			}
			if n := notice(same, analysis.CodeNamesMatched, "names"); n.Code != "" {
				t.Errorf("consistent data has a names_matched notice: %s", n.En)
			}
			a, b := withoutMatches(mixed), withoutMatches(same)
			if tc.region != "" { // --region 西部 matched 西部 of cities.csv: only the notice differs
				if a.Region != "西部" || b.Region != "西部" {
					t.Errorf("regions %q, %q", a.Region, b.Region)
				}
			}
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("comparisons differ:\n%+v\n%+v", a.Cities[:2], b.Cities[:2])
			}
			fa, _, err := report.Packet(a, opts)
			if err != nil {
				t.Fatal(err)
			}
			fb, _, err := report.Packet(b, opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(fa) != len(fb) {
				t.Fatalf("%d files and %d", len(fa), len(fb))
			}
			for i := range fa {
				if fa[i].Path != fb[i].Path || !bytes.Equal(fa[i].Data, fb[i].Data) {
					t.Errorf("%s differs", fa[i].Path)
				}
			}
		})
	}
}
