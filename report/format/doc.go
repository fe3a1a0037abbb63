// Package format writes figures the way the briefing's readers write them:
// 140万 and 1,400,000 for people, 52.0% for shares, in Chinese or English.
// Every renderer formats through it so the workbook, charts and PDF agree.
package format
