package workbook

import (
	"strings"
	"unicode/utf8"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/analysis/vocab"
)

// The whole of the free text the briefing shortens stays in the workbook:
// a city's note in its row of the city sheet, and on the 说明 sheet the
// foreword of briefing.toml and any note longer than a cell holds, in
// pieces short enough to show whole.

// cellChars is the most text a cell holds: Excel's limit, counted in
// UTF-16 code units, past which excelize cuts the text without a word
// (cell.go, setCellString and trimCellValue: truncateUTF16Units at
// TotalCellChars).
const cellChars = 32767

// utf16Len is the length of s in UTF-16 code units, as Excel counts.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// overCell reports whether s is longer than a cell holds.
func overCell(s string) bool {
	return len(s) > cellChars && utf16Len(s) > cellChars // a string of cellChars bytes or fewer fits
}

// cellStart is the start of a text too long for a cell, ending with more
// (where the rest is), within the cell's limit.
func cellStart(s, more string) string {
	room := cellChars - utf16Len(more)
	n := 0
	for i, r := range s {
		w := 1
		if r >= 0x10000 {
			w = 2
		}
		if n+w > room {
			return s[:i] + more
		}
		n += w
	}
	return s + more
}

// pieces splits s into consecutive pieces that each show whole in a
// wrapping cell w characters wide, at most a row's height tall: a piece
// ends after the last sentence end in its final third where there is one.
// Joined, the pieces are s.
func pieces(s string, w float64) []string {
	// Lines a row shows, less one for the estimate's error (wrapping
	// breaks before a word or punctuation that does not fit).
	lines := float64(int((maxRowHeight-2)/lineHeight) - 1)
	room := lines * max(w-1.5, 1) * 0.9
	var out []string
	for s != "" {
		width, end, cut := 0.0, len(s), -1
		for i, r := range s {
			rw := textWidth(string(r))
			if width+rw > room {
				end = i
				break
			}
			width += rw
			if strings.ContainsRune("。；！？.;!?\n", r) && width >= room*2/3 {
				cut = i + utf8.RuneLen(r)
			}
		}
		if end < len(s) && cut > 0 {
			end = cut
		}
		out = append(out, s[:end])
		s = s[end:]
	}
	return out
}

// wholeTexts is the 说明 sheet's section of whole texts: the foreword, and
// the notes the city sheet shows only the start of.
func (b *book) wholeTexts(width float64) []readmeSection {
	zh := b.lang != vocab.En
	pick := func(z, e string) string {
		if zh {
			return z
		}
		return e
	}
	var out []readmeSection
	if fw := strings.TrimSpace(b.c.Meta.Foreword); fw != "" {
		sec := readmeSection{heading: pick("前言（全文）", "Foreword (whole text)")}
		for _, p := range paragraphs(fw) {
			sec.paras = append(sec.paras, pieces(p, width)...)
		}
		out = append(out, sec)
	}
	var long []*analysis.CityRow
	for i := range b.c.Cities {
		if overCell(b.c.Cities[i].Note) {
			long = append(long, &b.c.Cities[i])
		}
	}
	if len(long) > 0 {
		sec := readmeSection{heading: pick("备注全文", "Whole notes")}
		sec.paras = append(sec.paras, pick(
			"以下备注超过 Excel 单元格的 32,767 个字符上限，“"+b.l.cities+"”表只存其开头；全文如下，分段依次相连。",
			"These notes are longer than an Excel cell's 32,767 characters: the "+b.l.cities+" sheet holds their start; the whole text follows, in consecutive pieces."))
		for _, ct := range long {
			sec.paras = append(sec.paras, ct.City+pick("（"+ct.Province+"）：", " ("+ct.Province+"):"))
			sec.paras = append(sec.paras, pieces(ct.Note, width)...)
		}
		out = append(out, sec)
	}
	return out
}

// noteCell is a city's note as its cell holds it: whole, or its start and
// where the rest is when it is longer than a cell holds.
func (b *book) noteCell(note string) string {
	if !overCell(note) {
		return note
	}
	if b.lang != vocab.En {
		return cellStart(note, "……（全文见“说明”表“备注全文”）")
	}
	return cellStart(note, "… (the whole note is on the "+b.l.readme+" sheet, Whole notes)")
}

// paragraphs splits text on line breaks, dropping empty lines.
func paragraphs(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
