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
	// CitiesMembers is the sum of the cities' own figures (nil if none
	// reports): Members differs from it where a province-level figure
	// stands for its cities. Every table's 合计 of cities is this figure.
	CitiesMembers *int64
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
	c.CitiesMembers = addPtr(c.CitiesMembers, o.CitiesMembers)
}

// Basis is what a province's like-for-like change compares (可比口径).
type Basis string

const (
	BasisNone     Basis = ""         // nothing comparable: summary.json null
	BasisProvince Basis = "province" // the province-level figures of both periods
	BasisCities   Basis = "cities"   // the sums over the cities with a figure in both periods
)

// Comparable is a like-for-like change against one earlier period: the
// same places on the same basis in both (summary.json's COMPARABLE fields,
// or their yoy_ twins). All nil where nothing is comparable.
type Comparable struct {
	Cities      *int   // cities with a figure in both periods
	Members     *int64 // comparable_members
	Previous    *int64 // comparable_previous
	Change      *int64 // Members − Previous
	ChangeRatio *float64
}

// add sums o into c (a region's or the totals' over their provinces whose
// basis is not null); finish sets the change afterwards.
func (c *Comparable) add(o Comparable) {
	if o.Members == nil {
		return
	}
	n := o.cities()
	if c.Cities != nil {
		n += *c.Cities
	}
	c.Cities = &n
	c.Members = addPtr(c.Members, o.Members)
	c.Previous = addPtr(c.Previous, o.Previous)
}

func (c Comparable) cities() int {
	if c.Cities == nil {
		return 0
	}
	return *c.Cities
}

func (c *Comparable) finish() { c.Change, c.ChangeRatio = change(c.Members, c.Previous) }

// change is cur − prev and its ratio to prev: nil where either is missing,
// the ratio nil where prev is 0.
func change(cur, prev *int64) (*int64, *float64) {
	if cur == nil || prev == nil {
		return nil, nil
	}
	ch := *cur - *prev
	if *prev == 0 {
		return &ch, nil
	}
	r := float64(ch) / float64(*prev)
	return &ch, &r
}

// RegionRow is one region (片区) of the comparison.
type RegionRow struct {
	Region    string
	Provinces int
	Order     int // position in official order (order.go); ties in sorted lists follow it
	Counts
	Comparable Comparable // against the previous period
	YoY        Comparable // against the year-ago period (同比)
	// ShareOfNation and RankInNation place the region among the nation's
	// (see nationRanks); nil where the comparison is not of the nation.
	ShareOfNation *float64
	RankInNation  *int
}

// ProvinceRow is one province (省区市) of the comparison.
type ProvinceRow struct {
	Province string
	Region   string
	Order    int // position in official order (order.go): by administrative code
	Counts
	ProvinceLevel bool // Members is the province-level figure, not a sum of cities
	// Basis and YoYBasis say what Comparable and YoY compare.
	Basis, YoYBasis Basis
	Comparable      Comparable // against the previous period
	YoY             Comparable // against the year-ago period (同比)
	ShareOfRegion   *float64
	RankInRegion    *int
	ShareOfNation   *float64 // see nationRanks
	RankInNation    *int
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
	Order           int // position in official order (order.go): by province, then code
	Tier            Tier
	Note            string
	Bases           int
	KeyProjects     int
	Members         *int64
	FromSegments    bool // Members is the sum of segment rows (no total row)
	PreviousMembers *int64
	Change          *int64
	ChangeRatio     *float64
	YearAgoMembers  *int64 // the figure for the year-ago period
	YoYChange       *int64
	YoYChangeRatio  *float64
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
	Comparable Comparable // against the previous period
	YoY        Comparable // against the year-ago period (同比)
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
	Period   Period
	Previous Period // the previous period of the same kind; zero if none
	YearAgo  Period // the same period a year earlier, where the data holds it; zero if none
	// Sources are the periods whose figures stand for Period, Previous and
	// YearAgo: the same periods, except in a year (or quarter) view of
	// finer data, where each is its last sub-period present (2019-12 for 2019).
	Source, PreviousSource, YearAgoSource Period
	Region                                string // the --region filter, "" for all
	Regions                               []RegionRow
	Provinces                             []ProvinceRow
	Cities                                []CityRow
	Totals                                Totals
	MaxBatch                              int

	Bases   []Base   // every base within the comparison, by province, city, batch, name
	Figures []Figure // the figures used (compared, previous and year-ago periods), sorted
	// Series is every period of the compared kind up to the compared one,
	// oldest first, within Region.
	Series []SeriesPoint
	// History is every figure of every period, compactly (the workbook's
	// 人数 sheet lists it); it covers all places, not only Region's.
	History *History
	Meta    Meta
	Stated  []Reconciled
	// Checks are the provinces whose own figure differs from their cities'
	// sum by more than CheckTolerance: matters to verify (需核实).
	Checks  []FigureCheck
	Files   []InputFile
	Periods []Period
	// Notices are the dataset's notices and those the comparison adds
	// (cities without figures, segment-only totals), sorted by English text
	// and unique; Warnings are their English lines (summary.json's list).
	Warnings []string
	Notices  []Notice
	// Revisions are the earlier figures that differ from what an earlier
	// run read (Revise); nil without a history.
	Revisions []Revision
	// Scope places a slice (run --slices) in the whole; nil for the whole.
	Scope *Scope
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
	CodeBasisChanged        = "basis_changed"         // provinces switching between a province-level figure and a city sum
	CodeCoverageChanged     = "coverage_changed"      // reporting cities differ between the periods compared
	CodePeriodEnd           = "period_end"            // a year or quarter compared by its last sub-period (year view)
)

// SeriesPoint is one period of the series: members and reporting cities by
// the same rules as for the compared period.
type SeriesPoint struct {
	Period          Period
	Source          Period // the period whose figures stand for it (see Comparison.Source)
	Members         *int64
	ReportingCities int
	Regions         []SeriesRegion // summary.json order: members descending, nulls last, then name
	// Provinces holds each province's members by its official position
	// (Provinces[p.Order] for ProvinceRow p, whatever order the rows are
	// in); ProvinceLevel whether it is a province-level figure.
	Provinces     []*int64
	ProvinceLevel []bool
	// CoverageChanged marks a point whose reporting cities, or a province's
	// basis (province-level figure or city sum), differ from the point
	// before: a step there is not growth or decline.
	CoverageChanged bool
}

// SeriesRegion is one region's members and reporting cities in a period.
type SeriesRegion struct {
	Region          string
	Members         *int64
	ReportingCities int
}
