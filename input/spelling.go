package input

import "github.com/basebrief/basebrief/analysis"

// spellAsWritten gives every place name of d the spelling cities.csv
// writes it with, where normalising changed more than its invisible
// characters (绵阳（科技城）, compared as 绵阳(科技城)): names are compared
// normalised and printed as the analyst wrote them, as the contract says
// ("the packet spells each name as cities.csv does"). Before, the packet
// printed the normalised form, full-width brackets made half-width.
func spellAsWritten(d *analysis.Dataset, n *names) {
	if len(n.shown) == 0 {
		return // nearly always: a map lookup per figure row is spared
	}
	for i := range d.Cities {
		c := &d.Cities[i]
		c.Name, c.Province, c.Region = n.spelled(c.Name), n.spelled(c.Province), n.spelled(c.Region)
	}
	for i := range d.Bases {
		b := &d.Bases[i]
		b.City, b.Province = n.spelled(b.City), n.spelled(b.Province)
	}
	for i := range d.Figures {
		f := &d.Figures[i]
		f.City, f.Province = n.spelled(f.City), n.spelled(f.Province)
	}
	for i := range d.History.Places {
		p := &d.History.Places[i]
		p.City, p.Province = n.spelled(p.City), n.spelled(p.Province)
	}
}
