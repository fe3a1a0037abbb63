package report_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// TestNarrativeBuiltOnce: summary.json's narrative is the briefing's,
// word for word, in both languages, where a tie could be named two ways
// (成都 and 重庆 with 140万 each: summary.json's order puts 成都 first, the
// official order 重庆; English names them Chongqing and Chengdu). Each of its paragraphs is a paragraph of the Word
// file, and the tie is said as one.
func TestNarrativeBuiltOnce(t *testing.T) {
	y := analysis.Period{Year: 2019}
	d := &analysis.Dataset{Period: y, Periods: []analysis.Period{y}}
	for i, c := range [][2]string{{"成都", "四川"}, {"重庆", "重庆"}, {"贵阳", "贵州"}} {
		d.Cities = append(d.Cities, analysis.City{Name: c[0], Province: c[1], Region: "西部", Line: i + 2})
	}
	d.Figures = []analysis.Figure{{Province: "四川", City: "成都", Period: y, Members: 1400000},
		{Province: "重庆", City: "重庆", Period: y, Members: 1400000}, {Province: "贵州", City: "贵阳", Period: y, Members: 300000}}
	c, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
		files := packetFiles(t, c, lang)
		var s struct {
			Narrative []struct{ Text string } `json:"narrative"`
		}
		if err := json.Unmarshal(files["summary.json"], &s); err != nil {
			t.Fatal(err)
		}
		paras := map[string]bool{}
		for _, p := range wordParagraphs(t, files["briefing.docx"]) {
			paras[p] = true
		}
		var all []string
		for _, p := range s.Narrative {
			all = append(all, p.Text)
			if !paras[p.Text] {
				t.Errorf("%s: summary.json's paragraph is not one of briefing.docx: %q", lang, p.Text)
			}
		}
		want := map[vocab.Lang]string{vocab.Zh: "重庆、成都并列最多，均为140万", vocab.En: "Chongqing and Chengdu tie for the most, 1.4 million each"}[lang]
		if text := strings.Join(all, "\n"); !strings.Contains(text, want) {
			t.Errorf("%s: narrative lacks %q:\n%s", lang, want, text)
		}
	}
}
