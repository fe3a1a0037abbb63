// Package vocab is the packet's one vocabulary: how figures, shares and
// periods are written for the briefing's readers (140万 and 1,400,000 for
// people, 52.0% for shares), in Chinese or English. Every renderer, and the
// notices that input and analysis raise, word things through it so the
// workbook, charts, PDF and Word file agree. It imports nothing of ours, so
// input, analysis and report can all use it.
package vocab
