package analysis

import "fmt"

// Period is a reporting period: a year, a half-year, a quarter, a month or
// a day. Half, Quarter, Month and Day are zero when not given (a quarter
// has no month, a half-year no quarter). The zero Period means "none".
type Period struct {
	Year, Month, Day int
	Quarter          int // 1–4 for a quarter, else 0
	Half             int // 1 or 2 for a half-year (上半年, 下半年), else 0
}

// PeriodKind is what a period spans. Periods of different kinds are never
// compared with each other.
type PeriodKind int

const (
	KindNone PeriodKind = iota
	KindYear
	KindHalf
	KindQuarter
	KindMonth
	KindDay
)

var kindNames = [...]string{"", "year", "half", "quarter", "month", "day"}

// String is the kind's name in summary.json: year, half, quarter, month or
// day.
func (k PeriodKind) String() string {
	if k < 0 || int(k) >= len(kindNames) {
		return ""
	}
	return kindNames[k]
}

// Kind is the period's kind; KindNone for the zero period.
func (p Period) Kind() PeriodKind {
	switch {
	case p.Year == 0:
		return KindNone
	case p.Day != 0:
		return KindDay
	case p.Month != 0:
		return KindMonth
	case p.Quarter != 0:
		return KindQuarter
	case p.Half != 0:
		return KindHalf
	}
	return KindYear
}

// IsZero reports whether p is the zero (absent) period.
func (p Period) IsZero() bool { return p.Year == 0 }

// String is the normalised form: 2019, 2019-H1, 2019-Q2, 2019-05 or
// 2019-05-17; "" for zero.
func (p Period) String() string {
	switch p.Kind() {
	case KindNone:
		return ""
	case KindYear:
		return fmt.Sprintf("%04d", p.Year)
	case KindHalf:
		return fmt.Sprintf("%04d-H%d", p.Year, p.Half)
	case KindQuarter:
		return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
	case KindMonth:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.Month, p.Day)
}

// Compare orders periods by when they start; a coarser period sorts before
// the finer ones starting with it (2019 < 2019-H1 < 2019-Q1 < 2019-01 <
// 2019-01-01), and a quarter or half-year after the months before it
// (2019-03 < 2019-Q2 < 2019-04, 2019-06 < 2019-H2 < 2019-Q3).
func (p Period) Compare(q Period) int {
	for _, d := range [4][2]int{{p.Year, q.Year}, {p.startMonth(), q.startMonth()}, {p.Day, q.Day}, {int(p.Kind()), int(q.Kind())}} {
		if d[0] != d[1] {
			if d[0] < d[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// startMonth is the first month the period covers, 0 for a year.
func (p Period) startMonth() int {
	switch {
	case p.Month != 0:
		return p.Month
	case p.Quarter != 0:
		return 3*p.Quarter - 2
	case p.Half != 0:
		return 6*p.Half - 5
	}
	return 0
}

// Start is the first day the period covers: 2019-04-01 for 2019-Q2,
// 2019-07-01 for 2019-H2, 2019-01-01 for 2019. Zero for zero.
func (p Period) Start() (year, month, day int) {
	if p.IsZero() {
		return 0, 0, 0
	}
	return p.Year, max(p.startMonth(), 1), max(p.Day, 1)
}

// Less reports whether p sorts before q.
func (p Period) Less(q Period) bool { return p.Compare(q) < 0 }
