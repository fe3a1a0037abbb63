package workbook

// criterion is the criteria argument of COUNTIF(S)/SUMIF(S) that matches
// exactly the text of the cell ref. Passed bare, the cell's text is itself
// read as criteria: a region named 西部* would match 西部地区 too (a
// wildcard), one named <>东部 or =1 would be a comparison, and the
// recalculated workbook would disagree with summary.json and the PDF. So
// ~, * and ? are escaped with ~ (Excel's and LibreOffice's wildcard escape,
// ~ first) and "=" is put in front: "=" & text is "equal to text", whatever
// the text starts with.
func criterion(ref string) string {
	return `"="&SUBSTITUTE(SUBSTITUTE(SUBSTITUTE(` + ref + `,"~","~~"),"*","~*"),"?","~?")`
}
