// Package font holds the CJK TrueType face every renderer draws with:
// WenQuanYi Micro Hei (face 0 of Debian's fonts-wqy-microhei, Apache-2.0,
// see LICENSE-wqy-microhei.txt) embedded in the binary, or a TrueType file
// given with --font. It checks a face can really be used before anything is
// drawn, because the PDF library fails silently on CFF fonts and collections.
package font
