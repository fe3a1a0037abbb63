package briefing

import (
	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
	"github.com/basebrief/basebrief/report/document"
)

// regionTable sets the regions of data with many provinces as one table:
// each region's provinces, cities, reporting cities, members, its
// like-for-like change, and its largest province and city. A paragraph a
// region took two and a half pages at 31 provinces; the table takes a
// third of one, and its 合计 is the briefing's total.
func (b *builder) regionTable() document.Table {
	c := b.c
	prev := !c.Previous.IsZero()
	t := document.Table{Caption: b.T("各片区新的社会阶层人士和实践创新基地（"+b.period(c.Period)+"）",
		"New social strata members and innovation bases by region, "+b.period(c.Period))}
	t.Header = []string{b.T("片区", "Region"), b.T("省区市", "Provinces"), b.T("城市", "Cities"), b.T("报送城市", "Reporting"),
		b.T("基地", "Bases"), b.T("人数", "Members")}
	t.Align = []document.Align{L, R, R, R, R, R}
	if prev {
		n := b.narrator()
		word := vocab.Sequential(n.kind(), n.adjacent(), b.period(c.Previous), b.lang)
		t.Header = append(t.Header, b.T(word+"增减", "Change"), b.T(word+"增减率", "Change %"))
		t.Align = append(t.Align, R, R)
	}
	t.Header = append(t.Header, b.T("人数最多的省区市", "Largest province"), b.T("人数最多的城市", "Largest city"))
	t.Align = append(t.Align, L, L)
	// Each column of figures in one form (English: 0.95m beside 1.73m,
	// not 954,969 beside 1.73m).
	tt := c.Totals
	var members, provTops, cityTops []*int64
	for _, r := range b.idx.regions0 {
		members = append(members, r.Members)
		_, top := largestProvince(b.idx.regions[r.Region])
		provTops = append(provTops, top)
		if top := largestCity(b.idx.regCities[r.Region]); len(top) > 0 {
			cityTops = append(cityTops, top[0].Members)
		}
	}
	form := vocab.FormFor(append(members, tt.Members), b.lang)
	provForm, cityForm := vocab.FormFor(provTops, b.lang), vocab.FormFor(cityTops, b.lang)
	for _, r := range b.idx.regions0 {
		row := []string{r.Region, b.Number(r.Provinces), b.Number(r.Cities), b.Number(r.ReportingCities),
			b.Number(r.Bases), form.CellPtr(r.Members)}
		if prev {
			row = append(row, b.comparableCells(r.Comparable)...)
		}
		row = append(row, b.largestProvinceCell(b.idx.regions[r.Region], provForm), b.largestCityCell(b.idx.regCities[r.Region], cityForm))
		t.Rows = append(t.Rows, row)
	}
	row := []string{b.T("合计", "Total"), b.Number(tt.Provinces), b.Number(tt.Cities), b.Number(tt.ReportingCities),
		b.Number(tt.Bases), form.CellPtr(tt.Members)}
	if prev {
		row = append(row, b.comparableCells(tt.Comparable)...)
	}
	row = append(row, "", "")
	t.Emphasis = map[int]bool{len(t.Rows): true}
	t.Rows = append(t.Rows, row)
	if s := b.provinceLevel(c.Provinces); s != "" {
		t.Notes = append(t.Notes, b.T("注：片区人数为所辖省区市人数之和，", "Note: a region's members are its provinces' sum. ")+s+b.end())
	}
	if tt.ReportingCities == tt.Cities {
		// Every city reported (page 1 says so): the reporting column
		// would repeat the cities'. Ten columns did not fit Word's
		// type area with the headings whole (Pr/ovi/nc/es, Repor/ting).
		dropColumn(&t, 3)
	}
	return t
}

// dropColumn removes column i from t's header, alignments and rows.
func dropColumn(t *document.Table, i int) {
	cut := func(xs []string) []string {
		if i < len(xs) {
			return append(xs[:i:i], xs[i+1:]...)
		}
		return xs
	}
	t.Header = cut(t.Header)
	if i < len(t.Align) {
		t.Align = append(t.Align[:i:i], t.Align[i+1:]...)
	}
	for r := range t.Rows {
		t.Rows[r] = cut(t.Rows[r])
	}
}

// largestProvince finds the province (or the tied provinces) with the
// most members, and their figure (nil where none reports).
func largestProvince(provs []analysis.ProvinceRow) ([]string, *int64) {
	var names []string
	var top *int64
	for _, p := range provs {
		switch {
		case p.Members == nil:
		case top == nil || *p.Members > *top:
			top, names = p.Members, []string{p.Province}
		case *p.Members == *top:
			names = append(names, p.Province)
		}
	}
	return names, top
}

// largestProvinceCell names the province (or the tied provinces) with the
// most members: "四川（82.7万）", "—" where none reports.
func (b *builder) largestProvinceCell(provs []analysis.ProvinceRow, form vocab.Form) string {
	names, top := largestProvince(provs)
	if top == nil {
		return "—"
	}
	return b.list(names, 3) + b.paren(form.CellPtr(top))
}

// largestCity is the city (or the tied cities) with the most members;
// none where none reports.
func largestCity(cities []*analysis.CityRow) []*analysis.CityRow {
	var with []*analysis.CityRow
	for _, ct := range cities {
		if ct.Members != nil {
			with = append(with, ct)
		}
	}
	if len(with) == 0 {
		return nil
	}
	top, _ := tiedCities(with)
	return top
}

// largestCityCell is largestProvinceCell for cities (members descending).
func (b *builder) largestCityCell(cities []*analysis.CityRow, form vocab.Form) string {
	top := largestCity(cities)
	if len(top) == 0 {
		return "—"
	}
	var names []string
	for _, ct := range top {
		names = append(names, ct.City)
	}
	return b.list(names, 3) + b.paren(form.CellPtr(top[0].Members))
}
