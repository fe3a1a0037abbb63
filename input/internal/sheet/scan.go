package sheet

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// scanner is a pull tokenizer for the XML of workbook parts. It knows only
// what those parts use (elements, attributes, text, CDATA, the predefined
// and numeric entities) and skips comments and processing instructions; a
// DTD is refused. Element and attribute names lose their namespace prefix
// (x:row is row). Tokens point into its buffer and are valid until the next
// call to next. encoding/xml does the same work several times slower, which
// is most of the time of a large sheet.
type scanner struct {
	r   io.Reader
	buf []byte
	pos int // next byte to scan
	end int // bytes held
	eof bool
	err error

	kind      tokKind
	name      []byte // local name of a start or end tag
	rawAttrs  []byte // a start tag's attributes, parsed by attr
	selfClose bool
	text      []byte // text of a text token, entities decoded
	tmp       []byte // decoded text that differed from the raw bytes
}

type tokKind int

const (
	tokNone tokKind = iota
	tokStart
	tokEnd
	tokText
)

// maxToken bounds one tag or text run: a cell's text is at most 32,767
// characters in Excel, far below it.
const maxToken = 4 << 20

var errToken = errors.New("XML token larger than 4 MiB")

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, buf: make([]byte, 64<<10)}
}

// fill reads more bytes, keeping those from pos on. It returns false at the
// end of the input or on a read error.
func (s *scanner) fill() bool {
	if s.eof || s.err != nil {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxToken {
			s.err = errToken
			return false
		}
		nb := make([]byte, 2*len(s.buf))
		copy(nb, s.buf[:s.end])
		s.buf = nb
	}
	n, err := s.r.Read(s.buf[s.end:])
	s.end += n
	switch {
	case err == io.EOF:
		s.eof = true
	case err != nil:
		s.err = err
	}
	return n > 0 || (!s.eof && s.err == nil)
}

// next reads the next token. It returns false at the end of the input or on
// an error (s.err).
func (s *scanner) next() bool {
	for {
		if s.pos == s.end && !s.fill() {
			return false
		}
		if s.buf[s.pos] != '<' {
			return s.scanText()
		}
		if s.pos+1 == s.end {
			s.fill()
		}
		if s.pos+1 < s.end && s.buf[s.pos+1] != '!' && s.buf[s.pos+1] != '?' {
			return s.scanTag() // most tags: no need to look for the markup below
		}
		// Markup other than a tag: make sure its start is held.
		for s.end-s.pos < 9 && s.fill() {
		}
		rest := s.buf[s.pos:s.end]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			if !s.skipPast("-->") {
				return false
			}
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			return s.scanCDATA()
		case bytes.HasPrefix(rest, []byte("<?")):
			if !s.skipPast("?>") {
				return false
			}
		case bytes.HasPrefix(rest, []byte("<!")):
			s.err = errors.New("XML with a document type declaration, expected a workbook part")
			return false
		default:
			return s.scanTag()
		}
	}
}

// skipPast moves past the next occurrence of marker.
func (s *scanner) skipPast(marker string) bool {
	from := s.pos
	for {
		if i := bytes.Index(s.buf[from:s.end], []byte(marker)); i >= 0 {
			s.pos = from + i + len(marker)
			return true
		}
		if s.end-s.pos > len(marker) {
			from = s.end - len(marker)
		}
		off := from - s.pos
		if !s.fill() {
			s.setEOFErr("unterminated " + marker)
			return false
		}
		from = s.pos + off
	}
}

func (s *scanner) setEOFErr(what string) {
	if s.err == nil {
		s.err = fmt.Errorf("XML ends inside a markup (%s)", what)
	}
}

func (s *scanner) scanText() bool {
	from := s.pos
	for {
		if i := bytes.IndexByte(s.buf[from:s.end], '<'); i >= 0 {
			return s.setText(s.buf[s.pos : from+i])
		}
		if s.end-s.pos >= maxText {
			// A long run of text is handed on in pieces, each ending
			// outside an entity reference, so a text past any cell's limit
			// reaches the cell that holds it (and is refused there) rather
			// than failing the part.
			cut := s.end
			if i := bytes.LastIndexByte(s.buf[max(s.pos, s.end-maxEntity):s.end], '&'); i >= 0 {
				cut = max(s.pos, s.end-maxEntity) + i
			}
			if cut > s.pos {
				return s.setText(s.buf[s.pos:cut])
			}
		}
		off := s.end - s.pos
		if !s.fill() {
			if s.err != nil {
				return false
			}
			return s.setText(s.buf[s.pos:s.end]) // text at the end of the input
		}
		from = s.pos + off
	}
}

// maxText is the longest text token: longer text comes in pieces.
// maxEntity is longer than any entity reference decode reads.
const (
	maxText   = 1 << 20
	maxEntity = 16
)

func (s *scanner) setText(raw []byte) bool {
	s.pos += len(raw)
	s.kind = tokText
	s.text = s.decode(raw, &s.tmp)
	return s.err == nil
}

