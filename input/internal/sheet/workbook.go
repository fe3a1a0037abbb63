package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// Errors Open returns, each with the fix in its message. The input package
// names the file before them.
var (
	ErrOldFormat = errors.New("an old binary workbook (.xls or WPS .et format inside), expected .xlsx: " +
		"open it in Excel or WPS and save it as Excel Workbook (*.xlsx)")
	ErrEncrypted = errors.New("the workbook is password-protected, expected an open workbook: " +
		"remove the password (Excel: File > Info > Protect Workbook > Encrypt with Password; WPS: 文件 > 文档加密) and save it again")
	ErrBinary = errors.New("an Excel binary workbook (.xlsb format inside), expected .xlsx: " +
		"save it as Excel Workbook (*.xlsx)")
)

// Bounds on what a workbook may make the reader decompress or hold.
const (
	maxPartBytes    = 64 << 20  // workbook.xml, relationships, styles
	maxStringsBytes = 256 << 20 // the shared strings part, decompressed (held in memory)
	maxStrings      = 1 << 24   // entries of the shared strings
	maxSheetBytes   = 1 << 30   // one worksheet, decompressed: 1,048,576 rows of a few columns fit
	maxColumns      = 16384     // XFD, Excel's last column
	maxMerges       = 1 << 20
)

// Workbook is an open .xlsx workbook.
type Workbook struct {
	parts    map[string]*zip.File   // by part name as stored
	folded   map[string][]*zip.File // by part name, ASCII letters lower-case
	sheets   []sheetInfo            // in tab order
	strs     *sharedStrings         // nil until a sheet is read
	strsPart string
	formats  []numFormat // by cell style (xf) index
	date1904 bool
	// fullCalc is set when the workbook asks to be recalculated on
	// opening (calcPr fullCalcOnLoad): Excel, WPS and LibreOffice then show
	// freshly computed values, not the cached ones a formula cell holds.
	fullCalc bool
}

type sheetInfo struct {
	name, part string
	hidden     bool // state="hidden" or "veryHidden"
}

