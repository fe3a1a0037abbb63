package workbook

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// styles are the cell style IDs of one workbook.
type styles struct {
	header, text, wrap, center, int, signed, pct, signedPct, wan, rank  int
	totalText, totalInt, totalWan, totalPct, totalSigned                int
	title, subtitle, section, label, valueText, valueInt, valuePct, num int
}

const (
	headerFill  = "DDEBF7"
	borderColor = "9BC2E6"
)

func newStyles(f *excelize.File, wanFormat string) (styles, error) {
	var s styles
	var err error
	mk := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	numFmt := func(code string) *string { return &code }
	top := &excelize.Alignment{Vertical: "top"}
	totalBorder := []excelize.Border{{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 6}}
	bold := &excelize.Font{Bold: true}

	mk(&s.header, &excelize.Style{
		Font:      bold,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{headerFill}},
		Border:    []excelize.Border{{Type: "bottom", Color: borderColor, Style: 2}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	mk(&s.text, &excelize.Style{Alignment: top})
	mk(&s.center, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	mk(&s.wrap, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	mk(&s.int, &excelize.Style{NumFmt: 3, Alignment: top})
	mk(&s.signed, &excelize.Style{CustomNumFmt: numFmt("+#,##0;-#,##0;0"), Alignment: top})
	mk(&s.pct, &excelize.Style{CustomNumFmt: numFmt("0.0%"), Alignment: top})
	mk(&s.signedPct, &excelize.Style{CustomNumFmt: numFmt("+0.0%;-0.0%;0.0%"), Alignment: top})
	mk(&s.wan, &excelize.Style{CustomNumFmt: numFmt(wanFormat), Alignment: top})
	mk(&s.rank, &excelize.Style{NumFmt: 1, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}})
	mk(&s.num, &excelize.Style{CustomNumFmt: numFmt("#,##0.##"), Alignment: top})

	mk(&s.totalText, &excelize.Style{Font: bold, Border: totalBorder})
	mk(&s.totalInt, &excelize.Style{Font: bold, Border: totalBorder, NumFmt: 3})
	mk(&s.totalWan, &excelize.Style{Font: bold, Border: totalBorder, CustomNumFmt: numFmt(wanFormat)})
	mk(&s.totalPct, &excelize.Style{Font: bold, Border: totalBorder, CustomNumFmt: numFmt("0.0%")})
	mk(&s.totalSigned, &excelize.Style{Font: bold, Border: totalBorder, CustomNumFmt: numFmt("+#,##0;-#,##0;0")})

	mk(&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}})
	mk(&s.subtitle, &excelize.Style{Font: &excelize.Font{Size: 11, Color: "595959"}})
	mk(&s.section, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 12, Color: "1F4E79"}})
	mk(&s.label, &excelize.Style{Font: bold, Alignment: top})
	mk(&s.valueText, &excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}})
	mk(&s.valueInt, &excelize.Style{NumFmt: 3, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}})
	mk(&s.valuePct, &excelize.Style{CustomNumFmt: numFmt("0.0%"), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}})
	if err != nil {
		return s, fmt.Errorf("create styles: %w", err)
	}
	return s, nil
}
