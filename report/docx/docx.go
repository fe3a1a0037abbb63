package docx

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/basebrief/basebrief/report/document"
)

// zipEpoch is the zip entries' time when the document has none: the
// earliest time a zip (MS-DOS) date can hold.
var zipEpoch = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// Write renders d as a Word document (.docx) to w. The same d gives the
// same bytes.
func Write(w io.Writer, d *document.Document) error {
	if d == nil {
		return errors.New("write docx: no document")
	}
	b := &body{d: d, lang: d.Lang}
	doc := b.write()
	parts := make([]part, 0, 11+len(b.images))
	for _, p := range []struct {
		name string
		raw  []byte
	}{
		{"[Content_Types].xml", contentTypes()},
		{"_rels/.rels", packageRels()},
		{"docProps/app.xml", appXML()},
		{"docProps/core.xml", coreXML(d)},
		{"word/document.xml", doc},
		{"word/_rels/document.xml.rels", documentRels(len(b.images))},
		{"word/styles.xml", stylesXML(d.Lang)},
		{"word/settings.xml", settingsXML(d.Lang)},
		{"word/fontTable.xml", fontTableXML()},
		{"word/footer1.xml", footerXML(true)},
		{"word/footer2.xml", footerXML(false)},
	} {
		parts = append(parts, deflatePart(p.name, p.raw))
	}
	for i, img := range b.images {
		parts = append(parts, part{name: "word/media/" + imageName(i), raw: img}) // compressed already
	}
	mod := d.Info.Created.UTC()
	if mod.Before(zipEpoch) {
		mod = zipEpoch
	}
	// Straight to w: the whole file is neither built in a buffer of its own
	// (doubled as it filled) nor copied.
	if err := writeZip(w, parts, mod); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}
