package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input"
	"github.com/basebrief/basebrief/input/defaultdata"
	"github.com/basebrief/basebrief/report/document"
)

// TestSummaryStreamedAsWhole: summary.json written a city at a time is
// byte for byte the summary encoded whole, with notes and names that JSON
// escapes, with no city, and with the narrative.
func TestSummaryStreamedAsWhole(t *testing.T) {
	noCities := nationalComparison(t, 40)
	noCities.Cities = nil
	odd := nationalComparison(t, 40)
	odd.Cities[0].Note = "第一行\n\"引号\" <b>&</b>\t\\ 1A+6S \u2028"
	odd.Cities[1].City = "\"成都\"\n"
	for _, tt := range []struct {
		name string
		c    *analysis.Comparison
	}{
		{"default", mustCompareDefault(t)},
		{"national", nationalComparison(t, 341)},
		{"escaped text", odd},
		{"no city", noCities},
	} {
		t.Run(tt.name, func(t *testing.T) {
			narrative := []document.Paragraph{{Text: "导语。", Claims: []document.Claim{{Of: "total", Field: "members", Value: 1}}}}
			s, cities := buildSummary(tt.c, narrative)
			var streamed bytes.Buffer
			if err := encodeSummary(&streamed, &s, cities); err != nil {
				t.Fatal(err)
			}
			s.Cities = append([]summaryCity{}, cities...)
			var whole bytes.Buffer
			enc := json.NewEncoder(&whole)
			enc.SetEscapeHTML(false)
			enc.SetIndent("", "  ")
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(streamed.Bytes(), whole.Bytes()) {
				a, b := streamed.Bytes(), whole.Bytes()
				i := 0
				for i < len(a) && i < len(b) && a[i] == b[i] {
					i++
				}
				t.Fatalf("streamed differs at byte %d of %d/%d:\n%q\nwant\n%q", i, len(a), len(b),
					a[max(0, i-60):min(len(a), i+60)], b[max(0, i-60):min(len(b), i+60)])
			}
			if len(cities) != len(tt.c.Cities) {
				t.Errorf("summary keeps %d cities, want %d", len(cities), len(tt.c.Cities))
			}
		})
	}
}

func mustCompareDefault(t *testing.T) *analysis.Comparison {
	t.Helper()
	d, err := input.Load(defaultdata.FS, input.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, err := analysis.Compare(d, "")
	if err != nil {
		t.Fatal(err)
	}
	return c
}
