package analysis

import "fmt"

// Period is a reporting period: a year, a month or a day. Month and Day are
// zero when not given. The zero Period means "none".
type Period struct {
	Year, Month, Day int
}

// IsZero reports whether p is the zero (absent) period.
func (p Period) IsZero() bool { return p.Year == 0 }

// String is the normalised form: 2019, 2019-05 or 2019-05-17; "" for zero.
func (p Period) String() string {
	switch {
	case p.Year == 0:
		return ""
	case p.Month == 0:
		return fmt.Sprintf("%04d", p.Year)
	case p.Day == 0:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.Month, p.Day)
}

// Compare orders periods by time; a coarser period sorts before the finer
// ones it contains (2019 < 2019-01 < 2019-01-01).
func (p Period) Compare(q Period) int {
	for _, d := range [3][2]int{{p.Year, q.Year}, {p.Month, q.Month}, {p.Day, q.Day}} {
		if d[0] != d[1] {
			if d[0] < d[1] {
				return -1
			}
			return 1
		}
	}
	return 0
}

// Less reports whether p sorts before q.
func (p Period) Less(q Period) bool { return p.Compare(q) < 0 }
