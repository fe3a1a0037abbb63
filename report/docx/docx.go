package docx

import (
	"archive/zip"
	"bytes"
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
	parts := []struct {
		name  string
		data  []byte
		store bool // already compressed
	}{
		{"[Content_Types].xml", contentTypes(), false},
		{"_rels/.rels", packageRels(), false},
		{"docProps/app.xml", appXML(), false},
		{"docProps/core.xml", coreXML(d), false},
		{"word/document.xml", doc, false},
		{"word/_rels/document.xml.rels", documentRels(len(b.images)), false},
		{"word/styles.xml", stylesXML(d.Lang), false},
		{"word/settings.xml", settingsXML(d.Lang), false},
		{"word/fontTable.xml", fontTableXML(), false},
		{"word/footer1.xml", footerXML(true), false},
		{"word/footer2.xml", footerXML(false), false},
	}
	for i, img := range b.images {
		parts = append(parts, struct {
			name  string
			data  []byte
			store bool
		}{"word/media/" + imageName(i), img, true})
	}
	mod := d.Info.Created.UTC()
	if mod.Before(zipEpoch) {
		mod = zipEpoch
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: mod}
		if p.store {
			h.Method = zip.Store
		}
		f, err := zw.CreateHeader(h)
		if err != nil {
			return fmt.Errorf("write docx: %s: %w", p.name, err)
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("write docx: %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}
