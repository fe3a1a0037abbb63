package input

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"unicode/utf8"
)

// What a file named as a workbook holds when it is none: WPS saves a web
// page as .xls, Excel its XML Spreadsheet 2003, and a CSV file is renamed
// .xlsx by hand. Each is named as what it is, with the fix.

const (
	sniffHTML = "html"
	sniffXML  = "xml"
	sniffCSV  = "csv"
)

// sniffText says which text format the head of a file is in, "" for none.
func sniffText(data []byte) string {
	head := data[:min(len(data), 8<<10)]
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		// UTF-16 text: Excel's "Unicode text". Drop the zero bytes to look.
		head = bytes.ReplaceAll(head[2:], []byte{0}, nil)
	case bytes.IndexByte(head, 0) >= 0:
		return "" // binary
	}
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	low := strings.ToLower(string(head))
	switch {
	case strings.Contains(low, "urn:schemas-microsoft-com:office:spreadsheet"), strings.Contains(low, `progid="excel.sheet"`):
		return sniffXML
	case strings.Contains(low, "<html"), strings.Contains(low, "<!doctype html"), strings.Contains(low, "<table"),
		strings.Contains(low, "urn:schemas-microsoft-com:office:excel"):
		return sniffHTML
	}
	if !utf8.Valid(head[:max(0, len(head)-3)]) && !looksGB(head) {
		return ""
	}
	if bytes.ContainsAny(head, ",\t") && bytes.Contains(head, []byte("\n")) || len(data) < len(head)+1 && bytes.ContainsAny(head, ",\t") {
		return sniffCSV
	}
	return ""
}

// looksGB reports text with no control bytes but tab and line ends: GBK
// text as Excel and WPS save a CSV on a Chinese system.
func looksGB(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return false
		}
	}
	return true
}

// notAWorkbook says what a file named name is instead of a workbook.
func notAWorkbook(name, kind string) string {
	const save = "open it in Excel or WPS and save it as Excel Workbook (*.xlsx)"
	switch kind {
	case sniffHTML:
		return "an HTML page named as a workbook (WPS and Excel save web pages as .xls), expected an .xlsx workbook: " + save
	case sniffXML:
		return "an XML Spreadsheet 2003 file, expected an .xlsx workbook: " + save
	}
	base := name[:len(name)-len(extOf(name))]
	to := base + ".csv"
	if base == "data" {
		to = "after its table (cities.csv, bases.csv or figures.csv)"
	}
	return fmt.Sprintf("a CSV text file named %s, expected an .xlsx workbook: rename it %s, or %s", extOf(name), to, save)
}

func extOf(name string) string {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		return name[i:]
	}
	return ""
}

// refusedBook says why a .xls or .et file is not read: an old binary
// workbook (what the name says), or what it holds instead.
func refusedBook(fsys fs.FS, name string) string {
	const old = "an old-format workbook (.xls, or WPS .et), expected .xlsx: open it in Excel or WPS and save it as Excel Workbook (*.xlsx) under the same name"
	f, err := fsys.Open(name)
	if err != nil {
		return old
	}
	head := make([]byte, 8<<10)
	n, _ := io.ReadFull(f, head)
	f.Close()
	head = head[:n]
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) {
		base := name[:len(name)-len(extOf(name))]
		return fmt.Sprintf("an .xlsx workbook named %s, expected the name %s.xlsx: rename it", extOf(name), base)
	}
	if kind := sniffText(head); kind != "" {
		return notAWorkbook(name, kind)
	}
	return old
}
