package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/document"
)

// The summary types follow the contract's summary.json field for field;
// pointers are the figures that may be null. Two fields the contract does
// not define carry the whole of the free text the briefing shortens:
// "foreword" (top level) and a city's "note", each null when empty.
type summary struct {
	Period         string             `json:"period"`
	PeriodKind     string             `json:"period_kind"`
	PreviousPeriod *string            `json:"previous_period"`
	YearAgoPeriod  *string            `json:"year_ago_period"`
	Totals         summaryTotals      `json:"totals"`
	Regions        []summaryRegion    `json:"regions"`
	Provinces      []summaryProvince  `json:"provinces"`
	Cities         []summaryCity      `json:"cities"`
	Series         []summaryPoint     `json:"series"`
	Warnings       []string           `json:"warnings"`
	Revisions      []summaryRevision  `json:"revisions"`
	Notices        []summaryNotice    `json:"notices"`
	Narrative      []summaryParagraph `json:"narrative"`
	Foreword       *string            `json:"foreword"`
}

// summaryCounts are the counts totals, regions and provinces share.
type summaryCounts struct {
	Cities          int    `json:"cities"`
	PilotCities     int    `json:"pilot_cities"`
	PromotionCities int    `json:"promotion_cities"`
	Bases           int    `json:"bases"`
	KeyProjects     int    `json:"key_projects"`
	ReportingCities int    `json:"reporting_cities"`
	Members         *int64 `json:"members"`
}

// summaryComparable is the contract's COMPARABLE: the like-for-like change
// against the previous and the year-ago period.
type summaryComparable struct {
	ComparableCities      *int     `json:"comparable_cities"`
	ComparableMembers     *int64   `json:"comparable_members"`
	ComparablePrevious    *int64   `json:"comparable_previous"`
	Change                *int64   `json:"change"`
	ChangeRatio           *float64 `json:"change_ratio"`
	YoYComparableCities   *int     `json:"yoy_comparable_cities"`
	YoYComparableMembers  *int64   `json:"yoy_comparable_members"`
	YoYComparablePrevious *int64   `json:"yoy_comparable_previous"`
	YoYChange             *int64   `json:"yoy_change"`
	YoYChangeRatio        *float64 `json:"yoy_change_ratio"`
}

func comparable(c, yoy analysis.Comparable) summaryComparable {
	return summaryComparable{c.Cities, c.Members, c.Previous, c.Change, c.ChangeRatio,
		yoy.Cities, yoy.Members, yoy.Previous, yoy.Change, yoy.ChangeRatio}
}

func counts(n analysis.Counts) summaryCounts {
	return summaryCounts{n.Cities, n.PilotCities, n.PromotionCities, n.Bases, n.KeyProjects, n.ReportingCities, n.Members}
}

type summaryTotals struct {
	Regions   int `json:"regions"`
	Provinces int `json:"provinces"`
	summaryCounts
	summaryComparable
}

type summaryRegion struct {
	Region    string `json:"region"`
	Provinces int    `json:"provinces"`
	summaryCounts
	ShareOfNation *float64 `json:"share_of_nation"`
	RankInNation  *int     `json:"rank_in_nation"`
	summaryComparable
}

type summaryProvince struct {
	Province string `json:"province"`
	Region   string `json:"region"`
	summaryCounts
	ShareOfRegion      *float64 `json:"share_of_region"`
	RankInRegion       *int     `json:"rank_in_region"`
	ShareOfNation      *float64 `json:"share_of_nation"`
	RankInNation       *int     `json:"rank_in_nation"`
	ComparableBasis    *string  `json:"comparable_basis"`
	YoYComparableBasis *string  `json:"yoy_comparable_basis"`
	summaryComparable
}

type summaryCity struct {
	City            string   `json:"city"`
	Province        string   `json:"province"`
	Region          string   `json:"region"`
	Tier            *string  `json:"tier"`
	Bases           int      `json:"bases"`
	KeyProjects     int      `json:"key_projects"`
	Members         *int64   `json:"members"`
	PreviousMembers *int64   `json:"previous_members"`
	Change          *int64   `json:"change"`
	ChangeRatio     *float64 `json:"change_ratio"`
	YearAgoMembers  *int64   `json:"year_ago_members"`
	YoYChange       *int64   `json:"yoy_change"`
	YoYChangeRatio  *float64 `json:"yoy_change_ratio"`
	ShareOfRegion   *float64 `json:"share_of_region"`
	RankInRegion    *int     `json:"rank_in_region"`
	Note            *string  `json:"note"`
}

