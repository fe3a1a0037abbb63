package analysis

// Tier is a city's standing in the programme.
type Tier string

const (
	TierOther     Tier = ""          // neither pilot nor promotion city
	TierPilot     Tier = "pilot"     // 创新试点城市
	TierPromotion Tier = "promotion" // 创新推广城市
)

// City is one row of cities.csv.
type City struct {
	Name     string
	Province string
	Region   string
	Tier     Tier
	Note     string
	Line     int // line in cities.csv, for messages
}

// Base is one row of bases.csv: an innovation base or key project.
type Base struct {
	Name     string
	City     string
	Province string // always the city's province after validation
	Batch    int    // 0: not a national key project
	Kind     string
	Segment  Segment
	Since    string
	Source   string
	Line     int
}

// KeyProject reports whether the base belongs to a national batch (重点项目).
func (b Base) KeyProject() bool { return b.Batch > 0 }

// Figure is one membership figure of figures.csv, normalised.
type Figure struct {
	Province string
	City     string // empty: a province-level figure
	Period   Period
	Segment  Segment // SegmentAll: the total
	Members  int64
	Source   string
	Line     int
}

// Stated is a figure a meeting announced that the records cannot derive
// (briefing.toml [[stated]]), such as "25 key projects".
type Stated struct {
	Label  string
	Value  float64
	Unit   string // e.g. 个; shown after the value
	Source string
	// Measure names the recorded count it can be checked against:
	// "key_projects", "bases", "cities", "pilot_cities", "promotion_cities",
	// "provinces", "members"; empty when none applies.
	Measure string
}

// Meta is what briefing.toml carries: the briefing's masthead and stated figures.
type Meta struct {
	Title      string // 简报 title, e.g. 新的社会阶层人士统战工作简报
	Issue      string // 期号, e.g. "1" for 第1期
	Unit       string // issuing unit (编发单位)
	Date       string // YYYY-MM-DD
	Subject    string // the meeting or topic the briefing covers
	Report     string // 报: recipients
	Send       string // 送
	Distribute string // 发
	Copies     int    // 共印N份; 0: not printed
	Foreword   string
	Source     string // default source line for charts, e.g. the article
	Stated     []Stated
}

// InputFile describes one input file as read, for the manifest and the
// data-quality sheet.
type InputFile struct {
	Name     string // e.g. "figures.csv"
	SHA256   string // hex
	Encoding string // "UTF-8", "UTF-8 BOM", "GB18030"
	Rows     int    // data rows read (header excluded)
	Skipped  int    // blank rows skipped
}

// Dataset is everything input read and validated. Figures holds only the
// rows of the periods compared in full (source and line included); History
// holds every period's figures compactly, so memory grows slowly with history.
type Dataset struct {
	Cities  []City
	Bases   []Base
	Figures []Figure
	// History is every figure of every period, compactly. Compare builds it
	// from Figures when it is empty (datasets built by hand).
	History  History
	Periods  []Period // every distinct period present, ascending
	Period   Period   // the period compared (latest or chosen)
	Previous Period   // the period before it in the data; zero if none (Compare finds its own from History)
	Meta     Meta
	Files    []InputFile
	// Notices are what reading the input noticed, each with its code and
	// Chinese and English text.
	Notices []Notice
}

// Warnings are the English lines of the notices, in order.
func (d *Dataset) Warnings() []string {
	var out []string
	for _, n := range d.Notices {
		out = append(out, n.En)
	}
	return out
}