// oleMagic starts a Compound File: the old binary formats, and the wrapper
// of an encrypted .xlsx.
var oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// Open reads the workbook's structure: its sheets, shared strings and cell
// formats. Rows are read later, one sheet at a time.
func Open(r io.ReaderAt, size int64) (*Workbook, error) {
	head := make([]byte, 8)
	if n, _ := r.ReadAt(head, 0); n == len(head) && bytes.Equal(head, oleMagic) {
		if oleHolds(r, size, "EncryptionInfo") {
			return nil, ErrEncrypted
		}
		return nil, ErrOldFormat
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, notWorkbook("not a zip archive")
	}
	w := &Workbook{parts: make(map[string]*zip.File, len(zr.File)), folded: make(map[string][]*zip.File, len(zr.File))}
	for _, f := range zr.File {
		name := strings.ReplaceAll(f.Name, `\`, "/")
		if _, dup := w.parts[name]; dup {
			return nil, damaged(fmt.Sprintf("part %s is stored twice", name))
		}
		w.parts[name] = f
		low := asciiLower(name)
		if other := w.folded[low]; len(other) > 0 {
			// OPC: "package implementers shall neither create nor recognize
			// packages with equivalent part names" (ECMA-376 Part 2,
			// M1.12); .NET's System.IO.Packaging refuses them since .NET 8,
			// LibreOffice reads the one spelt as the relationship spells it.
			return nil, damaged(fmt.Sprintf("parts %s and %s differ only in case, and a package may not hold both (part names are compared without regard to case: ECMA-376 Part 2, M1.12)", other[0].Name, name))
		}
		w.folded[low] = append(w.folded[low], f)
	}
	wbPart, err := w.officeDocument()
	if err != nil {
		return nil, err
	}
	if strings.HasSuffix(wbPart, ".bin") {
		return nil, ErrBinary
	}
	rels, err := w.relationships(wbPart)
	if err != nil {
		return nil, err
	}
	if err := w.readWorkbook(wbPart, rels); err != nil {
		return nil, err
	}
	for _, rel := range rels {
		switch {
		case strings.HasSuffix(rel.typ, "/sharedStrings"):
			w.strsPart = rel.target // read with the first sheet: listing sheets needs none
		case strings.HasSuffix(rel.typ, "/styles"):
			if w.formats, err = w.readStyles(rel.target); err != nil {
				return nil, err
			}
		}
	}
	return w, nil
}

// bookError is a workbook that cannot be read: what it is, why, and the
// fix. It is made once where the fault is met and never wrapped in
// another, so a message says the fix once.
type bookError struct{ what, why, fix string }

func (e *bookError) Error() string { return e.what + " (" + e.why + "): " + e.fix }

func notWorkbook(why string) error {
	return &bookError{"not an .xlsx workbook", why, "save it again from Excel or WPS as Excel Workbook (*.xlsx)"}
}

// damaged is the error of a workbook whose parts are readable but wrong.
func damaged(why string) error {
	return &bookError{"the workbook is damaged", why, "open it in Excel or WPS and save it again as Excel Workbook (*.xlsx)"}
}

// inPart says where a fault was met, unless it already says so.
func inPart(part string, err error) error {
	var be *bookError
	if errors.As(err, &be) {
		return err
	}
	return notWorkbook(fmt.Sprintf("%s: %v", part, err))
}

// Sheets returns the names of the worksheets in tab order.
func (w *Workbook) Sheets() []string {
	names := make([]string, len(w.sheets))
	for i, s := range w.sheets {
		names[i] = s.name
	}
	return names
}

// Hidden reports whether the sheet named name is hidden (state="hidden",
// or "veryHidden", which only a macro can show).
func (w *Workbook) Hidden(name string) bool {
	for _, s := range w.sheets {
		if s.name == name {
			return s.hidden
		}
	}
	return false
}

// part finds a part by name. Part names are case-insensitive (ECMA-376
// Part 2, M1.12) and Excel reads them so, but LibreOffice 7.4 does not:
// a sheet stored as xl/Worksheets/Sheet1.xml, named worksheets/sheet1.xml
// by the workbook, shows empty there (TestPartNameCaseAsLibreOffice). A
// part found only in another case than the workbook names it is refused,
// so no figure is read that one of them does not show.
func (w *Workbook) part(name string) (*zip.File, error) {
	if f, ok := w.parts[name]; ok {
		return f, nil
	}
	if fs := w.folded[asciiLower(name)]; len(fs) > 0 {
		return nil, damaged(fmt.Sprintf("the workbook names part %s but holds it as %s, in another case, which Excel reads and LibreOffice may not (a sheet so held shows empty there)", name, fs[0].Name))
	}
	return nil, notWorkbook("part " + name + " is missing")
}

// has reports whether the package holds a part of this name, in any case.
func (w *Workbook) has(name string) bool {
	return len(w.folded[asciiLower(name)]) > 0
}

// asciiLower folds ASCII letters only: part names are equivalent "when
// compared as case-insensitive ASCII strings" (M1.12), so 'İ' and 'i' stay
// apart.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// open opens a part for reading at most limit decompressed bytes.
func (w *Workbook) open(name string, limit int64) (io.ReadCloser, error) {
	f, err := w.part(name)
	if err != nil {
		return nil, err
	}
	rc, err := f.Open()
	if err != nil {
		return nil, notWorkbook(fmt.Sprintf("part %s cannot be read: %v", name, err))
	}
	return &limitedPart{rc: rc, name: name, left: limit}, nil
}

// limitedPart stops a part that decompresses past its bound (a zip bomb)
// and names the part in read faults.
type limitedPart struct {
	rc   io.ReadCloser
	name string
	left int64
}

func (p *limitedPart) Read(b []byte) (int, error) {
	if p.left <= 0 {
		return 0, notWorkbook(fmt.Sprintf("part %s decompresses to more than its bound", p.name))
	}
	if int64(len(b)) > p.left {
		b = b[:p.left]
	}
	n, err := p.rc.Read(b)
	p.left -= int64(n)
	if err != nil && err != io.EOF {
		err = damaged(fmt.Sprintf("part %s cannot be decompressed: %v", p.name, err))
	}
	return n, err
}

func (p *limitedPart) Close() error { return p.rc.Close() }

type relationship struct {
	id, typ, target string
}

// officeDocument returns the workbook part named by the package's root
// relationships (xl/workbook.xml when they are missing).
func (w *Workbook) officeDocument() (string, error) {
	if w.has("_rels/.rels") {
		rels, err := w.relationships("")
		if err != nil {
			return "", err
		}
		for _, r := range rels {
			if strings.HasSuffix(r.typ, "/officeDocument") {
				return r.target, nil
			}
		}
	}
	if w.has("xl/workbook.xml") {
		return "xl/workbook.xml", nil
	}
	if w.has("xl/workbook.bin") {
		return "xl/workbook.bin", nil
	}
	if w.has("content.xml") {
		return "", errors.New("an OpenDocument spreadsheet (.ods format inside), expected .xlsx: save it as Excel Workbook (*.xlsx)")
	}
	return "", notWorkbook("no workbook part")
}

// relationships reads the relationships of part (the package's own for
// ""), with targets resolved to part names.
func (w *Workbook) relationships(part string) ([]relationship, error) {
	dir, file := path.Split(part)
	rc, err := w.open(dir+"_rels/"+file+".rels", maxPartBytes)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	var rels []relationship
	s := newScanner(rc)
	for s.next() {
		if s.kind != tokStart || string(s.name) != "Relationship" {
			continue
		}
		if mode, _ := s.attr("TargetMode"); string(mode) == "External" {
			continue
		}
		id, _ := s.attr("Id")
		typ, _ := s.attr("Type")
		target, _ := s.attr("Target")
		rels = append(rels, relationship{string(id), string(typ), resolve(dir, string(target))})
	}
	if s.err != nil {
		return nil, inPart(fmt.Sprintf("relationships of %q", part), s.err)
	}
	return rels, nil
}

// resolve turns a relationship target into a part name.
func resolve(dir, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean("/"+dir+target), "/")
}

// readWorkbook reads the sheet list and the date system.
func (w *Workbook) readWorkbook(part string, rels []relationship) error {
	rc, err := w.open(part, maxPartBytes)
	if err != nil {
		return err
	}
	defer rc.Close()
	byID := make(map[string]relationship, len(rels))
	for _, r := range rels {
		byID[r.id] = r
	}
	s := newScanner(rc)
	for s.next() {
		if s.kind != tokStart {
			continue
		}
		switch string(s.name) {
		case "workbookPr":
			v, _ := s.attr("date1904")
			w.date1904 = isTrue(v)
		case "calcPr":
			v, _ := s.attr("fullCalcOnLoad")
			w.fullCalc = isTrue(v)
		case "sheet":
			name, _ := s.attr("name")
			id, _ := s.attr("id")
			rel, ok := byID[string(id)]
			if !ok || !strings.HasSuffix(rel.typ, "/worksheet") {
				continue // a chart sheet or a dangling entry holds no cells
			}
			state, _ := s.attr("state")
			hidden := string(state) == "hidden" || string(state) == "veryHidden"
			w.sheets = append(w.sheets, sheetInfo{name: string(name), part: rel.target, hidden: hidden})
		}
	}
	if s.err != nil {
		return inPart(part, s.err)
	}
	return nil
}

func isTrue(v []byte) bool { return string(v) == "1" || string(v) == "true" }

// oleHolds reports whether a Compound File names a stream: an encrypted
// .xlsx is a Compound File holding EncryptionInfo and EncryptedPackage.
// Directory entries store names in UTF-16LE; the search is bounded.
func oleHolds(r io.ReaderAt, size int64, stream string) bool {
	var want []byte
	for _, c := range stream {
		want = append(want, byte(c), 0)
	}
	const window = 1 << 20
	buf := make([]byte, window+len(want))
	for off := int64(0); off < size && off < 64<<20; off += window {
		n, _ := r.ReadAt(buf, off)
		if bytes.Contains(buf[:n], want) {
			return true
		}
		if n < len(buf) {
			break
		}
	}
	return false
}
