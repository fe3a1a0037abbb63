package briefing

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/pdf"
)

func TestClip(t *testing.T) {
	zh := newWords(vocab.Zh)
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"短句。", 10, "短句。"},
		{"第一句话。第二句话很长很长很长", 10, "第一句话。第二句话很……（已截短，全文见X）"},
		{"第一句，第二句，第三句，第四句", 12, "第一句，第二句，第三句……（已截短，全文见X）"},
		{"abcdefghij", 4, "abcd……（已截短，全文见X）"},
	} {
		if got := zh.clip(tc.in, tc.max, "X"); got != tc.want {
			t.Errorf("clip(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
	en := newWords(vocab.En)
	if got := en.clip("one two three", 7, "Y"); got != "one two… (shortened; the whole text is in Y)" {
		t.Errorf("en clip = %q", got)
	}
	ps := zh.clipParagraphs([]string{strings.Repeat("甲", 500), strings.Repeat("乙", 500)}, 600, "X")
	if len(ps) != 2 || ps[0] != strings.Repeat("甲", 500) || !strings.HasPrefix(ps[1], strings.Repeat("乙", 72)+"……") {
		t.Errorf("clipParagraphs = %q", ps)
	}
	many := make([]string, 1000)
	for i := range many {
		many[i] = "一"
	}
	if ps := zh.clipParagraphs(many, 600, "X"); len(ps) > 600/lineChars || !strings.HasSuffix(ps[len(ps)-1], "）") {
		t.Errorf("1,000 one-character paragraphs: %d kept, last %q", len(ps), ps[len(ps)-1])
	}
}

// annexPDF renders c's annex (数据说明), where the city notes are.
func annexPDF(t *testing.T, c *analysis.Comparison) []byte {
	t.Helper()
	opts := testOptions(t)
	doc, err := BuildAnnex(c, opts)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := pdf.Write(&b, doc, pdf.Options{Face: opts.Face}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// A long foreword, long city notes and many distinct notes add at most a
// page to the briefing and two to the annex (before: ten long notes gave
// 217 pages, a long foreword 699); the whole text stays in the workbook
// and briefing.toml.
func TestLongTextKeepsPages(t *testing.T) {
	long := func(seed string, n int) string {
		var b strings.Builder
		for b.Len() < n*3 {
			b.WriteString(seed + "的情况说明，内容很长，")
		}
		return b.String()
	}
	for _, tc := range []struct {
		name string
		c    func(testing.TB) *analysis.Comparison
		set  func(c *analysis.Comparison)
	}{
		{"western, long foreword and notes", western, func(c *analysis.Comparison) {
			c.Meta.Foreword = long("前言", 50_000) + "\n" + strings.Repeat("短行\n", 5000)
			for i := range c.Cities {
				c.Cities[i].Note = long(fmt.Sprintf("城市%d", i), 5_000)
			}
		}},
		{"3,000 distinct notes", func(tb testing.TB) *analysis.Comparison { return scaled(tb, 3000, 0) }, func(c *analysis.Comparison) {
			for i := range c.Cities {
				c.Cities[i].Note = fmt.Sprintf("第%d个城市的备注：", i) + long("备注", 300)
			}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := tc.c(t)
			opts := testOptions(t)
			brief, annex := pages(write(t, "plain.pdf", c, opts)), pages(annexPDF(t, c))
			tc.set(c)
			longBrief, longAnnex := pages(write(t, "long.pdf", c, opts)), pages(annexPDF(t, c))
			t.Logf("briefing %d → %d pages, annex %d → %d", brief, longBrief, annex, longAnnex)
			// The foreword's half page may push a full last page over:
			// one page more at most, whatever the text's length.
			if longBrief > brief+1 {
				t.Errorf("briefing: %d pages with long text, %d without; want at most one more", longBrief, brief)
			}
			if longAnnex > annex+2 {
				t.Errorf("annex: %d pages with long text, %d without; want at most two more", longAnnex, annex)
			}
		})
	}
}
