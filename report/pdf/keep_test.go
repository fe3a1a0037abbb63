package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/basebrief/basebrief/report/document"
)

func shortTable(rows int, note string) document.Table {
	t := document.Table{Label: "表1", Continued: "续表1", Caption: "各片区新的社会阶层人士人数", Header: []string{"片区", "人数"}}
	for i := range rows {
		t.Rows = append(t.Rows, []string{fmt.Sprintf("片区%d", i), "12.3万"})
	}
	if note != "" {
		t.Notes = []string{note}
	}
	return t
}

// TestShortTableKeeping: by the type sheet's rule a short table that does
// not fit moves whole to the next page only when that leaves at most a
// quarter of the page empty (document.KeepWholeGap); with more room it
// starts there and continues under 续表; and a long note does not push it
// over: only the note's first lines stay with the last row.
func TestShortTableKeeping(t *testing.T) {
	long := strings.Repeat("注：片区人数为其所辖省区市人数之和，省级数据与城市数据之差见数据说明。", 8)
	for _, tc := range []struct {
		name      string
		room      float64 // mm left on the page
		table     document.Table
		wantPages int
		whole     bool // the whole table on the second page
	}{
		{"little room: moves whole", document.KeepWholeGap - 5, shortTable(12, ""), 2, true},
		{"much room: starts here", document.KeepWholeGap + 6, shortTable(12, ""), 2, false},
		{"long note flows on", 75, shortTable(8, long), 2, false},
		{"fits", 150, shortTable(8, ""), 1, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &document.Document{Lang: "zh"}
			d := newPDFDoc(doc, mustFaces(t), false)
			d.newPage()
			d.y = bottom - tc.room
			tb := d.newTable(tc.table)
			lh := tb.size * document.TablePitch * ptMM
			_, headH := d.cellLines(tb, tb.Header, lh, true)
			rowsH := d.wholeHeight(tb, lh, headH) - d.keptNotes(tb)
			d.drawTable(tc.table)
			if got := d.pdf.PageNo(); got != tc.wantPages {
				t.Fatalf("%d pages, want %d", got, tc.wantPages)
			}
			if tc.wantPages == 2 {
				onSecond := d.y - marginT
				if whole := onSecond >= rowsH-1; whole != tc.whole {
					t.Errorf("%.1f mm set on the second page (the table is %.1f): whole %v, want %v", onSecond, rowsH, whole, tc.whole)
				}
			}
		})
	}
}

// A table continued on a following page takes its closing rows (其余,
// 合计) over with the three rows above them (document.KeepTailRows): the
// national briefing's 续表4 held one base row above 其余 and 合计.
func TestTailKeptTogether(t *testing.T) {
	tbl := shortTable(12, "")
	tbl.Rows = append(tbl.Rows, []string{"其余20个", "40万"}, []string{"合计", "187.6万"})
	tbl.Emphasis = map[int]bool{12: true, 13: true}
	if got := document.KeepTailRows(tbl); got != 5 {
		t.Fatalf("KeepTailRows = %d, want 5 (2 closing rows and 3 above)", got)
	}
	doc := &document.Document{Lang: "zh"}
	d := newPDFDoc(doc, mustFaces(t), false)
	d.newPage()
	tb := d.newTable(tbl)
	lh := tb.size * document.TablePitch * ptMM
	_, headH := d.cellLines(tb, tb.Header, lh, true)
	_, rowH := d.cellLines(tb, tbl.Rows[0], lh, false)
	capH := d.captionHeight(tbl.Label + "  " + tbl.Caption)
	// Room for the caption, the header and 11 rows and a half: the old
	// rule carried 1 data row and the 2 closing rows over.
	d.y = bottom - (capH + headH + 11.5*rowH)
	d.drawTable(tbl)
	if got := d.pdf.PageNo(); got != 2 {
		t.Fatalf("%d pages, want 2", got)
	}
	onSecond := d.y - marginT - 4.5 - capH - headH
	if rows := int(onSecond/rowH + 0.5); rows != 5 {
		t.Errorf("%d rows on the continued page, want 5 (3 rows with 其余 and 合计)", rows)
	}
}
