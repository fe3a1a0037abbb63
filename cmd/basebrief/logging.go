package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/basebrief/basebrief/analysis"
	"github.com/basebrief/basebrief/input"
)

// logger is the run's stderr: slog records, plus input errors in the
// contract's file:line:column form.
type logger struct {
	*slog.Logger
	w    io.Writer
	json bool
}

func newLogger(w io.Writer, format string) *logger {
	var h slog.Handler
	if format == "json" {
		h = slog.NewJSONHandler(w, nil)
	} else {
		h = slog.NewTextHandler(w, nil)
	}
	return &logger{slog.New(h), w, format == "json"}
}

// inputErrors prints each input error as one line, `figures.csv:14:3:
// members "一百四十" is not a number`, bare in text mode (as a compiler
// would, so editors and people read it) and as one record each in JSON.
func (l *logger) inputErrors(err error) {
	var es input.Errors
	if !errors.As(err, &es) {
		var e input.Error
		if !errors.As(err, &e) {
			return
		}
		es = input.Errors{e}
	}
	for _, e := range es {
		if l.json {
			l.Error(clean(e.Error()), "file", clean(e.File), "line", e.Line, "column", e.Column)
		} else {
			fmt.Fprintln(l.w, clean(e.Error()))
		}
	}
}

// warnings logs each warning of the data.
func (l *logger) warnings(ws []string) {
	for _, w := range ws {
		l.Warn(clean(w))
	}
}

// notices logs notices as warnings, with their code.
func (l *logger) notices(ns []analysis.Notice) {
	for _, n := range ns {
		l.Warn(clean(n.En), "code", n.Code)
	}
}

// fail logs the error that ends the run and returns it, so the exit status
// is still decided by exitCode.
func (l *logger) fail(err error, what string) error {
	var es input.Errors
	var e input.Error
	if errors.As(err, &es) || errors.As(err, &e) {
		l.inputErrors(err)
		var inv *input.Invalid
		if errors.As(err, &inv) {
			l.notices(inv.Notices) // warnings often explain the errors
		}
		n := len(es)
		if n == 0 {
			n = 1
		}
		l.Error("input invalid; nothing written", "errors", n)
		return err
	}
	l.Error(what, "err", clean(err.Error()))
	return err
}

// clean escapes what must not reach a log raw from the data: control
// characters (a newline would start a forged `level=ERROR` line, an escape
// sequence would drive the terminal), line and paragraph separators,
// bidirectional overrides (they reorder what a reader sees) and invalid
// UTF-8. They are written as Go escapes, \n, \x1b, \u202e; every other
// character, Chinese included, is left as it is.
func clean(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for len(s) > 0 {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case unsafeRune(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || unicode.Is(unicode.Bidi_Control, r)
}
