package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/briefing"
)

// TestNarrativeClaimsAreSummaryFields writes summary.json with the
// briefing's narrative and checks every claim against the file itself: the
// row it names exists once, the field is there, and holds the claimed value.
func TestNarrativeClaimsAreSummaryFields(t *testing.T) {
	months, err := analysis.Compare(twentySixMonths(), "")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		c    *analysis.Comparison
		lang vocab.Lang
	}{
		{"national zh", nationalComparison(t, 300), vocab.Zh},
		{"national en", nationalComparison(t, 300), vocab.En},
		{"26 months zh", months, vocab.Zh},
		{"26 months en", months, vocab.En},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteSummary(&buf, tc.c, briefing.Narrative(tc.c, tc.lang)...); err != nil {
				t.Fatal(err)
			}
			var s map[string]any
			if err := json.Unmarshal(buf.Bytes(), &s); err != nil {
				t.Fatal(err)
			}
			paras, _ := s["narrative"].([]any)
			if len(paras) < 3 {
				t.Fatalf("narrative has %d paragraphs", len(paras))
			}
			claims := 0
			for _, p := range paras {
				for _, cl := range p.(map[string]any)["claims"].([]any) {
					claims++
					if msg := checkClaim(s, cl.(map[string]any)); msg != "" {
						t.Error(msg)
					}
				}
			}
			if claims < 10 {
				t.Errorf("only %d claims", claims)
			}
		})
	}
}

func checkClaim(s map[string]any, cl map[string]any) string {
	of, field := cl["of"].(string), cl["field"].(string)
	var row map[string]any
	if of == "total" {
		if cl["name"] != nil {
			return fmt.Sprintf("total claim with a name: %v", cl)
		}
		row, _ = s["totals"].(map[string]any)
	} else {
		list := map[string]string{"region": "regions", "province": "provinces", "city": "cities"}[of]
		if list == "" {
			return fmt.Sprintf("claim of unknown row kind: %v", cl)
		}
		found := 0
		for _, r := range s[list].([]any) {
			if r.(map[string]any)[of] == cl["name"] {
				row = r.(map[string]any)
				found++
			}
		}
		if found != 1 {
			return fmt.Sprintf("claim %v: %d rows named %v", cl, found, cl["name"])
		}
	}
	if row == nil {
		return fmt.Sprintf("claim %v: no row", cl)
	}
	v, ok := row[field]
	if !ok {
		return fmt.Sprintf("claim %v: no field %q in its row", cl, field)
	}
	if v != cl["value"] {
		return fmt.Sprintf("claim %v: summary.json has %v", cl, v)
	}
	return ""
}
