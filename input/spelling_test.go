package input

import (
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
)

// Names are compared normalised but printed as cities.csv writes them:
// full-width brackets and letters stay full-width in every record (city,
// province, region, bases, figures, history); a base name keeps its own
// spelling; only characters nobody sees are dropped, and noted. A row
// written in the other width matches, as before; cities.csv's own spelling
// is no match. Before, 绵阳（科技城） came out as 绵阳(科技城) everywhere, and
// the names_matched notice listed cities.csv's own rows as matches.
func TestNamesPrintedAsWritten(t *testing.T) {
	d := mustLoadFS(t, folder(
		"绵阳（科技城）,四川（川）,西部（一）,\n成\u200b都,四川（川）,西部（一）,\nＡ区,四川（川）,西部（一）,\n",
		"创新基地（一期）,绵阳(科技城),,\n基地,绵阳（科技城）,四川(川),\n",
		"四川(川),绵阳(科技城),2019,1000\n四川（川）,成都,2019,2000\n四川（川）,A区,2019,3000\n"))
	var got []string
	for _, c := range d.Cities {
		got = append(got, c.Name+"/"+c.Province+"/"+c.Region)
	}
	for _, b := range d.Bases {
		got = append(got, b.Name+"@"+b.City+"/"+b.Province)
	}
	for _, f := range d.Figures {
		got = append(got, f.City+"/"+f.Province)
	}
	for _, p := range d.History.Places {
		got = append(got, "h:"+p.City+"/"+p.Province)
	}
	want := "绵阳（科技城）/四川（川）/西部（一） 成都/四川（川）/西部（一） Ａ区/四川（川）/西部（一） " +
		"创新基地（一期）@绵阳（科技城）/四川（川） 基地@绵阳（科技城）/四川（川） " +
		"绵阳（科技城）/四川（川） 成都/四川（川） Ａ区/四川（川）"
	if g := strings.Join(got, " "); !strings.HasPrefix(g, want) || strings.Contains(g, "(") {
		t.Errorf("names = %s\nwant %s (and history places likewise)", g, want)
	}
	n := noticeOf(d, analysis.CodeNamesMatched).En
	if !strings.HasSuffix(n, ": 成<U+200B>都 → 成都 (cities.csv line 3)") {
		t.Errorf("names_matched = %s, want only the hidden character of line 3 (cities.csv's own spellings are no match)", n)
	}
	// One place in two widths in cities.csv is still a duplicate.
	if es := loadErrors(t, folder("绵阳（科技城）,四川,西部,\n绵阳(科技城),四川,西部,\n", "", "")); len(es) != 1 || !strings.Contains(es[0], "duplicate city") {
		t.Errorf("errors = %q, want one duplicate", es)
	}
}
