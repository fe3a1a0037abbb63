package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"

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

// styleKit is what newStyles makes, the same in every workbook of a
// number format: the style IDs and the styles part, with the theme part
// beside it. excelize decodes its templates into a File and marshals them
// back when writing (File.styleSheetWriter, themeWriter): making the 23
// styles and marshalling the two parts again was 0.3 ms of each slice's
// workbook (issue 25). A workbook takes the kit's style IDs, and just
// before it is written has its File's Styles and Theme set to nil and the
// kit's parts stored in its package as written: excelize then writes them
// as they are (File.writeToZip writes every part of Pkg; a nil Styles or
// Theme is not marshalled). Until then the File holds its template's
// styles, without the kit's: nothing in write reads a style by its ID, and
// the default font AddShape reads (chartkit.go) is the template's.
type styleKit struct {
	ids           styles
	styles, theme []byte
}

// styleKits are the kits made so far, by number format.
var styleKits struct {
	sync.Mutex
	m map[string]*styleKit
}

// Package parts of excelize's File (templates.go).
const (
	stylesPart = "xl/styles.xml"
	themePart  = "xl/theme/theme1.xml"
)

// kitFor returns the kit for wanFormat, made on first use from a File of
// its own, as a workbook's newStyles makes its styles.
func kitFor(wanFormat string) (*styleKit, error) {
	styleKits.Lock()
	defer styleKits.Unlock()
	if k, ok := styleKits.m[wanFormat]; ok {
		return k, nil
	}
	f := excelize.NewFile()
	defer f.Close()
	ids, err := newStyles(f, wanFormat)
	if err != nil {
		return nil, err
	}
	parts := partsOnly{}
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return parts })
	if err := f.Write(io.Discard); err != nil {
		return nil, fmt.Errorf("write styles: %w", err)
	}
	k := &styleKit{ids: ids, styles: parts[stylesPart].Bytes(), theme: parts[themePart].Bytes()}
	if len(k.styles) == 0 || len(k.theme) == 0 {
		return nil, fmt.Errorf("write styles: excelize wrote no %s or %s", stylesPart, themePart)
	}
	if styleKits.m == nil {
		styleKits.m = map[string]*styleKit{}
	}
	styleKits.m[wanFormat] = k
	return k, nil
}

// useKit gives f the kit's styles and theme, as written.
func useKit(f *excelize.File, k *styleKit) {
	f.Styles, f.Theme = nil, nil
	f.Pkg.Store(stylesPart, k.styles)
	f.Pkg.Store(themePart, k.theme)
}

// partsOnly is an excelize.ZipWriter that keeps each part uncompressed, by
// name.
type partsOnly map[string]*bytes.Buffer

func (p partsOnly) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	p[name] = b
	return b, nil
}

func (p partsOnly) AddFS(fs.FS) error { return errors.New("add files: not supported") }

func (p partsOnly) Close() error { return nil }
