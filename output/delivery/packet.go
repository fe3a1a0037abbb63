package delivery

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/basebrief/basebrief/output"
)

// Packet is a written packet as delivery reads it: its manifest, what its
// masthead and summary say, and its files, checked against the manifest
// before they are sent.
type Packet struct {
	Dir      string
	Manifest output.Manifest
	listed   map[string]output.FileEntry
	// charts are the chart files basebrief may draw (charts/NAME.png and
	// .svg, Options.Charts): one this packet lacks was not drawn for its
	// data, and is left out of a mail rather than failing it.
	charts map[string]bool
}

// Edition is what one mail or notice is about: the whole packet or one of
// its slices.
type Edition struct {
	Slice   string // "" for the whole packet
	Subject string // 新的社会阶层人士统战工作简报 第12期（2019年）, then the slice's name
	Lead    string // the 导语: the first paragraph of the narrative
	// Base names the attachments: 新的社会阶层人士统战工作简报第12期 gives
	// 新的社会阶层人士统战工作简报第12期.pdf.
	Base   string
	prefix string // "" or "slices/四川/"
	en     bool
}

// OpenPacket reads dir's manifest. It fails on a folder that is not a
// basebrief packet.
func OpenPacket(dir string) (*Packet, error) {
	b, err := os.ReadFile(filepath.Join(dir, output.ManifestName))
	if err != nil {
		return nil, fmt.Errorf("read packet %s: %w (is it a packet folder written by basebrief run?)", dir, err)
	}
	p := &Packet{Dir: dir, listed: map[string]output.FileEntry{}}
	if err := json.Unmarshal(b, &p.Manifest); err != nil {
		return nil, fmt.Errorf("read %s: %w", filepath.Join(dir, output.ManifestName), err)
	}
	if p.Manifest.Tool != output.Tool {
		return nil, fmt.Errorf("%s: tool %q, not a basebrief packet", filepath.Join(dir, output.ManifestName), p.Manifest.Tool)
	}
	for _, f := range p.Manifest.Files {
		p.listed[f.Path] = f
	}
	return p, nil
}

// Slices lists the packet's slices: the folders under slices/ that its
// manifest lists, in the manifest's order (by path).
func (p *Packet) Slices() []string {
	var out []string
	for _, f := range p.Manifest.Files {
		rest, ok := strings.CutPrefix(f.Path, "slices/")
		if !ok {
			continue
		}
		if name, _, ok := strings.Cut(rest, "/"); ok && (len(out) == 0 || out[len(out)-1] != name) {
			out = append(out, name)
		}
	}
	return out
}

