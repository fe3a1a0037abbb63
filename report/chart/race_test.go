//go:build race

package chart

// raceEnabled trims the slow 300-city renders under -race: the race
// detector needs the concurrent renders, not every fixture.
const raceEnabled = true
