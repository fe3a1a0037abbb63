// Package testutil holds the setups that tests of several packages share:
// converting a file with LibreOffice (make check), counting a PDF's pages
// with poppler, writing a large generated file, whether the race detector
// is on (Race). Only _test.go files import
// it; it is no part of basebrief.
package testutil
