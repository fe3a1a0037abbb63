package document

// The type sheet: page geometry, type sizes and the table-fitting rule
// every backend reads. The PDF and the Word file are drawn to it, so a
// size changed here changes both; a backend only converts units.

// The GB/T 9704-2012 page, in millimetres: A4, top margin 37, left
// (binding) margin 28, type area 156 × 225.
const (
	PageW   = 210.0
	PageH   = 297.0
	MarginL = 28.0
	MarginT = 37.0
	AreaW   = 156.0
	AreaH   = 225.0
)

// Type sizes, in points.
const (
	BodySize    = 16.0 // 三号: running text
	BodyPitch   = 28.9 // 22 lines in the type area, as the standard sets
	NoteSize    = 14.0 // 四号: page numbers, 版记
	CaptionSize = 12.0 // table and figure captions (黑体)
	// NoteTextSize is a note under a table or a figure: black like the
	// body (notes are read, not greyed out), one size below captions.
	NoteTextSize  = 12.0
	NoteTextPitch = 20.0
)

// The table-fitting rule: every table is set at TableSize, one size for
// all of them whatever their width or length (never the 8 pt beside 10.5
// pt of a shrink-to-fit); a table too wide for the type area at that size
// wraps its cells instead (a heading into two lines at most, a figure
// never). A table of at most KeepWholeRows rows that does not fit in what
// is left of the page starts on the next one rather than leave its last
// row alone under a 续表 header; its notes keep their first KeepNoteLines
// lines with it and may run on to the next page (a long note kept whole
// would leave half a page empty above a short table). A short table that
// would leave more than KeepWholeGap millimetres (a quarter of the type
// area) of the page empty starts there all the same, with at least
// StartRows rows, and continues under 续表, its last rows together
// (KeepTailRows): the region table of the national briefing left page 2
// half empty. A smaller gap only moves the slack: split at a sixth or an
// eighth, the national region table left page 3 as empty as page 2 was,
// with a 续表 more.
const (
	TableSize     = 9.0
	TablePitch    = 1.4 // line height, times the size
	KeepWholeRows = 12
	KeepNoteLines = 2
	KeepWholeGap  = AreaH / 4
	// KeepStartRows: a caption and header never end a page: they keep
	// a table of at most this many rows whole, else its first StartRows
	// rows. Word, which cannot weigh the room left, keeps only such
	// tables whole.
	KeepStartRows = 6
	StartRows     = 3
)

// KeepTailRows is how many rows at the end of t go to a following page
// together: its closing rows (其余N个, 合计: the emphasised rows it ends
// with) and the three rows above them, so a 续表 never carries one row
// alone above its sums (the national briefing's 续表4 held one base row
// above 其余 and 合计). Both backends keep them so.
func KeepTailRows(t Table) int {
	n := 0
	for n < len(t.Rows) && t.Emphasis[len(t.Rows)-1-n] {
		n++
	}
	return min(len(t.Rows), n+3)
}

// Text is how running text is set: size and line pitch in points, the
// first line's indent in characters, and whether lines are justified.
type Text struct {
	Size, Pitch float64
	Indent      float64
	Justify     bool
}

// BodyText is the body (正文) of a briefing in lang: in Chinese 三号 on
// the standard's 22-line grid, first line indented two characters,
// justified; English at that size reads like large print and is set at
// 12 pt on 20, ragged right, not indented.
func BodyText(lang string) Text {
	if lang == "en" {
		return Text{Size: 12, Pitch: 20}
	}
	return Text{Size: BodySize, Pitch: BodyPitch, Indent: 2, Justify: true}
}

// SmallText is appendix text (Small): 四号 on 24 pt in Chinese, indented
// and justified like the body; 11 pt on 18 in English.
func SmallText(lang string) Text {
	if lang == "en" {
		return Text{Size: 11, Pitch: 18}
	}
	return Text{Size: 14, Pitch: 24, Indent: 2, Justify: true}
}
