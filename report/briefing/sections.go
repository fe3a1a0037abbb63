package briefing

import (
	"bytes"
	"fmt"
	"image"
	_ "image/png" // chart PNGs: DecodeConfig needs the decoder
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

func (d *doc) words() words { return words{d.lang} }

// kf is one cell of the key-figures block.
type kf struct{ value, label, note string }

// keyFigures sets the block of headline numbers and the largest cities.
func (d *doc) keyFigures(c *analysis.Comparison) {
	w := d.words()
	t := c.Totals
	d.heading(1, d.t("主要数据", "Key figures"))
	provNote := w.scope(c)
	items := []kf{
		{strconv.Itoa(t.Provinces), d.t("省区市", "provinces"), provNote},
		{strconv.Itoa(t.Cities), d.t("城市", "cities"), d.t(fmt.Sprintf("试点%d · 推广%d", t.PilotCities, t.PromotionCities), fmt.Sprintf("%d pilot · %d promotion", t.PilotCities, t.PromotionCities))},
		{strconv.Itoa(t.Bases), d.t("实践创新基地", "innovation bases"), d.t(fmt.Sprintf("其中重点项目%d个", t.KeyProjects), fmt.Sprintf("%d key projects", t.KeyProjects))},
		{w.people(t.Members), d.t("新的社会阶层人士", "new social strata members"), d.t(fmt.Sprintf("%d个城市中%d个报告", t.Cities, t.ReportingCities), fmt.Sprintf("%d of %d cities report", t.ReportingCities, t.Cities))},
	}
	if !c.Previous.IsZero() {
		v := "—"
		if t.Members != nil && t.PreviousMembers != nil {
			v = vocab.Signed(*t.Members-*t.PreviousMembers, d.lang)
		}
		items = append(items, kf{v, d.t("较上期", "change"), d.t("上期", "previous ") + w.people(t.PreviousMembers)})
	}
	d.kfGrid(items)
	var top []string
	for i, ct := range reporting(c) {
		if i == 5 {
			break
		}
		top = append(top, ct.City+" "+w.people(ct.Members))
	}
	if len(top) > 0 {
		p := d.body()
		d.paragraph(d.t("人数最多的城市：", "Largest cities: ")+w.list(top, 0)+d.t("。", "."), p)
	}
}

// kfGrid draws the key figures as a row of boxes: the number large, the
// label and a note under it.
func (d *doc) kfGrid(items []kf) {
	const gap, pad = 3.0, 2.5
	n := len(items)
	bw := (areaW - gap*float64(n-1)) / float64(n)
	inner := bw - 2*pad
	valH, labH, noteH := 24*1.25*ptMM, 11*1.4*ptMM, 9.5*1.4*ptMM
	most := 0.0
	for _, it := range items {
		d.font(11, black)
		h := float64(len(lineTexts(it.label, inner, inner, d.width))) * labH
		d.font(9.5, grey)
		h += float64(len(lineTexts(it.note, inner, inner, d.width))) * noteH
		most = max(most, h)
	}
	bh := 2*pad + valH + most
	d.ensure(bh + 4)
	for i, it := range items {
		x := marginL + float64(i)*(bw+gap)
		d.pdf.SetFillColor(250, 243, 243)
		d.pdf.SetDrawColor(red[0], red[1], red[2])
		d.pdf.SetLineWidth(0.6 * ptMM)
		d.pdf.Rect(x, d.y, bw, bh, "FD")
		y := d.y + pad
		size := 24.0
		d.font(size, red)
		for d.width(it.value) > inner && size > 10 {
			size--
			d.font(size, red)
		}
		d.text(x+(bw-d.width(it.value))/2, d.baseline(y, valH), it.value, true, 0)
		y += valH
		d.font(11, black)
		for _, l := range lineTexts(it.label, inner, inner, d.width) {
			d.text(x+(bw-d.width(l))/2, d.baseline(y, labH), l, false, 0)
			y += labH
		}
		d.font(9.5, grey)
		for _, l := range lineTexts(it.note, inner, inner, d.width) {
			d.text(x+(bw-d.width(l))/2, d.baseline(y, noteH), l, false, 0)
			y += noteH
		}
	}
	d.y += bh + 4
}

// narrative sets the analyst's summary.
func (d *doc) narrative(c *analysis.Comparison) {
	d.heading(1, d.t("基本情况", "Summary"))
	for _, s := range narrativeText(c, d.lang) {
		d.paragraph(s, d.body())
	}
}

// provinceOrder lists the provinces region by region (regions in the
// comparison's order), each region's provinces in the comparison's order.
func provinceOrder(c *analysis.Comparison) []analysis.ProvinceRow {
	var out []analysis.ProvinceRow
	for _, r := range c.Regions {
		for _, p := range c.Provinces {
			if p.Region == r.Region {
				out = append(out, p)
			}
		}
	}
	return out
}

// citiesInSections lists the cities in the order the province sections
// give them.
func citiesInSections(c *analysis.Comparison) []analysis.CityRow {
	var out []analysis.CityRow
	for _, p := range provinceOrder(c) {
		listed, quiet := sectionCities(c, p)
		out = append(append(out, listed...), quiet...)
	}
	return out
}

// sectionCities splits a province's cities into those told one by one
// and the quiet ones (no figure, no base) named together at the end, so
// national data does not fill pages with "no figure, no base".
func sectionCities(c *analysis.Comparison, p analysis.ProvinceRow) (listed, quiet []analysis.CityRow) {
	all := citiesOf(c, p)
	if len(all) == 1 {
		return all, nil
	}
	for _, ct := range all {
		if ct.Members == nil && ct.Bases == 0 {
			quiet = append(quiet, ct)
		} else {
			listed = append(listed, ct)
		}
	}
	return listed, quiet
}

func citiesOf(c *analysis.Comparison, p analysis.ProvinceRow) []analysis.CityRow {
	var out []analysis.CityRow
	for _, ct := range c.Cities {
		if ct.Province == p.Province && ct.Region == p.Region {
			out = append(out, ct)
		}
	}
	return out
}

// provinces sets one section per province: its figures, then each city
// with its named bases.
func (d *doc) provinces(c *analysis.Comparison) {
	w := d.words()
	d.heading(1, d.t("各省区市情况", "Provinces and cities"))
	multi := len(c.Regions) > 1
	bases := basesByCity(c)
	for _, p := range provinceOrder(c) {
		title := p.Province
		if multi {
			title += d.t("（"+p.Region+"）", " ("+p.Region+")")
		}
		d.heading(2, title)
		cities, quiet := sectionCities(c, p)
		// A one-city province (a municipality, or one city listed) is
		// told through its city; the province line would repeat it.
		single := len(cities) == 1 && len(quiet) == 0 && !p.ProvinceLevel
		if !single {
			d.paragraph(w.provinceText(p), d.body())
		}
		for i, ct := range cities {
			num := fmt.Sprintf(d.t("%d.", "%d. "), i+1)
			if single {
				num = ""
			}
			d.paragraph(num+w.cityText(ct, bases[cityKey{ct.Province, ct.City}]), d.body())
		}
		if len(quiet) > 0 {
			var names []string
			for _, ct := range quiet {
				names = append(names, ct.City)
			}
			lead := w.t("另有", "")
			if len(cities) == 0 {
				lead = w.t("所列", "All ")
			}
			d.paragraph(w.t(fmt.Sprintf("%s%d个城市本期没有人数，也尚无记录在册的基地：%s。", lead, len(quiet), w.list(names, 0)),
				fmt.Sprintf("%s%s: no members figure for the period and no base on record.", lead, w.list(names, 0))), d.body())
		}
	}
}

type cityKey struct{ province, city string }

// basesByCity groups the bases by city, each city's in record order; one
// pass, where a scan per city would cost cities × bases at national size.
func basesByCity(c *analysis.Comparison) map[cityKey][]analysis.Base {
	out := map[cityKey][]analysis.Base{}
	for _, b := range c.Bases {
		k := cityKey{b.Province, b.City}
		out[k] = append(out[k], b)
	}
	return out
}

func (w words) provinceText(p analysis.ProvinceRow) string {
	var tiers []string
	if p.PilotCities > 0 {
		tiers = append(tiers, w.t(fmt.Sprintf("试点%d个", p.PilotCities), fmt.Sprintf("%d pilot", p.PilotCities)))
	}
	if p.PromotionCities > 0 {
		tiers = append(tiers, w.t(fmt.Sprintf("推广%d个", p.PromotionCities), fmt.Sprintf("%d promotion", p.PromotionCities)))
	}
	ts := ""
	if len(tiers) > 0 {
		ts = w.t("（"+strings.Join(tiers, "、")+"）", " ("+strings.Join(tiers, ", ")+")")
	}
	key := ""
	if p.KeyProjects > 0 {
		key = w.t(fmt.Sprintf("，其中重点项目%d个", p.KeyProjects), fmt.Sprintf(", %d of them key projects", p.KeyProjects))
	}
	s := w.t(fmt.Sprintf("%s列入名录的城市%d个%s，实践创新基地%d个%s。", p.Province, p.Cities, ts, p.Bases, key),
		fmt.Sprintf("%s has %s listed%s and %s%s. ", p.Province, w.plural(p.Cities, "", "city", "cities"), ts, w.plural(p.Bases, "", "innovation base", "innovation bases"), key))
	if p.Members == nil {
		return s + w.t("本期没有人数。", "No members figure for the period.")
	}
	level := ""
	if p.ProvinceLevel {
		level = w.t("（省级数字）", " (province-level figure)")
	}
	s += w.t(fmt.Sprintf("新的社会阶层人士%s%s", w.people(p.Members), level), fmt.Sprintf("New social strata members: %s%s", w.people(p.Members), level))
	if p.ShareOfRegion != nil && p.RankInRegion != nil {
		s += w.t(fmt.Sprintf("，占%s的%s，居%s", p.Region, vocab.Percent(*p.ShareOfRegion), w.ordinal(*p.RankInRegion)),
			fmt.Sprintf(", %s of %s, %s in the region", vocab.Percent(*p.ShareOfRegion), p.Region, w.ordinal(*p.RankInRegion)))
	}
	return s + w.t("。", ".")
}

func (w words) cityText(ct analysis.CityRow, bases []analysis.Base) string {
	var b strings.Builder
	b.WriteString(ct.City)
	if t := w.tier(ct.Tier); t != "" {
		b.WriteString(w.t("（"+t+"）", " ("+t+")"))
	}
	b.WriteString(w.t("。", ". "))
	if ct.Members == nil {
		b.WriteString(w.t("本期没有人数。", "No members figure for the period. "))
	} else {
		b.WriteString(w.t("新的社会阶层人士"+w.people(ct.Members), "Members: "+w.people(ct.Members)))
		if ct.ShareOfRegion != nil && ct.RankInRegion != nil {
			b.WriteString(w.t(fmt.Sprintf("，占%s的%s，居%s", ct.Region, vocab.Percent(*ct.ShareOfRegion), w.ordinal(*ct.RankInRegion)),
				fmt.Sprintf(", %s of %s, %s in the region", vocab.Percent(*ct.ShareOfRegion), ct.Region, w.ordinal(*ct.RankInRegion))))
		}
		if ct.Change != nil {
			b.WriteString(w.t("；较上期"+w.change(ct.Change, ct.ChangeRatio), "; change "+w.change(ct.Change, ct.ChangeRatio)))
		}
		b.WriteString(w.t("。", ". "))
	}
	if len(bases) == 0 {
		b.WriteString(w.t("尚无记录在册的基地。", "No base on record."))
		return b.String()
	}
	b.WriteString(w.t(fmt.Sprintf("基地%d个", ct.Bases), fmt.Sprintf("Bases (%d", ct.Bases)))
	if ct.KeyProjects > 0 {
		b.WriteString(w.t(fmt.Sprintf("，其中重点项目%d个", ct.KeyProjects), fmt.Sprintf(", %d key projects", ct.KeyProjects)))
	}
	b.WriteString(w.t("：", "): "))
	for i, base := range bases {
		if i > 0 {
			b.WriteString(w.t("；", "; "))
		}
		b.WriteString(w.baseText(base))
	}
	b.WriteString(w.t("。", "."))
	return b.String()
}

// baseText names a base with its batch and field: 名称（第二批重点项目），领域.
// The field follows after a comma, as it often carries brackets itself.
func (w words) baseText(b analysis.Base) string {
	s := b.Name
	if b.Batch > 0 {
		s += w.t("（"+w.batch(b.Batch)+"重点项目）", " (key project, "+w.batch(b.Batch)+")")
	}
	if b.Kind != "" {
		s += w.t("，", ", ") + b.Kind
	}
	return s
}

// charts places each chart across the type area at no less than 200 dpi,
// with a numbered caption under it.
func (d *doc) charts(figs []Figure) {
	d.heading(1, d.t("图表", "Charts"))
	for i, f := range figs {
		cfg, _, err := image.DecodeConfig(bytes.NewReader(f.PNG))
		if err != nil || cfg.Width == 0 {
			d.paragraph(fmt.Sprintf(d.t("（图“%s”无法读取，未能插入。）", "(Chart \"%s\" could not be read and is left out.)"), f.Title), d.body())
			continue
		}
		w := min(areaW, float64(cfg.Width)/200*25.4)
		h := w * float64(cfg.Height) / float64(cfg.Width)
		capH := 12 * 1.8 * ptMM
		if h > areaH-capH-10 {
			h = areaH - capH - 10
			w = h * float64(cfg.Width) / float64(cfg.Height)
		}
		// Shrink a little rather than leave most of a page empty.
		if room := d.room() - capH - 2; room < h && room >= 0.7*h {
			w, h = w*room/h, room
		}
		d.ensure(h + capH + 2)
		name := fmt.Sprintf("chart-%d-%s", i, f.Name)
		d.pdf.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(f.PNG))
		d.bookmark(f.Title, 1)
		d.pdf.ImageOptions(name, marginL+(areaW-w)/2, d.y, w, h, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
		d.y += h + 1
		d.figures++
		d.font(12, black)
		p := para{size: 12, pitch: 12 * 1.8, colour: black, align: "C"}
		d.paragraph(fmt.Sprintf(d.t("图%d  %s", "Figure %d  %s"), d.figures, f.Title), p)
		d.skip(4)
	}
}
