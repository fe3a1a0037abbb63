package input

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input/internal/csvtext"
)

const briefingFile = "briefing.toml"

// maxBriefingBytes bounds briefing.toml: a masthead and a few stated figures.
const maxBriefingBytes = 1 << 20

// briefingDoc is briefing.toml as written. Issue and Date take either a
// string or a TOML number/date, as people write both.
type briefingDoc struct {
	Title      string        `toml:"title"`
	Issue      any           `toml:"issue"`
	Unit       string        `toml:"unit"`
	Date       any           `toml:"date"`
	Subject    string        `toml:"subject"`
	Report     string        `toml:"report"`
	Send       string        `toml:"send"`
	Distribute string        `toml:"distribute"`
	Copies     int           `toml:"copies"`
	Foreword   string        `toml:"foreword"`
	Source     string        `toml:"source"`
	Stated     []statedEntry `toml:"stated"`
}

type statedEntry struct {
	Label   string  `toml:"label"`
	Value   float64 `toml:"value"`
	Unit    string  `toml:"unit"`
	Source  string  `toml:"source"`
	Measure string  `toml:"measure"`
}

// readBriefing reads the optional briefing.toml. A missing file is no error.
func readBriefing(fsys fs.FS, c *collector, notes *notices) (analysis.Meta, *analysis.InputFile) {
	text, file, ok := readBriefingText(fsys, c)
	if !ok {
		return analysis.Meta{}, file
	}
	var doc briefingDoc
	md, err := toml.Decode(text, &doc)
	if err != nil {
		c.add(tomlError(err))
		return analysis.Meta{}, file
	}
	for _, k := range md.Undecoded() {
		at := Error{File: briefingFile, Line: keyLine(text, k)}.Error()
		at = strings.TrimSuffix(at, ": ")
		notes.add(codeBriefingKey,
			fmt.Sprintf("%s：未知的键“%s”，已忽略", at, k.String()),
			fmt.Sprintf("%s: unknown key %q ignored", at, k.String()))
	}
	return doc.meta(text, c), file
}

// readBriefingText reads and decodes the file like the CSVs (BOM, UTF-8,
// GB18030), within maxBriefingBytes.
func readBriefingText(fsys fs.FS, c *collector) (string, *analysis.InputFile, bool) {
	if _, err := fs.Stat(fsys, briefingFile); errors.Is(err, fs.ErrNotExist) {
		return "", nil, false
	}
	for _, gb := range []bool{false, true} {
		f, size, ok := openRegular(fsys, briefingFile, "a TOML file", schema{}, c)
		if !ok {
			return "", nil, false
		}
		text, file, err := decodeAll(f, size, gb)
		f.Close()
		var se *csvtext.StreamError
		switch {
		case errors.Is(err, errNotUTF8):
			continue
		case errors.As(err, &se):
			c.addf(briefingFile, se.Line, 0, "%s", se.Msg)
			return "", nil, false
		case err != nil:
			c.addf(briefingFile, 0, 0, "%v", err)
			return "", nil, false
		}
		return text, file, true
	}
	return "", nil, false
}

// decodeAll reads the whole text, bounded by maxBriefingBytes.
func decodeAll(f io.Reader, size int64, gb bool) (string, *analysis.InputFile, error) {
	if size > maxBriefingBytes {
		return "", nil, errBriefingSize
	}
	d, err := csvtext.NewTextDecoder(f, size, gb)
	if err != nil {
		return "", nil, err
	}
	b, err := io.ReadAll(io.LimitReader(d.Text, maxBriefingBytes+1))
	d.Close()
	if err != nil {
		return "", nil, err
	}
	if len(b) > maxBriefingBytes {
		return "", nil, errBriefingSize
	}
	return string(b), &analysis.InputFile{Name: briefingFile, SHA256: d.Sum(), Encoding: d.Encoding}, nil
}

var errBriefingSize = fmt.Errorf("file larger than %d KiB, expected a short TOML file (a masthead, a foreword and a few stated figures)", maxBriefingBytes>>10)

// tomlError turns a TOML syntax or type error into an Error on its line.
func tomlError(err error) Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		msg := pe.Message
		if pe.LastKey != "" {
			msg = fmt.Sprintf("%s (at key %s)", msg, pe.LastKey)
		}
		return Error{File: briefingFile, Line: pe.Position.Line, Column: pe.Position.Col,
			Msg: msg + ", expected TOML such as title = \"...\""}
	}
	return Error{File: briefingFile, Msg: strings.TrimPrefix(err.Error(), "toml: ") + ", expected TOML such as title = \"...\""}
}

