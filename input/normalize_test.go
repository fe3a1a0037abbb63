package input

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestNormName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"成都", "成都"},
		{"Chengdu", "Chengdu"},
		{"成\u200b都", "成都"},                     // zero-width space
		{"成\u200c\u200d都", "成都"},               // non-joiner, joiner
		{"\ufeff成都", "成都"},                     // BOM
		{"成都\u2060", "成都"},                     // word joiner
		{"长\u00ad沙", "长沙"},                     // soft hyphen
		{"\u202e成都\u202c", "成都"},               // bidi override and pop
		{"\u2066成都\u2069\u200e", "成都"},         // isolate, mark
		{"\u2ed3沙", "长沙"},                      // CJK radical C-SIMPLIFIED LONG
		{"\u2ed4头沟", "门头沟"},                    // C-SIMPLIFIED GATE
		{"\uf928坊", "廊坊"},                      // CJK compatibility ideograph F928
		{"\u2f64", "用"},                        // Kangxi radical: NFKC's own
		{"ＡＢＣ新区", "ABC新区"},                     // full-width letters
		{"两江\u3000新区", "两江 新区"},                // ideographic space
		{" \u3000成都\u00a0", "成都"},              // surrounding blanks
		{"\u200b", ""},                         // nothing but an invisible
		{"\uFA11", "\uFA11"},                   // 﨑 is a unified ideograph despite its block
		{"bad\xffbyte", "bad\xffbyte"},         // invalid UTF-8 kept
		{"Ａ\u200b", "A"},                       // invisible last
		{"\u2e9f", "\u6bcd"},                   // radical MOTHER (NFKC maps it too)
		{"e\u0301", "\u00e9"},                  // composed
		{"\u00e9", "\u00e9"},                   // already composed
		{"\u2ee9\u2ed3\u2ed4", "黄长门"},          // several radicals
		{"\u202a\u202b\u202d\u2067\u2068", ""}, // every embedding and isolate
	}
	for _, c := range cases {
		if got := normName(c.in); got != c.want {
			t.Errorf("normName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestVisible(t *testing.T) {
	for _, c := range [][2]string{
		{"成都", "成都"},
		{"成\u200b都", "成<U+200B>都"},
		{"\u202e都", "<U+202E>都"},
		{"\u2ed3沙", "<U+2ED3>沙"},
		{"\uf928坊", "<U+F928>坊"},
	} {
		if got := visible(c[0]); got != c[1] {
			t.Errorf("visible(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}

// TestRadicalsTable holds the radicals table to what it claims: every
// mapped rune is in the supplement and maps to a CJK ideograph that NFKC
// leaves alone, and ⻓ is 长.
func TestRadicalsTable(t *testing.T) {
	n := 0
	for i, r := range radicals {
		if r == 0 {
			continue
		}
		n++
		s := string(r)
		if norm.NFKC.String(s) != s || !plainIdeograph(r) {
			t.Errorf("U+%04X maps to U+%04X, not a stable ideograph", radicalBase+i, r)
		}
	}
	// EquivalentUnifiedIdeograph.txt maps 114 of the 115 assigned
	// supplement characters (U+2E80 REPEAT has no equivalent, U+2E9A is
	// unassigned).
	if n != 114 || radicals[0x2ED3-radicalBase] != '长' {
		t.Errorf("%d radicals mapped, ⻓ → %q", n, radicals[0x2ED3-radicalBase])
	}
}

func plainIdeograph(r rune) bool {
	return (r >= 0x3400 && r <= 0x9FFF) || (r >= 0x20000 && r <= 0x3FFFF)
}

func TestCleanText(t *testing.T) {
	if got := cleanText("文章\u202e号\u200b"); got != "文章号\u200b" {
		t.Errorf("cleanText = %q", got)
	}
	if got := cleanText("plain"); got != "plain" {
		t.Errorf("cleanText = %q", got)
	}
}

// TestLookAlikeNames loads testdata/names/lookalike: names written with a
// zero-width space, a soft hyphen, a BOM, a radical, a compatibility
// ideograph and bidi embeddings are the cities of cities.csv, each figure
// counted once, the match listed with the hidden characters shown, and no
// bidi control left in what reaches the packet.
func TestLookAlikeNames(t *testing.T) {
	d, err := LoadDir("testdata/names/lookalike", Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, f := range d.Figures {
		got[f.Period.String()+" "+f.Province+" "+f.City] = f.Members
	}
	want := map[string]int64{
		"2019 四川 成都": 1000, "2018 四川 成都": 900, "2019 湖南 长沙": 500, "2018 湖南 长沙": 400,
		"2019 河北 廊坊": 300, "2018 河北 廊坊": 200, "2019 四川 ": 5000, "2018 四川 ": 4000,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("figures %v, want %v", got, want)
	}
	if len(d.Cities) != 3 {
		t.Errorf("%d cities, want 3", len(d.Cities))
	}
	n := noticeOf(d, "names_matched")
	wantEn := "names written in another form were matched to cities.csv's spelling (names are compared after NFKC normalisation, with zero-width characters, BOM, soft hyphens and bidi controls removed): " +
		"<U+2ED3>沙 → 长沙 (bases.csv line 3, figures.csv line 4); 成<U+200B>都 → 成都 (figures.csv line 2); 长<U+00AD>沙 → 长沙 (figures.csv line 5); " +
		"<U+F928>坊 → 廊坊 (figures.csv line 6); <U+202A>四川<U+202C> → 四川 (figures.csv line 8)"
	if n.En != wantEn {
		t.Errorf("notice\n got %s\nwant %s", n.En, wantEn)
	}
	if !strings.Contains(n.Zh, "名称经NFKC规范化") {
		t.Errorf("zh notice does not say names are normalised: %s", n.Zh)
	}
	var texts []string
	for _, b := range d.Bases {
		texts = append(texts, b.Name, b.City, b.Source)
	}
	for _, n := range d.Notices {
		texts = append(texts, n.Zh, n.En)
	}
	for _, f := range d.Figures {
		texts = append(texts, f.Source)
	}
	texts = append(texts, d.History.Sources...)
	for _, s := range texts {
		if strings.ContainsFunc(s, bidiControl) {
			t.Errorf("bidi control reaches the packet: %q", s)
		}
	}
	if d.Bases[0].Name != "创新基地" || d.Bases[0].Source != "文章号" || d.Bases[1].City != "长沙" {
		t.Errorf("bases %+v", d.Bases)
	}
}

// TestLookAlikeCities: two cities.csv rows that differ only by an
// invisible character or a radical are one city listed twice.
func TestLookAlikeCities(t *testing.T) {
	_, err := LoadDir("testdata/names/lookalike-cities", Options{})
	want := "cities.csv:3:1: duplicate city 成都 (四川), first on line 2 (written 成<U+200B>都 on this row), expected each city once\n" +
		"cities.csv:5:1: duplicate city 长沙 (湖南), first on line 4 (written <U+2ED3>沙 on this row), expected each city once"
	if err == nil || err.Error() != want {
		t.Errorf("error\n got %v\nwant %s", err, want)
	}
}

// FuzzNormName: the normaliser is idempotent, leaves no invisible
// character or mapped radical, keeps valid text valid, and leaves plain
// names alone.
func FuzzNormName(f *testing.F) {
	for _, s := range []string{"成都", "成\u200b都", "\u2ed3沙", "\uf928坊", "\u202e", "Ａ", "e\u0301", "\xff", " \u3000x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := normName(s)
		if normName(n) != n {
			t.Fatalf("not idempotent: %q → %q → %q", s, n, normName(n))
		}
		if utf8.ValidString(s) && !utf8.ValidString(n) {
			t.Fatalf("%q → invalid %q", s, n)
		}
		if utf8.ValidString(n) && (strings.ContainsFunc(n, invisible) || strings.ContainsFunc(n, isRadical)) {
			t.Fatalf("%q → %q keeps a hidden character", s, n)
		}
		if plainName(s) && n != trim(s) {
			t.Fatalf("plain %q changed to %q", s, n)
		}
		if v := visible(s); strings.ContainsFunc(v, bidiControl) {
			t.Fatalf("visible(%q) = %q keeps a bidi control", s, v)
		}
	})
}

// TestBriefingTextClean: briefing.toml's free text reaches the packet
// without bidi controls.
func TestBriefingTextClean(t *testing.T) {
	d, err := Load(dataFS(map[string]string{"briefing.toml": "title = \"简报\u202e甲\"\nforeword = \"\u2066前言\u2069\"\n[[stated]]\nlabel = \"项目\u202d\"\nvalue = 2\n"}), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if d.Meta.Title != "简报甲" || d.Meta.Foreword != "前言" || d.Meta.Stated[0].Label != "项目" {
		t.Errorf("meta %q %q %q", d.Meta.Title, d.Meta.Foreword, d.Meta.Stated[0].Label)
	}
}