func (s *scanner) scanCDATA() bool {
	start := s.pos
	if !s.skipPast("]]>") {
		return false
	}
	s.kind = tokText
	s.text = s.buf[start+len("<![CDATA[") : s.pos-len("]]>")]
	if bytes.IndexByte(s.text, '\r') >= 0 {
		s.text = bytes.ReplaceAll(bytes.ReplaceAll(s.text, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	}
	return true
}

// scanTag reads a start or end tag with its attributes.
func (s *scanner) scanTag() bool {
	// Find the closing '>' outside quoted attribute values.
	from, quote := s.pos+1, byte(0)
	for {
		i := from
		for ; i < s.end; i++ {
			c := s.buf[i]
			if quote != 0 {
				if c == quote {
					quote = 0
				} else if c == '<' {
					// XML forbids it (a bare < in an attribute value); taking
					// it would let a cell's attributes hide markup from the
					// byte search for merged ranges.
					s.err = errors.New("a < inside an attribute value, expected well-formed XML")
					return false
				}
			} else if c == '"' || c == '\'' {
				quote = c
			} else if c == '>' {
				break
			}
		}
		if i < s.end {
			tag := s.buf[s.pos+1 : i]
			s.pos = i + 1
			return s.parseTag(tag)
		}
		off := i - s.pos
		if !s.fill() {
			s.setEOFErr("tag")
			return false
		}
		from = s.pos + off
	}
}

func (s *scanner) parseTag(tag []byte) bool {
	s.rawAttrs = nil
	s.selfClose = false
	s.kind = tokStart
	if len(tag) > 0 && tag[0] == '/' {
		s.kind = tokEnd
		tag = tag[1:]
	} else if len(tag) > 0 && tag[len(tag)-1] == '/' {
		s.selfClose = true
		tag = tag[:len(tag)-1]
	}
	n := 0
	for n < len(tag) && !isSpace(tag[n]) && tag[n] != '/' {
		n++
	}
	if n == 0 {
		s.err = errors.New("XML tag without a name")
		return false
	}
	s.name = local(tag[:n])
	if s.kind == tokEnd {
		return true
	}
	s.rawAttrs = tag[n:]
	return true
}

// attr returns the value of the attribute with this local name. Attributes
// are parsed when asked for: most tags' are never needed (LibreOffice
// writes seven on every row). A malformed attribute list reads as ending
// there.
func (s *scanner) attr(name string) ([]byte, bool) {
	rest := s.rawAttrs
	for {
		i := 0
		for i < len(rest) && isSpace(rest[i]) {
			i++
		}
		start := i
		for i < len(rest) && rest[i] != '=' && !isSpace(rest[i]) {
			i++
		}
		key := rest[start:i]
		for i < len(rest) && isSpace(rest[i]) {
			i++
		}
		if len(key) == 0 || i == len(rest) || rest[i] != '=' {
			return nil, false
		}
		i++
		for i < len(rest) && isSpace(rest[i]) {
			i++
		}
		if i == len(rest) || (rest[i] != '"' && rest[i] != '\'') {
			return nil, false
		}
		q := rest[i]
		i++
		end := i
		for end < len(rest) && rest[end] != q {
			end++
		}
		if end == len(rest) {
			return nil, false
		}
		if string(local(key)) == name {
			val := rest[i:end]
			for _, c := range val {
				if c == '&' {
					return s.decode(val, new([]byte)), true
				}
			}
			return val, true
		}
		rest = rest[end+1:]
	}
}

// is reports whether the current token is a start (or end) tag named name.
func (s *scanner) is(kind tokKind, name string) bool {
	return s.kind == kind && string(s.name) == name
}

func local(name []byte) []byte {
	for i, c := range name {
		if c == ':' {
			return name[i+1:]
		}
	}
	return name
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// decode replaces entity references in raw and ends lines as XML does
// (CR LF and a lone CR read as LF; a CR written &#13; or _x000D_ stays),
// using *tmp when it must copy.
func (s *scanner) decode(raw []byte, tmp *[]byte) []byte {
	amp := bytes.IndexByte(raw, '&')
	if cr := bytes.IndexByte(raw, '\r'); cr >= 0 && (amp < 0 || cr < amp) {
		amp = cr
	}
	if amp < 0 {
		return raw
	}
	out := append((*tmp)[:0], raw[:amp]...)
	for rest := raw[amp:]; len(rest) > 0; {
		if rest[0] == '\r' {
			out = append(out, '\n')
			rest = rest[1:]
			if len(rest) > 0 && rest[0] == '\n' {
				rest = rest[1:]
			}
			continue
		}
		if rest[0] != '&' {
			i := bytes.IndexAny(rest, "&\r")
			if i < 0 {
				i = len(rest)
			}
			out = append(out, rest[:i]...)
			rest = rest[i:]
			continue
		}
		semi := bytes.IndexByte(rest, ';')
		if semi < 0 || semi > 12 {
			out = append(out, '&') // a stray ampersand: keep it as written
			rest = rest[1:]
			continue
		}
		out = appendEntity(out, rest[1:semi])
		rest = rest[semi+1:]
	}
	*tmp = out
	return out
}

func appendEntity(out, ent []byte) []byte {
	switch string(ent) {
	case "lt":
		return append(out, '<')
	case "gt":
		return append(out, '>')
	case "amp":
		return append(out, '&')
	case "quot":
		return append(out, '"')
	case "apos":
		return append(out, '\'')
	}
	if len(ent) > 1 && ent[0] == '#' {
		base, digits := 10, ent[1:]
		if digits[0] == 'x' || digits[0] == 'X' {
			base, digits = 16, digits[1:]
		}
		if n, err := strconv.ParseUint(string(digits), base, 32); err == nil && utf8.ValidRune(rune(n)) {
			return utf8.AppendRune(out, rune(n))
		}
	}
	out = append(out, '&')
	out = append(out, ent...)
	return append(out, ';')
}
