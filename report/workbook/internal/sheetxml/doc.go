// Package sheetxml writes the rows of a worksheet part as SpreadsheetML
// directly, the bytes excelize's StreamWriter writes for the same cells,
// compressed as they are produced, and splices them into the sheet's frame
// (everything around <sheetData>) that excelize writes. See README.md for
// why, what it saves and the reference it is held to.
package sheetxml
