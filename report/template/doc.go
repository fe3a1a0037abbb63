// Package template writes the input workbook analysts fill in
// (`basebrief template`): the three tables as sheets with their headers,
// example rows, dropdown lists for the columns with fixed values, a number
// format on the members column, a frozen header, and a sheet of
// instructions, in Chinese or English. Saved as data.xlsx in a data folder
// it is read as it stands; the input package reads it by sheet name.
package template