// Edition reads what the mail about slice ("" for the whole packet) says.
func (p *Packet) Edition(slice string) (*Edition, error) {
	e := &Edition{Slice: slice, en: p.Manifest.Lang == "en"}
	if slice != "" {
		if strings.ContainsAny(slice, `/\`) || slice == "." || slice == ".." {
			return nil, fmt.Errorf("slice %q: expected a province or region name", slice)
		}
		e.prefix = "slices/" + slice + "/"
		if _, ok := p.listed[e.prefix+"summary.json"]; !ok {
			if known := p.Slices(); len(known) > 0 {
				return nil, fmt.Errorf("slice %q: the packet has no %s; its slices are %s", slice, e.prefix, strings.Join(known, ", "))
			}
			return nil, fmt.Errorf("slice %q: the packet has no %s; write it with basebrief run --slices province (or region)", slice, e.prefix)
		}
	}
	m := p.Manifest.Masthead
	if m == nil { // a packet from before the masthead was recorded
		m = &output.Masthead{Title: "新的社会阶层人士统战工作简报", Period: p.Manifest.Period}
		if e.en {
			m.Title = "New Social Strata Work Briefing"
		}
	}
	e.Subject, e.Base = m.Title, m.Title
	if m.Issue != "" {
		e.Subject += " " + m.Issue
		if e.en {
			e.Base += " " + m.Issue
		} else {
			e.Base += m.Issue
		}
	}
	if m.Period != "" {
		if e.en {
			e.Subject += " (" + m.Period + ")"
		} else {
			e.Subject += "（" + m.Period + "）"
		}
	}
	if slice != "" {
		e.Subject += " · " + slice
		if e.en {
			e.Base += " (" + slice + ")"
		} else {
			e.Base += "（" + slice + "）"
		}
	}
	data, err := p.read(e.prefix + "summary.json")
	if err != nil {
		return nil, err
	}
	var s struct {
		Narrative []struct {
			Text string `json:"text"`
		} `json:"narrative"`
	}
	if err := json.Unmarshal(data, &s); err != nil {
		return nil, fmt.Errorf("read %s: %w", e.prefix+"summary.json", err)
	}
	if len(s.Narrative) > 0 {
		e.Lead = s.Narrative[0].Text
	}
	return e, nil
}

// Attachment is one packet file as it is mailed.
type Attachment struct {
	Path string // in the packet, e.g. slices/四川/briefing.pdf
	Name string // as the reader sees it, e.g. 新的社会阶层人士统战工作简报第12期.pdf
	Data []byte
}

// Attachments reads e's files, named for the reader. A file the manifest
// does not list, or whose bytes differ from it, is an error: what is
// mailed is what basebrief wrote. The exception is a chart basebrief draws
// only where the data hold what it compares (one bar compares nothing, no
// year-ago figures, …): named in delivery.toml once for every month and
// slice, it is absent from some packets, and is returned in undrawn, for
// the mail to say so, instead of failing the whole delivery.
func (p *Packet) Attachments(e *Edition, files []string) (atts []Attachment, undrawn []string, err error) {
	atts = make([]Attachment, 0, len(files))
	for _, f := range files {
		if _, ok := p.listed[e.prefix+f]; !ok && p.charts[f] {
			undrawn = append(undrawn, e.prefix+f)
			continue
		}
		data, err := p.read(e.prefix + f)
		if err != nil {
			return nil, nil, err
		}
		atts = append(atts, Attachment{Path: e.prefix + f, Name: e.fileName(f), Data: data})
	}
	return atts, undrawn, nil
}

// knowCharts records the chart names basebrief may draw.
func (p *Packet) knowCharts(names []string) {
	p.charts = map[string]bool{}
	for _, n := range names {
		p.charts["charts/"+n+".png"] = true
		p.charts["charts/"+n+".svg"] = true
	}
}

// Size is a packet file's size from the manifest, -1 if it is not listed.
func (p *Packet) Size(e *Edition, f string) int64 {
	if fe, ok := p.listed[e.prefix+f]; ok {
		return fe.Size
	}
	return -1
}

// fileName is the name a packet file is mailed under: the briefing, its
// Word twin, the workbook and the annex are named after the masthead; any
// other file keeps its own base name.
func (e *Edition) fileName(f string) string {
	ext := path.Ext(f)
	suffix := map[string][2]string{
		"briefing.pdf":  {"", ""},
		"briefing.docx": {"", ""},
		"workbook.xlsx": {"数据", " data"},
		"annex.pdf":     {"数据说明", " notes"},
	}
	s, ok := suffix[f]
	if !ok {
		return path.Base(f)
	}
	if e.en {
		return e.Base + s[1] + ext
	}
	return e.Base + s[0] + ext
}

// read returns a listed file's bytes after checking them against the
// manifest.
func (p *Packet) read(rel string) ([]byte, error) {
	fe, ok := p.listed[rel]
	if !ok {
		return nil, fmt.Errorf("%s is not in the packet's manifest; name a file the packet holds (see %s)", rel, output.ManifestName)
	}
	data, err := os.ReadFile(filepath.Join(p.Dir, filepath.FromSlash(rel)))
	if err != nil {
		return nil, fmt.Errorf("read packet file: %w", err)
	}
	if !fe.Matches(data) {
		return nil, fmt.Errorf("packet file %s differs from the manifest (edited or damaged since it was written); run basebrief again", rel)
	}
	return data, nil
}
