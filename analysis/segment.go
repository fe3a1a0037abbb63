package analysis

// Segment is one of the four recognised segments of the new social strata,
// or SegmentAll for a total over all of them.
type Segment int

const (
	SegmentAll        Segment = iota // no segment: all members
	SegmentEnterprise                // 民营企业和外商投资企业管理技术人员
	SegmentSocialOrg                 // 中介组织和社会组织从业人员
	SegmentFreelance                 // 自由职业人员
	SegmentNewMedia                  // 新媒体从业人员
)

// Segments lists the four segments in their customary order.
var Segments = []Segment{SegmentEnterprise, SegmentSocialOrg, SegmentFreelance, SegmentNewMedia}

var segmentNames = [...][3]string{
	// full Chinese, short Chinese, English
	{"", "", ""},
	{"民营企业和外商投资企业管理技术人员", "企业", "Managers and technical staff of private and foreign-invested firms"},
	{"中介组织和社会组织从业人员", "社会组织", "Staff of intermediary and social organisations"},
	{"自由职业人员", "自由职业", "Freelancers"},
	{"新媒体从业人员", "新媒体", "New-media practitioners"},
}

func (s Segment) valid() bool { return s >= SegmentAll && int(s) < len(segmentNames) }

// Name is the full Chinese name; "" for SegmentAll.
func (s Segment) Name() string {
	if !s.valid() {
		return ""
	}
	return segmentNames[s][0]
}

// Short is the short Chinese name (企业, 社会组织, 自由职业, 新媒体).
func (s Segment) Short() string {
	if !s.valid() {
		return ""
	}
	return segmentNames[s][1]
}

// English is the English name.
func (s Segment) English() string {
	if !s.valid() {
		return ""
	}
	return segmentNames[s][2]
}

// ParseSegment maps a full or short Chinese name to its Segment; "" is
// SegmentAll. ok is false for anything else.
func ParseSegment(s string) (seg Segment, ok bool) {
	if s == "" {
		return SegmentAll, true
	}
	for i := 1; i < len(segmentNames); i++ {
		if s == segmentNames[i][0] || s == segmentNames[i][1] {
			return Segment(i), true
		}
	}
	return SegmentAll, false
}
