package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"slices"
	"sync"

	"github.com/xuri/excelize/v2"
)

// newFile returns an empty File as excelize.NewFile makes it, less the
// decoded theme. NewFile decodes every template part it stores (file.go),
// the theme too: 0.4 ms of the 0.7 ms it takes, a twelfth of a province
// slice's workbook (issue 25), for a theme every workbook that takes the
// kits replaces with the kit's as written (useKit) and nothing before
// reads (excelize reads File.Theme only to write it and for theme colours
// when asked a cell's style). So the File is opened from NewFile's own
// template parts, zipped once per process without the theme: OpenReader
// stores them as they are and decodes only the styles, the workbook and
// its relationships; the content types and the first sheet are decoded
// when first used, as NewFile has them, before anything changes them.
// TestKitsSameBytes compares with workbooks made from NewFile.
func newFile(opts excelize.Options) (*excelize.File, error) {
	tmpl, err := blankTemplate()
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(tmpl), opts)
	if err != nil {
		return nil, fmt.Errorf("open blank workbook: %w", err)
	}
	return f, nil
}

// blankTemplate is NewFile's package without the theme, its parts stored.
var blankTemplate = sync.OnceValues(func() ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	var names []string
	f.Pkg.Range(func(k, _ any) bool {
		if name, _ := k.(string); name != themePart {
			names = append(names, name)
		}
		return true
	})
	slices.Sort(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range names {
		v, _ := f.Pkg.Load(name)
		data, ok := v.([]byte)
		if !ok {
			return nil, fmt.Errorf("blank workbook: part %s is not bytes", name)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
		if err != nil {
			return nil, fmt.Errorf("blank workbook: %w", err)
		}
		if _, err := w.Write(data); err != nil {
			return nil, fmt.Errorf("blank workbook: %w", err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("blank workbook: %w", err)
	}
	return buf.Bytes(), nil
})
