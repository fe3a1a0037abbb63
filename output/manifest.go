package output

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"time"

	"github.com/basebrief/basebrief/internal/par"
)

// ManifestName is the manifest's name in the packet.
const ManifestName = "manifest.json"

// Tool is the tool name recorded in every manifest; Write refuses to replace
// a folder whose manifest names another.
const Tool = "basebrief"

// ManifestInfo is what the caller knows about a run, for the manifest.
type ManifestInfo struct {
	Version  string    // tool version, e.g. "v1.2.0" or "dev"
	Created  time.Time // from SOURCE_DATE_EPOCH; zero: omitted
	Data     string    // "embedded" (the default dataset) or "folder"; no paths
	Period   string    // the period compared, normalised
	Previous string    // the period before it, "" if none
	Region   string    // the --region filter, "" for all
	Lang     string    // "zh" or "en"
	Masthead *Masthead // the briefing's title line, for mail subjects; nil: omitted
	Inputs   []Input
	// Counts are the record counts of the run, e.g. "cities": 10. Keys are
	// written sorted (encoding/json sorts map keys).
	Counts map[string]int
	// Warnings of the run, written sorted.
	Warnings []string
}

// Input is one input file as read.
type Input struct {
	Name     string `json:"name"` // base name, e.g. "figures.csv"
	SHA256   string `json:"sha256"`
	Encoding string `json:"encoding"` // "UTF-8", "UTF-8 BOM", "GB18030"
	Rows     int    `json:"rows"`     // data rows, header excluded
	Skipped  int    `json:"skipped"`  // blank rows skipped
}

// Masthead is the briefing's masthead as its readers see it, so a program
// sending the packet can name it: 新的社会阶层人士统战工作简报, 第12期, 2019年.
type Masthead struct {
	Title  string `json:"title"`
	Issue  string `json:"issue"`
	Period string `json:"period"`
}

// FileEntry is one file of the packet.
type FileEntry struct {
	Path   string `json:"path"`
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// Matches reports whether data is the file the entry lists: its size and
// SHA-256. Verify and delivery both check a packet file this way.
func (f FileEntry) Matches(data []byte) bool {
	sum := sha256.Sum256(data)
	return int64(len(data)) == f.Size && hex.EncodeToString(sum[:]) == f.SHA256
}

// Manifest is manifest.json. Every list is sorted and nothing depends on
// the clock or the machine, so equal runs give equal bytes.
type Manifest struct {
	Tool     string         `json:"tool"`
	Version  string         `json:"version"`
	Created  string         `json:"created,omitempty"` // RFC 3339, UTC
	Data     string         `json:"data,omitempty"`
	Period   string         `json:"period"`
	Previous *string        `json:"previous_period"`
	Region   *string        `json:"region"`
	Lang     string         `json:"lang,omitempty"`
	Masthead *Masthead      `json:"masthead,omitempty"`
	Inputs   []Input        `json:"inputs"`
	Counts   map[string]int `json:"counts"`
	Warnings []string       `json:"warnings"`
	Files    []FileEntry    `json:"files"` // every file but manifest.json, by path
}

// NewManifest describes files (the packet without its manifest) and info.
func NewManifest(files []File, info ManifestInfo) Manifest {
	entries := make([]FileEntry, len(files))
	// On every core: hashing a large packet is the write's longest step.
	par.Each(len(files), runtime.GOMAXPROCS(0), func(i int) {
		sum := sha256.Sum256(files[i].Data)
		entries[i] = FileEntry{files[i].Path, int64(len(files[i].Data)), hex.EncodeToString(sum[:])}
	})
	return newManifest(entries, info)
}

// newManifest describes the files entries lists, each with its size and
// SHA-256 (the packet without its manifest), and info. entries is sorted
// in place.
func newManifest(entries []FileEntry, info ManifestInfo) Manifest {
	m := Manifest{
		Tool:     Tool,
		Version:  info.Version,
		Data:     info.Data,
		Period:   info.Period,
		Lang:     info.Lang,
		Masthead: info.Masthead,
		Inputs:   append([]Input{}, info.Inputs...),
		Counts:   map[string]int{},
		Warnings: append([]string{}, info.Warnings...),
		Files:    entries,
	}
	if m.Files == nil {
		m.Files = []FileEntry{} // "files": [], not null
	}
	if !info.Created.IsZero() {
		m.Created = info.Created.UTC().Format(time.RFC3339)
	}
	if info.Previous != "" {
		m.Previous = &info.Previous
	}
	if info.Region != "" {
		m.Region = &info.Region
	}
	for k, v := range info.Counts {
		m.Counts[k] = v
	}
	sort.Slice(m.Inputs, func(i, j int) bool { return m.Inputs[i].Name < m.Inputs[j].Name })
	sort.Strings(m.Warnings)
	sort.Slice(m.Files, func(i, j int) bool { return m.Files[i].Path < m.Files[j].Path })
	return m
}

// listing is every file of the packet whose manifest is m, encoded as
// manifest: the files m lists, then manifest.json itself.
func (m Manifest) listing(manifest []byte) []FileEntry {
	sum := sha256.Sum256(manifest)
	return append(append(make([]FileEntry, 0, len(m.Files)+1), m.Files...),
		FileEntry{ManifestName, int64(len(manifest)), hex.EncodeToString(sum[:])})
}

// Encode is the manifest as written: indented JSON with a final newline.
func (m Manifest) Encode() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // keep "<" and "&" readable in names
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, fmt.Errorf("encode manifest: %w", err)
	}
	return buf.Bytes(), nil
}
