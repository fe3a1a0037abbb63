package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/basebrief/basebrief/analysis"
)

// The summary types follow the contract's summary.json field for field;
// pointers are the figures that may be null.
type summary struct {
	Period         string            `json:"period"`
	PreviousPeriod *string           `json:"previous_period"`
	Regions        []summaryRegion   `json:"regions"`
	Provinces      []summaryProvince `json:"provinces"`
	Cities         []summaryCity     `json:"cities"`
	Warnings       []string          `json:"warnings"`
}

type summaryRegion struct {
	Region          string `json:"region"`
	Provinces       int    `json:"provinces"`
	Cities          int    `json:"cities"`
	PilotCities     int    `json:"pilot_cities"`
	PromotionCities int    `json:"promotion_cities"`
	Bases           int    `json:"bases"`
	KeyProjects     int    `json:"key_projects"`
	ReportingCities int    `json:"reporting_cities"`
	Members         *int64 `json:"members"`
}

type summaryProvince struct {
	Province        string   `json:"province"`
	Region          string   `json:"region"`
	Cities          int      `json:"cities"`
	PilotCities     int      `json:"pilot_cities"`
	PromotionCities int      `json:"promotion_cities"`
	Bases           int      `json:"bases"`
	KeyProjects     int      `json:"key_projects"`
	ReportingCities int      `json:"reporting_cities"`
	Members         *int64   `json:"members"`
	ShareOfRegion   *float64 `json:"share_of_region"`
	RankInRegion    *int     `json:"rank_in_region"`
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
	ShareOfRegion   *float64 `json:"share_of_region"`
	RankInRegion    *int     `json:"rank_in_region"`
}

// WriteSummary writes summary.json for c, indented, with a final newline.
func WriteSummary(w io.Writer, c *analysis.Comparison) error {
	s := summary{Period: c.Period.String(), Warnings: c.Warnings,
		Regions: []summaryRegion{}, Provinces: []summaryProvince{}, Cities: []summaryCity{}}
	if s.Warnings == nil {
		s.Warnings = []string{}
	}
	if !c.Previous.IsZero() {
		p := c.Previous.String()
		s.PreviousPeriod = &p
	}
	for _, r := range c.Regions {
		s.Regions = append(s.Regions, summaryRegion{r.Region, r.Provinces, r.Cities, r.PilotCities, r.PromotionCities,
			r.Bases, r.KeyProjects, r.ReportingCities, r.Members})
	}
	for _, p := range c.Provinces {
		s.Provinces = append(s.Provinces, summaryProvince{p.Province, p.Region, p.Cities, p.PilotCities, p.PromotionCities,
			p.Bases, p.KeyProjects, p.ReportingCities, p.Members, p.ShareOfRegion, p.RankInRegion})
	}
	for _, ct := range c.Cities {
		var tier *string
		if ct.Tier != analysis.TierOther {
			t := string(ct.Tier)
			tier = &t
		}
		s.Cities = append(s.Cities, summaryCity{ct.City, ct.Province, ct.Region, tier, ct.Bases, ct.KeyProjects,
			ct.Members, ct.PreviousMembers, ct.Change, ct.ChangeRatio, ct.ShareOfRegion, ct.RankInRegion})
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep names such as "1A+6S" & quotes readable
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return fmt.Errorf("encode summary: %w", err)
	}
	_, err := w.Write(buf.Bytes())
	return err
}
