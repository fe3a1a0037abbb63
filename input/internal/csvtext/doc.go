// Package csvtext is the byte work under input: it turns the raw bytes of
// a CSV file into checked UTF-8 text (encoding detection, a fast GB18030
// decoder, hashing, bounds) and splits that text into records, each faster
// than the library it stands in for and held to it by tests and fuzz
// targets. The rules analysts see (headers, values, messages) live in
// package input; see README.md for why each fast path exists.
package csvtext