// meta checks the document's values and converts it.
func (doc briefingDoc) meta(text string, c *collector) analysis.Meta {
	// Free text for the packet: trimmed, bidi controls dropped (normalize.go).
	tx := func(s string) string { return cleanText(trim(s)) }
	m := analysis.Meta{
		Title: tx(doc.Title), Unit: tx(doc.Unit), Subject: tx(doc.Subject),
		Report: tx(doc.Report), Send: tx(doc.Send), Distribute: tx(doc.Distribute),
		Copies: doc.Copies, Foreword: tx(doc.Foreword), Source: tx(doc.Source),
	}
	errAt := func(key toml.Key, format string, args ...any) {
		c.addf(briefingFile, keyLine(text, key), 0, format, args...)
	}
	switch v := doc.Issue.(type) {
	case nil:
	case string:
		m.Issue = tx(v)
	case int64:
		m.Issue = strconv.FormatInt(v, 10)
	default:
		errAt(toml.Key{"issue"}, "issue %v is not a string or number, expected issue = \"1\"", v)
	}
	m.Date = briefingDate(doc.Date, func(format string, args ...any) { errAt(toml.Key{"date"}, format, args...) })
	if doc.Copies < 0 {
		errAt(toml.Key{"copies"}, "copies %d is negative, expected a count of printed copies or 0", doc.Copies)
	}
	for i, s := range doc.Stated {
		key := toml.Key{"stated", strconv.Itoa(i)}
		st := analysis.Stated{Label: tx(s.Label), Value: s.Value, Unit: tx(s.Unit), Source: tx(s.Source), Measure: trim(s.Measure)}
		if st.Label == "" {
			errAt(key, "[[stated]] #%d has no label, expected label = \"...\"", i+1)
		}
		if math.IsNaN(st.Value) || math.IsInf(st.Value, 0) {
			errAt(key, "[[stated]] #%d value is not a number, expected value = 25", i+1)
		}
		if st.Measure != "" && !analysis.IsMeasure(st.Measure) {
			errAt(key, "[[stated]] #%d measure %q is unknown, expected one of %s or none", i+1, st.Measure, strings.Join(analysis.Measures(), ", "))
		}
		m.Stated = append(m.Stated, st)
	}
	return m
}

// briefingDate normalises date to YYYY-MM-DD from a string or TOML date.
func briefingDate(v any, fail func(string, ...any)) string {
	switch d := v.(type) {
	case nil:
		return ""
	case time.Time:
		return d.Format("2006-01-02")
	case string:
		if trim(d) == "" {
			return ""
		}
		p, err := ParsePeriod(d)
		if err != nil || p.Day == 0 {
			fail("date %q is not a day, expected date = \"2019-05-17\"", d)
			return ""
		}
		return p.String()
	}
	fail("date %v is not a date, expected date = \"2019-05-17\"", v)
	return ""
}

// keyLine finds the line of a key for messages: a top-level key's
// assignment; for ("stated", "3") the fourth [[stated]] header; for
// ("stated", "note") the first assignment of note within a [[stated]]
// table. 0 when not found.
func keyLine(text string, k toml.Key) int {
	if len(k) == 0 {
		return 0
	}
	lines := strings.Split(text, "\n")
	if len(k) == 1 {
		return assignment(lines, k[0])
	}
	tables := 0
	n, numbered := strconv.Atoi(k[1])
	for i, line := range lines {
		l := strings.TrimSpace(line)
		if l != "[["+k[0]+"]]" && l != "["+k[0]+"]" {
			continue
		}
		if numbered != nil {
			if at := assignment(lines[i+1:], k[len(k)-1]); at > 0 {
				return i + 1 + at
			}
		} else if tables == n {
			return i + 1
		}
		tables++
	}
	return 0
}

// assignment returns the 1-based line of the first "key =" in lines before
// the next table header, or 0.
func assignment(lines []string, key string) int {
	for i, line := range lines {
		l := strings.TrimSpace(line)
		if strings.HasPrefix(l, "[") {
			return 0
		}
		if rest, ok := strings.CutPrefix(l, key); ok && strings.HasPrefix(strings.TrimSpace(rest), "=") {
			return i + 1
		}
	}
	return 0
}
