package briefing

import (
	"io"
	"unicode"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/report/pdf"
)

// writePDF builds the briefing of c and draws it with the PDF backend, as
// the packet does.
func writePDF(w io.Writer, c *analysis.Comparison, opts Options) error {
	doc, err := Build(c, opts)
	if err != nil {
		return err
	}
	return pdf.Write(w, doc, pdf.Options{Face: opts.Face})
}

// hasHanzi reports whether s has Chinese characters.
func hasHanzi(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}
