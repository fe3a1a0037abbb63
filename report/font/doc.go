// Package font holds the TrueType faces the renderers draw with, embedded
// in the binary: WenQuanYi Micro Hei (黑体, face 0 of Debian's
// fonts-wqy-microhei, Apache-2.0), Brief Kai GB (楷体, a GB2312 subset of
// LXGW WenKai, OFL-1.1) and AR PL SungtiL GB (宋体, Arphic Public
// License); see the LICENSE-*.txt files. A TrueType file given with --font
// takes the place of all three, with them as fallback. It checks a face can
// really be used before anything is drawn, because the PDF library fails
// silently on CFF fonts and collections, and says which face draws each
// character (Set.Pick), since a face draws nothing, silently, for a
// character it lacks. Face.Verify checks a --font deeply (tables, licence
// bits, every common hanzi's outline and advance, a trial PDF) so that a bad
// one is refused with a message, never drawn blank.
package font
