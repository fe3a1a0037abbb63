// Package flatpng writes an opaque RGBA image as a PNG the way a chart
// needs: flat colours on white, most rows equal to the row above, most
// pixels equal to the one above or on their left. Its deflate stream is
// made for that picture instead of found by search: a row equal to the one
// above is a copy of it; in any other row only the pixels that differ from
// the row above are converted and looked at, and the encoder takes the
// longer of the run equal to the row above and the run equal to the pixel
// before, else a literal; one dynamic Huffman block per 64 Ki symbols. See
// README.md for what it saves and how it is checked against image/png.
package flatpng