type summaryPoint struct {
	Period          string               `json:"period"`
	Members         *int64               `json:"members"`
	ReportingCities int                  `json:"reporting_cities"`
	Regions         []summaryPointRegion `json:"regions"`
}

type summaryPointRegion struct {
	Region          string `json:"region"`
	Members         *int64 `json:"members"`
	ReportingCities int    `json:"reporting_cities"`
}

// summaryRevision is an earlier figure revised since the run was_run
// read it; was or now null where that run or this one has no figure.
type summaryRevision struct {
	Province string  `json:"province"`
	City     *string `json:"city"`
	Segment  *string `json:"segment"`
	Period   string  `json:"period"`
	Was      *int64  `json:"was"`
	Now      *int64  `json:"now"`
	WasRun   int64   `json:"was_run"`
}

func revisions(rs []analysis.Revision) []summaryRevision {
	out := make([]summaryRevision, 0, len(rs))
	for _, r := range rs {
		sr := summaryRevision{Province: r.Province, Period: r.Period.String(), Was: r.Was, Now: r.Now, WasRun: r.WasRun}
		if r.City != "" {
			sr.City = &r.City
		}
		if r.Segment != analysis.SegmentAll {
			seg := r.Segment.Name()
			sr.Segment = &seg
		}
		out = append(out, sr)
	}
	return out
}

type summaryNotice struct {
	Code string `json:"code"`
	Zh   string `json:"zh"`
	En   string `json:"en"`
}

// summaryParagraph is one paragraph of the briefing's narrative with the
// claims behind its figures.
type summaryParagraph struct {
	Text   string         `json:"text"`
	Claims []summaryClaim `json:"claims"`
}

type summaryClaim struct {
	Of    string  `json:"of"`
	Name  *string `json:"name"`
	Field string  `json:"field"`
	Value any     `json:"value"`
}

func periodPtr(p analysis.Period) *string {
	if p.IsZero() {
		return nil
	}
	s := p.String()
	return &s
}

// textPtr is s, or null when it is empty or blank.
func textPtr(s string) *string {
	if strings.TrimSpace(s) == "" {
		return nil
	}
	return &s
}

func basisPtr(b analysis.Basis) *string {
	if b == analysis.BasisNone {
		return nil
	}
	s := string(b)
	return &s
}

// WriteSummary writes summary.json for c, indented, with a final newline;
// narrative is the briefing's (briefing.Narrative), with its claims.
func WriteSummary(w io.Writer, c *analysis.Comparison, narrative ...document.Paragraph) error {
	s, cities := buildSummary(c, narrative)
	return encodeSummary(w, &s, cities)
}

