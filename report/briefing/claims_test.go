package briefing

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/sample"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// fieldOf reads a summary.json field of a comparison row, the plain way:
// what a claim must equal.
func fieldOf(c *analysis.Comparison, cl document.Claim) (any, bool) {
	i64 := func(p *int64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	f64 := func(p *float64) any {
		if p == nil {
			return nil
		}
		return *p
	}
	counts := func(k analysis.Counts, field string) (any, bool) {
		switch field {
		case "cities":
			return k.Cities, true
		case "pilot_cities":
			return k.PilotCities, true
		case "promotion_cities":
			return k.PromotionCities, true
		case "bases":
			return k.Bases, true
		case "key_projects":
			return k.KeyProjects, true
		case "reporting_cities":
			return k.ReportingCities, true
		case "members":
			return i64(k.Members), true
		}
		return nil, false
	}
	comparable := func(k analysis.Comparable, field string) (any, bool) {
		f := strings.TrimPrefix(field, "yoy_")
		switch f {
		case "comparable_cities":
			if k.Cities == nil {
				return nil, true
			}
			return *k.Cities, true
		case "comparable_members":
			return i64(k.Members), true
		case "comparable_previous":
			return i64(k.Previous), true
		case "change":
			return i64(k.Change), true
		case "change_ratio":
			return f64(k.ChangeRatio), true
		}
		return nil, false
	}
	pick := func(prev, yoy analysis.Comparable, field string) (any, bool) {
		if strings.HasPrefix(field, "yoy_") {
			return comparable(yoy, field)
		}
		return comparable(prev, field)
	}
	switch cl.Of {
	case "total":
		t := c.Totals
		switch cl.Field {
		case "regions":
			return t.Regions, true
		case "provinces":
			return t.Provinces, true
		}
		if v, ok := counts(t.Counts, cl.Field); ok {
			return v, true
		}
		return pick(t.Comparable, t.YoY, cl.Field)
	case "region":
		for _, r := range c.Regions {
			if r.Region == cl.Name {
				if v, ok := counts(r.Counts, cl.Field); ok {
					return v, true
				}
				return pick(r.Comparable, r.YoY, cl.Field)
			}
		}
	case "province":
		for _, p := range c.Provinces {
			if p.Province == cl.Name {
				if cl.Field == "share_of_region" {
					return f64(p.ShareOfRegion), true
				}
				if v, ok := counts(p.Counts, cl.Field); ok {
					return v, true
				}
				return pick(p.Comparable, p.YoY, cl.Field)
			}
		}
	case "city":
		for _, ct := range c.Cities {
			if ct.City != cl.Name {
				continue
			}
			switch cl.Field {
			case "members":
				return i64(ct.Members), true
			case "change":
				return i64(ct.Change), true
			case "change_ratio":
				return f64(ct.ChangeRatio), true
			case "share_of_region":
				return f64(ct.ShareOfRegion), true
			case "bases":
				return ct.Bases, true
			}
		}
	}
	return nil, false
}

// TestNarrativeClaimsHoldTheFigures: every claim names a row and field of
// the comparison and holds its value, and the paragraph states that value
// worded as the briefing words it.
func TestNarrativeClaimsHoldTheFigures(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    *analysis.Comparison
	}{{"western", western(t)}, {"national", national(t)}} {
		for _, lang := range []vocab.Lang{vocab.Zh, vocab.En} {
			t.Run(fmt.Sprintf("%s %s", tc.name, lang), func(t *testing.T) {
				for _, p := range Narrative(tc.c, lang) {
					for _, cl := range p.Claims {
						want, ok := fieldOf(tc.c, cl)
						if !ok || want != cl.Value {
							t.Errorf("claim %+v: the comparison holds %v (found %v)", cl, want, ok)
						}
						if s := worded(cl, lang); !strings.Contains(p.Text, s) {
							t.Errorf("claim %+v: %q not in %q", cl, s, p.Text)
						}
					}
				}
			})
		}
	}
}

// worded is how a claim's value reads in the text.
func worded(cl document.Claim, lang vocab.Lang) string {
	switch v := cl.Value.(type) {
	case int:
		return fmt.Sprint(v)
	case int64:
		if v < 0 {
			v = -v
		}
		return vocab.People(v, lang)
	case float64:
		if v < 0 {
			v = -v
		}
		return vocab.Percent(v)
	}
	return fmt.Sprint(cl.Value)
}

// TestNarrativeNamesTheLeaders: the cities the narrative says lead are the
// two with the most members, found here by sorting the rows afresh; the
// largest rise and fall are the cities with the largest changes.
func TestNarrativeNamesTheLeaders(t *testing.T) {
	for _, c := range []*analysis.Comparison{western(t), national(t),
		mustCompare(t, sample.National(sample.Options{Previous: true, Cities: 120, Seed: 7}))} {
		rows := append([]analysis.CityRow(nil), c.Cities...)
		rows = slicesDeleteNoFigure(rows)
		sort.SliceStable(rows, func(i, j int) bool { return *rows[i].Members > *rows[j].Members })
		text := strings.Join(texts(Narrative(c, vocab.Zh)), "")
		want := fmt.Sprintf("%s最多，为%s", rows[0].City, vocab.People(*rows[0].Members, vocab.Zh))
		if !strings.Contains(text, want) {
			t.Errorf("narrative lacks %q:\n%s", want, text)
		}
		if *rows[1].Members != *rows[0].Members {
			want = fmt.Sprintf("%s次之，为%s", rows[1].City, vocab.People(*rows[1].Members, vocab.Zh))
			if !strings.Contains(text, want) {
				t.Errorf("narrative lacks %q:\n%s", want, text)
			}
		}
		var up, down *analysis.CityRow
		for i := range c.Cities {
			ct := &c.Cities[i]
			if ct.Change == nil {
				continue
			}
			if up == nil || *ct.Change > *up.Change {
				up = ct
			}
			if down == nil || *ct.Change < *down.Change {
				down = ct
			}
		}
		if up != nil && *up.Change > 0 && !strings.Contains(text, "城市中增加最多的是"+up.City+"，比上月增加"+vocab.People(*up.Change, vocab.Zh)+"人") {
			t.Errorf("narrative does not name %s (+%d) as the largest rise:\n%s", up.City, *up.Change, text)
		}
		if down != nil && *down.Change < 0 && !strings.Contains(text, "减少最多的是"+down.City+"，比上月减少"+vocab.People(-*down.Change, vocab.Zh)+"人") {
			t.Errorf("narrative does not name %s (%d) as the largest fall:\n%s", down.City, *down.Change, text)
		}
	}
}

func slicesDeleteNoFigure(rows []analysis.CityRow) []analysis.CityRow {
	out := rows[:0]
	for _, r := range rows {
		if r.Members != nil {
			out = append(out, r)
		}
	}
	return out
}

func texts(ps []document.Paragraph) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.Text
	}
	return out
}

// TestNarrativeWrongCityFails is the test of the tests: a narrative that
// names the second city as the first, or states a figure that is not the
// field's, is caught by the checks above.
func TestNarrativeWrongCityFails(t *testing.T) {
	c := western(t)
	ps := Narrative(c, vocab.Zh)
	for i, p := range ps {
		for j, cl := range p.Claims {
			if cl.Of == "city" && cl.Name == "重庆" && cl.Field == "members" {
				bad := cl
				bad.Name = "成都"
				if v, _ := fieldOf(c, bad); v == cl.Value {
					t.Fatalf("claim check cannot tell 重庆 from 成都")
				}
				ps[i].Claims[j] = bad
				return
			}
		}
	}
	t.Fatal("no claim for 重庆's members")
}
