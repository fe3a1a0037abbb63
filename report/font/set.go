package font

import (
	_ "embed"
	"fmt"
	"sync"

	"golang.org/x/image/font/sfnt"
)

//go:embed kai-gb2312.ttf
var kaiGB []byte

//go:embed gbsn00lp.ttf
var songGB []byte

// Role is what a face is used for in an official document.
type Role int

const (
	Hei  Role = iota // 黑体: level-1 headings, key figures, tables, the masthead
	Kai              // 楷体: level-2 headings
	Song             // 宋体: body text
	roles
)

// Set is the faces a document is drawn with, one per role, and the order
// in which the others stand in for a character one lacks.
type Set struct {
	Faces [roles]*Face
	// all lists the distinct faces, the user's first.
	all []*Face
}

var (
	setOnce sync.Once
	setVal  *Set
	setErr  error
)

// Embedded returns the embedded faces.
func Embedded() (*Set, error) {
	setOnce.Do(func() {
		hei, err := Default()
		if err != nil {
			setErr = err
			return
		}
		kai, err := Parse("Brief Kai GB", kaiGB)
		if err != nil {
			setErr = fmt.Errorf("embedded kai face: %w", err)
			return
		}
		song, err := Parse("AR PL SungtiL GB", songGB)
		if err != nil {
			setErr = fmt.Errorf("embedded song face: %w", err)
			return
		}
		setVal = &Set{Faces: [roles]*Face{hei, kai, song}, all: []*Face{hei, kai, song}}
	})
	return setVal, setErr
}

// With returns the embedded set with f in every role, the embedded faces
// standing in for what f lacks; nil f gives the embedded set.
func With(f *Face) (*Set, error) {
	s, err := Embedded()
	if err != nil || f == nil {
		return s, err
	}
	for _, e := range s.all {
		if e == f {
			return s, nil
		}
	}
	out := &Set{Faces: [roles]*Face{f, f, f}, all: append([]*Face{f}, s.all...)}
	return out, nil
}

// All lists the distinct faces of the set.
func (s *Set) All() []*Face { return s.all }

// Has reports whether f has a glyph for r.
func (f *Face) Has(r rune) bool {
	f.index() // through the Once every time: two renderers share a face
	if r < 0x10000 {
		return f.has[r>>6]&(1<<(uint(r)&63)) != 0
	}
	var buf sfnt.Buffer
	gi, err := f.Font.GlyphIndex(&buf, r)
	return err == nil && gi != 0
}

// index builds the face's table of the Basic Multilingual Plane once:
// looked up per character, sfnt's cmap search would cost more than the
// drawing.
func (f *Face) index() {
	f.once.Do(func() {
		has := make([]uint64, 0x10000/64)
		var buf sfnt.Buffer
		for r := rune(0x20); r < 0x10000; r++ {
			if r >= 0xD800 && r < 0xE000 {
				continue
			}
			if gi, err := f.Font.GlyphIndex(&buf, r); err == nil && gi != 0 {
				has[r>>6] |= 1 << (uint(r) & 63)
			}
		}
		f.has = has
	})
}

// Pick returns the face that draws r in role: the role's own face if it
// has r, else the first of the others that has it; nil when none has it.
// Characters above U+FFFF always give nil: the PDF library's UTF-8 font
// code indexes a 65,536-entry table and cannot draw them.
func (s *Set) Pick(role Role, r rune) *Face {
	if r >= 0x10000 {
		return nil
	}
	if f := s.Faces[role]; f.Has(r) {
		return f
	}
	for _, f := range s.all {
		if f.Has(r) {
			return f
		}
	}
	return nil
}

// Missing returns the distinct runes of s no face of the set can draw
// (spaces and control characters ignored), in order of appearance.
func (s *Set) Missing(text string) []rune {
	var out []rune
	var seen map[rune]bool
	for _, r := range text {
		if r <= ' ' || (r >= 0x7F && r < 0xA0) {
			continue
		}
		if s.Pick(Hei, r) != nil {
			continue
		}
		if seen == nil {
			seen = map[rune]bool{}
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}
