package analysis

// Which periods a comparison reads: the compared one, the previous one of
// the same kind, the one a year before, and the series up to the compared
// one. Sub-annual data viewed by a coarser period (--period 2019 on monthly
// figures) reads each period's last sub-period present: its end snapshot.

// YearAgo is the same period one year earlier: 2018-05 for 2019-05,
// 2018-Q2 for 2019-Q2, 2018-H1 for 2019-H1, 2018 for 2019. Zero for zero.
func (p Period) YearAgo() Period {
	if p.IsZero() {
		return p
	}
	p.Year--
	return p
}

// In is the period of kind k that holds p: 2019-Q2 for 2019-05-17 and
// kind quarter, 2019-H1 for 2019-Q2 and kind half. A k finer than p's own kind gives p itself.
func (p Period) In(k PeriodKind) Period {
	if p.IsZero() || k >= p.Kind() {
		return p
	}
	switch k {
	case KindYear:
		return Period{Year: p.Year}
	case KindHalf:
		return Period{Year: p.Year, Half: (p.startMonth()-1)/6 + 1}
	case KindQuarter:
		return Period{Year: p.Year, Quarter: (p.startMonth()-1)/3 + 1}
	case KindMonth:
		return Period{Year: p.Year, Month: p.Month}
	}
	return p
}

// viewPoint is one period of the compared kind and the history period
// whose figures stand for it: itself, or its last sub-period present.
type viewPoint struct {
	period, source Period
	hist           int // index into History.Periods
}

// view is the periods a comparison reads.
type view struct {
	snapshot bool        // the points' figures are end snapshots of a finer kind
	points   []viewPoint // every period of the compared kind up to it, ascending
	cur      int         // index into points of the compared period, -1 if it has no figures
	prev     int         // of the previous period, -1 if none
	yoy      int         // of the year-ago period, -1 if none
}

func (v view) at(i int) viewPoint {
	if i < 0 {
		return viewPoint{hist: -1}
	}
	return v.points[i]
}

// planView finds the periods compared for p in h. When h holds p itself,
// the points are h's periods of p's kind; otherwise the coarsest kind finer
// than p's with a period inside p supplies each point's end snapshot (the
// last month of each year present, for years over monthly data).
func planView(h *History, p Period) view {
	v := view{cur: -1, prev: -1, yoy: -1}
	if p.IsZero() {
		return v
	}
	k := p.Kind()
	if h.find(p) >= 0 {
		for i := range h.Periods {
			q := h.Periods[i].Period
			if q.Kind() == k && q.Compare(p) <= 0 {
				v.points = append(v.points, viewPoint{q, q, i})
			}
		}
	} else {
		src := KindNone
		for i := range h.Periods {
			q := h.Periods[i].Period
			if q.Kind() > k && q.In(k) == p && (src == KindNone || q.Kind() < src) {
				src = q.Kind()
			}
		}
		if src == KindNone {
			return v
		}
		v.snapshot = true
		for i := range h.Periods {
			q := h.Periods[i].Period
			if q.Kind() != src {
				continue
			}
			at := q.In(k)
			if at.Compare(p) > 0 {
				break // h is ascending
			}
			// h is ascending, so the last sub-period of at seen is its end.
			if n := len(v.points); n > 0 && v.points[n-1].period == at {
				v.points[n-1] = viewPoint{at, q, i}
			} else {
				v.points = append(v.points, viewPoint{at, q, i})
			}
		}
	}
	v.cur = len(v.points) - 1
	v.prev = v.cur - 1
	ago := p.YearAgo()
	for i, pt := range v.points {
		if pt.period == ago {
			v.yoy = i
		}
	}
	return v
}
