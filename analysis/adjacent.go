package analysis

import "time"

// Next is the period of p's kind right after p: 2019-06 after 2019-05,
// 2019-Q3 after 2019-Q2, 2020-H1 after 2019-H2, 2020 after 2019, 2019-05-18 after 2019-05-17.
// Zero for zero and for a kind it does not know.
func (p Period) Next() Period {
	switch p.Kind() {
	case KindYear:
		return Period{Year: p.Year + 1}
	case KindHalf:
		if p.Half == 2 {
			return Period{Year: p.Year + 1, Half: 1}
		}
		return Period{Year: p.Year, Half: 2}
	case KindQuarter:
		if p.Quarter == 4 {
			return Period{Year: p.Year + 1, Quarter: 1}
		}
		return Period{Year: p.Year, Quarter: p.Quarter + 1}
	case KindMonth:
		if p.Month == 12 {
			return Period{Year: p.Year + 1, Month: 1}
		}
		return Period{Year: p.Year, Month: p.Month + 1}
	case KindDay:
		t := time.Date(p.Year, time.Month(p.Month), p.Day+1, 0, 0, 0, 0, time.UTC)
		return Period{Year: t.Year(), Month: int(t.Month()), Day: t.Day()}
	}
	return Period{}
}

// Adjacent reports whether prev is the period right before p, so a change
// against it may be called 比上月 / 比上季度 / 比上年 (环比); otherwise the
// text names prev (比2019年3月) and a gap is said.
func (p Period) Adjacent(prev Period) bool {
	n := prev.Next()
	return !n.IsZero() && n == p
}