// buildSummary is summary.json's content, its cities apart (s.Cities is
// empty): encodeSummary writes them one at a time.
func buildSummary(c *analysis.Comparison, narrative []document.Paragraph) (s summary, cities []summaryCity) {
	s = summary{Period: c.Period.String(), PeriodKind: c.Period.Kind().String(),
		PreviousPeriod: periodPtr(c.Previous), YearAgoPeriod: periodPtr(c.YearAgo),
		Warnings: c.Warnings, Revisions: revisions(c.Revisions), Notices: []summaryNotice{}, Narrative: []summaryParagraph{},
		Regions: []summaryRegion{}, Provinces: []summaryProvince{}, Cities: []summaryCity{}, Series: []summaryPoint{}}
	if s.Warnings == nil {
		s.Warnings = []string{}
	}
	s.Foreword = textPtr(c.Meta.Foreword)
	t := c.Totals
	s.Totals = summaryTotals{t.Regions, t.Provinces, counts(t.Counts), comparable(t.Comparable, t.YoY)}
	for _, r := range c.Regions {
		s.Regions = append(s.Regions, summaryRegion{r.Region, r.Provinces, counts(r.Counts), r.ShareOfNation, r.RankInNation,
			comparable(r.Comparable, r.YoY)})
	}
	for _, p := range c.Provinces {
		s.Provinces = append(s.Provinces, summaryProvince{p.Province, p.Region, counts(p.Counts), p.ShareOfRegion, p.RankInRegion,
			p.ShareOfNation, p.RankInNation, basisPtr(p.Basis), basisPtr(p.YoYBasis), comparable(p.Comparable, p.YoY)})
	}
	for _, ct := range c.Cities {
		var tier *string
		if ct.Tier != analysis.TierOther {
			t := string(ct.Tier)
			tier = &t
		}
		cities = append(cities, summaryCity{ct.City, ct.Province, ct.Region, tier, ct.Bases, ct.KeyProjects,
			ct.Members, ct.PreviousMembers, ct.Change, ct.ChangeRatio, ct.YearAgoMembers, ct.YoYChange, ct.YoYChangeRatio,
			ct.ShareOfRegion, ct.RankInRegion, textPtr(ct.Note)})
	}
	for _, pt := range c.Series {
		sp := summaryPoint{Period: pt.Period.String(), Members: pt.Members, ReportingCities: pt.ReportingCities,
			Regions: make([]summaryPointRegion, 0, len(pt.Regions))}
		for _, r := range pt.Regions {
			sp.Regions = append(sp.Regions, summaryPointRegion{r.Region, r.Members, r.ReportingCities})
		}
		s.Series = append(s.Series, sp)
	}
	for _, n := range c.Notices {
		s.Notices = append(s.Notices, summaryNotice{n.Code, n.Zh, n.En})
	}
	for _, p := range narrative {
		sp := summaryParagraph{Text: p.Text, Claims: []summaryClaim{}}
		for _, cl := range p.Claims {
			var name *string
			if cl.Of != "total" {
				name = &cl.Name
			}
			sp.Claims = append(sp.Claims, summaryClaim{cl.Of, name, cl.Field, cl.Value})
		}
		s.Narrative = append(s.Narrative, sp)
	}
	return s, cities
}

// citiesKey is the cities array's key as the indented encoding writes it
// at the top level (a newline cannot occur inside a JSON string, so only
// the key itself matches).
const citiesKey = "\n  \"cities\": []"

// encodeSummary writes s indented with cities as its cities array, one
// city at a time: at 30,000
// cities the summary is 15 MB, and encoding it whole held it three times
// over (the encoder's compact and indented buffers and a copy), 44 MB at
// the run's peak. The bytes are those of encoding s whole, cities in it
// (TestSummaryStreamedAsWhole).
func encodeSummary(w io.Writer, s *summary, cities []summaryCity) error {
	var head bytes.Buffer
	enc := json.NewEncoder(&head)
	enc.SetEscapeHTML(false) // keep names such as "1A+6S" & quotes readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return fmt.Errorf("encode summary: %w", err)
	}
	at := bytes.Index(head.Bytes(), []byte(citiesKey))
	if at < 0 || len(cities) == 0 {
		if len(cities) > 0 {
			return fmt.Errorf("encode summary: no cities array in the encoding")
		}
		_, err := w.Write(head.Bytes())
		return err
	}
	at += len(citiesKey) - 1 // at the "]" of "[]"
	if _, err := w.Write(head.Bytes()[:at]); err != nil {
		return err
	}
	var city bytes.Buffer
	ce := json.NewEncoder(&city)
	ce.SetEscapeHTML(false)
	ce.SetIndent("    ", "  ") // an element of a top-level array
	for i := range cities {
		city.Reset()
		if i > 0 {
			city.WriteByte(',')
		}
		city.WriteString("\n    ")
		if err := ce.Encode(&cities[i]); err != nil {
			return fmt.Errorf("encode summary: city %s: %w", cities[i].City, err)
		}
		city.Truncate(city.Len() - 1) // Encode's newline
		if _, err := w.Write(city.Bytes()); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(w, "\n  "); err != nil {
		return err
	}
	_, err := w.Write(head.Bytes()[at:])
	return err
}
