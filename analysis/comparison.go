package analysis

// The comparison types. Pointer fields are figures that may not be reported:
// nil means "not reported", never zero. Field names follow summary.json.

// Counts are the figures that add up from cities to provinces, regions and
// the whole comparison.
type Counts struct {
	Cities          int
	PilotCities     int
	PromotionCities int
	Bases           int
	KeyProjects     int
	ReportingCities int
	Members         *int64
	PreviousMembers *int64 // same rule as Members, for the previous period
}

// add adds o to c; a sum of figures none of which is reported stays nil.
func (c *Counts) add(o Counts) {
	c.Cities += o.Cities
	c.PilotCities += o.PilotCities
	c.PromotionCities += o.PromotionCities
	c.Bases += o.Bases
	c.KeyProjects += o.KeyProjects
	c.ReportingCities += o.ReportingCities
	c.Members = addPtr(c.Members, o.Members)
	c.PreviousMembers = addPtr(c.PreviousMembers, o.PreviousMembers)
}

// RegionRow is one region (片区) of the comparison.
type RegionRow struct {
	Region    string
	Provinces int
	Counts
}

// ProvinceRow is one province (省区市) of the comparison.
type ProvinceRow struct {
	Province string
	Region   string
	Counts
	ProvinceLevel bool // Members is the province-level figure, not a sum of cities
	ShareOfRegion *float64
	RankInRegion  *int
	// BasesByBatch[i] counts the key projects of batch i+1; NoBatch the
	// bases without a batch. len(BasesByBatch) is Comparison.MaxBatch.
	BasesByBatch []int
	NoBatch      int
}

// CityRow is one city of the comparison.
type CityRow struct {
	City            string
	Province        string
	Region          string
	Tier            Tier
	Note            string
	Bases           int
	KeyProjects     int
	Members         *int64
	FromSegments    bool // Members is the sum of segment rows (no total row)
	PreviousMembers *int64
	Change          *int64
	ChangeRatio     *float64
	ShareOfRegion   *float64
	RankInRegion    *int
	RankOverall     *int // rank among all cities listed, same tie rule
	// BySegment holds the city's segment figures for the period, indexed by
	// Segment (index 0 unused); nil where no segment row exists.
	BySegment [5]*int64
}

// Totals are the figures over every region in the comparison.
type Totals struct {
	Regions   int
	Provinces int
	Counts
}

// Reconciled sets a stated figure beside what the records hold.
type Reconciled struct {
	Stated   Stated
	Recorded *float64 // nil where the stated figure has no measure
}

// Comparison is the regional comparison for one period, and everything the
// report renders. Lists are sorted as summary.json requires: members
// descending, nulls last, then by name.
type Comparison struct {
	Period    Period
	Previous  Period // zero if none
	Region    string // the --region filter, "" for all
	Regions   []RegionRow
	Provinces []ProvinceRow
	Cities    []CityRow
	Totals    Totals
	MaxBatch  int

	Bases   []Base   // every base within the comparison, by province, city, batch, name
	Figures []Figure // the figures used (compared and previous period), sorted
	Meta    Meta
	Stated  []Reconciled
	Files   []InputFile
	Periods []Period
	// Notices are the dataset's notices and those the comparison adds
	// (cities without figures, segment-only totals), sorted by English text
	// and unique; Warnings are their English lines (summary.json's list).
	Warnings []string
	Notices  []Notice
}

// Notice is one warning with a stable code and its text in both languages,
// so every renderer says it in the packet's language (summary.json's
// "notices"). Codes are snake_case and never change once released.
type Notice struct {
	Code string // e.g. no_figure, basis_changed, names_matched
	Zh   string
	En   string
}

// Text is the notice in Chinese (zh true) or English.
func (n Notice) Text(zh bool) string {
	if zh && n.Zh != "" {
		return n.Zh
	}
	return n.En
}

// Notice codes the comparison raises itself; input raises its own.
const (
	CodeNoFigure            = "no_figure"             // cities without a figure for the period
	CodeSegmentsOnly        = "segments_only"         // totals summed from segment rows
	CodeSegmentsOverTotal   = "segments_over_total"   // segment rows above the total row
	CodeProvinceBelowCities = "province_below_cities" // province-level figure below its cities' sum
	CodeNoFigures           = "no_figures"            // figures.csv holds no figure at all
	CodeInput               = "input"                 // an input warning not yet given its own code
)
