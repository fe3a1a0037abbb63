// Package readahead reads a stream on its own goroutine, a few chunks
// ahead of its consumer, so that reading, inflating or decoding runs on the
// other core while the consumer parses. The CSV decoder (csvtext) and the
// workbook sheet reader (sheet) both use it; it is held to a plain read of
// the same stream by its tests.
package readahead
