package input

import "github.com/basebrief/basebrief/analysis"

// Every figures row's key (city or province, segment) is tested for
// duplicates within its period, whether or not the row is kept.

// dupSet remembers the first line of each key seen in one period: a dense
// array while their total stays within denseBudget, else a map that turns
// dense once a fair share of the keys is filled, so memory stays linear in
// the rows read however the periods are spread.
type dupSet struct {
	dense  []int32
	sparse map[int32]int32
}

// denseBudget bounds the memory of dense duplicate tables made up front:
// 2,800 cities × 5 segments × 4 bytes is 56 KiB a period, so about a
// thousand periods fit.
const denseBudget = 64 << 20

func (fr *figureReader) newDupSet() *dupSet {
	if bytes := fr.keys * 4; fr.denseBytes+bytes <= denseBudget {
		fr.denseBytes += bytes
		return &dupSet{dense: make([]int32, fr.keys)}
	}
	return &dupSet{}
}

func (d *dupSet) claim(k int32, line int32, keys int) int32 {
	if d.dense != nil {
		first := d.dense[k]
		if first == 0 {
			d.dense[k] = line
		}
		return first
	}
	if first, ok := d.sparse[k]; ok {
		return first
	}
	if d.sparse == nil {
		d.sparse = make(map[int32]int32)
	}
	d.sparse[k] = line
	if len(d.sparse) > keys/8 {
		d.dense = make([]int32, keys)
		for k, l := range d.sparse {
			d.dense[k] = l
		}
		d.sparse = nil
	}
	return 0
}

// dupsOf returns the duplicate set of period p, made when p is first seen:
// every period with a valid row is listed.
func (fr *figureReader) dupsOf(p analysis.Period) *dupSet {
	if fr.lastDups != nil && p == fr.lastDupsPeriod {
		return fr.lastDups
	}
	d := fr.dups[p]
	if d == nil {
		d = fr.newDupSet()
		fr.dups[p] = d
	}
	fr.lastDupsPeriod, fr.lastDups = p, d
	return d
}

// duplicate reports that f's key was seen before in its period, on line
// first.
func (fr *figureReader) duplicate(f, written analysis.Figure, first int32) {
	seg := "total"
	if f.Segment != analysis.SegmentAll {
		seg = f.Segment.Short()
	}
	if f.City == "" {
		fr.rep.errorOn(f.Line, colProvince, "duplicate province-level figure for %s, %s, %s, first on line %d%s, expected one figure per province, period and segment",
			f.Province, f.Period, seg, first, writtenAs(written.Province, f.Province))
		return
	}
	fr.rep.errorOn(f.Line, colCity, "duplicate figure for %s (%s), %s, %s, first on line %d%s, expected one figure per city, period and segment",
		f.City, f.Province, f.Period, seg, first, writtenAs(written.City, f.City))
}

// writtenAs says how a row wrote a name cities.csv spells otherwise (成都
// for 成都市): the reason two rows' keys met.
func writtenAs(written, spelled string) string {
	if w := trim(written); w != spelled {
		return " (written " + visible(w) + " on this row)"
	}
	return ""
}
