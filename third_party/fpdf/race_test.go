//go:build race

package fpdf

// raceEnabled: the race detector changes what allocates.
const raceEnabled = true
